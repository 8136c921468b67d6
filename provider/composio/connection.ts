import type * as dynamic from "@pulumi/pulumi/dynamic";
import { AuthConfigError } from "../core/errors";
import { DEFAULT_RETRY_POLICY } from "../core/retry";

/** Where and how the provider reaches the Composio API. Never serialized into state. */
export interface ComposioConnection {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly maxRequestsPerMinute: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

export const DEFAULT_BASE_URL = "https://backend.composio.dev";
/** Below the Hobby plan's 2,000 per minute, so that other clients of the same organisation keep room. */
export const DEFAULT_MAX_REQUESTS_PER_MINUTE = 1000;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Each setting: its stack config key and its environment variable. Stack config wins. */
const SETTINGS = {
  apiKey: ["composio:apiKey", "COMPOSIO_API_KEY"],
  baseUrl: ["composio:baseUrl", "COMPOSIO_BASE_URL"],
  maxRequestsPerMinute: ["composio:maxRequestsPerMinute", "COMPOSIO_MAX_REQUESTS_PER_MINUTE"],
  timeoutMs: ["composio:requestTimeoutMs", "COMPOSIO_REQUEST_TIMEOUT_MS"],
  maxRetries: ["composio:maxRetries", "COMPOSIO_MAX_RETRIES"],
} as const;

/** The stack config seen by `configure`; read again on every call, so nothing is captured. */
let stackConfig: dynamic.Config | undefined;

export function setStackConfig(config: dynamic.Config | undefined): void {
  stackConfig = config;
}

function setting(name: keyof typeof SETTINGS): string | undefined {
  const [configKey, envName] = SETTINGS[name];
  const fromConfig = stackConfig?.get(configKey);
  if (fromConfig !== undefined && fromConfig !== "") return fromConfig;
  const fromEnv = process.env[envName];
  return fromEnv !== undefined && fromEnv !== "" ? fromEnv : undefined;
}

function positiveNumber(name: keyof typeof SETTINGS, fallback: number, { integer = false, allowZero = false } = {}): number {
  const text = setting(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  const ok = Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && (!integer || Number.isInteger(value));
  if (!ok) {
    const [configKey, envName] = SETTINGS[name];
    throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `${configKey} (or ${envName}) must be a ${integer ? "whole " : ""}number${allowZero ? "" : " above 0"}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Resolves the connection settings now, with a clear error for each one that is missing or wrong. */
export function composioConnection(): ComposioConnection {
  const apiKey = setting("apiKey");
  if (!apiKey) {
    throw new AuthConfigError(
      "AUTHCONFIG_NO_API_KEY",
      "No Composio API key: set it with `pulumi config set --secret composio:apiKey <key>` or the COMPOSIO_API_KEY environment variable",
    );
  }
  const baseUrl = setting("baseUrl") ?? DEFAULT_BASE_URL;
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new AuthConfigError("AUTHCONFIG_BAD_SETTING", `composio:baseUrl (or COMPOSIO_BASE_URL) must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return {
    apiKey,
    baseUrl,
    maxRequestsPerMinute: positiveNumber("maxRequestsPerMinute", DEFAULT_MAX_REQUESTS_PER_MINUTE),
    timeoutMs: positiveNumber("timeoutMs", DEFAULT_TIMEOUT_MS),
    maxRetries: positiveNumber("maxRetries", DEFAULT_RETRY_POLICY.maxRetries, { integer: true, allowZero: true }),
  };
}
