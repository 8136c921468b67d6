import { buildSync } from "esbuild";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The floor plugin's package name: its type is `benchfloor:index:Floor`, its executable `pulumi-resource-benchfloor`. */
export const FLOOR_PLUGIN = "benchfloor";

/**
 * Bundles the floor plugin into `outDir` the way scripts/build-plugin.mjs bundles the package's plugin
 * (one esbuild file, and the `sh` executable that starts it with node), so that both plugins start alike.
 * That folder is what a Pulumi.yaml's plugins.providers[].path names.
 */
export function buildFloorPlugin(outDir: string): string {
  const executable = `pulumi-resource-${FLOOR_PLUGIN}`;
  mkdirSync(outDir, { recursive: true });
  buildSync({
    entryPoints: [join(__dirname, "main.ts")],
    outfile: join(outDir, `${executable}.js`),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    legalComments: "none",
  });
  writeFileSync(join(outDir, executable), `#!/bin/sh\nexec node "$(dirname "$0")/${executable}.js" "$@"\n`);
  chmodSync(join(outDir, executable), 0o755);
  return outDir;
}
