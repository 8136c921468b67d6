/**
 * The auth schemes a customer-owned auth config may use (spec: composio-v3.md, Create body).
 * Deliberately not shared with the provider: the emulator checks clients against the spec, so a
 * mistake in the client's list must not become the emulator's too.
 */
export const AUTH_SCHEMES = [
  "OAUTH2",
  "OAUTH1",
  "S2S_OAUTH2",
  "API_KEY",
  "BASIC",
  "BEARER_TOKEN",
  "BILLCOM_AUTH",
  "GOOGLE_SERVICE_ACCOUNT",
  "NO_AUTH",
  "BASIC_WITH_JWT",
  "CALCOM_AUTH",
  "SERVICE_ACCOUNT",
  "SAML",
  "DCR_OAUTH",
] as const;

/**
 * What managed configs report as `auth_scheme`. The spec does not say; Composio manages the
 * OAuth apps of toolkits, so the emulator answers OAUTH2. Clients must not rely on it.
 */
export const MANAGED_AUTH_SCHEME = "OAUTH2";

/** Credential keys that are settings rather than secrets: they may be string arrays and are never masked. */
export const SCOPE_KEYS: readonly string[] = ["scopes", "user_scopes"];

/** A stored credential value: secrets are strings, numbers or booleans; scopes may also be lists. */
export type CredentialValue = string | number | boolean | string[];

/** A stored shared-credential value. */
export type SharedCredentialValue = string | number | boolean;

export interface ProxyConfig {
  proxy_url: string;
  proxy_auth_key?: string;
}

export interface ToolAccessConfig {
  tools_for_connected_account_creation: string[];
  tools_available_for_execution: string[];
}

/** The settable part of an auth config: what a create sets and a PATCH changes. */
export interface AuthConfigSettings {
  name: string;
  credentials: Record<string, CredentialValue>;
  proxyConfig: ProxyConfig | null;
  toolAccessConfig: ToolAccessConfig;
  sharedCredentials: Record<string, SharedCredentialValue>;
  isEnabledForToolRouter: boolean;
  restrictToFollowingTools: string[];
}

/** An auth config as the emulator stores it: unmasked, with the values that were sent. */
export interface StoredAuthConfig extends AuthConfigSettings {
  readonly id: string;
  readonly uuid: string;
  readonly toolkitSlug: string;
  /** `use_composio_managed_auth` (wire `type: "default"`) rather than `use_custom_auth` (`"custom"`). */
  readonly managed: boolean;
  readonly authScheme: string;
  status: "ENABLED" | "DISABLED";
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  lastUpdatedAt: number;
  /** Soft delete: the object stays in the store but answers 404. */
  deleted: boolean;
}

/** `type` as reads and PATCH bodies spell it. */
export function wireType(config: Pick<StoredAuthConfig, "managed">): "default" | "custom" {
  return config.managed ? "default" : "custom";
}
