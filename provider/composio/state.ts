import type { CoreInputs } from "../core/definition";
import { ComposioAuthScheme } from "./authSchemes";

/**
 * The arguments of a `composio.AuthConfig`, as plain values. `schema.json` is generated from this
 * interface; `argsSchema.ts` enforces the same shape and limits at `check`.
 */
export interface AuthConfigArgsValues {
  /**
   * The toolkit's slug, e.g. `slack`. Changing it replaces the auth config.
   * @minLength 1
   * @maxLength 100
   * @pattern ^[A-Za-z0-9][A-Za-z0-9_-]*$
   */
  toolkit: string;
  /**
   * The display name. Default: the resource's name plus 7 hex characters derived from its URN, kept across updates.
   * @minLength 1
   * @maxLength 255
   */
  name?: string;
  /** Composio-managed auth (true) or your own app's credentials (false, the default). Changing it replaces the auth config. */
  managed?: boolean;
  /** How the toolkit authenticates; required unless `managed`. Changing it replaces the auth config. */
  authScheme?: ComposioAuthScheme;
  /** Your app's credentials keyed as the API names them (`client_id`, `client_secret`, `api_key`...). Custom auth only. Secret. */
  credentials?: { [key: string]: string | number | boolean };
  /** OAuth scopes of the managed app. Managed auth only. */
  scopes?: string[];
  /** OAuth user scopes of the managed app. Managed auth only. */
  userScopes?: string[];
  /** A proxy for the toolkit's API calls. Custom auth only. Secret, as it holds the proxy's key. */
  proxyConfig?: {
    /**
     * @format uri
     * @maxLength 2048
     */
    proxyUrl: string;
    /** @minLength 1 */
    proxyAuthKey?: string;
  };
  /** Which tools may be used; each list is managed on its own. */
  toolAccessConfig?: { toolsAvailableForExecution?: string[]; toolsForConnectedAccountCreation?: string[] };
  /** Credentials shared by every connected account of this config. Secret. */
  sharedCredentials?: { [key: string]: string };
  /** Whether Composio's tool router may use this config. */
  isEnabledForToolRouter?: boolean;
  /** Whether the config is enabled (default true). */
  enabled?: boolean;
  /**
   * Adopt this existing auth config on create instead of making a new one.
   * @pattern ^ac_[A-Za-z0-9_-]+$
   */
  importId?: string;
}

/** The arguments after `check`: defaults applied, the name chosen, and the core's own inputs. */
export interface AuthConfigInputs extends AuthConfigArgsValues, CoreInputs {
  managed: boolean;
  enabled: boolean;
}

/** What is stored in Pulumi state: the declared inputs plus what only the API knows. */
export interface AuthConfigState extends AuthConfigInputs {
  /** `ENABLED` or `DISABLED`, as the API reports it. */
  status: "ENABLED" | "DISABLED";
  /** Whether the API reports the config as Composio-managed. */
  isComposioManaged: boolean;
  /** When the config was created (ISO 8601). */
  createdAt: string;
  /** When the config last changed, by anyone (ISO 8601). */
  lastUpdatedAt: string;
}

/** The user-settable fields, compared by `diff`. `importId` only matters on create. */
export const DIFFED_KEYS = [
  "toolkit",
  "name",
  "managed",
  "authScheme",
  "credentials",
  "scopes",
  "userScopes",
  "proxyConfig",
  "toolAccessConfig",
  "sharedCredentials",
  "isEnabledForToolRouter",
  "enabled",
] as const satisfies readonly (keyof AuthConfigInputs)[];

/** Fields the API cannot change in place: a change means a new auth config. */
export const REPLACE_KEYS = ["toolkit", "managed", "authScheme"] as const satisfies readonly (keyof AuthConfigInputs)[];

/** The fields that hold secrets: never logged, never in state in plaintext. */
export const SECRET_KEYS = ["credentials", "sharedCredentials", "proxyConfig"] as const;

/** Exactly which values are secret: every credential value, and the proxy's key (its URL is not). */
export const SECRET_PATHS = ["credentials.*", "sharedCredentials.*", "proxyConfig.proxyAuthKey"] as const;

/** What only the API knows: outputs besides the arguments. */
export const COMPUTED_KEYS = ["status", "isComposioManaged", "createdAt", "lastUpdatedAt"] as const satisfies readonly (keyof AuthConfigState)[];

