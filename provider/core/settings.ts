import { createHash } from "node:crypto";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { AuthConfigError } from "./errors";
import { DEFAULT_RETRY_POLICY } from "./retry";

/** Where and how the provider reaches one API. Resolved when an operation runs; never serialized into state. */
export interface Connection {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly maxRequestsPerMinute: number;
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
  /** Below the API's published limit, so that other clients of the same account keep room. */
  readonly defaultMaxRequestsPerMinute: number;
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

/**
 * The stack config the engine gave `configure`; read again on every call, so nothing is captured.
 * For `refresh` and `destroy` without `--run-program` this is the config recorded at the last `up`.
 */
let stackConfig: dynamic.Config | undefined;

/** The config key of one setting: `composio:apiKey` for the dynamic provider; the plugin names its own. */
export type ConfigKeyNamer = (namespace: string, setting: string) => string;
const dynamicProviderKey: ConfigKeyNamer = (namespace, setting) => `${namespace}:${setting}`;
let configKey: ConfigKeyNamer = dynamicProviderKey;

/** The settings the engine gave `configure`, and how their keys are named (the dynamic provider's by default). */
export function setStackConfig(config: dynamic.Config | undefined, keyNamer: ConfigKeyNamer = dynamicProviderKey): void {
  stackConfig = config;
  configKey = keyNamer;
}

/** A setting's value and where it came from. Stack config wins over the environment; a value set but empty is an error. */
function setting(spec: SettingsSpec, name: SettingName): { value: string; source: string } | undefined {
  const [configSuffix, envSuffix] = SETTING_NAMES[name];
  const key = configKey(spec.namespace, configSuffix);
  const envName = `${spec.envPrefix}_${envSuffix}`;
  const fromConfig = stackConfig?.get(key);
  if (fromConfig !== undefined) return nonEmpty(fromConfig, `stack config ${key}`);
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined) return nonEmpty(fromEnv, `environment variable ${envName}`);
  return undefined;
}

function nonEmpty(value: string, source: string): { value: string; source: string } {
  // An empty value is a mistake (an unset variable in a pipeline), never "use the default": the default is production.
  if (value.trim() === "") throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `${source} is set but empty; set a value or remove it`);
  return { value, source };
}

function positiveNumber(spec: SettingsSpec, name: SettingName, fallback: number, { integer = false, allowZero = false } = {}): number {
  const found = setting(spec, name);
  if (found === undefined) return fallback;
  const value = Number(found.value);
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && (!integer || Number.isInteger(value));
  if (!ok) {
    throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `${found.source} must be a ${integer ? "whole " : ""}number${allowZero ? "" : " above 0"}, got ${JSON.stringify(found.value)}`);
  }
  return value;
}

/** Resolves one API's connection settings now, with a clear error for each one that is missing or wrong. */
export function resolveConnection(spec: SettingsSpec): Connection {
  const apiKey = setting(spec, "apiKey");
  if (!apiKey) {
    throw new AuthConfigError(
      "AUTHCONFIG_NO_API_KEY",
      `No ${spec.product} API key: set it with \`pulumi config set --secret ${configKey(spec.namespace, "apiKey")} <key>\` or the ${spec.envPrefix}_API_KEY environment variable`,
    );
  }
  const base = setting(spec, "baseUrl");
  const baseUrl = base?.value ?? spec.defaultBaseUrl;
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `${base?.source ?? configKey(spec.namespace, "baseUrl")} must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return {
    apiKey: apiKey.value,
    baseUrl,
    maxRequestsPerMinute: positiveNumber(spec, "maxRequestsPerMinute", spec.defaultMaxRequestsPerMinute),
    timeoutMs: positiveNumber(spec, "timeoutMs", DEFAULT_TIMEOUT_MS),
    maxRetries: positiveNumber(spec, "maxRetries", DEFAULT_RETRY_POLICY.maxRetries, { integer: true, allowZero: true }),
    apiKeySource: apiKey.source,
    baseUrlSource: base?.source ?? "default",
  };
}

/** Why a value from stack config may be stale: what `refresh`, `destroy` and `preview --refresh` use. */
function recordedConfigNote(source: string, setting: string): string {
  if (!source.startsWith("stack config")) return "";
  return (
    `; \`pulumi refresh\`, \`pulumi preview --refresh\` and \`pulumi destroy\` use the stack config recorded at the last \`pulumi up\`, ` +
    `so after changing ${setting} run them with --run-program (or set PULUMI_RUN_PROGRAM=true), or run \`pulumi up\` first`
  );
}

/** What a refused key's message adds: where the key came from and a fingerprint to compare keys by, never the key. */
export function describeApiKey(connection: Connection, spec: SettingsSpec): string {
  const fingerprint = createHash("sha256").update(connection.apiKey).digest("hex").slice(0, 8);
  return `The API key used came from ${connection.apiKeySource} (sha256 fingerprint ${fingerprint})${recordedConfigNote(connection.apiKeySource, configKey(spec.namespace, "apiKey"))}.`;
}

/** What an unreachable API's message adds: where the base URL came from. */
export function describeBaseUrl(connection: Connection, spec: SettingsSpec): string {
  const source = connection.baseUrlSource === "default" ? `the default (set ${configKey(spec.namespace, "baseUrl")} or ${spec.envPrefix}_BASE_URL to change it)` : connection.baseUrlSource;
  return `The base URL ${connection.baseUrl} came from ${source}${recordedConfigNote(connection.baseUrlSource, configKey(spec.namespace, "baseUrl"))}`;
}
