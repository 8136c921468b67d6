import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import * as provider from "../../provider/composio/authConfigProvider";
import { composioAuthConfig } from "../../provider/composio/definition";
import { forgetApiClients } from "../../provider/core/apiClients";
import { checkArgs } from "../../provider/core/checkArgs";

const checkInputs = (olds: Record<string, unknown>, news: Record<string, unknown>) => checkArgs(composioAuthConfig, olds, news);

/**
 * The provider's methods, called directly, against a real emulator over HTTP. The engine tests
 * prove the same through Pulumi; these pin down each method's requests and results precisely.
 */

const SECRET = "canary-provider-secret-41d2";
const ROTATED = "canary-provider-rotated-8e0c";

interface Recorded {
  fault?: string;
  method: string;
  path: string;
  body: unknown;
  status: number | null;
}


/** Starts an emulator for the block and points the provider at it through its environment variables. */
function useEmulatorAndEnvironment(emulatorOptions: Parameters<typeof startEmulator>[0], env: Record<string, string>): { url: string; close(): Promise<void> } {
  const handle = { url: "", close: async () => {} };
  beforeAll(async () => {
    const running = await startEmulator({ port: 0, ...emulatorOptions });
    Object.assign(handle, running);
    Object.assign(process.env, { COMPOSIO_BASE_URL: running.url }, env);
  });
  afterAll(async () => {
    await handle.close();
    for (const key of ["COMPOSIO_BASE_URL", ...Object.keys(env)]) delete process.env[key];
  });
  beforeEach(async () => {
    await fetch(`${handle.url}/_emulator/reset`, { method: "POST" });
    forgetApiClients(); // each test a new provider process: no list pass read by an earlier one
  });
  return handle;
}

