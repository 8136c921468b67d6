import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectExplicitProviderUsesItsOwnAccount, SECOND_KEY } from "./explicitProvider";
import { API_KEY, EngineWorld, RecordedRequest, ScenarioResource } from "./harness";
import { LIFECYCLE_ROWS, LifecycleRow } from "./lifecycleTable";
import { importedArgs, makeByHand, pulumiImport, REAL_SECRET } from "./pluginImport";

/**
 * The lifecycle of every resource kind through the real Pulumi engine, one table row per kind
 * (lifecycleTable.ts), each run two ways: as the dynamic resource of a JS program, and through a
 * Pulumi YAML program served by the native plugin (harness.ts's `program: "yaml"`): create, empty
 * plan, updates, replace, drift, out-of-band delete, read and adopt, `pulumi import` and the
 * `import` option (YAML only: the engine cannot import dynamic resources), an explicit provider
 * (YAML only: a dynamic resource has none), destroy. Every step
 * counts the HTTP requests the emulator received. Rows run at the same time, each in its own
 * world; the steps of a row run in order.
 */

const patches = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method === "PATCH");
const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");

/** How a program reaches the engine: the dynamic resources of a JS program, or a YAML program and the plugin. */
type Way = "dynamic" | "yaml";
const WAYS: readonly Way[] = ["dynamic", "yaml"];
const CASES = LIFECYCLE_ROWS.flatMap((row) => WAYS.map((way) => ({ kind: row.kind, way, row })));
const worldFor = (label: string, way: Way) => EngineWorld.create(`${label}-${way}`, way === "yaml" ? { program: "yaml" } : {});

/** Why the import steps skip the dynamic way, in the test's name. */
const DYNAMIC_CANNOT_IMPORT = "(skipped for dynamic resources: the engine cannot import them, pulumi/pulumi#3550 and #16175; importId is their way)";

