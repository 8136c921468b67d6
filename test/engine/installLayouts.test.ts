import { execFileSync } from "node:child_process";
import { cpSync, lstatSync, realpathSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EngineWorld } from "./harness";

/**
 * Installs where the package is a symlink, not a copy in node_modules: an npm-workspaces monorepo and
 * a `file:` directory dependency. Pulumi serializes a module by reference only when its real path runs
 * through node_modules; a linked package used to be copied into state by value (78 KB) and its create
 * failed with "Cannot read properties of undefined (reading 'name')".
 */

const PROVIDER_MODULE = "pulumi-authconfig/provider/composio/authConfigProvider";
const CANARY = "canary-linked-install-secret-41d7";
// Names from the provider's own modules: any of them in state means our code was copied there.
const CODE_MARKERS = ["AuthConfigError", "buildPatchBody", "composioConnection", "createWithoutTwins", "AUTHCONFIG_"];

const repo = resolve(__dirname, "../..");
const pulumiVersion = JSON.parse(readFileSync(join(repo, "node_modules/@pulumi/pulumi/package.json"), "utf8")).version as string;

/** The packed package's files, as globalSetup installed them (a real copy). */
function packedPackageDir(): string {
  return join(inject("programDir"), "node_modules", "pulumi-authconfig");
}

/** The test program's files (index.js, Pulumi.yaml) into `dir`, with a package.json naming `dependency`. */
function writeProgram(dir: string, name: string, dependency: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of ["index.js", "Pulumi.yaml"]) cpSync(join(inject("programDir"), file), join(dir, file));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, dependencies: { "@pulumi/pulumi": pulumiVersion, "pulumi-authconfig": dependency } }, null, 2));
}

function npmInstall(dir: string): void {
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"], timeout: 540_000 });
}

/** Where a layout put the program, and the symlink npm made for the package. */
interface Layout {
  readonly programDir: string;
  readonly packageLink: string;
}

/** A monorepo: the package and the Pulumi program are both members of one npm workspace. */
function workspacesLayout(root: string): Layout {
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "monorepo", private: true, workspaces: ["packages/*"] }, null, 2));
  cpSync(packedPackageDir(), join(root, "packages", "pulumi-authconfig"), { recursive: true });
  const program = join(root, "packages", "infra");
  writeProgram(program, "infra", "0.1.0");
  npmInstall(root);
  return { programDir: program, packageLink: join(root, "node_modules", "pulumi-authconfig") };
}

/**
 * A program with a `file:` directory dependency, installed without --install-links (npm's default: a
 * symlink). The directory sits inside the program, so npm installs its dependencies too.
 */
function fileDirectoryLayout(root: string): Layout {
  const program = join(root, "program");
  writeProgram(program, "program", "file:vendor/pulumi-authconfig");
  cpSync(packedPackageDir(), join(program, "vendor", "pulumi-authconfig"), { recursive: true });
  npmInstall(program);
  return { programDir: program, packageLink: join(program, "node_modules", "pulumi-authconfig") };
}

const LAYOUTS = [
  { label: "workspaces", build: workspacesLayout },
  { label: "file-dir", build: fileDirectoryLayout },
];

describe.each(LAYOUTS)("installed as a symlink ($label)", ({ label, build }) => {
  let root = "";
  let world: EngineWorld;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `authconfig-layout-${label}-`));
    const { programDir, packageLink } = build(root);
    // The layout really links the package: its real path has no node_modules segment.
    expect(lstatSync(packageLink).isSymbolicLink()).toBe(true);
    expect(realpathSync(packageLink).split(sep)).not.toContain("node_modules");
    world = await EngineWorld.create(label, { programDir });
  });

  afterAll(async () => {
    await world?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("up creates the config; state holds a small provider that requires the package by name", async () => {
    world.declare([{ name: "linked", args: { toolkit: "github", authScheme: "API_KEY", credentials: { api_key: CANARY } } }]);
    const up = await world.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const [resource] = (await world.storedResources()).filter((r) => r.type === "pulumi-nodejs:dynamic/composio:AuthConfig");
    expect((await world.api("GET", `/api/v3/auth_configs/${resource.id}`)).status).toBe(200);

    for (const props of [resource.inputs, resource.outputs]) {
      const provider = String(props?.__provider);
      // Seven forwarding methods measure ~2.3 KB (Pulumi wraps each function in ~170 bytes); a copy of the module, 78 KB.
      expect(provider.length, "serialized provider size").toBeLessThan(3072);
      expect(provider).toContain(PROVIDER_MODULE);
      for (const marker of CODE_MARKERS) expect(provider, `state holds a copy of ${marker}`).not.toContain(marker);
    }
    expect(world.persistedState()).not.toContain(CANARY);
  });

  it("refresh finds no changes", async () => {
    const refresh = await world.refresh({ expectNoChanges: true });
    expect(refresh.summary.resourceChanges).toEqual({ same: 2 });
  });

  it("destroy deletes the config", async () => {
    const [resource] = (await world.storedResources()).filter((r) => r.type === "pulumi-nodejs:dynamic/composio:AuthConfig");
    await world.destroy();
    expect((await world.api("GET", `/api/v3/auth_configs/${resource.id}`)).status).toBe(404);
    expect(await world.storedResources()).toEqual([]);
  });
});
