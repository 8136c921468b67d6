import { dynamicProviderFor } from "../core/dynamicProvider";
import { composioAuthConfig } from "./definition";

/**
 * The `composio.AuthConfig` dynamic provider. This module's path is a permanent contract: every
 * resource's state holds `require("pulumi-authconfig/provider/composio/authConfigProvider")`, and
 * `refresh` and `destroy` run it, so it must keep this name and these exports in every release.
 */
const provider = dynamicProviderFor(composioAuthConfig);

export const { configure, check, diff, create, read, update } = provider;
// The provider interface names this method `delete`, a reserved word for a binding's name.
export const destroy = provider.delete;
export { destroy as delete };
