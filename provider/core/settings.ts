import { createHash } from "node:crypto";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { AuthConfigError } from "./errors";
import { DEFAULT_RETRY_POLICY } from "./retry";

/** Where and how the provider reaches one API. Resolved when an operation runs; never serialized into state. */
export interface Connection {
  readonly apiKey: string;
  readonly baseUrl: string;
  /** The user's ceiling; undefined (the default) leaves the pace to the API's rate-limit headers and 429s. */
  readonly maxRequestsPerMinute: number | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Where the API key came from, e.g. `stack config composio:apiKey`: said when the API refuses the key. */
  readonly apiKeySource: string;
  /** Where the base URL came from (`default` when it was not set): said when the API cannot be reached. */
  readonly baseUrlSource: string;
}

/** The settings of one API: its stack config namespace, environment variable prefix and defaults. */
export interface SettingsSpec {
  /** Stack config namespace, e.g. `composio` for `composio:apiKey`. */
  readonly namespace: string;
  /** Environment variable prefix, e.g. `COMPOSIO` for `COMPOSIO_API_KEY`. */
  readonly envPrefix: string;
  /** The product's name, for messages. */
  readonly product: string;
  readonly defaultBaseUrl: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Each setting's stack config key (after `<namespace>:`) and environment variable (after `<PREFIX>_`). */
const SETTING_NAMES = {
  apiKey: ["apiKey", "API_KEY"],
  baseUrl: ["baseUrl", "BASE_URL"],
  maxRequestsPerMinute: ["maxRequestsPerMinute", "MAX_REQUESTS_PER_MINUTE"],
  timeoutMs: ["requestTimeoutMs", "REQUEST_TIMEOUT_MS"],
  maxRetries: ["maxRetries", "MAX_RETRIES"],
} as const;
type SettingName = keyof typeof SETTING_NAMES;

/** One setting as documentation shows it (the plugin's schema): its key suffix, environment variable, type and meaning. */
export interface SettingDoc {
  /** After the namespace: `apiKey` (`composio:apiKey`, or the plugin's `authconfig:composioApiKey`). */
  readonly setting: string;
  readonly envName: string;
  readonly type: "string" | "number" | "integer";
  readonly secret: boolean;
  readonly description: string;
}

/** Every setting of one API, described from the same names and defaults that resolution uses. */
export function settingDocs(spec: SettingsSpec): SettingDoc[] {
  const env = (name: SettingName) => `${spec.envPrefix}_${SETTING_NAMES[name][1]}`;
  const doc = (name: SettingName, type: SettingDoc["type"], description: string): SettingDoc => ({
    setting: SETTING_NAMES[name][0],
    envName: env(name),
    type,
    secret: name === "apiKey",
    description: `${description} Falls back to the ${env(name)} environment variable.`,
  });
  return [
    doc("apiKey", "string", `The ${spec.product} API key.`),
    doc("baseUrl", "string", `The ${spec.product} API's base URL (default ${spec.defaultBaseUrl}).`),
    doc("maxRequestsPerMinute", "number", `At most this many requests per minute to ${spec.product}, spaced evenly. Unset (the default), requests go as fast as the API's rate-limit headers allow, and a 429 pauses them all.`),
    doc("timeoutMs", "number", `How long one request may take, in milliseconds (default ${DEFAULT_TIMEOUT_MS}).`),
    doc("maxRetries", "integer", `How often a request that failed for a passing reason (429, 5xx, a dropped connection) is tried again (default ${DEFAULT_RETRY_POLICY.maxRetries}).`),
  ];
}

/**
 * Where the settings come from besides the environment: the dynamic provider's stack config, or
 * the native plugin's provider configuration. The one thing that differs between the two is how a
 * setting's key is spelled and how messages name it; resolution, checks and hints are the same.
 */
export interface SettingsSource {
  /** The key of one API's setting: `composio:apiKey` for the dynamic provider, `authconfig:composioApiKey` for the plugin. */
  keyOf(namespace: string, setting: string): string;
  /** The value set under that key, if any. */
  get(key: string): string | undefined;
  /** Where a value set under that key came from, for messages: `stack config composio:apiKey`. */
  describe(key: string): string;
  /** How to set the API key, for the message when there is none: a command or a property. */
  howToSetApiKey(key: string): string;
  /**
   * The values are the ones set now, never a copy the engine recorded at the last `up` (the program's
   * own stack config): messages then need not explain `--run-program`.
   */
  readonly current?: boolean;
}

/** The dynamic provider's settings: stack config `<namespace>:<setting>`. */
export function stackConfigSource(config: dynamic.Config | undefined): SettingsSource {
  return {
    keyOf: (namespace, setting) => `${namespace}:${setting}`,
    get: (key) => config?.get(key),
    describe: (key) => `stack config ${key}`,
    howToSetApiKey: (key) => `\`pulumi config set --secret ${key} <key>\``,
  };
}

/**
 * The settings source `configure` set; read again on every call, so nothing is captured. For
 * `refresh` and `destroy` without `--run-program` this is the config recorded at the last `up`.
 */
let settingsSource: SettingsSource = stackConfigSource(undefined);

/**
 * Stack config as the program itself reads it (the SDK's lookups run in the program's process): the
 * same keys as the dynamic provider's, read from the config of this run.
 */
export function programConfigSource(get: (key: string) => string | undefined): SettingsSource {
  return { ...stackConfigSource(undefined), get, current: true };
}

/** The settings source the plugin's Configure makes (see provider/plugin/providerConfig.ts). */
export function setSettingsSource(next: SettingsSource): void {
  settingsSource = next;
}

/** The stack config the engine gave the dynamic provider's `configure`. */
export function setStackConfig(config: dynamic.Config | undefined): void {
  settingsSource = stackConfigSource(config);
}

/** A setting's value and where it came from. The settings source wins over the environment; a value set but empty is an error. */
function setting(spec: SettingsSpec, name: SettingName, source: SettingsSource): { value: string; source: string } | undefined {
  const [configSuffix, envSuffix] = SETTING_NAMES[name];
  const key = source.keyOf(spec.namespace, configSuffix);
  const envName = `${spec.envPrefix}_${envSuffix}`;
  const fromConfig = source.get(key);
  if (fromConfig !== undefined) return nonEmpty(fromConfig, source.describe(key));
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined) return nonEmpty(fromEnv, `environment variable ${envName}`);
  return undefined;
}

