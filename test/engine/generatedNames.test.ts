import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineWorld, ScenarioResource } from "./harness";

/**
 * Generated names (a config declared without `name` gets `<logical name>-<7 hex chars>`) must be
 * the same in `preview` and `up`, so that what a reviewer approved is what gets created, and so
 * that `pulumi preview --save-plan p.json && pulumi up --plan p.json` works.
 *
 * Engine facts (v3.248): `preview --save-plan` and `up --plan` need no PULUMI_EXPERIMENTAL (the
 * Automation API's `plan` option passes them). The plan file holds, per URN, `goal.inputDiff` with
 * the inputs `check` returned (`adds` for a create, `updates` for a replacement), secrets encrypted.
 * A name that differs at `up` fails it with: `resource <urn> violates plan: properties changed:
 * ++name[{<planned>}!={<new>}]`. On a replacement the engine calls `check` twice: with the old
 * inputs (for the diff, and this is what the plan records) and again with no old inputs (this is
 * what gets created). The Node dynamic provider gets no random seed and no URN in `check`.
 */

const CANARY = "canary-generated-names-7c1f";

interface PlanFile {
  resourcePlans: Record<string, { goal?: { inputDiff?: { adds?: Record<string, unknown>; updates?: Record<string, unknown> } } }>;
}

describe("generated names: the planned name is the created name", () => {
  let world: EngineWorld;
  let planDir: string;
  const declared = new Map<string, Record<string, unknown>>();
  const declare = () => world.declare([...declared].map(([name, args]) => ({ name, args }) satisfies ScenarioResource));
  const autoNamed = (logicalName: string, toolkit = "slack", authScheme = "API_KEY") =>
    declared.set(logicalName, { toolkit, authScheme, credentials: { api_key: `${CANARY}-${logicalName}` } });

  beforeAll(async () => {
    world = await EngineWorld.create("gen-names");
    planDir = mkdtempSync(join(tmpdir(), "authconfig-plan-"));
  });
  afterAll(async () => {
    rmSync(planDir, { recursive: true, force: true });
    await world?.dispose();
  });

  /** Runs `pulumi preview --save-plan` and returns the name planned for each of the given resources. */
  async function plannedNames(planPath: string, logicalNames: readonly string[]): Promise<Map<string, string>> {
    await world.preview({ plan: planPath });
    const text = readFileSync(planPath, "utf8");
    expect(text).not.toContain(CANARY);
    const plan = JSON.parse(text) as PlanFile;
    const names = new Map<string, string>();
    for (const logicalName of logicalNames) {
      const urn = Object.keys(plan.resourcePlans).find((u) => u.endsWith(`composio:AuthConfig::${logicalName}`));
      const diff = urn ? plan.resourcePlans[urn].goal?.inputDiff : undefined;
      const name = diff?.adds?.name ?? diff?.updates?.name;
      expect(name, `planned name of ${logicalName}`).toMatch(new RegExp(`^${logicalName}-[0-9a-f]{7}$`));
      names.set(logicalName, name as string);
    }
    return names;
  }

  /** The name the API holds for each resource, found by the id in the stack's outputs. */
  async function namesInApi(logicalNames: readonly string[]): Promise<Map<string, string>> {
    const outputs = await world.stack.outputs();
    const names = new Map<string, string>();
    for (const logicalName of logicalNames) {
      const id = (outputs[logicalName]?.value as { id: string }).id;
      const config = await world.api<{ name: string }>("GET", `/api/v3/auth_configs/${id}`);
      expect(config.status).toBe(200);
      names.set(logicalName, config.body.name);
    }
    return names;
  }

  it("preview --save-plan, then up: each config gets the name the preview planned", async () => {
    const batch = ["first-0", "first-1", "first-2"];
    for (const name of batch) autoNamed(name);
    declare();
    const planned = await plannedNames(join(planDir, "first.json"), batch);
    await world.up();
    expect(await namesInApi(batch)).toEqual(planned);
  });

  it("preview --save-plan, then up --plan: the update keeps to the plan", async () => {
    const batch = ["second-0", "second-1", "second-2"];
    for (const name of batch) autoNamed(name);
    declare();
    const planPath = join(planDir, "second.json");
    const planned = await plannedNames(planPath, batch);
    // Fails with "violates plan: properties changed: ++name[...]" while names are random per check.
    await world.up({ plan: planPath });
    expect(await namesInApi(batch)).toEqual(planned);
    expect(world.output).not.toContain(CANARY);
  });

  it("a replaced config gets a generated name of its own", async () => {
    declare();
    await world.up(); // whatever the tests before left undone
    const before = await namesInApi(["first-0", "first-1"]);
    autoNamed("first-0", "slack", "BEARER_TOKEN"); // authScheme replaces
    autoNamed("first-1", "github", "API_KEY"); // toolkit replaces
    declare();
    await world.clearRequests();
    const result = await world.up();
    expect(result.summary.resourceChanges?.replace).toBe(2);
    const posted = (await world.requests())
      .filter((r) => r.method === "POST" && r.path === "/api/v3/auth_configs")
      .map((r) => (r.body as { auth_config: { name: string } }).auth_config.name);
    const after = await namesInApi(["first-0", "first-1"]);
    for (const logicalName of ["first-0", "first-1"]) {
      expect(after.get(logicalName), `${logicalName}: new name`).toMatch(new RegExp(`^${logicalName}-[0-9a-f]{7}$`));
      expect(after.get(logicalName), `${logicalName}: the replacement's name differs from the replaced one's`).not.toBe(before.get(logicalName));
      expect(posted, `${logicalName}: the API was sent the new name`).toContain(after.get(logicalName));
    }
  });

  it("a replacement planned with --save-plan is made under the planned name by up --plan", async () => {
    const before = await namesInApi(["second-0"]);
    autoNamed("second-0", "slack", "BASIC"); // authScheme replaces
    declare();
    const planPath = join(planDir, "replace.json");
    const planned = await plannedNames(planPath, ["second-0"]);
    expect(planned.get("second-0")).not.toBe(before.get("second-0"));
    const result = await world.up({ plan: planPath });
    expect(result.summary.resourceChanges?.replace).toBe(1);
    expect(await namesInApi(["second-0"])).toEqual(planned);
  });
});
