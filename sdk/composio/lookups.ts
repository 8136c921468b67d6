import { lookupFunctions } from "../lookups";
import type { AuthScheme } from "./authConfig";

/** Loaded on first use. */
const definition = async () => (await import("../../provider/composio/definition")).composioAuthConfig;

/** Which auth config `getAuthConfig` reads. */
export interface GetAuthConfigArgs {
  /** The auth config's id, e.g. `ac_1a2b3c4d5e6f`. */
  readonly id: string;
}

/** Which auth configs `listAuthConfigs` returns: those every filter given keeps. */
export interface ListAuthConfigsArgs {
  /** Only auth configs of this toolkit (its slug, e.g. `slack`; case does not matter). */
  readonly toolkit?: string;
  /** Only auth configs whose name or id contains this text (case does not matter), as Composio searches. */
  readonly search?: string;
  /** Only Composio-managed auth configs (true), or only your own app's (false). */
  readonly managed?: boolean;
  /** Only enabled auth configs (true), or only disabled ones (false). Default: both. */
  readonly enabled?: boolean;
}

/**
 * A Composio auth config as a lookup returns it: what `AuthConfig` reads back, without any secret.
 * `credentials` and `sharedCredentials` are absent (every value of them is secret), and so is the
 * proxy's key; the scopes of a managed config are settings, not secrets, and are there.
 */
export interface AuthConfigLookupResult {
  /** The auth config's id (`ac_...`). */
  readonly id: string;
  readonly toolkit: string;
  readonly name: string;
  readonly managed: boolean;
  readonly authScheme?: AuthScheme;
  readonly scopes?: string[];
  readonly userScopes?: string[];
  /** The proxy's URL; its key is never returned. */
  readonly proxyConfig?: { readonly proxyUrl: string };
  readonly toolAccessConfig: { readonly toolsAvailableForExecution: string[]; readonly toolsForConnectedAccountCreation: string[] };
  readonly isEnabledForToolRouter: boolean;
  readonly enabled: boolean;
  /** `ENABLED` or `DISABLED`. */
  readonly status: "ENABLED" | "DISABLED";
  readonly isComposioManaged: boolean;
  /** ISO 8601. */
  readonly createdAt: string;
  /** When the config last changed, by anyone (ISO 8601). */
  readonly lastUpdatedAt: string;
}

export interface ListAuthConfigsResult {
  /** Oldest first; deleted configs never, disabled ones unless `enabled` is given. */
  readonly items: AuthConfigLookupResult[];
}

const lookups = lookupFunctions<GetAuthConfigArgs, ListAuthConfigsArgs, AuthConfigLookupResult>(definition);

/**
 * Reads one Composio auth config by id, without managing it; fails when there is none (or it was
 * deleted). Connection: as `AuthConfig`'s (stack config `composio:apiKey`, `composio:baseUrl`, or
 * `COMPOSIO_API_KEY`, `COMPOSIO_BASE_URL`). Runs in the program's process (see sdk/lookups.ts).
 */
export const getAuthConfig = lookups.get;

/** `getAuthConfig` with arguments that may be Outputs. */
export const getAuthConfigOutput = lookups.getOutput;

/** Every Composio auth config the filters keep, from every page of the list, without managing them. */
export const listAuthConfigs: (args?: ListAuthConfigsArgs) => Promise<ListAuthConfigsResult> = lookups.list;

/** `listAuthConfigs` with arguments that may be Outputs. */
export const listAuthConfigsOutput = lookups.listOutput;
