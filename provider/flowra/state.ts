import type { CoreInputs } from "../core/definition";
import { FlowraAuthScheme } from "./authSchemes";

/**
 * The arguments of a `flowra.AuthConfig`, as plain values. `schema.json` is generated from this
 * interface; `argsSchema.ts` enforces the same shape and limits at `check`.
 */
export interface FlowraAuthConfigArgsValues {
  /**
   * The toolkit's slug, e.g. `github`. Changing it replaces the auth config.
   * @minLength 1
   * @maxLength 100
   * @pattern ^[A-Za-z0-9][A-Za-z0-9_-]*$
   */
  toolkit: string;
  /**
   * The label people see (Flowra allocates the config's unique `name` itself). Default: the resource's
   * name plus 7 hex characters derived from its URN, kept across updates; without a declared
   * `displayName` that generated one stays the config's display name.
   * @minLength 1
   * @maxLength 255
   * @pattern \S
   */
  displayName?: string;
  /** Provider-managed auth (true, Flowra's own app) or your own app's credentials (false, the default). Changing it replaces the auth config. */
  managed?: boolean;
  /** How the toolkit authenticates; required unless `managed`. Changing it replaces the auth config. */
  authScheme?: FlowraAuthScheme;
  /**
   * Your app's credentials keyed as the API names them (`client_id`, `client_secret`, `api_key`...);
   * a managed config takes only `scopes` and `user_scopes`. Every value is secret.
   */
  credentials?: { [key: string]: string | number | boolean };
  /** A proxy for the toolkit's API calls. Custom auth only. Its `proxyAuthKey` is secret. */
  proxyConfig?: {
    /**
     * @format uri
     * @maxLength 2048
     */
    proxyUrl: string;
    /** @minLength 1 */
    proxyAuthKey?: string;
  };
  /** Which tools are offered when an end user connects an account. */
  toolAccessConfig?: { toolsForConnectedAccountCreation?: string[] };
  /** Only these tools may run with this config (an empty list: no restriction). */
  restrictToFollowingTools?: string[];
  /** Whether the config is enabled (default true); Flowra calls it `isDisabled`. */
  enabled?: boolean;
  /**
   * Adopt this existing auth config (its UUID) on create instead of making a new one.
   * @pattern ^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$
   */
  importId?: string;
}

/** The arguments after `check`: defaults applied, the display name chosen, and the core's own inputs. */
export interface FlowraAuthConfigInputs extends FlowraAuthConfigArgsValues, CoreInputs {
  managed: boolean;
  enabled: boolean;
}

/** What is stored in Pulumi state: the declared inputs plus what only the API knows. */
export interface FlowraAuthConfigState extends FlowraAuthConfigInputs {
  /** The unique internal name Flowra allocated, e.g. `github-9qmlw6`. */
  name: string;
  /** Who owns the config's app: `flowra` or `composio`. */
  provider: string;
  /** When the config was created (ISO 8601). */
  createdAt: string;
  /** When the config last changed, by anyone (ISO 8601). */
  updatedAt: string;
}

/** The user-settable fields, compared by `diff`. `importId` only matters on create. */
export const DIFFED_KEYS = [
  "toolkit",
  "displayName",
  "managed",
  "authScheme",
  "credentials",
  "proxyConfig",
  "toolAccessConfig",
  "restrictToFollowingTools",
  "enabled",
] as const satisfies readonly (keyof FlowraAuthConfigInputs)[];

/** Fields the API cannot change in place (a PATCH of them is a 400): a change means a new auth config. */
export const REPLACE_KEYS = ["toolkit", "managed", "authScheme"] as const satisfies readonly (keyof FlowraAuthConfigInputs)[];

/** The fields that hold secrets: never logged, never in state in plaintext. */
export const SECRET_KEYS = ["credentials", "proxyConfig"] as const;

/** Exactly which values are secret: every credential value, and the proxy's key (its URL is not). */
export const SECRET_PATHS = ["credentials.*", "proxyConfig.proxyAuthKey"] as const;

/** What only the API knows: outputs besides the arguments. */
export const COMPUTED_KEYS = ["name", "provider", "createdAt", "updatedAt"] as const satisfies readonly (keyof FlowraAuthConfigState)[];

