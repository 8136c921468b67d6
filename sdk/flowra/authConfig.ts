import * as pulumi from "@pulumi/pulumi";
import { COMPUTED_KEYS, DIFFED_KEYS, SECRET_KEYS, SECRET_PATHS } from "../../provider/flowra/state";
import { dynamicResourceProps, DynamicResourceSpec } from "../dynamicResourceProps";

/** The auth schemes a custom Flowra auth config may use. */
export type AuthScheme =
  | "OAUTH1"
  | "OAUTH2"
  | "S2S_OAUTH2"
  | "API_KEY"
  | "BASIC"
  | "BEARER_TOKEN"
  | "BILLCOM_AUTH"
  | "GOOGLE_SERVICE_ACCOUNT"
  | "NO_AUTH"
  | "BASIC_WITH_JWT"
  | "CALCOM_AUTH"
  | "SERVICE_ACCOUNT"
  | "SAML"
  | "DCR_OAUTH"
  | "COOKIE"
  | "WHATSAPP_QR";

/** A proxy that Flowra sends the toolkit's API calls through. */
export interface ProxyConfigArgs {
  /** The proxy's URL (http or https). */
  readonly proxyUrl: pulumi.Input<string>;
  /** The key Flowra presents to the proxy. Secret. */
  readonly proxyAuthKey?: pulumi.Input<string>;
}

/** Which tools of the toolkit are offered. */
export interface ToolAccessConfigArgs {
  /** Tool slugs offered when an end user connects an account, e.g. `GITHUB_GET_USER`. */
  readonly toolsForConnectedAccountCreation?: pulumi.Input<pulumi.Input<string>[]>;
}

/** The arguments of a Flowra auth config. */
export interface AuthConfigArgs {
  /** The toolkit's slug, e.g. `github`, `gmail`, `slack`. Changing it replaces the auth config. */
  readonly toolkit: pulumi.Input<string>;
  /**
   * The label people see in Flowra (Flowra allocates the config's unique `name` itself). Default: the
   * resource's name plus 7 hex characters derived from its URN (the same in `preview` and `up`), which
   * then stays the display name, across updates; a replacement gets a new one.
   */
  readonly displayName?: pulumi.Input<string>;
  /** True for provider-managed auth (Flowra's own app); false (default) for your own app's credentials. Changing it replaces the auth config. */
  readonly managed?: pulumi.Input<boolean>;
  /** How the toolkit authenticates; required unless `managed`. Changing it replaces the auth config. */
  readonly authScheme?: pulumi.Input<AuthScheme>;
  /**
   * Your app's credentials, keyed as the API names them (`client_id`, `client_secret`, `api_key`...); a
   * managed config takes only `scopes` and `user_scopes`. Every value is stored as a secret.
   */
  readonly credentials?: pulumi.Input<Record<string, pulumi.Input<string | number | boolean>>>;
  /** A proxy for the toolkit's API calls. Custom auth only. `proxyAuthKey` is stored as a secret. */
  readonly proxyConfig?: pulumi.Input<ProxyConfigArgs>;
  /** Which tools are offered when an end user connects an account. */
  readonly toolAccessConfig?: pulumi.Input<ToolAccessConfigArgs>;
  /** Only these tool slugs may run with this config; an empty list (or none) restricts nothing. */
  readonly restrictToFollowingTools?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether the config is enabled (default true); Flowra's `isDisabled` is its opposite. */
  readonly enabled?: pulumi.Input<boolean>;
  /**
   * Adopt an existing auth config (its UUID) instead of creating one: on the first `up` the provider
   * reads it and PATCHes only the declared fields that differ. `pulumi import` does not work for
   * dynamic providers; this does. Without `displayName`, the adopted config keeps its display name.
   * Adoption happens once: after that first `up` you may remove it; changing it later is an error.
   */
  readonly importId?: pulumi.Input<string>;
}

const SPEC: DynamicResourceSpec = {
  providerModule: "pulumi-authconfig/provider/flowra/authConfigProvider",
  module: "flowra",
  type: "AuthConfig",
  outputKeys: [...DIFFED_KEYS, ...COMPUTED_KEYS],
  secretKeys: SECRET_KEYS,
  secretPaths: SECRET_PATHS,
};

/**
 * A Flowra auth config (API v1): the credentials and settings with which Flowra's agents reach a
 * toolkit such as GitHub or Gmail. Updates send only what changed, as one true PATCH.
 *
 * Connection: stack config `flowra:apiKey` (secret) and `flowra:baseUrl` (default
 * `https://flowra.dev`), or the environment variables `FLOWRA_API_KEY` and `FLOWRA_BASE_URL`.
 */
export class AuthConfig extends pulumi.dynamic.Resource {
  /** The toolkit's slug. */
  declare readonly toolkit: pulumi.Output<string>;
  /** The display name (declared, or generated from the resource's name). */
  declare readonly displayName: pulumi.Output<string>;
  /** Whether this is provider-managed auth, as declared. */
  declare readonly managed: pulumi.Output<boolean>;
  /** The auth scheme (custom auth). */
  declare readonly authScheme: pulumi.Output<AuthScheme | undefined>;
  /** The declared credentials (secret). */
  declare readonly credentials: pulumi.Output<Record<string, string | number | boolean> | undefined>;
  /** The proxy (its key secret). */
  declare readonly proxyConfig: pulumi.Output<{ proxyUrl: string; proxyAuthKey?: string } | undefined>;
  /** The tools offered when an end user connects an account. */
  declare readonly toolAccessConfig: pulumi.Output<{ toolsForConnectedAccountCreation?: string[] } | undefined>;
  /** The tools this config is restricted to. */
  declare readonly restrictToFollowingTools: pulumi.Output<string[] | undefined>;
  /** Whether the config is enabled. */
  declare readonly enabled: pulumi.Output<boolean>;
  /** The unique internal name Flowra allocated, e.g. `github-9qmlw6`. */
  declare readonly name: pulumi.Output<string>;
  /** Whose app the config uses, as the API reports it (`flowra` or `composio`). */
  declare readonly provider: pulumi.Output<string>;
  /** When the config was created (ISO 8601). */
  declare readonly createdAt: pulumi.Output<string>;
  /** When the config last changed, by anyone (ISO 8601). */
  declare readonly updatedAt: pulumi.Output<string>;

  /** Reads an existing auth config by its UUID, without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): AuthConfig {
    return new AuthConfig(name, undefined as unknown as AuthConfigArgs, { ...opts, id });
  }

  constructor(name: string, args: AuthConfigArgs, opts?: pulumi.CustomResourceOptions) {
    const resource = dynamicResourceProps(SPEC, name, args, opts);
    super(resource.provider, name, resource.props, resource.opts, SPEC.module, SPEC.type);
  }
}