describe("composio AuthConfig provider methods over HTTP", () => {
  const emulator = useEmulatorAndEnvironment({ apiKey: "provider-test-key" }, { COMPOSIO_API_KEY: "provider-test-key", COMPOSIO_MAX_RETRIES: "2" });
  const requests = async (): Promise<Recorded[]> => (await fetch(`${emulator.url}/_emulator/requests`)).json() as Promise<Recorded[]>;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emulator.url}${path}`, { method, headers: { "x-api-key": "provider-test-key", "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };


  const checked = (args: Record<string, unknown>) => {
    const { inputs, failures } = checkInputs({}, { __logicalName: "test", ...args });
    expect(failures).toEqual([]);
    return inputs;
  };
  const customArgs = { toolkit: "slack", authScheme: "OAUTH2", credentials: { client_id: "cid", client_secret: SECRET }, toolAccessConfig: { toolsAvailableForExecution: ["A"] } };

  it("create POSTs once, then reads back; outputs keep the declared secret, not the masked one", async () => {
    const inputs = checked(customArgs);
    const { id, outs } = await provider.create(inputs);
    expect(id).toMatch(/^ac_/);
    expect(outs.credentials).toEqual({ client_id: "cid", client_secret: SECRET });
    expect(outs).toMatchObject({ status: "ENABLED", isComposioManaged: false, toolkit: "slack", name: inputs.name });
    expect(typeof outs.lastUpdatedAt).toBe("string");
    expect((await requests()).map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("create with enabled false makes one status call after the POST", async () => {
    const { outs } = await provider.create(checked({ ...customArgs, enabled: false }));
    const log = await requests();
    expect(log.map((r) => r.method + " " + r.path.replace(/ac_[\w-]+/, "ID"))).toEqual([
      "POST /api/v3/auth_configs",
      "GET /api/v3/auth_configs",
      "PATCH /api/v3/auth_configs/ID/DISABLED",
      "GET /api/v3/auth_configs/ID",
    ]);
    expect(outs.status).toBe("DISABLED");
  });

  it("read: masked values are not drift and never replace the stored secret; readable drift is", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    const clean = await provider.read(id, outs);
    expect(clean.props!.credentials).toEqual({ client_id: "cid", client_secret: SECRET });
    expect(clean.inputs!.credentials).toEqual({ client_id: "cid", client_secret: SECRET });
    expect((await provider.diff(id, clean.props!, checked({ ...customArgs, name: outs.name }))).changes).toBe(false);

    await api("PATCH", `/api/v3/auth_configs/${id}`, { type: "custom", credentials: { client_id: "changed-by-hand" } });
    const drifted = await provider.read(id, outs);
    expect(drifted.inputs!.credentials).toEqual({ client_id: "changed-by-hand", client_secret: SECRET });
    const diff = await provider.diff(id, drifted.props!, checked({ ...customArgs, name: outs.name }));
    expect(diff).toMatchObject({ changes: true, replaces: [] });
  });

  it("read of a deleted config returns an empty id", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await api("DELETE", `/api/v3/auth_configs/${id}`);
    expect((await provider.read(id, outs)).id).toBe("");
  });

  it("update sends one PATCH with only the rotated key, then reads back", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
    const news = checked({ ...customArgs, name: outs.name, credentials: { client_id: "cid", client_secret: ROTATED } });
    const result = await provider.update(id, outs, news);
    const log = await requests();
    expect(log.filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([{ type: "custom", credentials: { client_secret: ROTATED } }]);
    expect(result.outs!.credentials).toEqual({ client_id: "cid", client_secret: ROTATED });
  });

  it("diff makes no request, and asks for replacement when toolkit, managed or authScheme change", async () => {
    const olds = { ...checked(customArgs), status: "ENABLED" };
    await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
    expect(await provider.diff("ac_x", olds, { ...olds })).toMatchObject({ changes: false });
    expect(await provider.diff("ac_x", olds, { ...olds, toolkit: "discord" })).toMatchObject({ changes: true, replaces: ["toolkit"] });
    expect(await provider.diff("ac_x", olds, { ...olds, authScheme: "API_KEY" })).toMatchObject({ replaces: ["authScheme"] });
    expect(await provider.diff("ac_x", olds, { ...olds, enabled: false })).toMatchObject({ changes: true, replaces: [] });
    expect(await requests()).toEqual([]);
  });

  it("delete of a config already gone succeeds", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await provider.destroy(id, outs);
    await expect(provider.destroy(id, outs)).resolves.toBeUndefined();
  });

  it("an API error names the resource and operation and carries the API's message, never the secret", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await api("DELETE", `/api/v3/auth_configs/${id}`);
    const error = (await provider.update(id, outs, checked({ ...customArgs, name: outs.name, credentials: { client_secret: ROTATED } })).catch((e) => e)) as Error;
    expect(error.message).toContain('composio.AuthConfig "test": update failed');
    expect(error.message).toContain("404");
    expect(error.message).not.toContain(ROTATED);
    expect(error.message).not.toContain(SECRET);
  });

  it("a wrong API key fails with the API's 401 message and no retry", async () => {
    process.env.COMPOSIO_API_KEY = "wrong-key-canary-55";
    try {
      const error = (await provider.create(checked(customArgs)).catch((e) => e)) as Error;
      expect(error.message).toContain("401");
      expect(error.message).not.toContain("wrong-key-canary-55");
      expect((await requests()).length).toBe(1);
    } finally {
      process.env.COMPOSIO_API_KEY = "provider-test-key";
    }
  });

  it("importId adopts an existing config and PATCHes only what differs", async () => {
    const made = await api("POST", "/api/v3/auth_configs", { toolkit: { slug: "slack" }, auth_config: { type: "use_custom_auth", authScheme: "OAUTH2", name: "by-hand", credentials: { client_id: "cid" }, tool_access_config: { tools_available_for_execution: ["A"] } } });
    const existing = made.body.auth_config.id;
    await fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
    const { id, outs } = await provider.create(checked({ toolkit: "slack", authScheme: "OAUTH2", importId: existing, credentials: { client_id: "cid" }, toolAccessConfig: { toolsAvailableForExecution: ["A", "B"] } }));
    expect(id).toBe(existing);
    expect(outs.name).toBe("by-hand");
    const log = await requests();
    expect(log.filter((r) => r.method === "POST")).toEqual([]);
    expect(log.filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([{ type: "custom", tool_access_config: { tools_available_for_execution: ["A", "B"] } }]);
  });

  it("importId of a config of another toolkit is refused, naming the field", async () => {
    const made = await api("POST", "/api/v3/auth_configs", { toolkit: { slug: "github" }, auth_config: { type: "use_custom_auth", authScheme: "OAUTH2" } });
    const error = (await provider.create(checked({ ...customArgs, importId: made.body.auth_config.id })).catch((e) => e)) as Error;
    expect(error.message).toContain("toolkit");
    expect(error.message).toContain("github");
  });
});

describe("interrupted creates: no duplicate, no orphan", () => {
  const emulator = useEmulatorAndEnvironment({}, { COMPOSIO_API_KEY: "k", COMPOSIO_REQUEST_TIMEOUT_MS: "500" });
  const setFaults = (settings: unknown) =>
    fetch(`${emulator.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
  const list = async () => {
    const res = await fetch(`${emulator.url}/api/v3/auth_configs?show_disabled=true`, { headers: { "x-api-key": "k" } });
    return (await res.json()).items as { id: string; name: string }[];
  };
  const recorded = async () => (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as Recorded[];


  const args = () => {
    const { inputs } = checkInputs({}, { __logicalName: "flaky", toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: SECRET } });
    return inputs;
  };

  it("a POST processed but unanswered (reset-after) is found by name and adopted", async () => {
    await setFaults({ rate: 1, kinds: ["reset-after"], methods: ["POST"] });
    const inputs = args();
    const { id } = await provider.create(inputs);
    const configs = await list();
    expect(configs.map((c) => c.id)).toEqual([id]);
    expect(configs[0].name).toBe(inputs.name);
    const posts = (await recorded()).filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
  });

  it("a POST that timed out after being processed (delay) is found by name and adopted", async () => {
    await setFaults({ rate: 1, kinds: ["delay"], delayMs: 1500, methods: ["POST"] });
    const { id } = await provider.create(args());
    expect((await list()).map((c) => c.id)).toEqual([id]);
  });

  it("a POST dropped before processing (reset-before) is sent again once nothing is found", async () => {
    // With seed 9 the first two POSTs are dropped and the third goes through.
    await setFaults({ rate: 0.5, kinds: ["reset-before"], seed: 9, methods: ["POST"] });
    const { id } = await provider.create(args());
    expect((await list()).map((c) => c.id)).toEqual([id]);
    const posts = (await recorded()).filter((r) => r.method === "POST");
    expect(posts.map((p) => p.fault ?? "ok")).toEqual(["reset-before", "reset-before", "ok"]);
    expect(posts.filter((p) => p.fault === undefined)).toHaveLength(1);
  });
});

