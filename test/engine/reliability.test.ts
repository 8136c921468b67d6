import type { FaultSettings } from "../../emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_INPUTS, BAD_INPUT_CANARIES, BadInput } from "../fixtures/badInputs";
import { ELEVENLABS_BAD_INPUTS, ELEVENLABS_BAD_INPUT_CANARIES } from "../fixtures/elevenlabsBadInputs";
import { FLOWRA_BAD_INPUTS, FLOWRA_BAD_INPUT_CANARIES } from "../fixtures/flowraBadInputs";
import { API_KEY, EngineWorld, ResourceKind, ScenarioResource } from "./harness";
import { failureOf, setFaults } from "./inspect";
import { storedObjects } from "./storedObjects";

/**
 * What a pipeline meets against a real API, for every resource kind: faults of every kind, bad
 * input, a wrong key, an unreachable API, a failing API. Through the real engine, against the
 * emulator's injected faults. One row per kind; the rows run at the same time, each in its own world.
 */

interface ReliabilityRow {
  readonly kind: ResourceKind;
  /** The settings namespace: `<namespace>:apiKey`, `:baseUrl`, `:maxRetries`... */
  readonly namespace: string;
  /** Resource i of the fleet: `secret` is its one secret value, `tool` the one list entry an update changes. */
  fleetArgs(secret: string, tool: string): Record<string, unknown>;
  readonly badInputs: readonly BadInput[];
  readonly badInputCanaries: readonly string[];
  /** How the provider names a resource of this kind in errors. */
  readonly typeName: string;
  /** The label argument, for APIs that can rename: half the fleet declares one (ElevenLabs cannot rename, so its fleet keeps generated names). */
  readonly labelArg?: string;
  /** What else an API error shows, where the API gives it (Composio's request id). */
  readonly errorDetail?: RegExp;
}

const ROWS: readonly ReliabilityRow[] = [
  {
    kind: "composio",
    namespace: "composio",
    fleetArgs: (secret, tool) => ({ toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: secret }, toolAccessConfig: { toolsAvailableForExecution: [tool] } }),
    badInputs: BAD_INPUTS,
    badInputCanaries: BAD_INPUT_CANARIES,
    typeName: "composio.AuthConfig",
    labelArg: "name",
    errorDetail: /request_id: req_/,
  },
  {
    kind: "flowra",
    namespace: "flowra",
    fleetArgs: (secret, tool) => ({ toolkit: "github", authScheme: "API_KEY", credentials: { api_key: secret }, restrictToFollowingTools: [tool] }),
    badInputs: FLOWRA_BAD_INPUTS,
    badInputCanaries: FLOWRA_BAD_INPUT_CANARIES,
    typeName: "flowra.AuthConfig",
    labelArg: "displayName",
  },
  {
    kind: "elevenlabs",
    namespace: "elevenlabs",
    fleetArgs: (secret, tool) => ({ authType: "oauth2_client_credentials", provider: "acme-crm", clientId: "crm-id", clientSecret: secret, tokenUrl: "https://auth.acme.example/token", scopes: [tool] }),
    badInputs: ELEVENLABS_BAD_INPUTS,
    badInputCanaries: ELEVENLABS_BAD_INPUT_CANARIES,
    typeName: "elevenlabs.AuthConnection",
  },
];

const FAULTS: FaultSettings = { rate: 0.2, kinds: ["429", "500", "503", "reset-before", "reset-after", "delay"], seed: 7, delayMs: 1500, retryAfterSeconds: 1 };
const CANARY = "canary-fleet-secret-3a9c";
const FLEET = 50;

