/** The auth schemes a custom Flowra auth config may use (spec: flowra-v1.md, Create body). */
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

export type FlowraAuthScheme = (typeof FLOWRA_AUTH_SCHEMES)[number];

/** The only credentials a provider-managed config may hold: the managed app's OAuth scopes. */
export const MANAGED_CREDENTIAL_KEYS: readonly string[] = ["scopes", "user_scopes"];
