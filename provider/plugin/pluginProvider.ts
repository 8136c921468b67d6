import type { Provider } from "@pulumi/pulumi/provider";
import { dynamicProviderFor, DynamicProviderMethods } from "../core/dynamicProvider";
import { setStackConfig } from "../core/settings";
import { PACKAGE, PLUGIN_RESOURCES, PluginResource } from "./resourceTypes";
import { unwrapSecrets, wrapSecretPaths } from "./secretValues";

type Props = Record<string, unknown>;

/** `authconfig:composioApiKey` for the dynamic provider's `composio:apiKey`: one package, one config namespace. */
export const pluginConfigKey = (namespace: string, setting: string) => `${PACKAGE}:${namespace}${setting[0].toUpperCase()}${setting.slice(1)}`;

/**
 * The plugin's provider: a thin adapter over the same core the dynamic resources run. It picks the
 * resource's definition by the URN's type, unwraps secrets going in, wraps the secret paths going
 * out, and gives the core what the dynamic SDK classes would (the logical name and URN).
 */
export function pluginProvider(version: string, schema: string): Provider & { configure(config: Props): void } {
  const served = new Map<string, { resource: PluginResource; methods: DynamicProviderMethods }>(
    PLUGIN_RESOURCES.map((resource) => [resource.token, { resource, methods: dynamicProviderFor(resource.definition) }]),
  );
  const forUrn = (urn: string) => {
    const type = urn.split("::")[2]?.split("$").pop() ?? "";
    const found = served.get(type);
    if (!found) throw new Error(`pulumi-resource-${PACKAGE} does not serve ${type}; it serves ${[...served.keys()].join(", ")}`);
    return found;
  };
  const secretPaths = (urn: string) => forUrn(urn).resource.definition.secretPaths;
  const out = (urn: string, props: Props | undefined) => (props === undefined ? undefined : wrapSecretPaths(props, secretPaths(urn)));
  const plain = (props: unknown) => (unwrapSecrets(props ?? {}) as Props);

  return {
    version,
    getSchema: async () => schema,

    /** Provider configuration (`authconfig:composioApiKey`...), from the Configure request the server does not pass on. */
    configure(config: Props) {
      const values = plain(config);
      setStackConfig({ get: (key: string) => { const value = values[key.slice(PACKAGE.length + 1)]; return value === undefined ? undefined : String(value); } } as never, pluginConfigKey);
    },

    async check(urn, olds, news) {
      const logicalName = urn.slice(urn.lastIndexOf("::") + 2);
      const { methods } = forUrn(urn);
      const result = await methods.check(plain(olds), { ...plain(news), __logicalName: logicalName, __urn: urn });
      return { inputs: out(urn, result.inputs as Props), failures: result.failures };
    },

    async diff(id, urn, olds, news) {
      return forUrn(urn).methods.diff(id, plain(olds), plain(news));
    },

    async create(urn, inputs) {
      const result = await forUrn(urn).methods.create(plain(inputs));
      return { id: result.id, outs: out(urn, result.outs as Props) };
    },

    async read(id, urn, props) {
      const { methods, resource } = forUrn(urn);
      const known = props && Object.keys(props).length > 0 ? plain(props) : undefined;
      const result = await methods.read(id, known);
      if (!result.id) return { id: "", props: {} };
      const state = result.props as Props;
      // An import (no properties yet) needs the declarable fields as inputs, or the engine refuses it.
      const inputs = (result.inputs as Props | undefined) ?? Object.fromEntries(resource.definition.diffedKeys.filter((key) => state[key] !== undefined).map((key) => [key, state[key]]));
      return { id: result.id, props: out(urn, state), inputs: out(urn, inputs) };
    },

    async update(id, urn, olds, news) {
      const result = await forUrn(urn).methods.update(id, plain(olds), plain(news));
      return { outs: out(urn, result.outs as Props) };
    },

    async delete(id, urn, props) {
      await forUrn(urn).methods.delete(id, plain(props));
    },
  };
}
