/**
 * ElevenLabs' auth connection types, one table (spec: elevenlabs-v1.md): for each `auth_type`, its
 * fields and what the API does with each. Create, PATCH, seeding and the response object all read
 * this table; none lists fields of its own.
 */

export interface FieldRule {
  /** The JSON type: `strings` is a string array, `map` an object of string values. */
  readonly kind: "string" | "strings" | "map" | "boolean" | "integer";
  /** Required at create (and in the response object). */
  readonly required?: boolean;
  /** A secret (or a certificate): stored, never returned. */
  readonly hidden?: boolean;
  /** PATCH may change it (in the four updatable types only). */
  readonly updatable?: boolean;
  /** The value when a create leaves it out (emulator decisions where the spec gives none); else null. */
  readonly default?: unknown;
  /** The only values allowed. */
  readonly values?: readonly string[];
  /** Inclusive bounds of an integer. */
  readonly range?: readonly [number, number];
  /** For a type only seeding makes: the value a seed without it gets (given the server's time), so that the object stays valid. */
  readonly seedDefault?: (nowMs: number) => unknown;
}

export interface AuthTypeRule {
  /** `POST /v1/workspace/auth-connections` may make it. */
  readonly creatable: boolean;
  /** `PATCH` may change it. */
  readonly updatable: boolean;
  /** Every field but `auth_type`, in the order the response object lists them. */
  readonly fields: Readonly<Record<string, FieldRule>>;
}

export const ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512"] as const;
export const CONNECTION_STATUSES = ["active", "refresh_failed", "revoked", "credential_invalid"] as const;

const NAME: FieldRule = { kind: "string", required: true };
const PROVIDER: FieldRule = { kind: "string", required: true, updatable: true };
const SCOPES: FieldRule = { kind: "strings", default: [], updatable: true };
const EXTRA_PARAMS: FieldRule = { kind: "map", default: {}, updatable: true };
const REQUIRED_STRING: FieldRule = { kind: "string", required: true, updatable: true };
/** token_url is required and cannot be updated (spec: Update). */
const TOKEN_URL: FieldRule = { kind: "string", required: true };
const SECRET: FieldRule = { kind: "string", required: true, hidden: true, updatable: true };

/** The JWT settings oauth2_jwt and private_key_jwt share (defaults and range: emulator decisions). */
const JWT_FIELDS: Record<string, FieldRule> = {
  algorithm: { kind: "string", values: ALGORITHMS, default: "HS256", updatable: true },
  key_id: { kind: "string", updatable: true },
  issuer: REQUIRED_STRING,
  audience: REQUIRED_STRING,
  subject: REQUIRED_STRING,
  expiration_seconds: { kind: "integer", range: [60, 86_400], default: 3600, updatable: true },
  extra_params: EXTRA_PARAMS,
};

/** Required response fields of seeded types get a placeholder when the seed leaves them out. */
const seeded = (value: string) => (): string => value;
const SEEDED_TOKEN_URL: FieldRule = { kind: "string", required: true, seedDefault: seeded("https://auth.example.invalid/token") };
const SEEDED_CLIENT_ID: FieldRule = { kind: "string", required: true, seedDefault: seeded("seeded-client-id") };
const SCOPE_SEPARATOR: FieldRule = { kind: "string", values: [" ", ","] };
const INTEGRATION_FIELDS: Record<string, FieldRule> = {
  token_url: SEEDED_TOKEN_URL,
  scopes: { kind: "strings", default: [] },
  scope_separator: SCOPE_SEPARATOR,
  expires_at: { kind: "string", required: true, seedDefault: (nowMs) => new Date(nowMs + 3600_000).toISOString() },
  integration_id: { kind: "string", required: true, seedDefault: seeded("seeded-integration") },
  credential_id: { kind: "string", required: true, seedDefault: seeded("seeded-credential") },
};

