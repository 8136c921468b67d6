import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EngineWorld } from "./harness";
import { KeyGate, startKeyGate } from "./keyGate";

/**
 * Where the provider's connection settings come from, through the real engine. The engine records the
 * whole stack config on the default `pulumi-nodejs` provider in state at every `up`, and `refresh`,
 * `preview --refresh` and `destroy` configure the provider from that record unless the program runs
 * (`--run-program`, or PULUMI_RUN_PROGRAM=true). A key rotated with `pulumi config set` is therefore not
 * seen by the nightly drift check until the program runs again.
 */

const OLD_KEY = "rotated-old-key-canary-4c1d";
const NEW_KEY = "rotated-new-key-canary-8e2f";
const NEWER_KEY = "rotated-newer-key-canary-a9b3";
const KEYS = [OLD_KEY, NEW_KEY, NEWER_KEY, API_KEY];
const SECRET = "canary-connection-secret-61f7";

// Preloaded into the program and the provider: nothing may connect anywhere but loopback.
const LOOPBACK_ONLY = { NODE_OPTIONS: `--require ${join(__dirname, "loopbackOnly.cjs")}`, HTTPS_PROXY: "", HTTP_PROXY: "", https_proxy: "", http_proxy: "" };

const oneConfig = () => [{ name: "one", args: { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: SECRET } } }];

/** Runs an operation that must fail; returns its error and everything the CLI printed meanwhile. */
async function failureText(world: EngineWorld, run: () => Promise<unknown>): Promise<string> {
  const before = world.output.length;
  const error = await run().then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error, "the operation must fail").toBeDefined();
  return `${error!.message}\n${world.output.slice(before)}`;
}

function expectNoKeyShown(world: EngineWorld, text = ""): void {
  for (const key of [...KEYS, SECRET]) {
    expect(world.output, `CLI output holds ${key}`).not.toContain(key);
    expect(text, `error holds ${key}`).not.toContain(key);
    expect(world.persistedState(), `state holds ${key}`).not.toContain(key);
  }
}