describe.concurrent.each(ROWS)("$kind: 50 resources with 20% injected faults of every kind", (row) => {
  describe.sequential("steps", () => {
    let world: EngineWorld;
    /** The label resource i declares, if any: odd ones declare one (under the create marker, then a PATCH sets it). */
    const labelOf = (i: number, tool: string) => (row.labelArg && i % 2 === 1 ? `fleet-label-${i}-${tool}` : undefined);
    const fleet = (tool: string): ScenarioResource[] =>
      Array.from({ length: FLEET }, (_, i) => ({
        kind: row.kind,
        name: `fleet-${i}`,
        args: { ...row.fleetArgs(`${CANARY}-${i}`, tool), ...(labelOf(i, tool) && { [row.labelArg!]: labelOf(i, tool) }) },
      }));

    beforeAll(async () => {
      // A short per-attempt timeout, so that the `delay` fault becomes a timeout after the request was processed.
      world = await EngineWorld.create(`faults-${row.kind}`, { config: { [`${row.namespace}:requestTimeoutMs`]: "1000" } });
    });
    afterAll(async () => {
      await world?.dispose();
    });

    /**
     * Exactly 50 objects exist, one per resource: each carries its resource's own secret and the
     * declared list, the stack's ids are the live ids (no twin, no orphan, nothing bound to the wrong resource).
     */
    async function expectExactlyTheFleet(tool: string): Promise<void> {
      const live = await storedObjects(world, row.kind);
      expect(live).toHaveLength(FLEET);
      const outputs = await world.stack.outputs();
      const idOf = (i: number) => (outputs[`fleet-${i}`].value as { id: string }).id;
      const byId = new Map(live.map((o) => [o.id, o]));
      for (let i = 0; i < FLEET; i++) {
        const object = byId.get(idOf(i));
        expect(object, `fleet-${i}'s object exists`).toBeDefined();
        expect(object!.secret, `fleet-${i} holds its own secret`).toBe(`${CANARY}-${i}`);
        expect(object!.tools).toEqual([tool]);
        if (labelOf(i, tool)) expect(object!.label, `fleet-${i}'s declared label`).toBe(labelOf(i, tool));
        else expect(object!.label, `fleet-${i}'s generated label`).toMatch(new RegExp(`^fleet-${i}-[0-9a-f]{7}$`));
      }
      const deployment = (await world.stack.exportStack()).deployment as { pending_operations?: unknown[] };
      expect(deployment.pending_operations ?? [], "pending operations left in state").toEqual([]);
      await world.clearRequests();
      expect((await world.preview({ refresh: true, expectNoChanges: true })).changeSummary).toEqual({ same: FLEET + 1 }); // and the stack
      expect((await world.requests()).filter((r) => r.method !== "GET"), "the drift check wrote").toEqual([]);
      expect(world.output).not.toContain(CANARY);
      expect(world.persistedState()).not.toContain(CANARY);
    }

    async function withFaults(step: () => Promise<unknown>): Promise<void> {
      await setFaults(world, FAULTS);
      try {
        await step();
      } finally {
        await setFaults(world, null);
      }
    }

    it("up converges in one run", async () => {
      world.declare(fleet("TOOL_A"));
      await withFaults(async () => {
        await world.up({ parallel: 10 });
        // The faults really happened, of every kind.
        const kinds = new Set((await world.requests()).map((r) => r.fault).filter(Boolean));
        for (const kind of FAULTS.kinds) expect(kinds, `fault ${kind} was injected`).toContain(kind);
      });
      await expectExactlyTheFleet("TOOL_A");
    });

    it("an update of all 50 converges the same way", async () => {
      world.declare(fleet("TOOL_B"));
      await withFaults(() => world.up({ parallel: 10 }));
      await expectExactlyTheFleet("TOOL_B");
    });

    it("a destroy of all 50 converges the same way", async () => {
      await withFaults(() => world.destroy({ parallel: 10 }));
      expect(await storedObjects(world, row.kind)).toHaveLength(0);
      expect(world.output).not.toContain(CANARY);
    });
  });
});

