import { lookupFunctions } from "../lookups";
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

const lookups = lookupFunctions<GetAuthConnectionArgs, ListAuthConnectionsArgs, AuthConnectionLookupResult>(definition);

/**
 * Reads one ElevenLabs auth connection by id, without managing it (the API has no read by id: one
 * list request); fails when there is none. Connection: as `AuthConnection`'s (stack config
 * `elevenlabs:apiKey`, `elevenlabs:baseUrl`, or `ELEVENLABS_API_KEY`, `ELEVENLABS_BASE_URL`). Runs
 * in the program's process (see sdk/lookups.ts).
 */
export const getAuthConnection = lookups.get;

/** `getAuthConnection` with arguments that may be Outputs. */
export const getAuthConnectionOutput = lookups.getOutput;

/** Every ElevenLabs auth connection the filters keep (one list request), without managing them. */
export const listAuthConnections: (args?: ListAuthConnectionsArgs) => Promise<ListAuthConnectionsResult> = lookups.list;

/** `listAuthConnections` with arguments that may be Outputs. */
export const listAuthConnectionsOutput = lookups.listOutput;
