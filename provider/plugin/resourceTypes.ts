import { composioAuthConfig } from "../composio/definition";
import { COMPUTED_KEYS as COMPOSIO_COMPUTED_KEYS } from "../composio/state";
import type { CoreInputs, ResourceDefinition } from "../core/definition";
import { elevenLabsAuthConnection } from "../elevenlabs/definition";
import { COMPUTED_KEYS as ELEVENLABS_COMPUTED_KEYS } from "../elevenlabs/state";
import { lookupNames } from "../core/lookups";
import { flowraAuthConfig } from "../flowra/definition";
import { COMPUTED_KEYS as FLOWRA_COMPUTED_KEYS } from "../flowra/state";

/** The plugin's package name: types are `authconfig:<module>:<Type>`, config keys `authconfig:<key>`. */
export const PACKAGE = "authconfig";

/**
 * One resource type of this package: the definition both providers run, and where its documented
 * shapes live. The dynamic provider's type is `pulumi-nodejs:dynamic/<module>:<type>`, the plugin's
 * `authconfig:<module>:<type>`; schema.json and pulumi-schema.json are both generated from this list.
 */
export interface PackageResource {
  readonly module: string;
  readonly type: string;
  /** The plugin's type token, `authconfig:composio:AuthConfig`. */
  readonly token: string;
  /** The plugin's functions (core/lookups.ts): `authconfig:composio:getAuthConfig` and `authconfig:composio:listAuthConfigs`. */
  readonly getFunctionToken: string;
  readonly listFunctionToken: string;
  readonly definition: ResourceDefinition<CoreInputs, CoreInputs, unknown>;
  /** The file whose interfaces document the resource (their doc comments become the schemas' descriptions). */
  readonly sourceFile: string;
  /** The interface (or union) of the arguments. */
  readonly argsSymbol: string;
  /** The interface of the state: what it adds to the arguments is documented there. */
  readonly stateSymbol: string;
  /** The outputs only the API knows. */
  readonly computedKeys: readonly string[];
  /** What the resource is, for the plugin's schema. */
  readonly description: string;
}

const resource = (
  module: string,
  type: string,
  definition: ResourceDefinition<any, any, any>,
  rest: Omit<PackageResource, "module" | "type" | "token" | "getFunctionToken" | "listFunctionToken" | "definition">,
): PackageResource => ({
  module,
  type,
  token: `${PACKAGE}:${module}:${type}`,
  getFunctionToken: `${PACKAGE}:${module}:${lookupNames(definition).get}`,
  listFunctionToken: `${PACKAGE}:${module}:${lookupNames(definition).list}`,
  definition,
  ...rest,
});

export const PACKAGE_RESOURCES: readonly PackageResource[] = [
  resource("composio", "AuthConfig", composioAuthConfig, {
    sourceFile: "provider/composio/state.ts",
    argsSymbol: "AuthConfigArgsValues",
    stateSymbol: "AuthConfigState",
    computedKeys: COMPOSIO_COMPUTED_KEYS,
    description: "A Composio auth config (API v3): the credentials and settings with which Composio's agents reach a toolkit such as Slack or Gmail. Updates send only what changed, as one true PATCH.",
  }),
  resource("flowra", "AuthConfig", flowraAuthConfig, {
    sourceFile: "provider/flowra/state.ts",
    argsSymbol: "FlowraAuthConfigArgsValues",
    stateSymbol: "FlowraAuthConfigState",
    computedKeys: FLOWRA_COMPUTED_KEYS,
    description: "A Flowra auth config (API v1): the credentials with which Flowra's agents reach a toolkit. Updates send only what changed, as one true PATCH.",
  }),
  resource("elevenlabs", "AuthConnection", elevenLabsAuthConnection, {
    sourceFile: "provider/elevenlabs/state.ts",
    argsSymbol: "AuthConnectionArgsValues",
    stateSymbol: "AuthConnectionState",
    computedKeys: ELEVENLABS_COMPUTED_KEYS,
    description:
      "An ElevenLabs workspace auth connection: how ElevenLabs agents authenticate to a third-party API. `authType` decides which fields apply; oauth2_client_credentials, basic_auth, bearer_auth and oauth2_jwt are updated with one PATCH, the other types are replaced on any change.",
  }),
];
