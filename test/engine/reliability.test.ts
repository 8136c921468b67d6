import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_INPUTS, BAD_INPUT_CANARIES } from "../fixtures/badInputs";
import { API_KEY, EngineWorld, ScenarioResource } from "./harness";
import { liveConfigs } from "./inspect";

/**
 * What a pipeline meets against a real API: faults of every kind, bad input, a wrong key, an
 * unreachable API, a failing API. Through the real engine, against the emulator's injected faults.
 */

const FAULTS = { rate: 0.2, kinds: ["429", "500", "503", "reset-before", "reset-after", "delay"], seed: 7, delayMs: 1500, retryAfterSeconds: 1 };
const CANARY = "canary-fleet-secret-3a9c";

interface ListedConfig {
  id: string;
  name: string;
  status: string;
  tool_access_config: { tools_available_for_execution: string[] };
  credentials: Record<string, string>;
}


describe("50 auth configs with 20% injected faults of every kind", () => {
  let world: EngineWorld;
  const fleet = (tool: string): ScenarioResource[] =>
    Array.from({ length: 50 }, (_, i) => ({
      name: `fleet-${i}`,
      args: { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: `${CANARY}-${i}` }, toolAccessConfig: { toolsAvailableForExecution: [tool] } },
    }));

  beforeAll(async () => {
    // A short per-attempt timeout, so that the `delay` fault becomes a timeout after the request was processed.
    world = await EngineWorld.create("faults", { config: { "composio:requestTimeoutMs": "1000" } });
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const setFaults = async (on: boolean) => {
    const res = await fetch(`${world.emulatorUrl}/_emulator/faults`, on ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(FAULTS) } : { method: "DELETE" });
    expect(res.ok).toBe(true);
  };

  it("up converges in one run: exactly 50 exist, each as declared, no twins", async () => {
    world.declare(fleet("SLACK_SEND_MESSAGE"));
    await setFaults(true);
    await world.up({ parallel: 10 });
    const log = await world.requests();
    await setFaults(false);
    // The faults really happened, of every kind.
    const kinds = new Set(log.map((r) => r.fault).filter(Boolean));
    for (const kind of FAULTS.kinds) expect(kinds, `fault ${kind} was injected`).toContain(kind);

    const configs = await liveConfigs<ListedConfig>(world);
    expect(configs).toHaveLength(50);
    expect(new Set(configs.map((c) => c.name)).size).toBe(50);
    const outputs = await world.stack.outputs();
    const ids = Object.values(outputs).map((o) => (o.value as { id: string }).id);
    expect(new Set(ids)).toEqual(new Set(configs.map((c) => c.id)));
    for (const c of configs) expect(c.tool_access_config.tools_available_for_execution).toEqual(["SLACK_SEND_MESSAGE"]);

    await world.clearRequests();
    const preview = await world.preview({ refresh: true, expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 51 }); // 50 configs and the stack
    expect(world.output).not.toContain(CANARY);
    expect(world.persistedState()).not.toContain(CANARY);
  });

  it("an update of all 50 converges the same way", async () => {
    world.declare(fleet("SLACK_LIST_CHANNELS"));
    await setFaults(true);
    await world.up({ parallel: 10 });
    await setFaults(false);
    const configs = await liveConfigs<ListedConfig>(world);
    expect(configs).toHaveLength(50);
    for (const c of configs) expect(c.tool_access_config.tools_available_for_execution).toEqual(["SLACK_LIST_CHANNELS"]);
    const preview = await world.preview({ refresh: true, expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 51 }); // 50 configs and the stack
  });

  it("a destroy of all 50 converges the same way", async () => {
    await setFaults(true);
    await world.destroy({ parallel: 10 });
    await setFaults(false);
    expect(await liveConfigs<ListedConfig>(world)).toHaveLength(0);
    expect(world.output).not.toContain(CANARY);
  });
});