// The engine stops a preview at the first invalid resource, so each bad input needs a preview of its own.
describe.concurrent.each(ROWS)("$kind: bad input fails at preview, naming the field, with zero requests", (row) => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await EngineWorld.create(`badinput-${row.kind}`);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it(`all ${row.badInputs.length} cases`, async () => {
    expect(row.badInputs.length).toBeGreaterThanOrEqual(30);
    const missed: string[] = [];
    for (const bad of row.badInputs) {
      world.declare([{ kind: row.kind, name: "bad", args: bad.args }]);
      const text = await failureOf(world, () => world.preview());
      if (text === undefined) missed.push(`${bad.what}: preview passed`);
      else if (!text.includes(bad.field)) missed.push(`${bad.what}: the error does not name ${bad.field}`);
      for (const canary of row.badInputCanaries) if (text?.includes(canary)) missed.push(`${bad.what}: the error shows a secret`);
      const sent = await world.requests();
      if (sent.length > 0) missed.push(`${bad.what}: ${sent.length} requests sent`);
    }
    expect(missed).toEqual([]);
  }, 1_800_000); // a preview per case, on a machine that may be busy
});

describe.concurrent.each(ROWS)("$kind: failures that cannot be retried away end clearly and leave state as it was", (row) => {
  describe.sequential("steps", () => {
    let world: EngineWorld;
    let stateBefore = "";
    const secret = `canary-failure-key-61b0-${row.kind}`;

    beforeAll(async () => {
      world = await EngineWorld.create(`failures-${row.kind}`, { config: { [`${row.namespace}:maxRetries`]: "3" } });
      world.declare([{ kind: row.kind, name: "one", args: row.fleetArgs(secret, "TOOL_A") }]);
      await world.up();
      // Every case below tries to change it, and must fail without touching the state.
      world.declare([{ kind: row.kind, name: "one", args: row.fleetArgs(secret, "TOOL_B") }]);
      stateBefore = await resourcesInState();
    });
    afterAll(async () => {
      await world?.dispose();
    });

    /** The resources in state (ids, inputs, outputs), decrypted (ciphertexts change on every save), as one string. */
    async function resourcesInState(): Promise<string> {
      const all = (await world.stack.exportStack()).deployment.resources as { type: string; id: string; inputs: unknown; outputs: unknown }[];
      const resources = all.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
      expect(resources).toHaveLength(1);
      return JSON.stringify(resources.map((r) => ({ id: r.id, inputs: r.inputs, outputs: r.outputs })));
    }

    async function failingUp(): Promise<string> {
      const text = await failureOf(world, () => world.up());
      expect(text, "up must fail").toBeDefined();
      expect(await resourcesInState()).toBe(stateBefore);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(API_KEY);
      expect(text).toContain(`${row.typeName} "one": update failed`);
      return text!;
    }

    it("a wrong API key: the API's 401 message, naming the resource and operation", async () => {
      await world.stack.setConfig(`${row.namespace}:apiKey`, { value: "wrong-key-canary-2f", secret: true });
      try {
        const text = await failingUp();
        expect(text).toMatch(/answered 401/);
        if (row.errorDetail) expect(text).toMatch(row.errorDetail);
        expect(text).not.toContain("wrong-key-canary-2f");
      } finally {
        await world.stack.setConfig(`${row.namespace}:apiKey`, { value: API_KEY, secret: true });
      }
    });

    it("an unreachable base URL: connection refused, after bounded retries", async () => {
      await world.stack.setConfig(`${row.namespace}:baseUrl`, { value: "http://127.0.0.1:1" });
      try {
        expect(await failingUp()).toContain("connection refused");
      } finally {
        await world.stack.setConfig(`${row.namespace}:baseUrl`, { value: world.emulatorUrl });
      }
    });

    it("a 500 that never stops: the API's answer, after bounded retries", async () => {
      await setFaults(world, { rate: 1, kinds: ["500"], seed: 1 });
      try {
        await world.clearRequests();
        const text = await failingUp();
        expect(text).toMatch(/answered 500/);
        if (row.errorDetail) expect(text).toMatch(row.errorDetail);
        expect(text).toMatch(/retry 3 of 3/);
        // The first attempt and three retries of the one write, then it stops.
        expect((await world.requests()).filter((r) => r.method === "PATCH")).toHaveLength(4);
      } finally {
        await setFaults(world, null);
      }
    });
  });
});
