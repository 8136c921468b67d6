/**
 * The auth schemes of a customer-owned Flowra config (spec: flowra-v1.md, Create body). Kept apart
 * from the provider's list on purpose: the emulator checks clients against the spec.
 */
export const FLOWRA_AUTH_SCHEMES = [
  "OAUTH1",
  "OAUTH2",
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
  "COOKIE",
  "WHATSAPP_QR",
] as const;

export const MANAGED = "use_provider_managed_auth";
export const CUSTOM = "use_custom_auth";

/** What provider-managed configs report as `authScheme` (emulator decision, as for Composio). */
export const MANAGED_AUTH_SCHEME = "OAUTH2";

/** The only credentials a provider-managed config may hold (emulator decision, as for Composio). */
export const SCOPE_KEYS: readonly string[] = ["scopes", "user_scopes"];

/** A stored credential value: strings, numbers, booleans; scopes may also be lists. */
export type CredentialValue = string | number | boolean | string[];

export interface FlowraProxyConfig {
  proxyUrl: string;
  proxyAuthKey?: string;
}

export interface FlowraToolAccessConfig {
  toolsForConnectedAccountCreation: string[];
}

/** The settable part of a Flowra auth config: what a create sets and a PATCH changes. */
export interface FlowraSettings {
  displayName: string | null;
  credentials: Record<string, CredentialValue>;
  proxyConfig: FlowraProxyConfig | null;
  toolAccessConfig: FlowraToolAccessConfig;
  restrictToFollowingTools: string[];
  isDisabled: boolean;
}

/** A Flowra auth config as the emulator stores it: unmasked. */
export interface StoredFlowraConfig extends FlowraSettings {
  /** A UUID. */
  readonly id: string;
  /** Allocated by the server, unique: `<toolkit slug>-<6 characters>`. */
  readonly name: string;
  readonly toolkitSlug: string;
  /** `use_provider_managed_auth` rather than `use_custom_auth`. */
  readonly managed: boolean;
  readonly authScheme: string;
  /** Every config made through this API is Flowra's own (emulator decision). */
  readonly provider: "flowra";
  /** Milliseconds since the epoch, from the server's clock. */
  readonly createdAt: number;
  updatedAt: number;
  /** Creation order, to break ties between equal sort keys. */
  readonly sequence: number;
}
