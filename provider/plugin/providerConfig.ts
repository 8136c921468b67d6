import type { SettingsSource } from "../core/settings";
import { PACKAGE } from "./resourceTypes";
import { unwrapSecrets } from "./secretValues";

/**
 * The plugin's provider configuration, as a settings source for the core (core/settings.ts stays the
 * one place that resolves a connection). One package, one config namespace: the dynamic provider's
 * `composio:apiKey` is the plugin's `authconfig:composioApiKey`, in stack config (the default
 * provider) or as the property `composioApiKey` of an explicit provider resource.
 */

/** `authconfig:composioApiKey` for the API `composio` and the setting `apiKey`. */
export function pluginSettingKey(namespace: string, setting: string): string {
  return `${PACKAGE}:${namespace}${setting[0].toUpperCase()}${setting.slice(1)}`;
}

/** What Configure receives: the provider's properties (secrets still wrapped) and which provider it is. */
export interface ProviderConfiguration {
  /** By property name (`composioApiKey`). */
  readonly values: Record<string, unknown>;
  /** The provider resource's name: `default` (or `default_<version>`) for the one made from stack config. */
  readonly providerName: string;
}

/** The engine's name for the provider it makes from stack config when a resource names none. */
const isDefaultProvider = (name: string) => name === "" || /^default(_|$)/.test(name);

/** Unknown values (an explicit provider's input not known during preview) read as not set. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function providerSettingsSource(configuration: ProviderConfiguration): SettingsSource {
  const values = unwrapSecrets(configuration.values) as Record<string, unknown>;
  const property = (key: string) => key.slice(PACKAGE.length + 1);
  const fromStackConfig = isDefaultProvider(configuration.providerName);
  const provider = `provider "${configuration.providerName}"`;
  return {
    keyOf: pluginSettingKey,
    get(key) {
      const value = values[property(key)];
      return value === undefined || value === null || value === UNKNOWN ? undefined : String(value);
    },
    describe: (key) => (fromStackConfig ? `stack config ${key}` : `property ${property(key)} of ${provider}`),
    howToSetApiKey: (key) =>
      fromStackConfig ? `\`pulumi config set --secret ${key} <key>\` (or ${property(key)} on an explicit provider)` : `the property ${property(key)} of ${provider}`,
  };
}
