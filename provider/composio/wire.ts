import { AuthConfigInputs, AuthConfigState } from "./state";

/** The auth config object as `GET /api/v3/auth_configs/{id}` returns it (masked). */
export interface ComposioAuthConfigObject {
  id: string;
  name: string;
  type: "default" | "custom";
  toolkit: { slug: string; logo?: string };
  status: "ENABLED" | "DISABLED";
  auth_scheme?: string | null;
  is_composio_managed: boolean;
  credentials?: Record<string, unknown> | null;
  proxy_config?: { proxy_url: string; proxy_auth_key?: string | null } | null;
  tool_access_config?: { tools_available_for_execution?: string[] | null; tools_for_connected_account_creation?: string[] | null } | null;
  shared_credentials?: Record<string, unknown> | null;
  is_enabled_for_tool_router?: boolean;
  created_at: string;
  last_updated_at: string;
}

/** Credential keys whose values reads return as set; every other value is masked (spec: Masking). */
const CUSTOM_PASSTHROUGH_KEYS = new Set(["client_id", "consumer_key", "scopes", "user_scopes"]);

/** The body of `POST /api/v3/auth_configs`. Note `authScheme`: camelCase on the wire, unlike the rest. */
export function createBody(inputs: AuthConfigInputs): Record<string, unknown> {
  const authConfig: Record<string, unknown> = {
    type: inputs.managed ? "use_composio_managed_auth" : "use_custom_auth",
    name: inputs.name,
  };
  if (!inputs.managed) {
    authConfig.authScheme = inputs.authScheme;
    if (inputs.credentials) authConfig.credentials = inputs.credentials;
    if (inputs.proxyConfig) authConfig.proxy_config = proxyConfigToWire(inputs.proxyConfig);
  } else if (inputs.scopes || inputs.userScopes) {
    authConfig.credentials = { ...(inputs.scopes && { scopes: inputs.scopes }), ...(inputs.userScopes && { user_scopes: inputs.userScopes }) };
  }
  if (inputs.toolAccessConfig) authConfig.tool_access_config = toolAccessConfigToWire(inputs.toolAccessConfig);
  if (inputs.sharedCredentials) authConfig.shared_credentials = inputs.sharedCredentials;
  if (inputs.isEnabledForToolRouter !== undefined) authConfig.is_enabled_for_tool_router = inputs.isEnabledForToolRouter;
  return { toolkit: { slug: inputs.toolkit }, auth_config: authConfig };
}

export function proxyConfigToWire(proxy: NonNullable<AuthConfigInputs["proxyConfig"]>): Record<string, string> {
  return { proxy_url: proxy.proxyUrl, ...(proxy.proxyAuthKey !== undefined && { proxy_auth_key: proxy.proxyAuthKey }) };
}

export function toolAccessConfigToWire(tools: NonNullable<AuthConfigInputs["toolAccessConfig"]>): Record<string, string[]> {
  return {
    ...(tools.toolsAvailableForExecution && { tools_available_for_execution: tools.toolsAvailableForExecution }),
    ...(tools.toolsForConnectedAccountCreation && { tools_for_connected_account_creation: tools.toolsForConnectedAccountCreation }),
  };
}

/**
 * Builds the resource state from what the API returned. Reads are masked, so for every secret the
 * stored value (from `known`) is kept when the API still has that key; a masked value never counts
 * as a change. Only the fields and keys that `known` declares are taken: what the user does not
 * manage is not theirs to see drift on. Without `known` (a `get`), every field is returned as read.
 *
 * `secretsKnown` is false when adopting a config we did not write: then the stored secrets are not
 * trusted to match, the masked values are kept, and the next PATCH resends the declared secrets.
 */
