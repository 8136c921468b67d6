import { CredentialValue, SCOPE_KEYS, StoredAuthConfig, wireType } from "./authConfig";

/** Custom-config credential keys that are identifiers, not secrets (spec: Masking). */
const CUSTOM_PASSTHROUGH_KEYS = ["client_id", "consumer_key"];

const REDACTED = "REDACTED";

/**
 * The auth config object as reads return it (spec: The auth config object, Masking): secrets
 * never leave the emulator. Managed credentials read `REDACTED`; custom ones keep 4 characters.
 */
export function authConfigObject(config: StoredAuthConfig): Record<string, unknown> {
  return wireObject(config, false);
}

/**
 * What `GET /_emulator/store` shows: the same object with every secret as stored, and whether the
 * config was deleted (a test tool, to check which secrets a config really holds).
 */
export function revealedAuthConfigObject(config: StoredAuthConfig): Record<string, unknown> {
  return { ...wireObject(config, true), deleted: config.deleted };
}

function wireObject(config: StoredAuthConfig, reveal: boolean): Record<string, unknown> {
  return {
    id: config.id,
    uuid: config.uuid,
    type: wireType(config),
    toolkit: { slug: config.toolkitSlug, logo: `https://logos.composio.dev/api/${encodeURIComponent(config.toolkitSlug)}` },
    name: config.name,
    status: config.status,
    no_of_connections: 0,
    auth_scheme: config.authScheme,
    is_composio_managed: config.managed,
    credentials: reveal ? structuredClone(config.credentials) : maskedCredentials(config),
    proxy_config: config.proxyConfig && {
      proxy_url: config.proxyConfig.proxy_url,
      ...(config.proxyConfig.proxy_auth_key !== undefined && { proxy_auth_key: reveal ? config.proxyConfig.proxy_auth_key : REDACTED }),
    },
    tool_access_config: {
      tools_for_connected_account_creation: [...config.toolAccessConfig.tools_for_connected_account_creation],
      tools_available_for_execution: [...config.toolAccessConfig.tools_available_for_execution],
    },
    shared_credentials: reveal
      ? { ...config.sharedCredentials }
      : Object.fromEntries(Object.keys(config.sharedCredentials).map((key) => [key, REDACTED])),
    is_enabled_for_tool_router: config.isEnabledForToolRouter,
    restrict_to_following_tools: [...config.restrictToFollowingTools],
    created_at: new Date(config.createdAt).toISOString(),
    last_updated_at: new Date(config.lastUpdatedAt).toISOString(),
    expected_input_fields: [],
  };
}

function maskedCredentials(config: StoredAuthConfig): Record<string, CredentialValue> {
  const masked: Record<string, CredentialValue> = {};
  for (const [key, value] of Object.entries(config.credentials)) {
    // Scopes are settings, not secrets (spec: Emulator decision), for both types.
    if (SCOPE_KEYS.includes(key)) masked[key] = Array.isArray(value) ? [...value] : value;
    else if (config.managed) masked[key] = REDACTED;
    else masked[key] = CUSTOM_PASSTHROUGH_KEYS.includes(key) ? value : obfuscated(value);
  }
  return masked;
}

/**
 * The first 4 characters and `...`; values of 4 characters or fewer become `...` so that no
 * secret is ever shown whole. Numbers and booleans are masked as their text.
 */
export function obfuscated(value: CredentialValue): string {
  const text = String(value);
  return text.length > 4 ? `${text.slice(0, 4)}...` : "...";
}
