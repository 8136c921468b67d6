import type { CoreInputs } from "../core/definition";
import { AuthType, FIELDS, FieldName, isUpdatable } from "./authTypes";

/**
 * The arguments of an `elevenlabs.AuthConnection`, one interface per `authType`. `schema.json` is
 * generated from these; `argsSchema.ts` enforces the same shapes and limits at `check`, and the
 * SDK's `AuthConnectionArgs` repeats them as Pulumi inputs.
 */
export type AuthConnectionArgsValues =
  | OAuth2ClientCredentialsValues
  | CustomHeaderAuthValues
  | BasicAuthValues
  | BearerAuthValues
  | OAuth2JwtValues
  | PrivateKeyJwtValues
  | MtlsValues;

/** What every auth type has. */
export interface AuthConnectionCommonValues {
  /**
   * The connection's name. ElevenLabs cannot rename a connection, so changing it replaces the connection.
   * Default: the resource's name plus 7 hex characters derived from its URN, kept across updates.
   * @minLength 1
   * @maxLength 255
   */
  name?: string;
  /**
   * The third-party provider the connection authenticates to, e.g. `google` or `salesforce`.
   * @minLength 1
   * @maxLength 255
   */
  provider: string;
  /**
   * Adopt this existing auth connection on create instead of making a new one.
   * @pattern ^[A-Za-z0-9_-]{1,128}$
   */
  importId?: string;
}

/** The token endpoint (changing it replaces the connection). @format uri @maxLength 2048 */
type TokenUrl = string;
/** A non-empty string. @minLength 1 @maxLength 1024 */
type Text = string;
/** A secret value. @minLength 1 @maxLength 16384 */
type SecretText = string;
/** PEM text. @minLength 1 @maxLength 65536 */
type Pem = string;
/** OAuth scopes. @maxItems 200 */
type Scopes = string[];
/** Extra form parameters of the token request, by name. */
type StringMap = { [key: string]: string };

/** Settings of a signed JWT (oauth2_jwt, private_key_jwt). */
export interface JwtValues {
  /** The JWT's `iss`. */
  issuer: Text;
  /** The JWT's `aud`. */
  audience: Text;
  /** The JWT's `sub`. */
  subject: Text;
  /** The signing algorithm (API default HS256). */
  algorithm?: "HS256" | "HS384" | "HS512" | "RS256" | "RS384" | "RS512";
  /** The JWT header's `kid`. */
  keyId?: Text;
  /**
   * The JWT's lifetime in seconds (API default 3600).
   * @TJS-type integer
   * @minimum 60
   * @maximum 86400
   */
  expirationSeconds?: number;
  /** Extra parameters of the token request; merged key by key. */
  extraParams?: StringMap;
}

/** OAuth 2 client credentials: updatable. */
export interface OAuth2ClientCredentialsValues extends AuthConnectionCommonValues {
  authType: "oauth2_client_credentials";
  /** The OAuth client's id. */
  clientId: Text;
  /** Secret; never returned by the API. */
  clientSecret: SecretText;
  tokenUrl: TokenUrl;
  scopes?: Scopes;
  /** Extra parameters of the token request; merged key by key. */
  extraParams?: StringMap;
  /** Send the client credentials as an HTTP Basic header instead of in the body (API default false). */
  basicAuthInHeader?: boolean;
  /** Headers sent with the token request; merged key by key. */
  customHeaders?: StringMap;
}

/** A token sent in a header of your choice: cannot be updated, so any change replaces it. */
export interface CustomHeaderAuthValues extends AuthConnectionCommonValues {
  authType: "custom_header_auth";
  /**
   * The header's name, e.g. `X-Api-Key`.
   * @pattern ^[!#$%&'*+.^_`|~0-9A-Za-z-]+$
   * @maxLength 256
   */
  headerName: string;
  /** Secret; never returned by the API. */
  token: SecretText;
}

/** HTTP Basic: updatable. */
export interface BasicAuthValues extends AuthConnectionCommonValues {
  authType: "basic_auth";
  /** The user name. */
  username: Text;
  /** Secret; never returned by the API. */
  password: SecretText;
}

/** A bearer token: updatable. */
export interface BearerAuthValues extends AuthConnectionCommonValues {
  authType: "bearer_auth";
  /** Secret; never returned by the API. */
  token: SecretText;
}

