import type * as pulumi from "@pulumi/pulumi";
import { getInProgram, listInProgram, lookupOutput } from "../lookups";
import type { JwtAlgorithm } from "./authConnection";

/** Loaded on first use. */
const definition = async () => (await import("../../provider/elevenlabs/definition")).elevenLabsAuthConnection;

/** Which auth connection `getAuthConnection` reads. */
export interface GetAuthConnectionArgs {
  /** The auth connection's id. */
  readonly id: string;
}

/** Which auth connections `listAuthConnections` returns: those every filter given keeps (ElevenLabs' list takes no filter: these are applied to it). */
export interface ListAuthConnectionsArgs {
  /** Only connections of this auth type: one this package manages (e.g. `bearer_auth`) or one made elsewhere (e.g. `slack_bot_auth`). */
  readonly authType?: string;
  /** Only connections to this third-party provider (exactly, e.g. `salesforce`). */
  readonly provider?: string;
  /** Only connections with exactly this name. */
  readonly name?: string;
  /** Only connections with this status. */
  readonly status?: "active" | "refresh_failed" | "revoked" | "credential_invalid";
}

/**
 * An ElevenLabs auth connection as a lookup returns it: the fields the API shows. Secrets and
 * certificates are never returned by the API, so never here. A connection of a type made elsewhere
 * (`slack_bot_auth`, `url_secret`...) has the common fields only.
 */
export interface AuthConnectionLookupResult {
  readonly id: string;
  /** One of the seven this package manages, or a type made elsewhere. */
  readonly authType: string;
  readonly name: string;
  readonly provider: string;
  /** `active`, `refresh_failed`, `revoked` or `credential_invalid`. */
  readonly status?: string;
  readonly statusDetail?: string;
  /** When the status last changed (ISO 8601). */
  readonly statusUpdatedAt?: string;
  readonly clientId?: string;
  readonly tokenUrl?: string;
  readonly scopes?: string[];
  readonly extraParams?: Record<string, string>;
  readonly basicAuthInHeader?: boolean;
  readonly customHeaders?: Record<string, string>;
  readonly headerName?: string;
  readonly username?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly subject?: string;
  readonly algorithm?: JwtAlgorithm;
  readonly keyId?: string;
  readonly expirationSeconds?: number;
  readonly tokenResponseField?: "access_token" | "id_token";
}

export interface ListAuthConnectionsResult {
  /** In the API's order. */
  readonly items: AuthConnectionLookupResult[];
}

/**
 * Reads one ElevenLabs auth connection by id, without managing it (the API has no read by id: one
 * list request); fails when there is none. Connection: as `AuthConnection`'s (stack config
 * `elevenlabs:apiKey`, `elevenlabs:baseUrl`, or `ELEVENLABS_API_KEY`, `ELEVENLABS_BASE_URL`). Runs
 * in the program's process (see sdk/lookups.ts).
 */
export function getAuthConnection(args: GetAuthConnectionArgs): Promise<AuthConnectionLookupResult> {
  return getInProgram(definition, args) as Promise<unknown> as Promise<AuthConnectionLookupResult>;
}

/** `getAuthConnection` with arguments that may be Outputs. */
export function getAuthConnectionOutput(args: pulumi.Input<{ readonly id: pulumi.Input<string> }>): pulumi.Output<AuthConnectionLookupResult> {
  return lookupOutput(args as pulumi.Input<GetAuthConnectionArgs>, getAuthConnection);
}

/** Every ElevenLabs auth connection the filters keep (one list request), without managing them. */
export function listAuthConnections(args: ListAuthConnectionsArgs = {}): Promise<ListAuthConnectionsResult> {
  return listInProgram(definition, args) as Promise<unknown> as Promise<ListAuthConnectionsResult>;
}

/** `listAuthConnections` with arguments that may be Outputs. */
export function listAuthConnectionsOutput(
  args?: pulumi.Input<{ readonly [K in keyof ListAuthConnectionsArgs]: pulumi.Input<ListAuthConnectionsArgs[K]> }>,
): pulumi.Output<ListAuthConnectionsResult> {
  return lookupOutput(args as pulumi.Input<ListAuthConnectionsArgs> | undefined, listAuthConnections);
}
