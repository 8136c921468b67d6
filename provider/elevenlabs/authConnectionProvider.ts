import { dynamicProviderFor } from "../core/dynamicProvider";
import { elevenLabsAuthConnection } from "./definition";

/**
 * The `elevenlabs.AuthConnection` dynamic provider. This module's path is a permanent contract: every
 * resource's state holds `require("pulumi-authconfig/provider/elevenlabs/authConnectionProvider")`, and
 * `refresh` and `destroy` run it, so it must keep this name and these exports in every release.
 */
const provider = dynamicProviderFor(elevenLabsAuthConnection);

export const { configure, check, diff, create, read, update } = provider;
// The provider interface names this method `delete`, a reserved word for a binding's name.
export const destroy = provider.delete;
export { destroy as delete };