describe("a key rotated with `pulumi config set --secret composio:apiKey` (the old one revoked)", () => {
  let world: EngineWorld;
  let gate: KeyGate;
  let configId = "";

  beforeAll(async () => {
    world = await EngineWorld.create("rotation", { env: LOOPBACK_ONLY });
    gate = await startKeyGate(world.emulatorUrl, API_KEY, OLD_KEY);
    await world.stack.setConfig("composio:baseUrl", { value: gate.url });
    await world.stack.setConfig("composio:apiKey", { value: OLD_KEY, secret: true });
    world.declare(oneConfig());
    await world.up();
    configId = ((await world.stack.outputs()).one.value as { id: string }).id;
    // The rotation: the platform now accepts only the new key, and the stack config holds it.
    gate.accept(NEW_KEY);
    await world.stack.setConfig("composio:apiKey", { value: NEW_KEY, secret: true });
  });

  afterAll(async () => {
    await world?.dispose();
    await gate?.close();
  });

  const oldKeyFailures = new Map<string, string>();

  it("refresh, preview --refresh and destroy without --run-program use the key recorded at the last up: 401", async () => {
    const operations: [string, () => Promise<unknown>][] = [
      ["refresh", () => world.refresh()],
      ["preview --refresh", () => world.preview({ refresh: true, expectNoChanges: true })],
      ["destroy", () => world.destroy()],
    ];
    for (const [label, run] of operations) {
      const from = gate.presentedKeys.length;
      await world.clearRequests();
      const text = await failureText(world, run);
      expect(text, label).toMatch(/answered 401/);
      expect(gate.presentedKeys.slice(from), `${label}: keys presented`).toEqual(expect.arrayContaining([OLD_KEY]));
      expect(gate.presentedKeys.slice(from), `${label}: keys presented`).not.toContain(NEW_KEY);
      expect((await world.requests()).map((r) => r.status), label).toEqual(expect.arrayContaining([401]));
      expectNoKeyShown(world, text);
      oldKeyFailures.set(label, text);
    }
    // The failed destroy left the config in place.
    expect((await world.api("GET", `/api/v3/auth_configs/${configId}`)).status).toBe(200);
  });

  it("the 401 says the key came from composio:apiKey as recorded in state, and how to use the current one", () => {
    expect(oldKeyFailures.size, "run the test above first").toBe(3);
    for (const [label, text] of oldKeyFailures) {
      expect(text, label).toContain("composio:apiKey");
      expect(text, label).toMatch(/--run-program|PULUMI_RUN_PROGRAM/);
    }
  });

  it("the drift check with --run-program (preview --refresh --run-program --expect-no-changes) uses the current key and passes", async () => {
    const from = gate.presentedKeys.length;
    await world.clearRequests();
    const preview = await world.preview({ refresh: true, runProgram: true, expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 2 });
    expect(gate.presentedKeys.slice(from)).toEqual([NEW_KEY]);
    expect((await world.requests()).map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200"]);
  });

  it("PULUMI_RUN_PROGRAM=true in the environment makes a plain preview --refresh use the current key", async () => {
    const from = gate.presentedKeys.length;
    world.stack.workspace.envVars.PULUMI_RUN_PROGRAM = "true";
    try {
      const preview = await world.preview({ refresh: true, expectNoChanges: true });
      expect(preview.changeSummary).toEqual({ same: 2 });
    } finally {
      delete world.stack.workspace.envVars.PULUMI_RUN_PROGRAM;
    }
    expect(gate.presentedKeys.slice(from)).toEqual([NEW_KEY]);
  });

  it("refresh --run-program uses the current key and records it: a plain refresh works afterwards", async () => {
    const from = gate.presentedKeys.length;
    const refreshed = await world.refresh({ runProgram: true });
    expect(refreshed.summary.result).toBe("succeeded");
    await world.refresh();
    expect(gate.presentedKeys.slice(from)).toEqual([NEW_KEY, NEW_KEY]);
    expectNoKeyShown(world);
  });

  it("destroy --run-program deletes with the current key", async () => {
    gate.accept(NEWER_KEY);
    await world.stack.setConfig("composio:apiKey", { value: NEWER_KEY, secret: true });
    const from = gate.presentedKeys.length;
    await world.clearRequests();
    await world.destroy({ runProgram: true });
    expect(gate.presentedKeys.slice(from)).toEqual([NEWER_KEY]);
    expect((await world.requests()).map((r) => `${r.method} ${r.status}`)).toEqual(["DELETE 200"]);
    expect((await world.api("GET", `/api/v3/auth_configs/${configId}`)).status).toBe(404);
    expectNoKeyShown(world);
  });
});

describe("a key given only by COMPOSIO_API_KEY", () => {
  let world: EngineWorld;
  let gate: KeyGate;

  beforeAll(async () => {
    world = await EngineWorld.create("env-key", { env: { ...LOOPBACK_ONLY, COMPOSIO_API_KEY: OLD_KEY } });
    gate = await startKeyGate(world.emulatorUrl, API_KEY, OLD_KEY);
    await world.stack.setConfig("composio:baseUrl", { value: gate.url });
    await world.stack.removeConfig("composio:apiKey");
  });

  afterAll(async () => {
    await world?.dispose();
    await gate?.close();
  });

  it("is read when the provider runs, not recorded: after rotating it, plain refresh and destroy use the new one", async () => {
    world.declare(oneConfig());
    await world.up();
    gate.accept(NEW_KEY);
    world.stack.workspace.envVars.COMPOSIO_API_KEY = NEW_KEY;
    const from = gate.presentedKeys.length;
    await world.refresh();
    await world.destroy();
    expect(gate.presentedKeys.slice(from)).toEqual([NEW_KEY, NEW_KEY]);
    expectNoKeyShown(world);
  });
});

describe("composio:baseUrl changed after the last up (the old address gone)", () => {
  let world: EngineWorld;
  let oldAddress: KeyGate;
  let newAddress: KeyGate;
  let destroyFailure = "";

  beforeAll(async () => {
    // No retries: a refused connection fails at once.
    world = await EngineWorld.create("moved", { config: { "composio:maxRetries": "0" }, env: LOOPBACK_ONLY });
    oldAddress = await startKeyGate(world.emulatorUrl, API_KEY, API_KEY);
    newAddress = await startKeyGate(world.emulatorUrl, API_KEY, API_KEY);
    await world.stack.setConfig("composio:baseUrl", { value: oldAddress.url });
    world.declare(oneConfig());
    await world.up();
    await world.stack.setConfig("composio:baseUrl", { value: newAddress.url });
    await oldAddress.close();
  });

  afterAll(async () => {
    await world?.dispose();
    await newAddress?.close();
  });

  it("destroy without --run-program goes to the recorded address and fails: connection refused", async () => {
    destroyFailure = await failureText(world, () => world.destroy());
    expect(destroyFailure).toContain(`DELETE ${oldAddress.url}/api/v3/auth_configs/`);
    expect(destroyFailure).toContain("connection refused");
    expect(newAddress.presentedKeys).toEqual([]);
  });

  it("the failure says the address came from composio:baseUrl as recorded in state, and how to use the current one", () => {
    expect(destroyFailure, "run the test above first").not.toBe("");
    expect(destroyFailure).toContain("composio:baseUrl");
    expect(destroyFailure).toMatch(/--run-program|PULUMI_RUN_PROGRAM/);
  });

  it("destroy --run-program goes to the current address and deletes", async () => {
    await world.clearRequests();
    await world.destroy({ runProgram: true });
    expect(newAddress.presentedKeys).toHaveLength(1);
    expect((await world.requests()).map((r) => `${r.method} ${r.status}`)).toEqual(["DELETE 200"]);
    const left = await world.api<{ total_items: number }>("GET", "/api/v3/auth_configs?show_disabled=true");
    expect(left.body.total_items).toBe(0);
  });
});

describe("an empty setting is an error naming it, never a fallback", () => {
  let world: EngineWorld;

  beforeAll(async () => {
    // An empty base URL falls back to https://backend.composio.dev today: the loopback-only guard stops it.
    world = await EngineWorld.create("empty", { config: { "composio:maxRetries": "0" }, env: LOOPBACK_ONLY });
  });

  afterAll(async () => {
    await world?.dispose();
  });

  /** The create fails before any request: nothing reached the emulator, nothing tried to leave loopback. */
  async function failingCreate(label: string): Promise<string> {
    world.declare([{ name: label, args: { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: SECRET } } }]);
    await world.clearRequests();
    const text = await failureText(world, () => world.up());
    expect(await world.requests()).toEqual([]);
    expect(text, "a connection was attempted beyond loopback").not.toContain("ELOOPBACKONLY");
    expect(text).not.toContain("backend.composio.dev");
    expectNoKeyShown(world, text);
    return text;
  }

  it("composio:baseUrl set to an empty string", async () => {
    await world.stack.setConfig("composio:baseUrl", { value: "" });
    try {
      expect(await failingCreate("empty-config-url")).toContain("composio:baseUrl");
    } finally {
      await world.stack.setConfig("composio:baseUrl", { value: world.emulatorUrl });
    }
  });

  it("COMPOSIO_BASE_URL set to an empty string, composio:baseUrl not set", async () => {
    await world.stack.removeConfig("composio:baseUrl");
    world.stack.workspace.envVars.COMPOSIO_BASE_URL = "";
    try {
      expect(await failingCreate("empty-env-url")).toContain("COMPOSIO_BASE_URL");
    } finally {
      await world.stack.setConfig("composio:baseUrl", { value: world.emulatorUrl });
    }
  });

  it("composio:apiKey set to an empty string, even with a valid COMPOSIO_API_KEY", async () => {
    await world.stack.setConfig("composio:apiKey", { value: "", secret: true });
    world.stack.workspace.envVars.COMPOSIO_API_KEY = API_KEY;
    try {
      expect(await failingCreate("empty-config-key")).toContain("composio:apiKey");
    } finally {
      world.stack.workspace.envVars.COMPOSIO_API_KEY = "";
      await world.stack.setConfig("composio:apiKey", { value: API_KEY, secret: true });
    }
  });
});