describe.concurrent.each(CASES)("$kind lifecycle through the Pulumi engine, $way", ({ row, way }: { row: LifecycleRow; way: Way }) => {
  describe.sequential("steps", () => {
    let world: EngineWorld;
    let current: Record<string, unknown> = structuredClone(row.args);
    let id = "";
    let byHandId = "";
    /** Ids of the configs the import steps adopted (YAML only). */
    const importedIds: string[] = [];
    const realSecret = REAL_SECRET[row.kind];
    const optionSecret = `${realSecret.canary}-option`;
    const main = (): ScenarioResource => ({ kind: row.kind, name: "main", args: current });
    /** What the program declares besides main, once the adoption steps made it part of the stack. */
    let kept: ScenarioResource[] = [];
    const declare = (extra: ScenarioResource[] = []) => world.declare([main(), ...kept, ...extra]);
    const outputOf = async (name: string) => (await world.stack.outputs())[name].value as Record<string, unknown>;
    const importStep = (name: string) => (way === "dynamic" ? `${name} ${DYNAMIC_CANNOT_IMPORT}` : name);

    beforeAll(async () => {
      world = await worldFor(`table-${row.kind}`, way);
    });

    afterAll(async () => {
      await world?.dispose();
    });

    /** After every step: no canary in plaintext in the state files or anything the CLI printed. */
    function expectNoPlaintextSecrets(): void {
      const state = world.persistedState();
      for (const canary of [...row.canaries, API_KEY, SECOND_KEY, realSecret.canary, optionSecret]) {
        expect(state, `state holds ${canary}`).not.toContain(canary);
        expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
      }
    }

    /** Applies the change and checks it sent exactly one PATCH, with exactly this body. */
    async function upSendsOnePatch(body: unknown): Promise<void> {
      declare();
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH ${row.itemPath(id)}`]);
      expect(sent[0].body).toEqual(body);
      expectNoPlaintextSecrets();
    }

    it("create: the preview sends nothing; up sends one POST with the expected body", async () => {
      declare();
      const preview = await world.preview();
      // Summaries count the pulumi:pulumi:Stack resource too.
      expect(preview.changeSummary).toEqual({ create: 2 });
      expect(await world.requests()).toEqual([]);

      await world.up();
      const sent = writes(await world.requests());
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${row.collectionPath}`]);
      expect(sent[0].body).toEqual(row.createBody);
      const outputs = await outputOf("main");
      id = outputs.id as string;
      expect(id).toBeTruthy();
      expect(outputs[row.labelOutput]).toBe(row.labelSent(sent[0].body));
      expect(await row.exists(world, id)).toBe(true);
      expectNoPlaintextSecrets();
    });

    it("no change: preview and up report no changes and send zero requests", async () => {
      await world.clearRequests();
      expect((await world.preview()).changeSummary).toEqual({ same: 2 });
      expect((await world.up()).summary.resourceChanges).toEqual({ same: 2 });
      expect(await world.requests()).toEqual([]);
    });

    it("rotating one secret sends exactly one PATCH with only that key", async () => {
      current = row.rotate.args(current);
      await upSendsOnePatch(row.rotate.patch);
    });

    it.skipIf(way === "dynamic")(
      `an explicit provider resource with its own key and URL manages its resource in the other account; the default provider keeps the stack's${way === "dynamic" ? " (skipped for dynamic resources: they take their settings from stack config, not from a provider resource)" : ""}`,
      async () => {
        await expectExplicitProviderUsesItsOwnAccount(world, row, () => [main()], expectNoPlaintextSecrets);
      },
    );

    it("removing a field sends one PATCH that sets it to null", async () => {
      current = row.removeField.args(current);
      await upSendsOnePatch(row.removeField.patch);
    });

    it("changing a list sends one PATCH with the new list", async () => {
      current = row.changeList.args(current);
      await upSendsOnePatch(row.changeList.patch);
    });

    it.runIf(row.disable)("enabled: false sends one write that disables it; dropping it enables it again", async () => {
      const disable = row.disable!;
      current = { ...current, enabled: false };
      declare();
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([disable.write(id)]);
      if (disable.body !== undefined) expect(sent[0].body).toEqual(disable.body);
      // The API really holds it disabled: the drift check agrees with the state.
      await world.preview({ refresh: true, expectNoChanges: true });

      // `enabled` defaults to true: removing it is a change back.
      const { enabled: _dropped, ...enabledByDefault } = current;
      current = enabledByDefault;
      declare();
      await world.clearRequests();
      await world.up();
      expect(writes(await world.requests())).toHaveLength(1);
      await world.preview({ refresh: true, expectNoChanges: true });
    });

    it("a change the API cannot PATCH replaces: the preview says so, a new one is made, the old one deleted", async () => {
      current = row.replace.args(current);
      declare();
      await world.clearRequests();
      expect((await world.preview()).changeSummary.replace).toBe(1);
      await world.up();
      const sent = writes(await world.requests());
      expect(sent.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([row.collectionPath]);
      expect(sent.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual([row.itemPath(id)]);
      expect(await row.exists(world, id)).toBe(false);
      const newId = (await outputOf("main")).id as string;
      expect(newId).not.toBe(id);
      id = newId;
      expect(await row.exists(world, id)).toBe(true);
      expectNoPlaintextSecrets();
    });

    it("an out-of-band change fails the drift check naming the field; up --refresh fixes it with one PATCH", async () => {
      const oob = await world.api("PATCH", row.itemPath(id), row.outOfBand.patch);
      expect(oob.status).toBe(200);
      let failure: Error | undefined;
      const before = world.output.length;
      try {
        await world.preview({ refresh: true, expectNoChanges: true });
      } catch (error) {
        failure = error as Error;
      }
      expect(failure, "the drift check must fail").toBeDefined();
      const text = `${failure!.message}\n${world.output.slice(before)}`;
      for (const field of row.outOfBand.fieldNames) expect(text).toContain(field);

      await world.clearRequests();
      await world.up({ refresh: true });
      expect(patches(await world.requests()).map((r) => r.body)).toEqual([row.outOfBand.fix]);
      // Converged: the drift check passes again.
      await world.preview({ refresh: true, expectNoChanges: true });
      expectNoPlaintextSecrets();
    });

    it("an out-of-band delete: refresh drops it from state, the next up recreates it", async () => {
      const deleted = await world.api("DELETE", row.itemPath(id));
      expect(deleted.status).toBe(200);
      await world.refresh();
      expect((await world.storedResources()).map((r) => r.id)).not.toContain(id);
      await world.clearRequests();
      await world.up();
      expect(writes(await world.requests()).map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${row.collectionPath}`]);
      id = (await outputOf("main")).id as string;
      expect(await row.exists(world, id)).toBe(true);
      expectNoPlaintextSecrets();
    });

    it("get reads an object made by hand, by id, and writes nothing", async () => {
      const made = await world.api("POST", row.collectionPath, row.byHand.createBody);
      expect(made.status).toBeLessThan(300);
      byHandId = row.byHand.idOf(made.body);

      declare([{ kind: row.kind, name: "read-only", getId: byHandId }]);
      await world.clearRequests();
      await world.up();
      expect(writes(await world.requests())).toEqual([]);
      const readOnly = await outputOf("read-only");
      expect(readOnly.id).toBe(byHandId);
      expect(readOnly[row.labelOutput]).toBe(row.byHand.label);
      expectNoPlaintextSecrets();
    });

    it("importId adopts the object made by hand and PATCHes only what differs", async () => {
      const adopted: ScenarioResource = { kind: row.kind, name: "adopted", args: row.byHand.adoptArgs(byHandId) };
      declare([adopted]);
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH ${row.itemPath(byHandId)}`]);
      expect(sent[0].body).toEqual(row.byHand.adoptPatch);
      expect((await outputOf("adopted"))[row.labelOutput]).toBe(row.byHand.label);
      kept = [adopted];

      await world.clearRequests();
      expect((await world.preview()).changeSummary).toEqual({ same: 3 });
      expect(await world.requests()).toEqual([]);
      expectNoPlaintextSecrets();
    });

    it.skipIf(way === "dynamic")(importStep("pulumi import <type> <name> <id> reads a config made by hand into state by id alone, and writes nothing"), async () => {
      const madeId = await makeByHand(world, row, `${row.byHand.label}-cli`);
      await world.clearRequests();
      await pulumiImport(world, row.kind, "byhand", madeId);
      expect(writes(await world.requests())).toEqual([]);
      expect((await world.storedResources()).find((r) => r.urn.endsWith("::byhand"))?.id).toBe(madeId);
      importedIds.push(madeId);
      expectNoPlaintextSecrets();
    });

    // ElevenLabs never returns a secret, and its secret is required: it cannot be declared "as imported".
    it.skipIf(way === "dynamic" || row.kind === "elevenlabs")(
      importStep(`the imported inputs, declared as they are (masked secret included), preview and up with no changes and zero requests${row.kind === "elevenlabs" ? " (skipped for ElevenLabs: its required secret is never returned, so the import cannot declare it)" : ""}`),
      async () => {
        declare([{ kind: row.kind, name: "byhand", args: await importedArgs(world, "byhand") }]);
        await world.clearRequests();
        expect((await world.preview()).changeSummary).toEqual({ same: 4 });
        expect((await world.up()).summary.resourceChanges).toEqual({ same: 4 });
        expect(await world.requests()).toEqual([]);
      },
    );

    it.skipIf(way === "dynamic")(importStep("declaring the real secret over the imported config sends it once, alone, in one PATCH"), async () => {
      const byhand: ScenarioResource = { kind: row.kind, name: "byhand", args: realSecret.declare(await importedArgs(world, "byhand"), realSecret.canary) };
      declare([byhand]);
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH ${row.itemPath(importedIds[0])}`]);
      expect(sent[0].body).toEqual(realSecret.patch(realSecret.canary));
      kept = [...kept, byhand];
      await world.clearRequests();
      expect((await world.up()).summary.resourceChanges).toEqual({ same: 4 });
      expect(await world.requests()).toEqual([]);
      expectNoPlaintextSecrets();
    });

    it.skipIf(way === "dynamic")(importStep("the import option adopts a config made by hand: no POST, the declared secret sent once, then nothing"), async () => {
      const madeId = await makeByHand(world, row, `${row.byHand.label}-option`);
      const { importId: _importId, ...declared } = row.byHand.adoptArgs(madeId);
      const adopted: ScenarioResource = { kind: row.kind, name: "adopted-option", args: realSecret.declare(declared, optionSecret), options: { import: madeId } };
      declare([adopted]);
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      // One PATCH makes it match the program: the secret (which the API cannot show) and what else differs.
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH ${row.itemPath(madeId)}`]);
      expect(JSON.stringify(sent[0].body)).toContain(optionSecret);
      expect((await world.storedResources()).find((r) => r.urn.endsWith("::adopted-option"))?.id).toBe(madeId);
      importedIds.push(madeId);
      kept = [...kept, adopted];

      // The import option may stay in the program: the next runs change nothing.
      await world.clearRequests();
      expect((await world.up()).summary.resourceChanges).toEqual({ same: 5 });
      expect(await world.requests()).toEqual([]);
      expectNoPlaintextSecrets();
    });

    it("destroy deletes every config it manages and leaves nothing behind", async () => {
      await world.clearRequests();
      await world.destroy();
      const deletes = (await world.requests()).filter((r) => r.method === "DELETE").map((r) => r.path);
      expect(deletes.sort()).toEqual([id, byHandId, ...importedIds].map(row.itemPath).sort());
      expect(await row.count(world)).toBe(0);
      expectNoPlaintextSecrets();
    });
  });
});

describe.concurrent.each(CASES)("$kind: values unknown during preview, $way", ({ row, way }: { row: LifecycleRow; way: Way }) => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await worldFor(`unknowns-${row.kind}`, way);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it("a label computed from another resource's id passes check at preview and is sent once known", async () => {
    world.declare([
      { kind: row.kind, name: "first", args: row.args },
      { kind: row.kind, name: "second", args: row.args, labelFromIdOf: { arg: row.labelOutput, resource: "first" } },
    ]);
    expect((await world.preview()).changeSummary).toEqual({ create: 3 });
    expect(await world.requests()).toEqual([]);

    await world.up();
    const outputs = await world.stack.outputs();
    const first = outputs.first.value as { id: string };
    const second = outputs.second.value as Record<string, unknown>;
    const label = `copy-of-${first.id}`;
    expect(second[row.labelOutput]).toBe(label);
    // The label reached the API (in the POST, or in the PATCH right after it), and Pulumi's unknown placeholder never did.
    const sent = JSON.stringify(writes(await world.requests()).map((r) => r.body));
    expect(sent).toContain(label);
    expect(sent).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    await world.destroy();
    expect(await row.count(world)).toBe(0);
  });
});