/** OAuth 2 with a signed JWT assertion: updatable (but not `tokenUrl`). */
export interface OAuth2JwtValues extends AuthConnectionCommonValues, JwtValues {
  authType: "oauth2_jwt";
  tokenUrl: TokenUrl;
  /** The signing key. Secret; never returned by the API. */
  secretKey: SecretText;
  scopes?: Scopes;
  /** Which field of the token response holds the token. */
  tokenResponseField?: "access_token" | "id_token";
}

/** A JWT signed with your key: cannot be updated, so any change replaces it. */
export interface PrivateKeyJwtValues extends AuthConnectionCommonValues, JwtValues {
  authType: "private_key_jwt";
  /** The signing key. Secret; never returned by the API. */
  secretKey: SecretText;
}

/** Mutual TLS: cannot be updated, so any change replaces it. */
export interface MtlsValues extends AuthConnectionCommonValues {
  authType: "mtls";
  /** The client certificate (PEM). Public, so not secret; never returned by the API. */
  clientCertificate: Pem;
  /** The client certificate's private key (PEM). Secret; never returned by the API. */
  clientKey: Pem;
  /** The CA certificate that signs the server's (PEM). Never returned by the API. */
  caCertificate?: Pem;
  /** The passphrase of `clientKey`. Secret; never returned by the API. */
  keyPassphrase?: SecretText;
}

/** Every field's value type, as one flat record: what the provider's code works with. */
type AllFieldValues = {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  scopes: string[];
  extraParams: Record<string, string>;
  basicAuthInHeader: boolean;
  customHeaders: Record<string, string>;
  headerName: string;
  token: string;
  username: string;
  password: string;
  issuer: string;
  audience: string;
  subject: string;
  secretKey: string;
  algorithm: string;
  keyId: string;
  expirationSeconds: number;
  tokenResponseField: string;
  clientCertificate: string;
  clientKey: string;
  caCertificate: string;
  keyPassphrase: string;
};

/**
 * The arguments after `check`, flat: `authType` decides which fields may be set (the schema and
 * `authTypes.ts` make sure only those are). The name is set by then (declared or generated), unless adopted without one.
 */
export interface AuthConnectionInputs extends CoreInputs, Partial<AllFieldValues> {
  authType: AuthType;
  name?: string;
  provider: string;
}

/** What is stored in Pulumi state: the declared inputs plus what only the API knows. */
export interface AuthConnectionState extends AuthConnectionInputs {
  /** `active`, `refresh_failed`, `revoked` or `credential_invalid`. */
  status?: string;
  /** Why the connection has its status, when the API says. */
  statusDetail?: string;
  /** When the status last changed (ISO 8601). */
  statusUpdatedAt?: string;
}

const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** The user-settable fields, compared by `diff`. `importId` only matters on create. */
export const DIFFED_KEYS = ["authType", "name", "provider", ...FIELD_NAMES] as const satisfies readonly (keyof AuthConnectionInputs)[];

/** What replaces the connection whatever its type: the API cannot change these (spec: Update). */
export const REPLACE_KEYS = ["authType", "name", "tokenUrl"] as const satisfies readonly (keyof AuthConnectionInputs)[];

/** The fields that hold secrets: never logged, encrypted in state. */
export const SECRET_KEYS = FIELD_NAMES.filter((name) => "secret" in FIELDS[name]);

/** Exactly which values are secret: each secret field whole. */
export const SECRET_PATHS: readonly string[] = SECRET_KEYS;

/** What the API never returns: state keeps the declared value (secrets, and the certificates). */
export const WRITE_ONLY_KEYS = FIELD_NAMES.filter((name) => "writeOnly" in FIELDS[name]);

/** What only the API knows: outputs besides the arguments. */
export const COMPUTED_KEYS = ["status", "statusDetail", "statusUpdatedAt"] as const satisfies readonly (keyof AuthConnectionState)[];


/** The keys a change of which replaces a connection of this kind: any, for a type the API cannot update. */
export function replaceKeysFor(olds: Record<string, unknown>, news: Record<string, unknown>): readonly string[] {
  return isUpdatable(olds.authType) && isUpdatable(news.authType) ? REPLACE_KEYS : DIFFED_KEYS;
}
