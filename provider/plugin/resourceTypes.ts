import { composioAuthConfig } from "../composio/definition";
import type { CoreInputs, ResourceDefinition } from "../core/definition";
import { elevenLabsAuthConnection } from "../elevenlabs/definition";
import { flowraAuthConfig } from "../flowra/definition";

/** The plugin's package name: types are `authconfig:<module>:<Type>`, config keys `authconfig:<key>`. */
export const PACKAGE = "authconfig";

/** One resource the plugin serves: its type token and the same definition the dynamic provider runs. */
export interface PluginResource {
  readonly token: string;
  readonly definition: ResourceDefinition<CoreInputs, CoreInputs, unknown>;
}

const served = (module: string, type: string, definition: ResourceDefinition<any, any, any>): PluginResource => ({ token: `${PACKAGE}:${module}:${type}`, definition });

export const PLUGIN_RESOURCES: readonly PluginResource[] = [
  served("composio", "AuthConfig", composioAuthConfig),
  served("flowra", "AuthConfig", flowraAuthConfig),
  served("elevenlabs", "AuthConnection", elevenLabsAuthConnection),
];