describe("names the provider does or does not manage", () => {
  const emulator = useEmulatorAndEnvironment({}, { COMPOSIO_API_KEY: "k" });
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emulator.url}${path}`, { method, headers: { "x-api-key": "k", "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return res.json();
  };

  it("a generated name renamed elsewhere is drift to undo, not the new name", async () => {
    const { inputs } = checkInputs({}, { __logicalName: "auto", toolkit: "slack", authScheme: "API_KEY" });
    const { id, outs } = await provider.create(inputs);
    await api("PATCH", `/api/v3/auth_configs/${id}`, { type: "custom", name: "renamed-by-hand" });
    const refreshed = await provider.read(id, outs);
    expect(refreshed.inputs!.name).toBe(inputs.name);
    const next = checkInputs(refreshed.inputs!, { __logicalName: "auto", toolkit: "slack", authScheme: "API_KEY" }).inputs;
    expect(next.name).toBe(inputs.name);
    expect(await provider.diff(id, refreshed.props!, next)).toMatchObject({ changes: true, replaces: [] });
  });

  it("a config adopted without a name keeps its name after importId is dropped", async () => {
    const made = await api("POST", "/api/v3/auth_configs", { toolkit: { slug: "slack" }, auth_config: { type: "use_custom_auth", authScheme: "API_KEY", name: "their-name" } });
    const adoptArgs = { __logicalName: "adopted", toolkit: "slack", authScheme: "API_KEY", importId: made.auth_config.id };
    const first = checkInputs({}, adoptArgs).inputs;
    const { id, outs } = await provider.create(first);
    expect(outs.name).toBe("their-name");
    const { importId: _dropped, ...withoutImport } = adoptArgs;
    const later = checkInputs(first, withoutImport).inputs;
    expect(later.name).toBeUndefined();
    expect(await provider.diff(id, outs, later)).toMatchObject({ changes: false });
  });

  it("an interrupted create never adopts a config that only shares the name", async () => {
    // Made a moment ago (inside the clock-skew allowance), same name and toolkit, another scheme.
    const sibling = await api("POST", "/api/v3/auth_configs", { toolkit: { slug: "slack" }, auth_config: { type: "use_custom_auth", authScheme: "OAUTH2", name: "shared-name" } });
    // Seed 7 at rate 0.5: the first POST answers 500 (not processed), the next one goes through.
    await fetch(`${emulator.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rate: 0.5, kinds: ["500"], seed: 7, methods: ["POST"] }) });
    const { inputs } = checkInputs({}, { __logicalName: "mine", toolkit: "slack", authScheme: "API_KEY", name: "shared-name" });
    const { id } = await provider.create(inputs);
    expect(id).not.toBe(sibling.auth_config.id);
    const all = await api("GET", "/api/v3/auth_configs?show_disabled=true");
    expect(all.items.map((c: { id: string }) => c.id).sort()).toEqual([id, sibling.auth_config.id].sort());
  });
});
