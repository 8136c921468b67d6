import type * as pulumi from "@pulumi/pulumi";
import { relative } from "node:path";

/** The methods of a dynamic provider that Pulumi calls when the provider has them. */
const PROVIDER_METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

/** One provider per module path: Pulumi caches the serialized text per provider object. */
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * The dynamic provider to hand Pulumi for the implementation module `modulePath`, a path by package
 * name such as `pulumi-authconfig/provider/composio/authConfigProvider`. Pulumi stores the provider
 * in every resource's state as JavaScript text, and refresh and destroy run that text.
 *
 * - Installed in node_modules: the module itself, which Pulumi stores as `require("<modulePath>")`
 *   (~300 bytes, the text version 0.1.0 wrote).
 * - Linked (`npm link`, a `file:` directory, npm workspaces): Pulumi would copy the module into state
 *   by value (~78 KB, and broken: classes lose `new.target`). Instead an object whose methods require
 *   the module by package name when they run (~2 KB). Pulumi never captures `require`, so they are
 *   stored as written; the provider process resolves the package from the program's folder.
 */
export function providerByPackageName(modulePath: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(modulePath);
  if (!provider) {
    const implementation: Record<string, unknown> = require(modulePath);
    provider = (pulumiStoresAsRequire(modulePath) ? implementation : forwarders(modulePath, implementation)) as unknown as pulumi.dynamic.ResourceProvider;
    providers.set(modulePath, provider);
  }
  return provider;
}

/**
 * Pulumi's rule (runtime/closure/createClosure.js, captureModuleAsync): a module is stored as a
 * `require` only when its real path, relative to the working directory, runs through node_modules.
 */
function pulumiStoresAsRequire(modulePath: string): boolean {
  return relative(process.cwd(), require.resolve(modulePath)).split(/[\\/]/).includes("node_modules");
}

/** Methods that call the module's methods of the same name; only those it implements, as Pulumi treats a missing method differently. */
function forwarders(modulePath: string, implementation: Record<string, unknown>): Record<string, (...args: unknown[]) => unknown> {
  // Shared by every method, so that state holds the module path once.
  const call = (method: string, args: unknown[]) => require(modulePath)[method](...args);
  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  for (const method of PROVIDER_METHODS) {
    if (typeof implementation[method] === "function") methods[method] = (...args) => call(method, args);
  }
  return methods;
}
