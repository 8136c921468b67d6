import { describe, expect, it } from "vitest";
import type { FaultKind } from "../../emulator";
import { EngineWorld, ScenarioResource } from "./harness";
import { configsInState, expectSucceeds, inWorld, liveConfigs, setFaults, unmaskedSecrets } from "./inspect";

/**
 * Create recovery (a POST that may or may not have been processed) never binds a resource to a
 * config it did not create: not a sibling with the same name, not one with someone else's secrets,
 * and it never leaves a twin behind. Faults are the emulator's, on POST only unless said otherwise.
 * The fault seeds are chosen so that the first POSTs are faulted as each scenario needs (the
 * emulator draws one fault sequence per server, in the order requests arrive).
 */

/**
 * The fleet's resources, each bound to its own live config, and no other live config: returns the
 * ids by resource name.
 */
async function expectOneConfigEach(world: EngineWorld, resourceNames: readonly string[]): Promise<Map<string, string>> {
  const inState = await configsInState(world);
  expect(inState.map((r) => r.name).sort()).toEqual([...resourceNames].sort());
  const ids = inState.map((r) => r.id);
  expect(new Set(ids).size, `each resource bound to its own config: ${JSON.stringify(inState)}`).toBe(ids.length);
  const live = (await liveConfigs(world)).map((c) => c.id);
  expect(live.sort(), "the live configs are exactly those in state (no twins, no orphans)").toEqual([...ids].sort());
  return new Map(inState.map((r) => [r.name, r.id]));
}

/** Faults that the run really met, by kind: a scenario whose faults never fired proves nothing. */
async function faultsMet(world: EngineWorld): Promise<Set<string>> {
  return new Set((await world.requests()).map((r) => r.fault).filter((f): f is string => Boolean(f)));
}

function expectNoCanaries(world: EngineWorld, canaries: readonly string[]): void {
  const state = world.persistedState();
  for (const canary of canaries) {
    expect(state, `state holds ${canary}`).not.toContain(canary);
    expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
  }
}

describe.concurrent("create recovery binds each resource to the config it created", () => {
  it("1. four resources with the same name and credentials, 50% reset-before on POST: four configs, one each", () =>
    inWorld("recover-same", {}, async (world) => {
      const canary = "canary-same-key-5b80";
      const names = ["same-1", "same-2", "same-3", "same-4"];
      world.declare(names.map((name) => ({ name, args: { toolkit: "linear", authScheme: "API_KEY", name: "Linear", credentials: { api_key: canary } } })));
      await setFaults(world, { rate: 0.5, kinds: ["reset-before"], methods: ["POST"], seed: 3 });
      await expectSucceeds(world, "up", () => world.up({ parallel: 10 }));
      expect(await faultsMet(world)).toContain("reset-before");
      await setFaults(world, null);
      await expectOneConfigEach(world, names);
      expectNoCanaries(world, [canary]);
    }));

  it("2. two API-key configs both named Linear, 50% reset-before on POST: each config holds its own resource's key", () =>
    inWorld("recover-siblings", {}, async (world) => {
      const keys: Record<string, string> = { "linear-team-a": "canary-team-a-key-7c14", "linear-team-b": "canary-team-b-key-e2f9" };
      world.declare(Object.entries(keys).map(([name, key]) => ({ name, args: { toolkit: "linear", authScheme: "API_KEY", name: "Linear", credentials: { api_key: key } } })));
      await setFaults(world, { rate: 0.5, kinds: ["reset-before"], methods: ["POST"], seed: 2 });
      await expectSucceeds(world, "up", () => world.up({ parallel: 10 }));
      expect(await faultsMet(world)).toContain("reset-before");
      await setFaults(world, null);
      const ids = await expectOneConfigEach(world, Object.keys(keys));
      const store = await unmaskedSecrets(world);
      for (const [name, key] of Object.entries(keys)) {
        expect(store.get(ids.get(name)!)?.credentials, `the config of ${name}`).toEqual({ api_key: key });
      }
      expectNoCanaries(world, Object.values(keys));
    }));

  it("3. the server's clock 10 s behind, 50% reset-after on POST: no twins, each resource bound to its own config", async () => {
    await inWorld("recover-clock", { emulator: { clockOffsetMs: -10_000 } }, async (world) => {
      // The scenario needs the server's clock behind: see it in a config's created_at, then remove that config.
      const probe = await world.api<{ auth_config: { id: string } }>("POST", "/api/v3/auth_configs", { toolkit: { slug: "linear" }, auth_config: { type: "use_custom_auth", authScheme: "API_KEY", credentials: { api_key: "probe" } } });
      const probed = await world.api<{ created_at: string }>("GET", `/api/v3/auth_configs/${probe.body.auth_config.id}`);
      expect(Date.now() - Date.parse(probed.body.created_at), "the emulator's clock must run 10 s behind (clockOffsetMs)").toBeGreaterThan(8_000);
      await world.api("DELETE", `/api/v3/auth_configs/${probe.body.auth_config.id}`);
      await world.clearRequests();

      const canary = "canary-clock-key-38d1";
      const declared: ScenarioResource[] = [
        { name: "clock-named-1", args: { toolkit: "linear", authScheme: "API_KEY", name: "Linear one", credentials: { api_key: canary } } },
        { name: "clock-named-2", args: { toolkit: "linear", authScheme: "API_KEY", name: "Linear two", credentials: { api_key: canary } } },
        { name: "clock-auto", args: { toolkit: "linear", authScheme: "API_KEY", credentials: { api_key: canary } } },
      ];
      world.declare(declared);
      await setFaults(world, { rate: 0.5, kinds: ["reset-after"], methods: ["POST"], seed: 7 });
      await expectSucceeds(world, "up", () => world.up({ parallel: 10 }));
      expect(await faultsMet(world)).toContain("reset-after");
      await setFaults(world, null);
      await expectOneConfigEach(world, declared.map((r) => r.name));
      const names = (await liveConfigs(world)).map((c) => c.name);
      expect(new Set(names).size, `no two configs share a name: ${names.join(", ")}`).toBe(names.length);
      expectNoCanaries(world, [canary]);
    });
  });
});

