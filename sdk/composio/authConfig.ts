import * as pulumi from "@pulumi/pulumi";
import { COMPUTED_KEYS, DIFFED_KEYS, SECRET_KEYS, SECRET_PATHS } from "../../provider/composio/state";
import { dynamicResourceProps, DynamicResourceSpec } from "../dynamicResourceProps";

/** The auth schemes a customer-owned auth config may use. */
export type AuthScheme =
  | "OAUTH2"
  | "OAUTH1"
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
  | "DCR_OAUTH";

/** A proxy that Composio sends the toolkit's API calls through. */
export interface ProxyConfigArgs {
  /** The proxy's URL (http or https). */
  readonly proxyUrl: pulumi.Input<string>;
  /** The key Composio presents to the proxy. Secret. */
  readonly proxyAuthKey?: pulumi.Input<string>;
}

/** Which tools of the toolkit may be used. Each list is managed on its own. */
export interface ToolAccessConfigArgs {
  /** Tool slugs that may be executed, e.g. `SLACK_SEND_MESSAGE`. */
  readonly toolsAvailableForExecution?: pulumi.Input<pulumi.Input<string>[]>;
  /** Tool slugs offered when an end user connects an account. */
  readonly toolsForConnectedAccountCreation?: pulumi.Input<pulumi.Input<string>[]>;
}

/** The arguments of a Composio auth config. */
export interface AuthConfigArgs {
  /** The toolkit's slug, e.g. `slack`, `gmail`, `github`. Changing it replaces the auth config. */
  readonly toolkit: pulumi.Input<string>;
  /**
   * The display name. Default: the resource's name plus 7 hex characters derived from its URN (the same
   * in `preview` and `up`), kept across updates; a replacement gets a new one.
   */
  readonly name?: pulumi.Input<string>;
  /** True for Composio-managed auth (Composio's own app); false (default) for your own app's credentials. Changing it replaces the auth config. */
  readonly managed?: pulumi.Input<boolean>;
  /** How the toolkit authenticates; required unless `managed`. Changing it replaces the auth config. */
  readonly authScheme?: pulumi.Input<AuthScheme>;
  /** Your app's credentials, keyed as the API names them (`client_id`, `client_secret`, `api_key`...). Custom auth only. Always stored as a secret. */
  readonly credentials?: pulumi.Input<Record<string, pulumi.Input<string | number | boolean>>>;
  /** OAuth scopes of the managed app. Managed auth only. */
  readonly scopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** OAuth user scopes of the managed app. Managed auth only. */
  readonly userScopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** A proxy for the toolkit's API calls. Custom auth only. Stored as a secret, as it holds `proxyAuthKey`. */
  readonly proxyConfig?: pulumi.Input<ProxyConfigArgs>;
  /** Which tools may be used. */
  readonly toolAccessConfig?: pulumi.Input<ToolAccessConfigArgs>;
  /** Credentials shared by every connected account of this config. Always stored as a secret. */
  readonly sharedCredentials?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Whether Composio's tool router may use this config. */
  readonly isEnabledForToolRouter?: pulumi.Input<boolean>;
  /** Whether the config is enabled (default true). */
  readonly enabled?: pulumi.Input<boolean>;
  /**
   * Adopt an existing auth config (`ac_...`) instead of creating one: on the first `up` the provider
   * reads it and PATCHes only the declared fields that differ. `pulumi import` does not work for
   * dynamic providers; this does. Without `name`, the adopted config keeps its name. Adoption happens
   * once: after that first `up` you may remove it; changing it later is an error.
   */
  readonly importId?: pulumi.Input<string>;
}

const SPEC: DynamicResourceSpec = {
  providerModule: "pulumi-authconfig/provider/composio/authConfigProvider",
  module: "composio",
  type: "AuthConfig",
  outputKeys: [...DIFFED_KEYS, ...COMPUTED_KEYS],
  secretKeys: SECRET_KEYS,
  secretPaths: SECRET_PATHS,
};

/**
 * A Composio auth config (API v3): the credentials and settings with which Composio's agents reach
 * a toolkit such as Slack or Gmail. Updates send only what changed, as one true PATCH.
 *
 * Connection: stack config `composio:apiKey` (secret) and `composio:baseUrl`, or the environment
 * variables `COMPOSIO_API_KEY` and `COMPOSIO_BASE_URL`.
 */
export class AuthConfig extends pulumi.dynamic.Resource {
  /** The toolkit's slug. */
  declare readonly toolkit: pulumi.Output<string>;
  /** The display name. */
  declare readonly name: pulumi.Output<string>;
  /** Whether this is Composio-managed auth, as declared. */
  declare readonly managed: pulumi.Output<boolean>;
  /** The auth scheme (custom auth). */
  declare readonly authScheme: pulumi.Output<AuthScheme | undefined>;
  /** The declared credentials (secret). */
  declare readonly credentials: pulumi.Output<Record<string, string | number | boolean> | undefined>;
  declare readonly scopes: pulumi.Output<string[] | undefined>;
  declare readonly userScopes: pulumi.Output<string[] | undefined>;
  /** The proxy (secret). */
  declare readonly proxyConfig: pulumi.Output<{ proxyUrl: string; proxyAuthKey?: string } | undefined>;
  declare readonly toolAccessConfig: pulumi.Output<{ toolsAvailableForExecution?: string[]; toolsForConnectedAccountCreation?: string[] } | undefined>;
  /** The shared credentials (secret). */
  declare readonly sharedCredentials: pulumi.Output<Record<string, string> | undefined>;
  declare readonly isEnabledForToolRouter: pulumi.Output<boolean | undefined>;
  declare readonly enabled: pulumi.Output<boolean>;
  /** `ENABLED` or `DISABLED`, as the API reports it. */
  declare readonly status: pulumi.Output<"ENABLED" | "DISABLED">;
  /** Whether the API reports the config as Composio-managed. */
  declare readonly isComposioManaged: pulumi.Output<boolean>;
  /** When the config was created (ISO 8601). */
  declare readonly createdAt: pulumi.Output<string>;
  /** When the config last changed, by anyone (ISO 8601). */
  declare readonly lastUpdatedAt: pulumi.Output<string>;

  /** Reads an existing auth config by its `ac_...` id, without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): AuthConfig {
    return new AuthConfig(name, undefined as unknown as AuthConfigArgs, { ...opts, id });
  }

  constructor(name: string, args: AuthConfigArgs, opts?: pulumi.CustomResourceOptions) {
    const resource = dynamicResourceProps(SPEC, name, args, opts);
    super(resource.provider, name, resource.props, resource.opts, SPEC.module, SPEC.type);
  }
}
