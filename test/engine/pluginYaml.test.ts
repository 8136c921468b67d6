import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PACKAGE_RESOURCES } from "../../provider/plugin/resourceTypes";
import { API_KEY, EngineWorld, RecordedRequest } from "./harness";
import { LIFECYCLE_ROWS } from "./lifecycleTable";

/**
 * A Pulumi YAML program (runtime: yaml, the language host that scripts/ensure-pulumi.mjs builds)
 * declaring one resource of each kind, served by the plugin of the installed package: create, no-op,
 * a rotation of each resource's secret, destroy. The rows are lifecycle.test.ts's (lifecycleTable.ts).
 */

const TOKENS = Object.fromEntries(PACKAGE_RESOURCES.map((r) => [r.module, r.token]));
/** A YAML program's logical names: one resource of each kind. */
const nameOf = (kind: string) => `${kind}Main`;
const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");

describe.sequential("a Pulumi YAML program with the plugin", () => {
  let world: EngineWorld;
  let programDir = "";
  const pluginDir = join(inject("programDir"), "node_modules", "pulumi-authconfig", "dist", "plugin");
  const ids = new Map<string, string>();

  /** Writes Pulumi.yaml (JSON is YAML) declaring each row with these args. */
  function writeProgram(argsOf: (row: (typeof LIFECYCLE_ROWS)[number]) => Record<string, unknown>): void {
    const resources = Object.fromEntries(LIFECYCLE_ROWS.map((row) => [nameOf(row.kind), { type: TOKENS[row.kind], properties: argsOf(row) }]));
    const outputs = Object.fromEntries(LIFECYCLE_ROWS.map((row) => [`${row.kind}Id`, `\${${nameOf(row.kind)}.id}`]));
    const project = { name: "authconfig-yaml-tests", runtime: "yaml", plugins: { providers: [{ name: "authconfig", path: pluginDir }] }, resources, outputs };
    writeFileSync(join(programDir, "Pulumi.yaml"), JSON.stringify(project, null, 2));
  }

  function expectNoPlaintextSecrets(): void {
    const state = world.persistedState();
    for (const canary of [...LIFECYCLE_ROWS.flatMap((row) => row.canaries), API_KEY]) {
      expect(state, `state holds ${canary}`).not.toContain(canary);
      expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
    }
  }

  beforeAll(async () => {
    programDir = mkdtempSync(join(tmpdir(), "authconfig-yaml-program-"));
    writeProgram((row) => row.args);
    world = await EngineWorld.create("plugin-yaml", { plugin: true, programDir });
  });

  afterAll(async () => {
    await world?.dispose();
    rmSync(programDir, { recursive: true, force: true });
  });

  it("create: the preview sends nothing; up sends one POST per resource, with the row's body under a name from the YAML name", async () => {
    expect((await world.preview()).changeSummary).toEqual({ create: 4 });
    expect(await world.requests()).toEqual([]);
    await world.up();
    const sent = writes(await world.requests());
    expect(sent.map((r) => r.method)).toEqual(["POST", "POST", "POST"]);
    const outputs = await world.stack.outputs();
    for (const row of LIFECYCLE_ROWS) {
      const post = sent.find((r) => r.path === row.collectionPath)!;
      const label = row.labelSent(post.body) as string;
      expect(label).toMatch(new RegExp(`^${nameOf(row.kind)}-[0-9a-f]{7}$`));
      // The rest of the body is the row's: the same label pattern the dynamic resource "main" gets.
      expect(JSON.parse(JSON.stringify(post.body).replace(JSON.stringify(label), JSON.stringify("main-0a1b2c3")))).toEqual(row.createBody);
      ids.set(row.kind, outputs[`${row.kind}Id`].value as string);
      expect(await row.exists(world, ids.get(row.kind)!)).toBe(true);
    }
    expectNoPlaintextSecrets();
  });

  it("no change: preview and up report no changes and send zero requests", async () => {
    await world.clearRequests();
    expect((await world.preview()).changeSummary).toEqual({ same: 4 });
    expect((await world.up()).summary.resourceChanges).toEqual({ same: 4 });
    expect(await world.requests()).toEqual([]);
  });

  it("rotating each resource's secret sends exactly one PATCH each, with only that key", async () => {
    writeProgram((row) => row.rotate.args(row.args));
    await world.clearRequests();
    await world.up();
    const sent = writes(await world.requests());
    expect(sent).toHaveLength(3);
    for (const row of LIFECYCLE_ROWS) {
      const patches = sent.filter((r) => r.path === row.itemPath(ids.get(row.kind)!));
      expect(patches.map((r) => r.method), row.kind).toEqual(["PATCH"]);
      expect(patches[0].body, row.kind).toEqual(row.rotate.patch);
    }
    expectNoPlaintextSecrets();
  });

  it("destroy deletes every config", async () => {
    await world.destroy();
    for (const row of LIFECYCLE_ROWS) expect(await row.exists(world, ids.get(row.kind)!), row.kind).toBe(false);
    expectNoPlaintextSecrets();
  });
});
