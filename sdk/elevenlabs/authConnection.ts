import * as pulumi from "@pulumi/pulumi";
import { COMPUTED_KEYS, DIFFED_KEYS, SECRET_KEYS, SECRET_PATHS } from "../../provider/elevenlabs/state";
import type { AuthConnectionArgsValues } from "../../provider/elevenlabs/state";
import { dynamicResourceProps, DynamicResourceSpec } from "../dynamicResourceProps";

/** The kinds of auth connection this resource can create. */
export type AuthType = AuthConnectionArgs["authType"];

/** A JWT signing algorithm. */
export type JwtAlgorithm = "HS256" | "HS384" | "HS512" | "RS256" | "RS384" | "RS512";

/** What every kind of auth connection has. */
export interface AuthConnectionCommonArgs {
  /**
   * The connection's name. ElevenLabs cannot rename a connection, so changing it replaces the connection.
   * Default: the resource's name plus 7 hex characters derived from its URN (the same in `preview` and
   * `up`), kept across updates; a replacement gets a new one.
   */
  readonly name?: pulumi.Input<string>;
  /** The third-party provider the connection authenticates to, e.g. `google` or `salesforce`. */
  readonly provider: pulumi.Input<string>;
  /**
   * Adopt an existing auth connection instead of creating one: on the first `up` the provider checks
   * that what cannot be changed in place matches, and PATCHes only what differs (the declared secrets
   * are sent once, as the API never returns them). Without `name`, the adopted connection keeps its
   * name. Adoption happens once: after that first `up` you may remove it; changing it later is an error.
   */
  readonly importId?: pulumi.Input<string>;
}