export const AUTH_TYPES: Readonly<Record<string, AuthTypeRule>> = {
  oauth2_client_credentials: {
    creatable: true,
    updatable: true,
    fields: {
      name: NAME,
      provider: PROVIDER,
      client_id: REQUIRED_STRING,
      token_url: TOKEN_URL,
      client_secret: SECRET,
      scopes: SCOPES,
      extra_params: EXTRA_PARAMS,
      basic_auth_in_header: { kind: "boolean", default: false, updatable: true },
      custom_headers: { kind: "map", default: {}, updatable: true },
    },
  },
  custom_header_auth: {
    creatable: true,
    updatable: false,
    fields: { name: NAME, provider: PROVIDER, header_name: { kind: "string", required: true }, token: SECRET },
  },
  basic_auth: {
    creatable: true,
    updatable: true,
    fields: { name: NAME, provider: PROVIDER, username: REQUIRED_STRING, password: SECRET },
  },
  bearer_auth: {
    creatable: true,
    updatable: true,
    fields: { name: NAME, provider: PROVIDER, token: SECRET },
  },
  oauth2_jwt: {
    creatable: true,
    updatable: true,
    fields: {
      name: NAME,
      provider: PROVIDER,
      ...JWT_FIELDS,
      token_url: TOKEN_URL,
      scopes: SCOPES,
      token_response_field: { kind: "string", values: ["access_token", "id_token"], updatable: true },
      secret_key: SECRET,
    },
  },
  private_key_jwt: {
    creatable: true,
    updatable: false,
    fields: { name: NAME, provider: PROVIDER, ...JWT_FIELDS, secret_key: SECRET },
  },
  mtls: {
    creatable: true,
    updatable: false,
    fields: {
      name: NAME,
      provider: PROVIDER,
      client_certificate: { kind: "string", required: true, hidden: true },
      client_key: { kind: "string", required: true, hidden: true },
      ca_certificate: { kind: "string", hidden: true },
      key_passphrase: { kind: "string", hidden: true },
    },
  },
  // Made elsewhere (integrations, the dashboard): listed by the API, made here only by seeding.
  refresh_token_auth: {
    creatable: false,
    updatable: false,
    fields: {
      name: NAME,
      provider: PROVIDER,
      client_id: SEEDED_CLIENT_ID,
      token_url: SEEDED_TOKEN_URL,
      scopes: { kind: "strings", default: [] },
      extra_params: { kind: "map", default: {} },
    },
  },
  api_integration_oauth2_auth_code: { creatable: false, updatable: false, fields: { name: NAME, provider: PROVIDER, ...INTEGRATION_FIELDS } },
  api_integration_oauth2_custom_app: {
    creatable: false,
    updatable: false,
    fields: { name: NAME, provider: PROVIDER, ...INTEGRATION_FIELDS, client_id: SEEDED_CLIENT_ID },
  },
  whatsapp_auth: {
    creatable: false,
    updatable: false,
    fields: { name: NAME, provider: PROVIDER, phone_number_id: { kind: "string", required: true, seedDefault: seeded("100000000000000") } },
  },
  slack_bot_auth: { creatable: false, updatable: false, fields: { name: NAME, provider: PROVIDER } },
  url_secret: { creatable: false, updatable: false, fields: { name: NAME, provider: PROVIDER } },
};

export const ALL_AUTH_TYPES = Object.keys(AUTH_TYPES);
export const CREATABLE_AUTH_TYPES = ALL_AUTH_TYPES.filter((type) => AUTH_TYPES[type].creatable);
export const UPDATABLE_AUTH_TYPES = ALL_AUTH_TYPES.filter((type) => AUTH_TYPES[type].updatable);

/** The provider a seed without one gets: ElevenLabs' SDK types two of them as literals. */
export function seededProvider(authType: string): string {
  if (authType === "whatsapp_auth") return "whatsapp";
  if (authType === "slack_bot_auth") return "Slack";
  return "seeded";
}