const ALL_FAULTS: readonly FaultKind[] = ["429", "500", "503", "reset-before", "reset-after", "delay"];
const FLEET_SIZE = 24;
/** Shared names, some used with two toolkits: the siblings a name lookup can confuse. */
const SHARED_NAMES = ["Linear", "Linear prod", "Team tracker"];
const TOOLKITS = ["linear", "notion"];

/** A fleet drawn from the seed: some auto-named, some sharing explicit names; a distinct canary key per resource. */
function randomFleet(seed: number): { resources: ScenarioResource[]; keys: Map<string, string> } {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const resources: ScenarioResource[] = [];
  const keys = new Map<string, string>();
  for (let i = 0; i < FLEET_SIZE; i++) {
    const name = `fleet-${i}`;
    const key = `canary-fleet-s${seed}-r${i}-${Math.floor(random() * 0xffffff).toString(16)}`;
    const explicitName = random() < 0.7 ? { name: pick(SHARED_NAMES) } : {};
    resources.push({ name, args: { toolkit: pick(TOOLKITS), authScheme: "API_KEY", ...explicitName, credentials: { api_key: key } } });
    keys.set(name, key);
  }
  return { resources, keys };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.concurrent("a random fleet under 25% faults of every kind", () => {
  it.each([101, 202, 55])(
    "seed %i: every config holds its own resource's key, each held by exactly one resource; the drift check passes",
    (seed) =>
      // A short per-attempt timeout, so that the `delay` fault becomes a timeout after the request was processed.
      inWorld(`recover-fleet-${seed}`, { config: { "composio:requestTimeoutMs": "1000" } }, async (world) => {
        const { resources, keys } = randomFleet(seed);
        world.declare(resources);
        await setFaults(world, { rate: 0.25, kinds: [...ALL_FAULTS], seed, delayMs: 1500, retryAfterSeconds: 1 });
        await expectSucceeds(world, "up", () => world.up({ parallel: 10 }));
        const met = await faultsMet(world);
        await setFaults(world, null);
        // The seeds draw every kind within their first 35 requests, and a run makes at least 48.
        for (const kind of ALL_FAULTS) expect(met, `fault ${kind} was injected`).toContain(kind);

        const ids = await expectOneConfigEach(world, [...keys.keys()]);
        const store = await unmaskedSecrets(world);
        for (const [name, key] of keys) expect(store.get(ids.get(name)!)?.credentials, `the config of ${name}`).toEqual({ api_key: key });

        await expectSucceeds(world, "the drift check", () => world.preview({ refresh: true, expectNoChanges: true }));
        expectNoCanaries(world, [...keys.values()]);
      }),
    600_000,
  );
});