/** The settings of a signed JWT (oauth2_jwt, private_key_jwt). */
export interface JwtArgs {
  /** The JWT's `iss`. */
  readonly issuer: pulumi.Input<string>;
  /** The JWT's `aud`. */
  readonly audience: pulumi.Input<string>;
  /** The JWT's `sub`. */
  readonly subject: pulumi.Input<string>;
  /** The signing algorithm (API default HS256). */
  readonly algorithm?: pulumi.Input<JwtAlgorithm>;
  /** The JWT header's `kid`. */
  readonly keyId?: pulumi.Input<string>;
  /** The JWT's lifetime in seconds, 60 to 86400 (API default 3600). */
  readonly expirationSeconds?: pulumi.Input<number>;
  /** Extra parameters of the token request. Managed key by key: keys set elsewhere are left alone. */
  readonly extraParams?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** OAuth 2 client credentials. Updated in place, except `tokenUrl`. */
export interface OAuth2ClientCredentialsArgs extends AuthConnectionCommonArgs {
  readonly authType: "oauth2_client_credentials";
  readonly clientId: pulumi.Input<string>;
  /** Always stored as a secret; never returned by the API. */
  readonly clientSecret: pulumi.Input<string>;
  /** The token endpoint. Changing it replaces the connection. */
  readonly tokenUrl: pulumi.Input<string>;
  readonly scopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Extra parameters of the token request. Managed key by key: keys set elsewhere are left alone. */
  readonly extraParams?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Send the client credentials as an HTTP Basic header instead of in the body (API default false). */
  readonly basicAuthInHeader?: pulumi.Input<boolean>;
  /** Headers sent with the token request. Managed key by key: keys set elsewhere are left alone. */
  readonly customHeaders?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A token sent in a header of your choice. Cannot be updated: any change replaces the connection. */
export interface CustomHeaderAuthArgs extends AuthConnectionCommonArgs {
  readonly authType: "custom_header_auth";
  /** The header's name, e.g. `X-Api-Key`. */
  readonly headerName: pulumi.Input<string>;
  /** Always stored as a secret; never returned by the API. */
  readonly token: pulumi.Input<string>;
}

/** HTTP Basic credentials. Updated in place. */
export interface BasicAuthArgs extends AuthConnectionCommonArgs {
  readonly authType: "basic_auth";
  readonly username: pulumi.Input<string>;
  /** Always stored as a secret; never returned by the API. */
  readonly password: pulumi.Input<string>;
}

/** A bearer token. Updated in place. */
export interface BearerAuthArgs extends AuthConnectionCommonArgs {
  readonly authType: "bearer_auth";
  /** Always stored as a secret; never returned by the API. */
  readonly token: pulumi.Input<string>;
}

/** OAuth 2 with a signed JWT assertion. Updated in place, except `tokenUrl`. */
export interface OAuth2JwtArgs extends AuthConnectionCommonArgs, JwtArgs {
  readonly authType: "oauth2_jwt";
  /** The token endpoint. Changing it replaces the connection. */
  readonly tokenUrl: pulumi.Input<string>;
  /** The signing key. Always stored as a secret; never returned by the API. */
  readonly secretKey: pulumi.Input<string>;
  readonly scopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Which field of the token response holds the token. */
  readonly tokenResponseField?: pulumi.Input<"access_token" | "id_token">;
}

/** A JWT signed with your key. Cannot be updated: any change replaces the connection. */
export interface PrivateKeyJwtArgs extends AuthConnectionCommonArgs, JwtArgs {
  readonly authType: "private_key_jwt";
  /** The signing key. Always stored as a secret; never returned by the API. */
  readonly secretKey: pulumi.Input<string>;
}

/** Mutual TLS. Cannot be updated: any change replaces the connection. */
export interface MtlsArgs extends AuthConnectionCommonArgs {
  readonly authType: "mtls";
  /** The client certificate (PEM). Public, so not stored as a secret; never returned by the API. */
  readonly clientCertificate: pulumi.Input<string>;
  /** The client certificate's private key (PEM). Always stored as a secret; never returned by the API. */
  readonly clientKey: pulumi.Input<string>;
  /** The CA certificate that signs the server's (PEM). Not a secret; never returned by the API. */
  readonly caCertificate?: pulumi.Input<string>;
  /** The passphrase of `clientKey`. Always stored as a secret; never returned by the API. */
  readonly keyPassphrase?: pulumi.Input<string>;
}

/**
 * The arguments of an ElevenLabs auth connection: `authType` (a plain string, not an output, as it
 * decides which fields there are) picks one of seven shapes, and an editor offers only its fields.
 */
export type AuthConnectionArgs =
  | OAuth2ClientCredentialsArgs
  | CustomHeaderAuthArgs
  | BasicAuthArgs
  | BearerAuthArgs
  | OAuth2JwtArgs
  | PrivateKeyJwtArgs
  | MtlsArgs;

const SPEC: DynamicResourceSpec = {
  providerModule: "pulumi-authconfig/provider/elevenlabs/authConnectionProvider",
  module: "elevenlabs",
  type: "AuthConnection",
  outputKeys: [...DIFFED_KEYS, ...COMPUTED_KEYS],
  secretKeys: SECRET_KEYS,
  secretPaths: SECRET_PATHS,
};

/**
 * An ElevenLabs workspace auth connection: the credentials with which ElevenLabs' agents and tools
 * reach a third-party service. Updates send only what changed, as one true PATCH; the kinds the API
 * cannot update (custom_header_auth, private_key_jwt, mtls) are replaced instead. Secrets and
 * certificates are never returned by the API: state keeps the declared values, so a rotation is a
 * change in the program.
 *
 * Connection: stack config `elevenlabs:apiKey` (secret) and `elevenlabs:baseUrl`, or the environment
 * variables `ELEVENLABS_API_KEY` and `ELEVENLABS_BASE_URL`.
 */
export class AuthConnection extends pulumi.dynamic.Resource {
  /** The kind of connection. */
  declare readonly authType: pulumi.Output<AuthType>;
  /** The connection's name. */
  declare readonly name: pulumi.Output<string>;
  /** The third-party provider. */
  declare readonly provider: pulumi.Output<string>;
  declare readonly clientId: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly clientSecret: pulumi.Output<string | undefined>;
  declare readonly tokenUrl: pulumi.Output<string | undefined>;
  declare readonly scopes: pulumi.Output<string[] | undefined>;
  declare readonly extraParams: pulumi.Output<Record<string, string> | undefined>;
  declare readonly basicAuthInHeader: pulumi.Output<boolean | undefined>;
  declare readonly customHeaders: pulumi.Output<Record<string, string> | undefined>;
  declare readonly headerName: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly token: pulumi.Output<string | undefined>;
  declare readonly username: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly issuer: pulumi.Output<string | undefined>;
  declare readonly audience: pulumi.Output<string | undefined>;
  declare readonly subject: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly secretKey: pulumi.Output<string | undefined>;
  declare readonly algorithm: pulumi.Output<JwtAlgorithm | undefined>;
  declare readonly keyId: pulumi.Output<string | undefined>;
  declare readonly expirationSeconds: pulumi.Output<number | undefined>;
  declare readonly tokenResponseField: pulumi.Output<"access_token" | "id_token" | undefined>;
  declare readonly clientCertificate: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly clientKey: pulumi.Output<string | undefined>;
  declare readonly caCertificate: pulumi.Output<string | undefined>;
  /** Secret. */
  declare readonly keyPassphrase: pulumi.Output<string | undefined>;
  /** `active`, `refresh_failed`, `revoked` or `credential_invalid`, as the API reports it. */
  declare readonly status: pulumi.Output<string | undefined>;
  /** Why the status is what it is, when the API says. */
  declare readonly statusDetail: pulumi.Output<string | undefined>;
  /** When the status last changed (ISO 8601). */
  declare readonly statusUpdatedAt: pulumi.Output<string | undefined>;

  /** Reads an existing auth connection by its id, without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): AuthConnection {
    return new AuthConnection(name, undefined as unknown as AuthConnectionArgs, { ...opts, id });
  }

  constructor(name: string, args: AuthConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    const resource = dynamicResourceProps(SPEC, name, args, opts);
    super(resource.provider, name, resource.props, resource.opts, SPEC.module, SPEC.type);
  }
}

// Compile-time only: each kind's arguments here are those of provider/elevenlabs/state.ts, from which
// schema.json is generated (a field added to one and not the other fails the build).
type KeysOf<U, T extends string> = keyof Extract<U, { authType: T }>;
type SameKeys<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : false;
type MustBeTrue<T extends true> = T;
type ArgsInStep = MustBeTrue<{ [T in AuthType]: SameKeys<KeysOf<AuthConnectionArgs, T>, KeysOf<AuthConnectionArgsValues, T>> }[AuthType] extends true ? true : false>;