function nonEmpty(value: string, source: string): { value: string; source: string } {
  // An empty value is a mistake (an unset variable in a pipeline), never "use the default": the default is production.
  if (value.trim() === "") throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `${source} is set but empty; set a value or remove it`);
  return { value, source };
}

function positiveNumber<F extends number | undefined>(spec: SettingsSpec, source: SettingsSource, name: SettingName, fallback: F, { integer = false, allowZero = false } = {}): number | F {
  const found = setting(spec, name, source);
  if (found === undefined) return fallback;
  const value = Number(found.value);
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && (!integer || Number.isInteger(value));
  if (!ok) {
    throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `${found.source} must be a ${integer ? "whole " : ""}number${allowZero ? "" : " above 0"}, got ${JSON.stringify(found.value)}`);
  }
  return value;
}

/**
 * Resolves one API's connection settings now, with a clear error for each one that is missing or
 * wrong. `source`: where settings come from besides the environment (default: what the provider was configured with).
 */
export function resolveConnection(spec: SettingsSpec, source: SettingsSource = settingsSource): Connection {
  const apiKey = setting(spec, "apiKey", source);
  if (!apiKey) {
    throw new AuthConfigError(
      "AUTHCONFIG_NO_API_KEY",
      `No ${spec.product} API key: set it with ${source.howToSetApiKey(source.keyOf(spec.namespace, "apiKey"))} or the ${spec.envPrefix}_API_KEY environment variable`,
    );
  }
  const base = setting(spec, "baseUrl", source);
  const baseUrl = base?.value ?? spec.defaultBaseUrl;
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `${base?.source ?? source.keyOf(spec.namespace, "baseUrl")} must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return {
    apiKey: apiKey.value,
    baseUrl,
    maxRequestsPerMinute: positiveNumber(spec, source, "maxRequestsPerMinute", undefined),
    timeoutMs: positiveNumber(spec, source, "timeoutMs", DEFAULT_TIMEOUT_MS),
    maxRetries: positiveNumber(spec, source, "maxRetries", DEFAULT_RETRY_POLICY.maxRetries, { integer: true, allowZero: true }),
    apiKeySource: apiKey.source,
    baseUrlSource: base?.source ?? "default",
  };
}

/** Why a value from (stack or provider) config may be stale: what `refresh`, `destroy` and `preview --refresh` use. */
function recordedConfigNote(source: string, setting: string, settings: SettingsSource): string {
  if (source.startsWith("environment variable") || settings.current) return "";
  const recorded = source.startsWith("stack config") ? "the stack config" : "the provider configuration";
  return (
    `; without --run-program, \`pulumi refresh\`, \`pulumi preview --refresh\` and \`pulumi destroy\` use ${recorded} recorded at the last \`pulumi up\`, ` +
    `so if ${setting} changed since, run them with --run-program (or set PULUMI_RUN_PROGRAM=true), or run \`pulumi up\` first`
  );
}

/** What a refused key's message adds: where the key came from and a fingerprint to compare keys by, never the key. */
export function describeApiKey(connection: Connection, spec: SettingsSpec, source: SettingsSource = settingsSource): string {
  const fingerprint = createHash("sha256").update(connection.apiKey).digest("hex").slice(0, 8);
  return `The API key used came from ${connection.apiKeySource} (sha256 fingerprint ${fingerprint})${recordedConfigNote(connection.apiKeySource, source.keyOf(spec.namespace, "apiKey"), source)}.`;
}

/** What an unreachable API's message adds: where the base URL came from. */
export function describeBaseUrl(connection: Connection, spec: SettingsSpec, source: SettingsSource = settingsSource): string {
  const key = source.keyOf(spec.namespace, "baseUrl");
  const from = connection.baseUrlSource === "default" ? `the default (set ${key} or ${spec.envPrefix}_BASE_URL to change it)` : connection.baseUrlSource;
  return `The base URL ${connection.baseUrl} came from ${from}${recordedConfigNote(connection.baseUrlSource, key, source)}`;
}
