import type * as pulumi from "@pulumi/pulumi";

const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * The dynamic provider that Pulumi serializes into each resource's state, always as a `require` of the
 * provider module by package name (e.g. `pulumi-authconfig/provider/composio/authConfigProvider`), so
 * that the state holds no copy of our code and no key, and always runs the installed version. The
 * module paths are a permanent contract (see README).
 *
 * Installed in node_modules, the module itself is handed over: Pulumi writes `require("<path>")`
 * (about 300 bytes). A symlinked install (npm workspaces, `file:` directories, `npm link`) resolves
 * outside node_modules, where Pulumi would copy the module by value, and that copy does not run; there
 * a few tiny functions that require the module when called are handed over instead (about 1.3 KB).
 *
 * One object per module path: Pulumi caches the serialized text per object.
 */
export function providerByPackageName(modulePath: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(modulePath);
  if (!provider) {
    const inNodeModules = require.resolve(modulePath).split(/[\\/]/).includes("node_modules");
    provider = inNodeModules ? require(modulePath) : forwarder(modulePath);
    providers.set(modulePath, provider!);
  }
  return provider!;
}

function forwarder(modulePath: string): pulumi.dynamic.ResourceProvider {
  // `require` is resolved where the provider runs, from the program's node_modules; Pulumi never captures it.
  const load = () => require(modulePath);
  const provider: Record<string, unknown> = {};
  for (const method of METHODS) provider[method] = (...args: unknown[]) => load()[method](...args);
  return provider as unknown as pulumi.dynamic.ResourceProvider;
}
