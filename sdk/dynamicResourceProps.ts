import * as pulumi from "@pulumi/pulumi";
import { providerByPackageName } from "./providerByPackageName";

/** What the SDK needs to know of a resource type to hand its arguments to the dynamic provider. */
export interface DynamicResourceSpec {
  /** The type token's module and type: `pulumi-nodejs:dynamic/<module>:<type>`. */
  readonly module: string;
  readonly type: string;
  /**
   * The provider module, required by package name from every resource's state: a permanent contract
   * (e.g. `pulumi-authconfig/provider/composio/authConfigProvider`).
   */
  readonly providerModule: string;
  /** Every output property (arguments and what only the API knows). */
  readonly outputKeys: readonly string[];
  /** Top-level properties holding secrets. */
  readonly secretKeys: readonly string[];
  /** Exactly which values are secret (`credentials.*`, `proxyConfig.proxyAuthKey`). */
  readonly secretPaths: readonly string[];
}

/**
 * The provider, props and options of a dynamic resource, for any resource type of this package: the arguments
 * with exactly their secret values marked secret (so that Pulumi names drift in the rest), the
 * provider's own inputs (the logical name, the URN that seeds the create marker, `replaceOnChanges`,
 * which the engine does not apply to dynamic providers), and for a `get` every secret output marked.
 */
export function dynamicResourceProps(
  spec: DynamicResourceSpec,
  name: string,
  args: object | undefined,
  opts: pulumi.CustomResourceOptions | undefined,
): { provider: pulumi.dynamic.ResourceProvider; props: Record<string, unknown>; opts: pulumi.CustomResourceOptions } {
  const provider = providerByPackageName(spec.providerModule);
  // Every output must be a key of props, or the resource gets no property for it. A fresh object
  // every time: dynamic.Resource adds `__provider` to the props it is given.
  const props: Record<string, unknown> = Object.fromEntries(spec.outputKeys.map((key) => [key, undefined]));
  if (opts?.id !== undefined) {
    // A read by id: no inputs to take secretness from, so every secret output is marked as a whole.
    return { provider, props, opts: { ...opts, additionalSecretOutputs: [...spec.secretKeys, ...(opts.additionalSecretOutputs ?? [])] } };
  }
  Object.assign(props, args, {
    __logicalName: name,
    __urn: pulumi.createUrn(name, `pulumi-nodejs:dynamic/${spec.module}:${spec.type}`, opts?.parent),
    ...(opts?.replaceOnChanges && { __replaceOnChanges: opts.replaceOnChanges }),
  });
  for (const path of spec.secretPaths) {
    const [key, ...rest] = path.split(".");
    if (props[key] !== undefined) props[key] = markSecret(props[key], rest);
  }
  return { provider, props, opts: { ...opts } };
}

/** Marks the values at `path` below `value` secret (`*` is every key). A value not yet known is marked whole. */
function markSecret(value: unknown, path: readonly string[]): unknown {
  if (value === undefined) return undefined;
  if (path.length === 0) return pulumi.secret(value);
  if (!isPlainObject(value)) return pulumi.secret(value);
  const [head, ...rest] = path;
  const out: Record<string, unknown> = { ...value };
  for (const key of head === "*" ? Object.keys(out) : [head]) {
    if (out[key] !== undefined) out[key] = markSecret(out[key], rest);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}
