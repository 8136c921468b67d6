import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { PACKAGE_RESOURCES } from "../../provider/plugin/resourceTypes";
import { API_KEY, EngineWorld, RecordedRequest, ResourceKind, ScenarioProvider, ScenarioResource } from "./harness";
import { LIFECYCLE_ROWS, LifecycleRow } from "./lifecycleTable";

/**
 * Every resource kind through the native plugin (pulumi-resource-authconfig from the installed
 * package, named by the program's Pulumi.yaml), declared as plain `pulumi.CustomResource`s: create,
 * no-op, one-PATCH rotation, an explicit provider with its own key and URL, `pulumi import`, the
 * `import` resource option, destroy. Rows are those of lifecycle.test.ts (lifecycleTable.ts).
 */

/** The plugin's type token of each kind. */
const TOKENS = Object.fromEntries(PACKAGE_RESOURCES.map((r) => [r.module, r.token])) as Record<ResourceKind, string>;

/** The key of the second account (the explicit provider's): never in state or output either. */
const SECOND_KEY = "canary-second-account-key-5a7d";

/**
 * A config made by hand holds a secret the API masks (Composio, Flowra) or never returns
 * (ElevenLabs): per kind, how a program declares its real value over what was imported, and the
 * one PATCH that then sends it.
 */
const REAL_SECRET: Record<ResourceKind, { canary: string; declare(args: Record<string, unknown>, canary: string): Record<string, unknown>; patch(canary: string): unknown }> = {
  composio: {
    canary: "canary-plugin-import-composio-1f3a",
    declare: (args, canary) => ({ ...args, credentials: { ...(args.credentials as object), client_secret: canary } }),
    patch: (canary) => ({ type: "custom", credentials: { client_secret: canary } }),
  },
  flowra: {
    canary: "canary-plugin-import-flowra-8c24",
    declare: (args, canary) => ({ ...args, credentials: { ...(args.credentials as object), client_secret: canary } }),
    patch: (canary) => ({ credentials: { client_secret: canary } }),
  },
  elevenlabs: {
    canary: "canary-plugin-import-elevenlabs-3e90",
    declare: (args, canary) => ({ ...args, clientSecret: canary }),
    patch: (canary) => ({ auth_type: "oauth2_client_credentials", client_secret: canary }),
  },
};

/** A value of an exported deployment with its secrets as plain values (the export gives `{<sig>, plaintext: "<json>"}`). */
function decrypted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decrypted);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (typeof record.plaintext === "string" && Object.keys(record).length === 2) return JSON.parse(record.plaintext);
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decrypted(inner)]));
}

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");
const summary = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

describe.concurrent.each(LIFECYCLE_ROWS)("$kind through the native plugin", (row: LifecycleRow) => {
  describe.sequential("steps", () => {
    let world: EngineWorld;
    let second: Awaited<ReturnType<typeof startEmulator>>;
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
      second = await startEmulator({ port: 0, apiKey: SECOND_KEY });
    });

    afterAll(async () => {
      await world?.dispose();
      await second?.close();
    });

    /** After every step: no canary (secret values, both accounts' keys) in the state files or anything the CLI printed. */
    function expectNoPlaintextSecrets(): void {
      const state = world.persistedState();
      for (const canary of canaries) {
        expect(state, `state holds ${canary}`).not.toContain(canary);
        expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
      }
    }

    /** Makes a config through the API, as a person would in the dashboard; returns its id. */
    async function byHand(label: string): Promise<string> {
      // The by-hand body of the row, under another label: each config made here has its own name.
      const body = JSON.parse(JSON.stringify(row.byHand.createBody).replace(JSON.stringify(row.byHand.label), JSON.stringify(label)));
      const made = await world.api("POST", row.collectionPath, body);
      expect([200, 201], `POST ${row.collectionPath}`).toContain(made.status);
      return row.byHand.idOf(made.body);
    }

    /** The inputs the state holds for a resource, decrypted, without the provider's own (`__...`): what `pulumi import` would write as code. */
    async function importedArgs(name: string): Promise<Record<string, unknown>> {
      const deployment = (await world.stack.exportStack()).deployment as { resources: { urn: string; inputs?: Record<string, unknown> }[] };
      const resource = deployment.resources.find((r) => r.urn.endsWith(`::${name}`));
      expect(resource, `${name} in state`).toBeDefined();
      return decrypted(Object.fromEntries(Object.entries(resource!.inputs ?? {}).filter(([key]) => !key.startsWith("__")))) as Record<string, unknown>;
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
      const provider: ScenarioProvider = { name: "second", args: { [`${row.kind}ApiKey`]: SECOND_KEY, [`${row.kind}BaseUrl`]: second.url } };
      world.declare([main(), { kind: row.kind, name: "other", args: row.args, provider: "second" }], [provider]);
      await world.clearRequests();
      await fetch(`${second.url}/_emulator/requests`, { method: "DELETE" });
      await world.up();
      const inSecond = writes((await (await fetch(`${second.url}/_emulator/requests`)).json()) as RecordedRequest[]);
      expect(summary(inSecond)).toEqual([`POST ${row.collectionPath}`]);
      expect(writes(await world.requests())).toEqual([]);
      expectNoPlaintextSecrets();

      // Gone from the program: deleted through the provider that made it, in its account.
      world.declare([main()]);
      await fetch(`${second.url}/_emulator/requests`, { method: "DELETE" });
      await world.up();
      const deleted = writes((await (await fetch(`${second.url}/_emulator/requests`)).json()) as RecordedRequest[]);
      expect(deleted.map((r) => r.method)).toEqual(["DELETE"]);
      expect(writes(await world.requests())).toEqual([]);
      expectNoPlaintextSecrets();
    });

    it("pulumi import <type> <name> <id> reads the config by id alone into state, and writes nothing", async () => {
      const madeId = await byHand(`${row.byHand.label}-cli`);
      await world.clearRequests();
      const imported = await world.run(["import", TOKENS[row.kind], "byhand", madeId, "--yes", "--protect=false", "--generate-code=false"]);
      expect(imported.code, imported.output).toBe(0);
      expect(writes(await world.requests())).toEqual([]);
      expect((await world.storedResources()).find((r) => r.id === madeId)?.type).toBe(TOKENS[row.kind]);
      expectNoPlaintextSecrets();
    });

    // ElevenLabs never returns a secret, and its secret is required: it cannot be declared "as imported".
    it.runIf(row.kind !== "elevenlabs")("the imported inputs, declared as they are (masked secret included), preview and up with no changes and zero requests", async () => {
      world.declare([main(), { kind: row.kind, name: "byhand", args: await importedArgs("byhand") }]);
      await world.clearRequests();
      expect((await world.preview()).changeSummary).toEqual({ same: 3 });
      expect((await world.up()).summary.resourceChanges).toEqual({ same: 3 });
      expect(await world.requests()).toEqual([]);
    });

    it("declaring the real secret over the imported config sends it once, alone, in one PATCH", async () => {
      byhand = { kind: row.kind, name: "byhand", args: realSecret.declare(await importedArgs("byhand"), realSecret.canary) };
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
      const madeId = await byHand(`${row.byHand.label}-option`);
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
