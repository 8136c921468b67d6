/**
 * ElevenLabs' auth connection types as this project manages them, one table (spec: elevenlabs-v1.md,
 * Create variants and Update): each argument's wire name and nature, and each type's fields. The
 * argument schema, the wire mapping, the PATCH body, what replaces and what is secret all read it.
 */

/** What one argument is on the wire and to Pulumi. */
export interface FieldSpec {
  /** Its name in the API's JSON. */
  readonly wire: string;
  /** A secret: marked secret in state and scrubbed from messages. */
  readonly secret?: boolean;
  /** The API never returns it (secrets and certificates): state keeps the declared value. */
  readonly writeOnly?: boolean;
  /** A map the API's PATCH merges key by key (`null` removes a key). */
  readonly mergedMap?: boolean;
}

/** Every type-specific argument, in the order the SDK documents them. */
export const FIELDS = {
  clientId: { wire: "client_id" },
  clientSecret: { wire: "client_secret", secret: true, writeOnly: true },
  tokenUrl: { wire: "token_url" },
  scopes: { wire: "scopes" },
  extraParams: { wire: "extra_params", mergedMap: true },
  basicAuthInHeader: { wire: "basic_auth_in_header" },
  customHeaders: { wire: "custom_headers", mergedMap: true },
  headerName: { wire: "header_name" },
  token: { wire: "token", secret: true, writeOnly: true },
  username: { wire: "username" },
  password: { wire: "password", secret: true, writeOnly: true },
  issuer: { wire: "issuer" },
  audience: { wire: "audience" },
  subject: { wire: "subject" },
  secretKey: { wire: "secret_key", secret: true, writeOnly: true },
  algorithm: { wire: "algorithm" },
  keyId: { wire: "key_id" },
  expirationSeconds: { wire: "expiration_seconds" },
  tokenResponseField: { wire: "token_response_field" },
  // A certificate is public: not secret, so that a rotation shows in the diff. Never returned, though.
  clientCertificate: { wire: "client_certificate", writeOnly: true },
  clientKey: { wire: "client_key", secret: true, writeOnly: true },
  caCertificate: { wire: "ca_certificate", writeOnly: true },
  keyPassphrase: { wire: "key_passphrase", secret: true, writeOnly: true },
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;

/** One auth type: which fields it has and whether the API can PATCH it. */
export interface AuthTypeSpec {
  /** The API can PATCH it (spec: Update); otherwise every change replaces the connection. */
  readonly updatable: boolean;
  readonly required: readonly FieldName[];
  readonly optional: readonly FieldName[];
}

const JWT_REQUIRED = ["issuer", "audience", "subject"] as const;
const JWT_OPTIONAL = ["algorithm", "keyId", "expirationSeconds", "extraParams"] as const;

/** The seven types a POST can make. */
export const AUTH_TYPES = {
  oauth2_client_credentials: {
    updatable: true,
    required: ["clientId", "tokenUrl", "clientSecret"],
    optional: ["scopes", "extraParams", "basicAuthInHeader", "customHeaders"],
  },
  custom_header_auth: { updatable: false, required: ["headerName", "token"], optional: [] },
  basic_auth: { updatable: true, required: ["username", "password"], optional: [] },
  bearer_auth: { updatable: true, required: ["token"], optional: [] },
  oauth2_jwt: {
    updatable: true,
    required: [...JWT_REQUIRED, "tokenUrl", "secretKey"],
    optional: [...JWT_OPTIONAL, "scopes", "tokenResponseField"],
  },
  private_key_jwt: { updatable: false, required: [...JWT_REQUIRED, "secretKey"], optional: JWT_OPTIONAL },
  mtls: { updatable: false, required: ["clientCertificate", "clientKey"], optional: ["caCertificate", "keyPassphrase"] },
} as const satisfies Record<string, AuthTypeSpec>;

export type AuthType = keyof typeof AUTH_TYPES;
export const AUTH_TYPE_NAMES = Object.keys(AUTH_TYPES) as AuthType[];

export const JWT_ALGORITHMS = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512"] as const;
export const TOKEN_RESPONSE_FIELDS = ["access_token", "id_token"] as const;

export function isAuthType(value: unknown): value is AuthType {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(AUTH_TYPES, value);
}

/** The fields of one type, required first. */
export function fieldsOf(authType: AuthType): readonly FieldName[] {
  const spec: AuthTypeSpec = AUTH_TYPES[authType];
  return [...spec.required, ...spec.optional];
}

/** Whether the API can PATCH connections of this type (a type made elsewhere cannot be: we never do). */
export function isUpdatable(authType: unknown): boolean {
  return isAuthType(authType) && AUTH_TYPES[authType].updatable;
}

/** The types that have `field`, for messages. */
export function typesWith(field: FieldName): AuthType[] {
  return AUTH_TYPE_NAMES.filter((type) => fieldsOf(type).includes(field));
}
