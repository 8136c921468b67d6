#!/usr/bin/env node
// Builds the native provider plugin into dist/plugin/: one bundled file (esbuild: the plugin starts in
// about half the time of the unbundled tree, and runs from any folder with nothing beside it) and the
// `pulumi-resource-authconfig` executable the engine runs, which starts it with node. That folder is
// what `pulumi plugin install resource authconfig <version> --file <dir>` and a Pulumi.yaml's
// `plugins.providers[].path` take. Build output: never committed, shipped in the npm package.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const esbuild = require("esbuild");
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(repo, "dist", "plugin");
const PLUGIN = "pulumi-resource-authconfig";

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(repo, "provider/plugin/main.ts")],
  outfile: join(out, `${PLUGIN}.js`),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
  legalComments: "none",
});
// The engine runs the plugin as an executable; node is on PATH wherever Pulumi runs a Node program.
writeFileSync(join(out, PLUGIN), `#!/bin/sh\nexec node "$(dirname "$0")/${PLUGIN}.js" "$@"\n`);
chmodSync(join(out, PLUGIN), 0o755);
console.log(`built ${out}`);