export function stateFromObject(object: ComposioAuthConfigObject, known: AuthConfigInputs | undefined, secretsKnown = true): AuthConfigState {
  const managed = object.is_composio_managed;
  const credentials = object.credentials ?? {};
  const computed = {
    status: object.status,
    isComposioManaged: managed,
    createdAt: object.created_at,
    lastUpdatedAt: object.last_updated_at,
  };
  const observed: AuthConfigState = {
    toolkit: object.toolkit.slug,
    name: object.name,
    managed,
    enabled: object.status === "ENABLED",
    ...computed,
  };
  if (!managed && object.auth_scheme) observed.authScheme = object.auth_scheme as AuthConfigState["authScheme"];

  if (!known) {
    // A plain read (`AuthConfig.get`): everything the API shows, masked values included.
    if (!managed && Object.keys(credentials).length > 0) observed.credentials = credentials as AuthConfigState["credentials"];
    if (managed && credentials.scopes !== undefined) observed.scopes = scopeList(credentials.scopes);
    if (managed && credentials.user_scopes !== undefined) observed.userScopes = scopeList(credentials.user_scopes);
    if (object.proxy_config) observed.proxyConfig = proxyFromWire(object.proxy_config, undefined, false);
    const tools = object.tool_access_config ?? {};
    observed.toolAccessConfig = {
      toolsAvailableForExecution: tools.tools_available_for_execution ?? [],
      toolsForConnectedAccountCreation: tools.tools_for_connected_account_creation ?? [],
    };
    if (object.shared_credentials && Object.keys(object.shared_credentials).length > 0) {
      observed.sharedCredentials = object.shared_credentials as Record<string, string>;
    }
    observed.isEnabledForToolRouter = object.is_enabled_for_tool_router ?? false;
    return observed;
  }

  if (known.authScheme === undefined) delete observed.authScheme;
  if (known.credentials) {
    const kept: Record<string, string | number | boolean> = {};
    for (const [key, storedValue] of Object.entries(known.credentials)) {
      if (!(key in credentials)) continue; // removed out of band: drift
      const readValue = credentials[key] as string | number | boolean;
      kept[key] = CUSTOM_PASSTHROUGH_KEYS.has(key) || !secretsKnown ? readValue : storedValue;
    }
    observed.credentials = kept;
  }
  if (known.scopes !== undefined) observed.scopes = unlessMasked(scopeList(credentials.scopes), known.scopes);
  if (known.userScopes !== undefined) observed.userScopes = unlessMasked(scopeList(credentials.user_scopes), known.userScopes);
  if (known.proxyConfig && object.proxy_config) {
    observed.proxyConfig = proxyFromWire(object.proxy_config, known.proxyConfig.proxyAuthKey, secretsKnown);
  }
  if (known.toolAccessConfig) {
    const tools = object.tool_access_config ?? {};
    observed.toolAccessConfig = {};
    if (known.toolAccessConfig.toolsAvailableForExecution !== undefined) {
      observed.toolAccessConfig.toolsAvailableForExecution = tools.tools_available_for_execution ?? [];
    }
    if (known.toolAccessConfig.toolsForConnectedAccountCreation !== undefined) {
      observed.toolAccessConfig.toolsForConnectedAccountCreation = tools.tools_for_connected_account_creation ?? [];
    }
  }
  if (known.sharedCredentials) {
    const read = object.shared_credentials ?? {};
    const kept: Record<string, string> = {};
    for (const [key, readValue] of Object.entries(read)) {
      const stored = known.sharedCredentials[key];
      kept[key] = secretsKnown && stored !== undefined ? stored : String(readValue);
    }
    observed.sharedCredentials = kept;
  }
  if (known.isEnabledForToolRouter !== undefined) observed.isEnabledForToolRouter = object.is_enabled_for_tool_router ?? false;
  return observed;
}

function proxyFromWire(proxy: NonNullable<ComposioAuthConfigObject["proxy_config"]>, storedKey: string | undefined, secretsKnown: boolean): AuthConfigState["proxyConfig"] {
  const result: NonNullable<AuthConfigState["proxyConfig"]> = { proxyUrl: proxy.proxy_url };
  const hasKey = proxy.proxy_auth_key !== undefined && proxy.proxy_auth_key !== null;
  if (hasKey) result.proxyAuthKey = secretsKnown && storedKey !== undefined ? storedKey : String(proxy.proxy_auth_key);
  return result;
}

/** The spec's masked value. Scopes pass through today; should the API ever mask them, a masked read is never drift. */
const MASKED = "REDACTED";

function unlessMasked(read: string[], stored: string[]): string[] {
  return read.includes(MASKED) ? stored : read;
}

/** Scopes come back as a comma-separated string or a list; the state always holds a list. */
function scopeList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string") return value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  return [];
}
