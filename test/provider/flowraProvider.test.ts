import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { forgetApiClients } from "../../provider/core/apiClients";
import { checkArgs } from "../../provider/core/checkArgs";
import { forgetHeldConfigs } from "../../provider/core/heldConfigs";
import * as provider from "../../provider/flowra/authConfigProvider";
import { flowraAuthConfig } from "../../provider/flowra/definition";
import { FLOWRA_BAD_INPUTS } from "../fixtures/flowraBadInputs";

/**
 * The flowra.AuthConfig provider's methods, called directly, against a real emulator over HTTP:
 * each method's requests and results, pinned down precisely.
 */

const KEY = "flowra-provider-test-key";
const SECRET = "canary-flowra-secret-6b1e";
const ROTATED = "canary-flowra-rotated-93d0";
const PROXY_KEY = "canary-flowra-proxy-key-2c7a";
const CANARIES = [SECRET, ROTATED, PROXY_KEY, KEY];
const BASE = "/api/v1/auth_configs";

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  status: number | null;
  fault?: string;
}

interface Emulator {
  url: string;
  /** The API requests received since the last reset or `clearLog`. */
  requests(): Promise<Recorded[]>;
  clearLog(): Promise<void>;
  /** Every stored Flowra config, secrets unmasked. */
  store(): Promise<any[]>;
  /** A request to the API as another client would make it. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  faults(settings: unknown): Promise<void>;
}

/** Starts an emulator for the block and points the provider at it through its environment variables. */
function useEmulator(env: Record<string, string> = {}): Emulator {
  let url = "";
  let close = async () => {};
  beforeAll(async () => {
    const running = await startEmulator({ port: 0, apiKey: KEY });
    ({ url, close } = running);
    Object.assign(process.env, { FLOWRA_BASE_URL: url, FLOWRA_API_KEY: KEY, FLOWRA_MAX_RETRIES: "3" }, env);
  });
  afterAll(async () => {
    await close();
    for (const key of ["FLOWRA_BASE_URL", "FLOWRA_API_KEY", "FLOWRA_MAX_RETRIES", ...Object.keys(env)]) delete process.env[key];
  });
  beforeEach(async () => {
    await fetch(`${url}/_emulator/reset`, { method: "POST" });
    forgetHeldConfigs();
    forgetApiClients(); // each test a new provider process: no list pass read by an earlier one
  });
  const json = async (res: Response) => {
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };
  return {
    get url() {
      return url;
    },
    requests: async () => (await json(await fetch(`${url}/_emulator/requests`))) as Recorded[],
    clearLog: async () => void (await fetch(`${url}/_emulator/requests`, { method: "DELETE" })),
    store: async () => (await json(await fetch(`${url}/_emulator/store`))).flowra,
    api: async (method, path, body) => {
      const res = await fetch(url + path, { method, headers: { "x-api-key": KEY, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await json(res) };
    },
    faults: async (settings) => {
      const res = await fetch(`${url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
      expect(res.status).toBe(200);
    },
  };
}

/** `check` as the engine runs it first: no olds. */
function checked(args: Record<string, unknown>, logicalName = "gh"): Record<string, unknown> {
  const { inputs, failures } = checkArgs(flowraAuthConfig, {}, { __logicalName: logicalName, __urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic/flowra:AuthConfig::${logicalName}`, ...args });
  expect(failures).toEqual([]);
  return inputs;
}

/** `check` of a later run: olds are the state. */
function rechecked(olds: Record<string, unknown>, args: Record<string, unknown>, logicalName = "gh"): Record<string, unknown> {
  const { inputs, failures } = checkArgs(flowraAuthConfig, olds, { __logicalName: logicalName, ...args });
  expect(failures).toEqual([]);
  return inputs;
}

const line = (r: Recorded) => `${r.method} ${r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "ID")}`;

const customArgs = {
  toolkit: "github",
  authScheme: "OAUTH2",
  displayName: "GitHub prod",
  credentials: { client_id: "gh-client", client_secret: SECRET },
  proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: PROXY_KEY },
  toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
  restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_LIST_REPOS"],
};

function expectNoCanary(text: string): void {
  for (const canary of CANARIES) expect(text).not.toContain(canary);
}

describe("flowra.AuthConfig provider methods over HTTP", () => {
  const emulator = useEmulator();

  it("create POSTs under the marker, then PATCHes the declared displayName; outputs keep the declared secrets", async () => {
    const inputs = checked(customArgs);
    const { id, outs } = await provider.create(inputs);
    const log = await emulator.requests();
    expect(log.map(line)).toEqual([`POST ${BASE}`, `GET ${BASE}`, `PATCH ${BASE}/ID`, `GET ${BASE}`]);
    expect(log[0].body).toEqual({
      toolkit: { slug: "github" },
      authConfig: {
        type: "use_custom_auth",
        authScheme: "OAUTH2",
        displayName: inputs.__marker,
        credentials: customArgs.credentials,
        proxyConfig: customArgs.proxyConfig,
        toolAccessConfig: customArgs.toolAccessConfig,
        restrictToFollowingTools: customArgs.restrictToFollowingTools,
      },
    });
    expect(inputs.__marker).toMatch(/^gh-[0-9a-f]{7}$/);
    expect(log[2].body).toEqual({ displayName: "GitHub prod" });
    expect(outs).toMatchObject({
      displayName: "GitHub prod",
      credentials: customArgs.credentials,
      proxyConfig: customArgs.proxyConfig,
      restrictToFollowingTools: customArgs.restrictToFollowingTools,
      enabled: true,
      provider: "flowra",
      name: expect.stringMatching(/^github-[a-z0-9]{6}$/),
    });
    expect(typeof outs.updatedAt).toBe("string");
    const stored = await emulator.store();
    expect(stored.map((c: any) => [c.id, c.displayName])).toEqual([[id, "GitHub prod"]]);
  });

  it("without a declared displayName the marker stays the display name: POST and one list, no PATCH", async () => {
    const inputs = checked({ toolkit: "github", authScheme: "API_KEY", credentials: { api_key: SECRET } }, "auto");
    const { outs } = await provider.create(inputs);
    expect((await emulator.requests()).map(line)).toEqual([`POST ${BASE}`, `GET ${BASE}`]);
    expect(outs.displayName).toBe(inputs.__marker);
    expect(outs.credentials).toEqual({ api_key: SECRET });
  });

  it("an auto-named create with enabled false: POST, list, then one PATCH whose answer is the state", async () => {
    const inputs = checked({ toolkit: "github", authScheme: "API_KEY", credentials: { api_key: SECRET }, enabled: false }, "auto");
    const { outs } = await provider.create(inputs);
    const log = await emulator.requests();
    expect(log.map(line)).toEqual([`POST ${BASE}`, `GET ${BASE}`, `PATCH ${BASE}/ID`]);
    expect(log[2].body).toEqual({ isDisabled: true });
    expect(outs).toMatchObject({ displayName: inputs.__marker, enabled: false, credentials: { api_key: SECRET } });
  });

  it("a provider-managed config: no authScheme sent or stored, its masked scopes kept as declared, changing managed replaces", async () => {
    const inputs = checked({ toolkit: "gmail", managed: true, displayName: "Gmail", credentials: { scopes: "email,profile" } }, "gmail");
    const { id, outs } = await provider.create(inputs);
    const post = (await emulator.requests())[0];
    expect(post.body.authConfig).toEqual({ type: "use_provider_managed_auth", displayName: inputs.__marker, credentials: { scopes: "email,profile" } });
    expect(outs).toMatchObject({ managed: true, credentials: { scopes: "email,profile" }, displayName: "Gmail" });
    expect(outs).not.toHaveProperty("authScheme");
    const read = await provider.read(id, outs);
    expect(read.props).toEqual(outs);
    const custom = rechecked(outs, { toolkit: "gmail", authScheme: "OAUTH2", displayName: "Gmail" }, "gmail");
    expect(await provider.diff(id, outs, custom)).toMatchObject({ changes: true, replaces: ["managed", "authScheme"] });
  });

  it("create with enabled false: the same PATCH carries isDisabled", async () => {
    const { outs } = await provider.create(checked({ ...customArgs, enabled: false }));
    const patches = (await emulator.requests()).filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.body)).toEqual([{ displayName: "GitHub prod", isDisabled: true }]);
    expect(outs.enabled).toBe(false);
    expect((await emulator.store())[0].isDisabled).toBe(true);
  });

  it("no-op: a read of an unchanged config is no drift, and diff sees no change without a request", async () => {
    const inputs = checked(customArgs);
    const { id, outs } = await provider.create(inputs);
    const read = await provider.read(id, outs);
    expect(read.props).toEqual(outs);
    await emulator.clearLog();
    const next = rechecked(read.props!, customArgs);
    expect(await provider.diff(id, read.props!, next)).toMatchObject({ changes: false, replaces: [] });
    expect(await emulator.requests()).toEqual([]);
  });

  it("rotating one secret sends one PATCH holding that key alone; its answer is the new state, no read back", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await emulator.clearLog();
    const news = rechecked(outs, { ...customArgs, credentials: { client_id: "gh-client", client_secret: ROTATED } });
    const { outs: after } = await provider.update(id, outs, news);
    const log = await emulator.requests();
    expect(log.map(line)).toEqual([`PATCH ${BASE}/ID`]);
    expect(log[0].body).toEqual({ credentials: { client_secret: ROTATED } });
    expect(after!.credentials).toEqual({ client_id: "gh-client", client_secret: ROTATED });
    expect(after!.updatedAt).not.toBe(outs.updatedAt);
    expect((await emulator.store())[0].credentials.client_secret).toBe(ROTATED);
  });

  it("removals go as null: a credential key, the proxy; a dropped restriction as []", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await emulator.clearLog();
    const { proxyConfig: _p, restrictToFollowingTools: _r, ...rest } = customArgs;
    const news = rechecked(outs, { ...rest, credentials: { client_id: "gh-client" } });
    const { outs: after } = await provider.update(id, outs, news);
    const patches = (await emulator.requests()).filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.body)).toEqual([{ credentials: { client_secret: null }, proxyConfig: null, restrictToFollowingTools: [] }]);
    const stored = (await emulator.store())[0];
    expect(stored).toMatchObject({ credentials: { client_id: "gh-client" }, proxyConfig: null, restrictToFollowingTools: [] });
    expect(after).not.toHaveProperty("proxyConfig");
  });

  it("enabled false sends isDisabled true, and back", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await emulator.clearLog();
    const disabled = await provider.update(id, outs, rechecked(outs, { ...customArgs, enabled: false }));
    expect(disabled.outs!.enabled).toBe(false);
    const enabled = await provider.update(id, disabled.outs!, rechecked(disabled.outs!, customArgs));
    expect(enabled.outs!.enabled).toBe(true);
    const patches = (await emulator.requests()).filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.body)).toEqual([{ isDisabled: true }, { isDisabled: false }]);
  });

  it("drift read: masked values are not drift; changes by hand are, by field, the secret never shown", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    const patched = await emulator.api("PATCH", `${BASE}/${id}`, {
      displayName: "renamed by hand",
      credentials: { client_id: "other-client", client_secret: "zzzz-changed-by-hand" },
      isDisabled: true,
    });
    expect(patched.status).toBe(200);
    const drifted = await provider.read(id, outs);
    expect(drifted.inputs).toMatchObject({ displayName: "renamed by hand", credentials: { client_id: "other-client", client_secret: "zzzz..." }, enabled: false });
    expect(drifted.props!.updatedAt).not.toBe(outs.updatedAt);
    const diff = await provider.diff(id, drifted.props!, rechecked(drifted.props!, customArgs));
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    await emulator.clearLog();
    const repaired = await provider.update(id, drifted.props!, rechecked(drifted.props!, customArgs));
    const patches = (await emulator.requests()).filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.body)).toEqual([{ displayName: "GitHub prod", credentials: { client_id: "gh-client", client_secret: SECRET }, isDisabled: false }]);
    expect(repaired.outs!.credentials).toEqual(customArgs.credentials);
  });

  it("a config deleted out of band reads as gone (empty id)", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    expect((await emulator.api("DELETE", `${BASE}/${id}`)).status).toBe(200);
    expect((await provider.read(id, outs)).id).toBe("");
  });

  it("get (a read by id alone) shows everything the API shows, masked", async () => {
    const { id } = await provider.create(checked(customArgs));
    const { props } = await provider.read(id, undefined);
    expect(props).toMatchObject({
      toolkit: "github",
      displayName: "GitHub prod",
      managed: false,
      authScheme: "OAUTH2",
      credentials: { client_id: "gh-client", client_secret: "cana..." },
      proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: "REDACTED" },
      toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
      restrictToFollowingTools: customArgs.restrictToFollowingTools,
      enabled: true,
      provider: "flowra",
    });
    expectNoCanary(JSON.stringify(props));
  });

  it("importId adopts a config made elsewhere: no POST, one PATCH of what differs (secrets resent), display name kept", async () => {
    const made = await emulator.api("POST", BASE, {
      toolkit: { slug: "github" },
      authConfig: { type: "use_custom_auth", authScheme: "OAUTH2", displayName: "made by hand", credentials: { client_id: "gh-client", client_secret: SECRET } },
    });
    const existing = made.body.data.id;
    await emulator.clearLog();
    const args = { toolkit: "github", authScheme: "OAUTH2", importId: existing, credentials: { client_id: "gh-client", client_secret: SECRET }, restrictToFollowingTools: ["A"] };
    const { id, outs } = await provider.create(checked(args, "adopted"));
    expect(id).toBe(existing);
    expect(outs).toMatchObject({ displayName: "made by hand", credentials: args.credentials, restrictToFollowingTools: ["A"] });
    const log = await emulator.requests();
    expect(log.map(line)).toEqual([`GET ${BASE}/ID`, `PATCH ${BASE}/ID`]);
    // The masked secret cannot be proven equal, so it is sent again; the unmasked client_id is not.
    expect(log.filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([{ credentials: { client_secret: SECRET }, restrictToFollowingTools: ["A"] }]);
  });

  it("importId of a config that already matches: one read, no PATCH, and no read back", async () => {
    const made = await emulator.api("POST", BASE, { toolkit: { slug: "github" }, authConfig: { type: "use_custom_auth", authScheme: "API_KEY", displayName: "made by hand" } });
    await emulator.clearLog();
    const { id, outs } = await provider.create(checked({ toolkit: "github", authScheme: "API_KEY", importId: made.body.data.id }, "adopted"));
    expect(id).toBe(made.body.data.id);
    expect(outs).toMatchObject({ displayName: "made by hand", authScheme: "API_KEY", enabled: true });
    expect((await emulator.requests()).map(line)).toEqual([`GET ${BASE}/ID`]);
  });

  it("importId of a config with another authScheme is refused, naming the field; nothing is written", async () => {
    const made = await emulator.api("POST", BASE, { toolkit: { slug: "github" }, authConfig: { type: "use_custom_auth", authScheme: "API_KEY" } });
    await emulator.clearLog();
    const error = (await provider.create(checked({ ...customArgs, importId: made.body.data.id }, "adopted")).catch((e) => e)) as Error;
    expect(error.message).toContain('flowra.AuthConfig "adopted": create failed');
    expect(error.message).toContain("authScheme");
    expectNoCanary(error.message);
    expect((await emulator.requests()).filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("delete removes the config; a config already gone counts as deleted", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    forgetHeldConfigs(); // a later run: in the run that created it, a delete leaves it (see heldConfigs.ts)
    await provider.destroy(id, outs);
    expect(await emulator.store()).toEqual([]);
    await expect(provider.destroy(id, outs)).resolves.toBeUndefined();
  });

  it("bad inputs are refused by check, naming the field, without a request", async () => {
    for (const bad of FLOWRA_BAD_INPUTS) {
      const { failures } = await provider.check({}, { ...bad.args, __logicalName: "bad" });
      expect(failures!.some((f) => f.reason.includes(bad.field))).toBe(true);
      // The engine prints the value of a failure's property, secret or not: the field is named in the reason only.
      expect(failures!.map((f) => f.property)).toEqual(failures!.map(() => ""));
    }
    expect(await emulator.requests()).toEqual([]);
  });

  it("an API error names the resource, operation and status, never a secret", async () => {
    const { id, outs } = await provider.create(checked(customArgs));
    await emulator.api("DELETE", `${BASE}/${id}`);
    const error = (await provider.update(id, outs, rechecked(outs, { ...customArgs, credentials: { client_secret: ROTATED } })).catch((e) => e)) as Error;
    expect(error.message).toContain('flowra.AuthConfig "gh": update failed: PATCH');
    expect(error.message).toContain("404");
    expect(error.message).toContain(`Auth config ${id} not found`);
    expectNoCanary(error.message);
  });

  it("a refused key fails with Flowra's 401 message, once, naming where the key came from but not the key", async () => {
    process.env.FLOWRA_API_KEY = "canary-wrong-flowra-key";
    try {
      const error = (await provider.create(checked(customArgs)).catch((e) => e)) as Error;
      expect(error.message).toContain("401");
      expect(error.message).toContain("environment variable FLOWRA_API_KEY");
      expect(error.message).not.toContain("canary-wrong-flowra-key");
      expectNoCanary(error.message);
      expect(await emulator.requests()).toHaveLength(1);
    } finally {
      process.env.FLOWRA_API_KEY = KEY;
    }
  });
});

describe("flowra.AuthConfig interrupted creates: no twin, and nothing taken that it did not create", () => {
  const emulator = useEmulator({ FLOWRA_REQUEST_TIMEOUT_MS: "5000" });
  const configs = async () => (await emulator.store()) as { id: string; displayName: string }[];

  it("a POST processed but unanswered (reset-after) is found by its marker and taken, then renamed", async () => {
    await emulator.faults({ rate: 1, kinds: ["reset-after"], methods: ["POST"], paths: ["/api/v1/"] });
    const inputs = checked(customArgs, "flaky");
    const { id, outs } = await provider.create(inputs);
    expect((await configs()).map((c) => [c.id, c.displayName])).toEqual([[id, "GitHub prod"]]);
    const posts = (await emulator.requests()).filter((r) => r.method === "POST");
    expect(posts.map((p) => p.fault)).toEqual(["reset-after"]);
    expect(outs.credentials).toEqual(customArgs.credentials);
  }, 60_000);

  it("a POST dropped before processing (reset-before) is sent again once the marker finds nothing", async () => {
    // With seed 9 at rate 0.5, the first two POSTs are dropped and the third goes through.
    await emulator.faults({ rate: 0.5, kinds: ["reset-before"], seed: 9, methods: ["POST"], paths: ["/api/v1/"] });
    const { id } = await provider.create(checked(customArgs, "flaky"));
    expect((await configs()).map((c) => c.id)).toEqual([id]);
    const posts = (await emulator.requests()).filter((r) => r.method === "POST");
    expect(posts.map((p) => p.fault ?? "ok")).toEqual(["reset-before", "reset-before", "ok"]);
  }, 60_000);

  it("never takes (nor deletes) a config that only shares the declared displayName", async () => {
    const sibling = await emulator.api("POST", BASE, { toolkit: { slug: "github" }, authConfig: { type: "use_custom_auth", authScheme: "OAUTH2", displayName: "GitHub prod" } });
    await emulator.faults({ rate: 1, kinds: ["reset-before"], methods: ["POST"], paths: ["/api/v1/"] });
    const error = (await provider.create(checked(customArgs, "flaky")).catch((e) => e)) as Error;
    // Every POST was dropped unprocessed: the create fails, and the sibling is neither taken nor touched.
    expect(error.message).toContain('flowra.AuthConfig "flaky"');
    expectNoCanary(error.message);
    expect((await configs()).map((c) => c.id)).toEqual([sibling.body.data.id]);
    expect((await emulator.requests()).filter((r) => r.method === "PATCH" || r.method === "DELETE")).toEqual([]);
  }, 60_000);

  it("never takes a config carrying its marker that another resource of the run holds", async () => {
    // A config under this resource's marker, which another resource's diff has claimed (as a refresh would show).
    const inputs = checked(customArgs, "flaky");
    const other = await emulator.api("POST", BASE, { toolkit: { slug: "github" }, authConfig: { type: "use_custom_auth", authScheme: "OAUTH2", displayName: inputs.__marker } });
    await provider.diff(other.body.data.id, { ...inputs, displayName: "x" }, { ...inputs, displayName: "x", __logicalName: "holder" });
    await emulator.faults({ rate: 1, kinds: ["reset-after"], methods: ["POST"], paths: ["/api/v1/"] });
    const { id } = await provider.create(inputs);
    expect(id).not.toBe(other.body.data.id);
    expect((await configs()).map((c) => c.id).sort()).toEqual([id, other.body.data.id].sort());
  }, 60_000);

  it("the marker is found past the first page of the toolkit's configs", async () => {
    for (let i = 0; i < 105; i++) {
      expect((await emulator.api("POST", BASE, { toolkit: { slug: "github" }, authConfig: { type: "use_custom_auth", authScheme: "OAUTH2", displayName: `other ${i}` } })).status).toBe(201);
    }
    await emulator.clearLog();
    await emulator.faults({ rate: 1, kinds: ["reset-after"], methods: ["POST"], paths: ["/api/v1/"] });
    const { id } = await provider.create(checked(customArgs, "flaky"));
    const mine = (await configs()).filter((c) => c.displayName === "GitHub prod" || c.displayName.startsWith("flaky-"));
    expect(mine.map((c) => [c.id, c.displayName])).toEqual([[id, "GitHub prod"]]);
    const lists = (await emulator.requests()).filter((r) => r.method === "GET" && r.path === BASE);
    expect(lists.map((r) => r.query.page)).toContain("2");
  }, 60_000);

  it("under faults on every Flowra request: never a secret in an error, and after the next run exactly one config, the one in state", async () => {
    // Seeds whose first draws (rate 0.4) fault the POST, then some of the lookups and PATCHes after it.
    const postFaults: string[] = [];
    for (const seed of [7, 9, 23, 24, 29, 53, 54]) {
      await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
      forgetHeldConfigs();
      await emulator.faults({ rate: 0.4, kinds: ["reset-after", "reset-before"], seed, paths: ["/api/v1/"] });
      const inputs = checked(customArgs, `seed${seed}`);
      let id: string;
      try {
        id = (await provider.create(inputs)).id;
      } catch (caught) {
        const error = caught as Error & { id?: string; properties?: Record<string, unknown> };
        expectNoCanary(error.message);
        postFaults.push(...(await emulator.requests()).filter((r) => r.method === "POST" && r.fault).map((r) => r.fault!));
        // The next `up`, in a new process: an update of the recorded config, or a create again.
        await fetch(`${emulator.url}/_emulator/faults`, { method: "DELETE" });
        forgetHeldConfigs();
        id = error.id ? ((await provider.update(error.id, error.properties!, inputs)), error.id) : (await provider.create(checked(customArgs, `seed${seed}`))).id;
      }
      postFaults.push(...(await emulator.requests()).filter((r) => r.method === "POST" && r.fault).map((r) => r.fault!));
      expect((await configs()).map((c) => [c.id, c.displayName]), `seed ${seed}`).toEqual([[id, "GitHub prod"]]);
    }
    // The seeds did interrupt POSTs both ways: the test exercised recovery, not only the happy path.
    expect(postFaults).toContain("reset-after");
    expect(postFaults).toContain("reset-before");
  }, 240_000);
});
