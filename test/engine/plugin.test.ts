import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectExplicitProviderUsesItsOwnAccount, SECOND_KEY } from "./explicitProvider";
import { API_KEY, EngineWorld, RecordedRequest, ScenarioResource } from "./harness";
import { LIFECYCLE_ROWS, LifecycleRow } from "./lifecycleTable";
import { importedArgs, makeByHand, pulumiImport, REAL_SECRET, TOKENS } from "./pluginImport";

/**
 * Every resource kind through the native plugin (pulumi-resource-authconfig from the installed
 * package, named by the program's Pulumi.yaml), declared as plain `pulumi.CustomResource`s: create,
 * no-op, one-PATCH rotation, an explicit provider with its own key and URL, `pulumi import`, the
 * `import` resource option, destroy. Rows are those of lifecycle.test.ts (lifecycleTable.ts).
 */

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");
const summary = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

describe.concurrent.each(LIFECYCLE_ROWS)("$kind through the native plugin", (row: LifecycleRow) => {
  describe.sequential("steps", () => {
    let world: EngineWorld;
    let current: Record<string, unknown> = structuredClone(row.args);
    let id = "";
    const realSecret = REAL_SECRET[row.kind];
    const adoptedSecret = `${realSecret.canary}-option`;
    const main = (): ScenarioResource => ({ kind: row.kind, name: "main", args: current });
    /** The config imported with `pulumi import`, as the program declares it once imported. */
    let byhand: ScenarioResource;
    const canaries = [...row.canaries, API_KEY, SECOND_KEY, realSecret.canary, adoptedSecret];

    beforeAll(async () => {
      world = await EngineWorld.create(`plugin-${row.kind}`, { plugin: true });
    });

    afterAll(async () => {
      await world?.dispose();
    });

    /** After every step: no canary (secret values, both accounts' keys) in the state files or anything the CLI printed. */
    function expectNoPlaintextSecrets(): void {
      const state = world.persistedState();
      for (const canary of canaries) {
        expect(state, `state holds ${canary}`).not.toContain(canary);
        expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
      }
    }

    it("create: the preview sends nothing; up sends one POST with the expected body", async () => {
      world.declare([main()]);
      const preview = await world.preview();
      expect(preview.changeSummary).toEqual({ create: 2 });
      expect(await world.requests()).toEqual([]);

      await world.up();
      const sent = writes(await world.requests());
      expect(summary(sent)).toEqual([`POST ${row.collectionPath}`]);
      expect(sent[0].body).toEqual(row.createBody);
      const outputs = (await world.stack.outputs()).main.value as Record<string, unknown>;
      id = outputs.id as string;
      expect(await row.exists(world, id)).toBe(true);
      expect(outputs[row.labelOutput]).toBe(row.labelSent(sent[0].body));
      const types = (await world.storedResources()).map((r) => r.type);
      expect(types).toContain(TOKENS[row.kind]);
      expect(types).toContain("pulumi:providers:authconfig");
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
      world.declare([main()]);
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      expect(summary(sent)).toEqual([`PATCH ${row.itemPath(id)}`]);
      expect(sent[0].body).toEqual(row.rotate.patch);
      expectNoPlaintextSecrets();
    });

    it("an explicit provider with its own key and URL manages its resource in the other account; the default provider keeps the stack's", async () => {
      await expectExplicitProviderUsesItsOwnAccount(world, row, () => [main()], expectNoPlaintextSecrets);
    });

    it("pulumi import <type> <name> <id> reads the config by id alone into state, and writes nothing", async () => {
      const madeId = await makeByHand(world, row, `${row.byHand.label}-cli`);
      await world.clearRequests();
      await pulumiImport(world, row.kind, "byhand", madeId);
      expect(writes(await world.requests())).toEqual([]);
      expect((await world.storedResources()).find((r) => r.id === madeId)?.type).toBe(TOKENS[row.kind]);
      expectNoPlaintextSecrets();
    });

    // ElevenLabs never returns a secret, and its secret is required: it cannot be declared "as imported".
    it.runIf(row.kind !== "elevenlabs")("the imported inputs, declared as they are (masked secret included), preview and up with no changes and zero requests", async () => {
      world.declare([main(), { kind: row.kind, name: "byhand", args: await importedArgs(world, "byhand") }]);
      await world.clearRequests();
      expect((await world.preview()).changeSummary).toEqual({ same: 3 });
      expect((await world.up()).summary.resourceChanges).toEqual({ same: 3 });
      expect(await world.requests()).toEqual([]);
    });

    it("declaring the real secret over the imported config sends it once, alone, in one PATCH", async () => {
      byhand = { kind: row.kind, name: "byhand", args: realSecret.declare(await importedArgs(world, "byhand"), realSecret.canary) };
      const byhandId = (await world.storedResources()).find((r) => r.urn.endsWith("::byhand"))!.id!;
      world.declare([main(), byhand]);
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      expect(summary(sent)).toEqual([`PATCH ${row.itemPath(byhandId)}`]);
      expect(sent[0].body).toEqual(realSecret.patch(realSecret.canary));
      await world.clearRequests();
      expect((await world.up()).summary.resourceChanges).toEqual({ same: 3 });
      expect(await world.requests()).toEqual([]);
      expectNoPlaintextSecrets();
    });

    it("the import resource option adopts a config made by hand: no POST, the declared secret sent once, then nothing", async () => {
      const madeId = await makeByHand(world, row, `${row.byHand.label}-option`);
      const { importId: _importId, ...declared } = row.byHand.adoptArgs(madeId);
      const args = realSecret.declare(declared, adoptedSecret);
      const adopted: ScenarioResource = { kind: row.kind, name: "adopted", args, options: { import: madeId } };
      world.declare([main(), byhand, adopted]);
      await world.clearRequests();
      await world.up();
      const sent = writes(await world.requests());
      // One PATCH makes it match the program: the secret (which the API cannot show) and what else differs.
      expect(summary(sent)).toEqual([`PATCH ${row.itemPath(madeId)}`]);
      expect(JSON.stringify(sent[0].body)).toContain(adoptedSecret);
      expect((await world.storedResources()).find((r) => r.urn.endsWith("::adopted"))?.id).toBe(madeId);

      // The import option may stay in the program: the next runs change nothing.
      await world.clearRequests();
      expect((await world.up()).summary.resourceChanges).toEqual({ same: 4 });
      expect(await world.requests()).toEqual([]);
      expectNoPlaintextSecrets();
    });

    it("destroy deletes every config it manages", async () => {
      const ids = (await world.storedResources()).filter((r) => r.type === TOKENS[row.kind]).map((r) => r.id!);
      expect(ids).toHaveLength(3);
      await world.destroy();
      for (const managed of ids) expect(await row.exists(world, managed), managed).toBe(false);
      expectNoPlaintextSecrets();
    });
  });
});
