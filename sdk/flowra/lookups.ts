import { lookupFunctions } from "../lookups";
import type { AuthScheme } from "./authConfig";

/** Loaded on first use. */
const definition = async () => (await import("../../provider/flowra/definition")).flowraAuthConfig;

/** Which auth config `getAuthConfig` reads. */
export interface GetAuthConfigArgs {
  /** The auth config's id (a UUID). */
  readonly id: string;
}

/** Which auth configs `listAuthConfigs` returns: those every filter given keeps. */
export interface ListAuthConfigsArgs {
  /** Only auth configs of this toolkit (its slug, e.g. `github`; case does not matter). */
  readonly toolkit?: string;
  /** Only auth configs whose allocated name (e.g. `github-9qmlw6`) contains this text (case does not matter), as Flowra searches. */
  readonly search?: string;
  /** Only auth configs whose app is this provider's. */
  readonly provider?: "composio" | "flowra";
  /** Only auth configs with exactly this display name. */
  readonly displayName?: string;
  /** Only provider-managed auth configs (true), or only your own app's (false). */
  readonly managed?: boolean;
  /** Only enabled auth configs (true), or only disabled ones (false). Default: both. */
  readonly enabled?: boolean;
}

/**
 * A Flowra auth config as a lookup returns it: what `AuthConfig` reads back, without any secret.
 * `credentials` is absent (every value of it is secret), and so is the proxy's key.
 */
export interface AuthConfigLookupResult {
  /** The auth config's id (a UUID). */
  readonly id: string;
  readonly toolkit: string;
  readonly displayName?: string;
  /** The unique internal name Flowra allocated, e.g. `github-9qmlw6`. */
  readonly name: string;
  readonly managed: boolean;
  readonly authScheme?: AuthScheme;
  /** The proxy's URL; its key is never returned. */
  readonly proxyConfig?: { readonly proxyUrl: string };
  readonly toolAccessConfig: { readonly toolsForConnectedAccountCreation: string[] };
  readonly restrictToFollowingTools: string[];
  readonly enabled: boolean;
  /** Who owns the config's app: `flowra` or `composio`. */
  readonly provider: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** When the config last changed, by anyone (ISO 8601). */
  readonly updatedAt: string;
}

export interface ListAuthConfigsResult {
  /** Oldest first; deleted configs never, disabled ones unless `enabled` is given. */
  readonly items: AuthConfigLookupResult[];
}

const lookups = lookupFunctions<GetAuthConfigArgs, ListAuthConfigsArgs, AuthConfigLookupResult>(definition);

/**
 * Reads one Flowra auth config by id, without managing it; fails when there is none (or it was
 * deleted). Connection: as `AuthConfig`'s (stack config `flowra:apiKey`, `flowra:baseUrl`, or
 * `FLOWRA_API_KEY`, `FLOWRA_BASE_URL`). Runs in the program's process (see sdk/lookups.ts).
 */
export const getAuthConfig = lookups.get;

/** `getAuthConfig` with arguments that may be Outputs. */
export const getAuthConfigOutput = lookups.getOutput;

/** Every Flowra auth config the filters keep, from every page of the list, without managing them. */
export const listAuthConfigs: (args?: ListAuthConfigsArgs) => Promise<ListAuthConfigsResult> = lookups.list;

/** `listAuthConfigs` with arguments that may be Outputs. */
export const listAuthConfigsOutput = lookups.listOutput;