describe("bad input fails at preview, naming the field, with zero requests", () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await EngineWorld.create("badinput");
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it.each(BAD_INPUTS.map((b) => [b.what, b] as const))("%s", async (_what, bad) => {
    world.declare([{ name: "bad", args: bad.args }]);
    const before = world.output.length;
    const error = await world.preview().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error, "preview must fail").toBeDefined();
    const text = `${error!.message}\n${world.output.slice(before)}`;
    expect(text).toContain(bad.field);
    for (const canary of BAD_INPUT_CANARIES) expect(text).not.toContain(canary);
    expect(await world.requests()).toEqual([]);
  });
});

describe("failures that cannot be retried away end clearly and leave state as it was", () => {
  let world: EngineWorld;
  let stateBefore = "";
  const declared = { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: "canary-failure-key-61b0" } };

  beforeAll(async () => {
    world = await EngineWorld.create("failures", { config: { "composio:maxRetries": "3" } });
    world.declare([{ name: "one", args: declared }]);
    await world.up();
    // Every case below tries to change the config, and must fail without touching the state.
    world.declare([{ name: "one", args: { ...declared, toolAccessConfig: { toolsAvailableForExecution: ["X"] } } }]);
    stateBefore = await authConfigsInState();
  });
  afterAll(async () => {
    await world?.dispose();
  });

  /** The auth configs in state (ids, inputs, outputs), decrypted (ciphertexts change on every save), as one string. */
  async function authConfigsInState(): Promise<string> {
    const all = (await world.stack.exportStack()).deployment.resources as { type: string; id: string; inputs: unknown; outputs: unknown }[];
    const resources = all.filter((r) => r.type.endsWith("composio:AuthConfig"));
    expect(resources).toHaveLength(1);
    return JSON.stringify(resources.map((r) => ({ id: r.id, inputs: r.inputs, outputs: r.outputs })));
  }

  async function failingUp(): Promise<string> {
    const before = world.output.length;
    const error = await world.up().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error, "up must fail").toBeDefined();
    expect(await authConfigsInState()).toBe(stateBefore);
    const text = `${error!.message}\n${world.output.slice(before)}`;
    expect(text).not.toContain("canary-failure-key-61b0");
    expect(text).not.toContain(API_KEY);
    return text;
  }

  it("a wrong API key: the API's 401 message, naming the resource and operation", async () => {
    await world.stack.setConfig("composio:apiKey", { value: "wrong-key-canary-2f", secret: true });
    try {
      const text = await failingUp();
      expect(text).toContain('composio.AuthConfig "one": update failed');
      expect(text).toMatch(/answered 401/);
      expect(text).toMatch(/request_id: req_/);
      expect(text).not.toContain("wrong-key-canary-2f");
    } finally {
      await world.stack.setConfig("composio:apiKey", { value: API_KEY, secret: true });
    }
  });

  it("an unreachable base URL: connection refused, after bounded retries", async () => {
    await world.stack.setConfig("composio:baseUrl", { value: "http://127.0.0.1:1" });
    try {
      const text = await failingUp();
      expect(text).toContain('composio.AuthConfig "one": update failed');
      expect(text).toContain("connection refused");
    } finally {
      await world.stack.setConfig("composio:baseUrl", { value: world.emulatorUrl });
    }
  });

  it("a 500 that never stops: the API's message and slug, after bounded retries", async () => {
    await fetch(`${world.emulatorUrl}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rate: 1, kinds: ["500"], seed: 1 }) });
    try {
      await world.clearRequests();
      const text = await failingUp();
      expect(text).toContain('composio.AuthConfig "one": update failed');
      expect(text).toMatch(/answered 500/);
      expect(text).toMatch(/request_id: req_/);
      // The first attempt and three retries, then it stops.
      expect((await world.requests()).filter((r) => r.method === "PATCH")).toHaveLength(4);
      expect(text).toMatch(/retry 3 of 3/);
    } finally {
      await fetch(`${world.emulatorUrl}/_emulator/faults`, { method: "DELETE" });
    }
  });
});
