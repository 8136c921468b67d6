#!/usr/bin/env node
// Builds the native provider plugin into dist/plugin/: one bundled file (esbuild: the plugin starts in
// about half the time of the unbundled tree, and runs from any folder with nothing beside it) and the
// `pulumi-resource-authconfig` executable the engine runs, which starts it with node. That folder is
// what `pulumi plugin install resource authconfig <version> --file <dir>` and a Pulumi.yaml's
// `plugins.providers[].path` take. Build output: never committed, shipped in the npm package.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/**
 * Bundles the plugin whose entry is `entry` into `outDir` as `pulumi-resource-<name>.js`, with the
 * `pulumi-resource-<name>` executable beside it. Also used by the bench for its floor plugin, so
 * that both plugins start alike.
 */
export function bundlePlugin({ entry, outDir, name }) {
  const executable = `pulumi-resource-${name}`;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  require("esbuild").buildSync({
    entryPoints: [entry],
    outfile: join(outDir, `${executable}.js`),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    legalComments: "none",
  });
  // The engine runs the plugin as an executable; node is on PATH wherever Pulumi runs a Node program.
  writeFileSync(join(outDir, executable), `#!/bin/sh\nexec node "$(dirname "$0")/${executable}.js" "$@"\n`);
  chmodSync(join(outDir, executable), 0o755);
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const out = bundlePlugin({ entry: join(repo, "provider/plugin/main.ts"), outDir: join(repo, "dist", "plugin"), name: "authconfig" });
  console.log(`built ${out}`);
}
