import { dynamicProviderFor } from "../core/dynamicProvider";
import { flowraAuthConfig } from "./definition";

/**
 * The `flowra.AuthConfig` dynamic provider. This module's path is a permanent contract: every
 * resource's state holds `require("pulumi-authconfig/provider/flowra/authConfigProvider")`, and
 * `refresh` and `destroy` run it, so it must keep this name and these exports in every release.
 */
const provider = dynamicProviderFor(flowraAuthConfig);

export const { configure, check, diff, create, read, update } = provider;
// The provider interface names this method `delete`, a reserved word for a binding's name.
export const destroy = provider.delete;
export { destroy as delete };
