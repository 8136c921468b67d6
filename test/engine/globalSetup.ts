import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { OUTPUT_FIELDS } from "./programOutputs";

/**
 * Once per test run: build the package, pack it as npm would publish it, and install the tarball
 * into a Pulumi program of its own (a real node_modules, not a link), the way a user consumes it.
 * Also makes sure a Pulumi CLI is there. The program folder is reused while the tarball is unchanged.
 */
export default function setup(project: TestProject): void {
  const repo = resolve(__dirname, "../..");
  execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: repo, stdio: "inherit" });
  // The native plugin's bundle (dist/plugin), as `npm run build` makes it.
  execFileSync("node", [join(repo, "scripts/build-plugin.mjs")], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });

  const ensure = execFileSync("node", [join(repo, "scripts/ensure-pulumi.mjs")], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const pulumiBin = ensure.trim().split("\n").pop()!.trim();

  const packDir = mkdtempSync(join(tmpdir(), "authconfig-pack-"));
  execFileSync("npm", ["pack", "--pack-destination", packDir, "--silent"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz"))!);
  const hash = createHash("sha256").update(readFileSync(tarball)).update(PROGRAM).update(PLUGIN_PROGRAM).update(PLUGIN_PATH_YAML).digest("hex").slice(0, 12);

  const programDir = join(tmpdir(), `authconfig-test-program-${hash}`);
  if (!existsSync(join(programDir, "node_modules", "pulumi-authconfig", "package.json"))) {
    // Installed beside it, then moved into place: two test runs at once never share a half-made folder.
    const staging = `${programDir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const pulumiVersion = JSON.parse(readFileSync(join(repo, "node_modules/@pulumi/pulumi/package.json"), "utf8")).version;
    writeFileSync(join(staging, "package.json"), JSON.stringify({ name: "authconfig-test-program", private: true, dependencies: { "@pulumi/pulumi": pulumiVersion, "pulumi-authconfig": `file:${tarball}` } }, null, 2));
    writeFileSync(join(staging, "Pulumi.yaml"), "name: authconfig-tests\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n");
    writeFileSync(join(staging, "index.js"), PROGRAM);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--install-links"], { cwd: staging, stdio: ["ignore", "ignore", "inherit"] });
    try {
      rmSync(programDir, { recursive: true, force: true });
      renameSync(staging, programDir);
    } catch {
      // Another run moved its copy into place first: the same tarball, so use that one.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  project.provide("programDir", programDir);
  project.provide("pluginProgramDir", pluginProgram(programDir));
  project.provide("pulumiBin", pulumiBin);
  project.provide("packedTarball", tarball);
}

/**
 * The test program of the native plugin, beside the other and sharing its node_modules: the same
 * scenario files, declared as `pulumi.CustomResource`s of the plugin's types, which the engine
 * serves with the plugin of the installed package (Pulumi.yaml's plugins.providers[].path).
 */
function pluginProgram(programDir: string): string {
  const dir = `${programDir}-plugin`;
  if (!existsSync(join(dir, "index.js"))) {
    const staging = `${dir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    symlinkSync(join(programDir, "node_modules"), join(staging, "node_modules"));
    writeFileSync(join(staging, "Pulumi.yaml"), `name: authconfig-tests\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n${PLUGIN_PATH_YAML}`);
    writeFileSync(join(staging, "index.js"), PLUGIN_PROGRAM);
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return dir;
}

/** Where the installed package's plugin is, as a project names it: no install step. */
const PLUGIN_PATH_YAML = "plugins:\n  providers:\n    - name: authconfig\n      path: ./node_modules/pulumi-authconfig/dist/plugin\n";

const PLUGIN_PROGRAM = `"use strict";
const fs = require("fs");
const path = require("path");
const pulumi = require("@pulumi/pulumi");

// The plugin's types, and each one's output names from the schema the package ships.
const TYPES = { composio: "authconfig:composio:AuthConfig", flowra: "authconfig:flowra:AuthConfig", elevenlabs: "authconfig:elevenlabs:AuthConnection" };
const schema = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("pulumi-authconfig/package.json")), "pulumi-schema.json"), "utf8"));
// What each kind exports besides its id (test/engine/programOutputs.ts).
const OUTPUT_FIELDS = ${JSON.stringify(OUTPUT_FIELDS)};

class PluginResource extends pulumi.CustomResource {
  constructor(type, name, args, opts) {
    // Every output must be a key of the props, or the resource gets no property for it.
    const props = Object.fromEntries(Object.keys(schema.resources[type].properties).map((key) => [key, undefined]));
    super(type, name, { ...props, ...args }, opts);
  }
}

const scenario = JSON.parse(fs.readFileSync(path.join(__dirname, "scenario." + pulumi.getStack() + ".json"), "utf8"));
// Explicit providers, each with its own settings; their API keys secret, as a user would pass them.
const providers = {};
for (const p of scenario.providers || []) {
  const args = Object.fromEntries(Object.entries(p.args).map(([key, value]) => [key, key.endsWith("ApiKey") ? pulumi.secret(value) : value]));
  providers[p.name] = new pulumi.ProviderResource("authconfig", p.name, args);
}
const outputs = {};
for (const r of scenario.resources) {
  const kind = r.kind || "composio";
  const opts = { ...r.options, ...(r.provider && { provider: providers[r.provider] }) };
  const resource = r.getId !== undefined ? new PluginResource(TYPES[kind], r.name, {}, { ...opts, id: r.getId }) : new PluginResource(TYPES[kind], r.name, r.args, opts);
  outputs[r.name] = { id: resource.id, ...Object.fromEntries(OUTPUT_FIELDS[kind].map((field) => [field, resource[field]])) };
}
module.exports = outputs;
`;

/** The test program: declares the resources that the test wrote into scenario.<stack>.json. */
const PROGRAM = `"use strict";
const fs = require("fs");
const path = require("path");
const pulumi = require("@pulumi/pulumi");
const { composio, flowra, elevenlabs } = require("pulumi-authconfig");

// Each kind's class, and the outputs a test reads besides the id (test/engine/programOutputs.ts).
const CLASSES = { composio: composio.AuthConfig, flowra: flowra.AuthConfig, elevenlabs: elevenlabs.AuthConnection };
const OUTPUT_FIELDS = ${JSON.stringify(OUTPUT_FIELDS)};

const scenario = JSON.parse(fs.readFileSync(path.join(__dirname, "scenario." + pulumi.getStack() + ".json"), "utf8"));
const outputs = {};
const declared = {};
for (const r of scenario.resources) {
  // labelFromIdOf: this resource's label is computed from another's id, unknown until that one exists.
  const computed = r.labelFromIdOf;
  const args = computed ? { ...r.args, [computed.arg]: declared[computed.resource].id.apply((id) => "copy-of-" + id) } : r.args;
  const kind = r.kind || "composio";
  const resource = r.getId !== undefined ? CLASSES[kind].get(r.name, r.getId) : new CLASSES[kind](r.name, args, r.options);
  declared[r.name] = resource;
  outputs[r.name] = { id: resource.id, ...Object.fromEntries(OUTPUT_FIELDS[kind].map((field) => [field, resource[field]])) };
}
module.exports = outputs;
`;

declare module "vitest" {
  export interface ProvidedContext {
    programDir: string;
    /** The native plugin's test program (see pluginProgram). */
    pluginProgramDir: string;
    pulumiBin: string;
    /** The package as `npm pack` made it (a .tgz in a temp folder). */
    packedTarball: string;
  }
}
