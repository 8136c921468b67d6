/** The auth schemes a customer-owned Composio auth config may use (spec: composio-v3.md, create body). */
export const COMPOSIO_AUTH_SCHEMES = [
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

export type ComposioAuthScheme = (typeof COMPOSIO_AUTH_SCHEMES)[number];
