import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulator } from "../../emulator";
import { forgetApiClients } from "../../provider/core/apiClients";
import { checkArgs } from "../../provider/core/checkArgs";
import { forgetHeldConfigs } from "../../provider/core/heldConfigs";
import * as provider from "../../provider/elevenlabs/authConnectionProvider";
import { elevenLabsAuthConnection } from "../../provider/elevenlabs/definition";

/**
 * The `elevenlabs.AuthConnection` provider's methods, called directly, against a real emulator over
 * HTTP: each method's requests and results, precisely. The engine tests prove the lifecycle through Pulumi.
 */

const CANARY = {
  clientSecret: "canary-el-client-secret-3f1a",
  rotated: "canary-el-rotated-9b2c",
  token: "canary-el-token-77d0",
  password: "canary-el-password-1e5b",
  secretKey: "canary-el-secret-key-c0de",
  clientKey: "-----BEGIN PRIVATE KEY-----\ncanary-el-client-key-5a5a\n-----END PRIVATE KEY-----",
  passphrase: "canary-el-passphrase-4242",
};
const CANARIES = ["canary-el-client-secret-3f1a", "canary-el-rotated-9b2c", "canary-el-token-77d0", "canary-el-password-1e5b", "canary-el-secret-key-c0de", "canary-el-client-key-5a5a", "canary-el-passphrase-4242"];
const CERT = "-----BEGIN CERTIFICATE-----\nMIIBclient\n-----END CERTIFICATE-----";
const CA = "-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----";

/** One of each type, with every secret a canary. */
const ARGS: Record<string, Record<string, unknown>> = {
  oauth2_client_credentials: {
    provider: "google",
    clientId: "cid",
    clientSecret: CANARY.clientSecret,
    tokenUrl: "https://auth.example/token",
    scopes: ["read"],
    extraParams: { audience: "api" },
    basicAuthInHeader: true,
    customHeaders: { "X-Tenant": "t1" },
  },
  custom_header_auth: { provider: "acme", headerName: "X-Api-Key", token: CANARY.token },
  basic_auth: { provider: "acme", username: "svc", password: CANARY.password },
  bearer_auth: { provider: "acme", token: CANARY.token },
  oauth2_jwt: {
    provider: "acme",
    issuer: "iss",
    audience: "aud",
    subject: "sub",
    tokenUrl: "https://auth.example/token",
    secretKey: CANARY.secretKey,
    algorithm: "RS256",
    keyId: "kid-1",
    expirationSeconds: 600,
    scopes: ["a"],
    tokenResponseField: "id_token",
  },
  private_key_jwt: { provider: "acme", issuer: "iss", audience: "aud", subject: "sub", secretKey: CANARY.secretKey },
  mtls: { provider: "acme", clientCertificate: CERT, clientKey: CANARY.clientKey, caCertificate: CA, keyPassphrase: CANARY.passphrase },
};
const WIRE_SECRETS: Record<string, Record<string, string>> = {
  oauth2_client_credentials: { client_secret: CANARY.clientSecret },
  custom_header_auth: { token: CANARY.token },
  basic_auth: { password: CANARY.password },
  bearer_auth: { token: CANARY.token },
  oauth2_jwt: { secret_key: CANARY.secretKey },
  private_key_jwt: { secret_key: CANARY.secretKey },
  mtls: { client_certificate: CERT, client_key: CANARY.clientKey, ca_certificate: CA, key_passphrase: CANARY.passphrase },
};

interface Recorded {
  fault?: string;
  method: string;
  path: string;
  body: any;
  status: number | null;
}

const KEY = "el-provider-test-key";
const checkInputs = (olds: Record<string, unknown>, news: Record<string, unknown>) => checkArgs(elevenLabsAuthConnection, olds, news);

function expectNoCanary(text: string): void {
  for (const canary of CANARIES) expect(text).not.toContain(canary);
}

/** Starts an emulator for the block and points the provider at it through its environment variables. */
function useEmulator(env: Record<string, string> = {}) {
  const handle = { url: "", close: async () => {} };
  const all = { ELEVENLABS_API_KEY: KEY, ELEVENLABS_MAX_RETRIES: "3", ...env };
  beforeAll(async () => {
    Object.assign(handle, await startEmulator({ port: 0, apiKey: KEY }));
    Object.assign(process.env, { ELEVENLABS_BASE_URL: handle.url }, all);
  });
  afterAll(async () => {
    await handle.close();
    for (const key of ["ELEVENLABS_BASE_URL", ...Object.keys(all)]) delete process.env[key];
  });
  beforeEach(async () => {
    forgetHeldConfigs();
    forgetApiClients(); // each test a new provider process: no list pass read by an earlier one
    await fetch(`${handle.url}/_emulator/reset`, { method: "POST" });
  });
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${handle.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };
  return {
    handle,
    /** The API itself, as someone else would call it. */
    api: async (method: string, path = "", body?: unknown) => {
      const res = await fetch(`${handle.url}/v1/workspace/auth-connections${path}`, {
        method,
        headers: { "xi-api-key": KEY, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    requests: async (): Promise<Recorded[]> => control("GET", "/_emulator/requests"),
    clearRequests: () => control("DELETE", "/_emulator/requests"),
    store: async (): Promise<Record<string, any>[]> => (await control("GET", "/_emulator/store")).elevenlabs,
    faults: (settings: unknown) => control("POST", "/_emulator/faults", settings),
    seed: (body: unknown) => control("POST", "/_emulator/elevenlabs/seed", body),
  };
}

const checked = (authType: string, extra: Record<string, unknown> = {}, logicalName = "conn") => {
  const { inputs, failures } = checkInputs({}, { __logicalName: logicalName, __urn: `urn:test::${logicalName}`, authType, ...ARGS[authType], ...extra });
  expect(failures).toEqual([]);
  return inputs;
};
/** The inputs of the next `up`, checked against the resource's state as the engine does. */
const next = (olds: Record<string, unknown>, authType: string, extra: Record<string, unknown> = {}, logicalName = "conn") => {
  const { inputs, failures } = checkInputs(olds, { __logicalName: logicalName, __urn: `urn:test::${logicalName}`, authType, ...ARGS[authType], ...extra });
  expect(failures).toEqual([]);
  return inputs;
};

/** What the provider writes to stderr (its log, without an engine). */
function captureLog(): { lines: () => string } {
  const written: string[] = [];
  beforeEach(() => {
    written.length = 0;
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return { lines: () => written.join("") };
}

describe("elevenlabs AuthConnection provider methods over HTTP", () => {
  const emulator = useEmulator();
  const log = captureLog();

  it("creates each of the 7 types with one POST and one list; state keeps the declared write-only values", async () => {
    for (const authType of Object.keys(ARGS)) {
      await emulator.clearRequests();
      const inputs = checked(authType, {}, `c-${authType.replace(/_/g, "-")}`);
      const { id, outs } = await provider.create(inputs);
      const log = await emulator.requests();
      expect(log.map((r) => `${r.method} ${r.path}`), authType).toEqual(["POST /v1/workspace/auth-connections", "GET /v1/workspace/auth-connections"]);
      expect(log[0].body).toMatchObject({ auth_type: authType, name: inputs.name, ...WIRE_SECRETS[authType] });
      expect(outs).toMatchObject({ authType, name: inputs.name, status: "active", ...ARGS[authType] });
      const stored = (await emulator.store()).find((c) => c.id === id)!;
      expect(stored).toMatchObject({ auth_type: authType, name: inputs.name, ...WIRE_SECRETS[authType] });
    }
    expect((await emulator.store()).map((c) => c.auth_type).sort()).toEqual(Object.keys(ARGS).sort());
  });

  it("a declared name is posted as declared: no rename afterwards", async () => {
    const { id, outs } = await provider.create(checked("bearer_auth", { name: "Acme bearer" }));
    expect(outs.name).toBe("Acme bearer");
    const log = await emulator.requests();
    expect(log.map((r) => r.method)).toEqual(["POST", "GET"]);
    expect(log[0].body.name).toBe("Acme bearer");
    expect((await emulator.store()).find((c) => c.id === id)!.name).toBe("Acme bearer");
  });

  it("no-op: the next check and diff find no change; a refresh reads one list and finds no drift", async () => {
    const { id, outs } = await provider.create(checked("oauth2_client_credentials"));
    await emulator.clearRequests();
    const news = next(outs, "oauth2_client_credentials");
    expect(await provider.diff(id, outs, news)).toMatchObject({ changes: false });
    const refreshed = await provider.read(id, outs);
    expect(refreshed.props).toEqual(outs);
    expect(await provider.diff(id, refreshed.props!, next(refreshed.inputs!, "oauth2_client_credentials"))).toMatchObject({ changes: false });
    expect((await emulator.requests()).map((r) => r.method)).toEqual(["GET"]);
    expect(log.lines()).not.toContain("changed outside Pulumi");
  });

  it("rotating one secret sends one PATCH of that field alone", async () => {
    const { id, outs } = await provider.create(checked("oauth2_client_credentials"));
    await emulator.clearRequests();
    const news = next(outs, "oauth2_client_credentials", { clientSecret: CANARY.rotated });
    expect(await provider.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    const { outs: after } = await provider.update(id, outs, news);
    const log = await emulator.requests();
    // The PATCH answers with the updated connection: no list is read back.
    expect(log.map((r) => r.method)).toEqual(["PATCH"]);
    expect(log[0].body).toEqual({ auth_type: "oauth2_client_credentials", client_secret: CANARY.rotated });
    expect(after!.clientSecret).toBe(CANARY.rotated);
    expect((await emulator.store()).find((c) => c.id === id)!.client_secret).toBe(CANARY.rotated);
  });

  it("a removed map key goes as null, and keys set elsewhere survive", async () => {
    const { id, outs } = await provider.create(checked("oauth2_client_credentials", { extraParams: { audience: "api", resource: "r1" } }));
    await emulator.api("PATCH", `/${id}`, { auth_type: "oauth2_client_credentials", extra_params: { set_elsewhere: "x" } });
    await emulator.clearRequests();
    const news = next(outs, "oauth2_client_credentials", { extraParams: { audience: "api" } });
    await provider.update(id, outs, news);
    const patches = (await emulator.requests()).filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.body)).toEqual([{ auth_type: "oauth2_client_credentials", extra_params: { resource: null } }]);
    expect((await emulator.store()).find((c) => c.id === id)!.extra_params).toEqual({ audience: "api", set_elsewhere: "x" });
  });

  it("a removed optional field goes as null, back to the API's default", async () => {
    const { id, outs } = await provider.create(checked("oauth2_jwt"));
    await emulator.clearRequests();
    const { keyId: _k, algorithm: _a, ...rest } = ARGS.oauth2_jwt;
    const news = checkInputs(outs, { __logicalName: "conn", __urn: "urn:test::conn", authType: "oauth2_jwt", ...rest }).inputs;
    const { outs: after } = await provider.update(id, outs, news);
    expect((await emulator.requests()).find((r) => r.method === "PATCH")!.body).toEqual({ auth_type: "oauth2_jwt", algorithm: null, key_id: null });
    expect(after).not.toHaveProperty("keyId");
    expect((await emulator.store()).find((c) => c.id === id)).toMatchObject({ algorithm: "HS256", key_id: null });
  });

  it("diff reports a change the API cannot make in place as a replace; the replacement is a new connection under a new name", async () => {
    const created = await provider.create(checked("oauth2_client_credentials", {}, "r"));
    const moved = next(created.outs, "oauth2_client_credentials", { tokenUrl: "https://other.example/token" }, "r");
    expect(await provider.diff(created.id, created.outs, moved)).toMatchObject({ changes: true, replaces: ["name", "tokenUrl"] }); // a replacement is named anew

    const header = await provider.create(checked("custom_header_auth", {}, "h"));
    const rotated = next(header.outs, "custom_header_auth", { token: CANARY.rotated }, "h");
    expect(await provider.diff(header.id, header.outs, rotated)).toMatchObject({ changes: true, replaces: ["name", "token"] });
    // As the engine replaces, in a later run: create the new one, then delete the old one.
    forgetHeldConfigs();
    await emulator.clearRequests();
    const replacement = await provider.create(rotated);
    await provider.destroy(header.id, header.outs);
    expect(replacement.outs.name).not.toBe(header.outs.name);
    expect((await emulator.requests()).filter((r) => r.method === "PATCH")).toEqual([]);
    const left = (await emulator.store()).filter((c) => c.auth_type === "custom_header_auth");
    expect(left.map((c) => [c.id, c.token])).toEqual([[replacement.id, CANARY.rotated]]);
  });

  it("read: a change made elsewhere is drift, named in the log without a value; write-only values are kept", async () => {
    const { id, outs } = await provider.create(checked("basic_auth"));
    await emulator.api("PATCH", `/${id}`, { auth_type: "basic_auth", username: "changed-by-hand", password: "set-by-hand-too" });
    const drifted = await provider.read(id, outs);
    expect(drifted.inputs).toMatchObject({ username: "changed-by-hand", password: CANARY.password });
    expect(await provider.diff(id, drifted.props!, next(drifted.inputs!, "basic_auth"))).toMatchObject({ changes: true, replaces: [] });
    expect(log.lines()).toContain('elevenlabs.AuthConnection "conn": changed outside Pulumi: username (changed)');
    expectNoCanary(log.lines());
    expect(log.lines()).not.toContain("changed-by-hand");
  });

  it("read of a connection deleted out of band returns an empty id", async () => {
    const { id, outs } = await provider.create(checked("bearer_auth"));
    await emulator.api("DELETE", `/${id}`);
    expect((await provider.read(id, outs)).id).toBe("");
  });

  it("get (read by id alone) shows what the API shows, and no secret", async () => {
    const { id } = await provider.create(checked("oauth2_jwt", { name: "jwt" }));
    const { props } = await provider.read(id, undefined);
    expect(props).toMatchObject({ authType: "oauth2_jwt", name: "jwt", provider: "acme", issuer: "iss", algorithm: "RS256", expirationSeconds: 600, extraParams: {}, status: "active" });
    expect(props).not.toHaveProperty("secretKey");
    expectNoCanary(JSON.stringify(props));
  });

  it("importId adopts a connection made elsewhere: its name stays, and one PATCH sends the declared secret and what differs", async () => {
    const made = await emulator.api("POST", "", { auth_type: "bearer_auth", name: "by-hand", provider: "old-provider", token: "their-token" });
    await emulator.clearRequests();
    const inputs = checked("bearer_auth", { importId: made.body.id });
    expect(inputs.name).toBeUndefined();
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe(made.body.id);
    expect(outs).toMatchObject({ name: "by-hand", provider: "acme", token: CANARY.token });
    const log = await emulator.requests();
    expect(log.filter((r) => r.method === "POST")).toEqual([]);
    expect(log.filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([{ auth_type: "bearer_auth", provider: "acme", token: CANARY.token }]);
    // Later runs: no change, and the name is not managed.
    const later = checkInputs(outs, { __logicalName: "conn", __urn: "urn:test::conn", authType: "bearer_auth", ...ARGS.bearer_auth, importId: made.body.id }).inputs;
    expect(await provider.diff(id, outs, later)).toMatchObject({ changes: false });
  });

  it("importId of a type that cannot be updated: what the API shows must match; the write-only values cannot be checked, and the log says so", async () => {
    const made = await emulator.api("POST", "", { auth_type: "mtls", name: "tls", provider: "other", client_certificate: CERT, client_key: CANARY.clientKey });
    const error = (await provider.create(checked("mtls", { importId: made.body.id })).catch((e) => e)) as Error;
    expect(error.message).toContain('has provider "other" but the program declares "acme"; provider cannot be changed in place');
    expectNoCanary(error.message);

    forgetHeldConfigs();
    await emulator.clearRequests();
    const { id } = await provider.create(checked("mtls", { provider: "other", importId: made.body.id }, "tls"));
    expect(id).toBe(made.body.id);
    expect((await emulator.requests()).filter((r) => r.method !== "GET")).toEqual([]);
    expect(log.lines()).toContain("cannot be updated, and the API never returns clientCertificate, clientKey, caCertificate, keyPassphrase");
  });

  it("importId of another type is refused, naming authType", async () => {
    const made = await emulator.api("POST", "", { auth_type: "basic_auth", name: "b", provider: "acme", username: "u", password: "p4ssword" });
    const error = (await provider.create(checked("bearer_auth", { importId: made.body.id })).catch((e) => e)) as Error;
    expect(error.message).toContain('has authType "basic_auth" but the program declares "bearer_auth"');
  });

  it("delete removes the connection; deleting one already gone succeeds", async () => {
    const { id, outs } = await provider.create(checked("bearer_auth"));
    forgetHeldConfigs(); // a later run: this one's create would keep the config it just made from its own delete
    await provider.destroy(id, outs);
    expect(await emulator.store()).toEqual([]);
    await expect(provider.destroy(id, outs)).resolves.toBeUndefined();
  });

  it("connections of types made elsewhere are listed, left alone, and never fail a read", async () => {
    const foreign = [
      { auth_type: "refresh_token_auth" },
      { auth_type: "api_integration_oauth2_auth_code" },
      { auth_type: "api_integration_oauth2_custom_app" },
      { auth_type: "whatsapp_auth", status: "revoked" },
      { auth_type: "slack_bot_auth", used_by: null },
      { auth_type: "url_secret", name: "conn", secret_url: "https://hooks.example/secret" },
    ];
    await emulator.seed(foreign);
    const before = await emulator.store();
    const { id, outs } = await provider.create(checked("bearer_auth", { name: "conn" }));
    await provider.read(id, outs);
    await provider.update(id, outs, next(outs, "bearer_auth", { name: "conn", token: CANARY.rotated }));
    forgetHeldConfigs();
    await provider.destroy(id, outs);
    expect(await emulator.store()).toEqual(before);
    const touched = (await emulator.requests()).filter((r) => r.method !== "GET" && r.method !== "POST");
    expect(touched.every((r) => r.path.endsWith(`/${id}`))).toBe(true);
    // A get of one of them shows its common fields.
    const { props } = await provider.read(before[4].id, undefined);
    expect(props).toMatchObject({ authType: "slack_bot_auth", name: "slack_bot_auth-seeded", provider: "Slack" });
  });

  it("100 reads at once share a few list requests", async () => {
    const seeds = Array.from({ length: 100 }, (_, i) => ({ auth_type: "bearer_auth", name: `bulk-${i}`, provider: "acme", token: `token-${i}` }));
    const { auth_connections: made } = await emulator.seed(seeds);
    await emulator.clearRequests();
    const reads = await Promise.all(
      made.map((c: { id: string; name: string }, i: number) =>
        provider.read(c.id, { authType: "bearer_auth", name: c.name, provider: "acme", token: `token-${i}`, __logicalName: c.name }),
      ),
    );
    expect(reads.map((r) => r.props!.name)).toEqual(made.map((c: { name: string }) => c.name));
    const lists = (await emulator.requests()).filter((r) => r.method === "GET");
    expect(lists.length).toBeGreaterThanOrEqual(1);
    expect(lists.length).toBeLessThanOrEqual(3);
  });

  it("errors name the resource and operation, carry the API's message and never a secret", async () => {
    const { id, outs } = await provider.create(checked("oauth2_client_credentials"));
    await emulator.api("DELETE", `/${id}`);
    const error = (await provider.update(id, outs, next(outs, "oauth2_client_credentials", { clientSecret: CANARY.rotated })).catch((e) => e)) as Error;
    expect(error.message).toContain('elevenlabs.AuthConnection "conn": update failed: PATCH');
    expect(error.message).toContain("404 not_found");
    expectNoCanary(error.message);
  });

  it("a wrong API key fails with the 401, where the key came from, and no retry", async () => {
    process.env.ELEVENLABS_API_KEY = "canary-wrong-key-61";
    try {
      const error = (await provider.create(checked("bearer_auth")).catch((e) => e)) as Error;
      expect(error.message).toContain("401 invalid_api_key");
      expect(error.message).toContain("environment variable ELEVENLABS_API_KEY");
      expect(error.message).not.toContain("canary-wrong-key-61");
      expectNoCanary(error.message);
      expect(await emulator.requests()).toHaveLength(1);
    } finally {
      process.env.ELEVENLABS_API_KEY = KEY;
    }
  });
});

describe("interrupted creates: no twin, and nothing taken that this create did not make", () => {
  const emulator = useEmulator({ ELEVENLABS_REQUEST_TIMEOUT_MS: "500" });
  captureLog();

  it("an auto-named create whose POST was processed but unanswered finds its marker and takes that connection", async () => {
    await emulator.faults({ rate: 1, kinds: ["reset-after"], methods: ["POST"], paths: ["/v1/"] });
    const inputs = checked("bearer_auth", {}, "flaky");
    const { id } = await provider.create(inputs);
    const all = await emulator.store();
    expect(all.map((c) => [c.id, c.name])).toEqual([[id, inputs.name]]);
    expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("a declared name whose POST was processed but unanswered stops with the candidate, and takes nothing", async () => {
    await emulator.faults({ rate: 1, kinds: ["reset-after"], methods: ["POST"], paths: ["/v1/"] });
    const error = (await provider.create(checked("bearer_auth", { name: "declared" }, "named")).catch((e) => e)) as Error & { code?: string };
    const all = await emulator.store();
    expect(all).toHaveLength(1);
    expect(error.code).toBe("AUTHCONFIG_AMBIGUOUS_CREATE");
    expect(error.message).toContain(`${all[0].id} named "declared"`);
    expect(error.message).toContain("importId");
    expectNoCanary(error.message);
  }, 30_000);

  it("a same-named connection made by someone else is never taken after a failed POST", async () => {
    const theirs = await emulator.api("POST", "", { auth_type: "bearer_auth", name: "shared", provider: "acme", token: "their-token" });
    await emulator.faults({ rate: 1, kinds: ["500"], methods: ["POST"], paths: ["/v1/"] });
    const error = (await provider.create(checked("bearer_auth", { name: "shared" }, "mine")).catch((e) => e)) as Error & { code?: string };
    expect(error.code).toBe("AUTHCONFIG_AMBIGUOUS_CREATE");
    expect(error.message).toContain(theirs.body.id);
    expect((await emulator.store()).map((c) => [c.id, c.token])).toEqual([[theirs.body.id, "their-token"]]);
  }, 30_000);

  it("under random faults on every ElevenLabs request, creates never make twins; the next run completes the failed ones", async () => {
    // Seed 4: the first draws, which go to the 12 POSTs, include 500s, a delay and resets after processing.
    await emulator.faults({ rate: 0.4, kinds: ["429", "500", "503", "reset-before", "reset-after", "delay"], delayMs: 1500, retryAfterSeconds: 0, seed: 4, paths: ["/v1/"] });
    const resources = Array.from({ length: 12 }, (_, i) => checked("bearer_auth", { token: `${CANARY.token}-${i}` }, `f${i}`));
    type Failure = Error & { id?: string; properties?: Record<string, unknown> };
    const outcomes = await Promise.all(resources.map((inputs) => provider.create(inputs).then((r) => r.id, (e: Failure) => e)));
    for (const failure of outcomes.filter((o): o is Failure => o instanceof Error)) expectNoCanary(failure.message);
    const faulted = (await emulator.requests()).filter((r) => r.fault !== undefined).map((r) => `${r.method} ${r.fault}`);
    expect(faulted).toContain("POST reset-after");

    // The next run, without faults: a create that failed after the connection existed is in state (the
    // error carries its id), and is updated; one that failed before is created again.
    await emulator.faults({ rate: 0, kinds: ["500"] });
    process.env.ELEVENLABS_REQUEST_TIMEOUT_MS = "30000";
    forgetHeldConfigs();
    const rerun = await Promise.all(
      resources.map(async (inputs, i) => {
        const outcome = outcomes[i];
        if (typeof outcome === "string") return outcome;
        if (outcome.id) {
          await provider.update(outcome.id, outcome.properties!, inputs);
          return outcome.id;
        }
        return (await provider.create(inputs)).id;
      }),
    );
    const all = await emulator.store();
    expect(all.map((c) => c.id).sort()).toEqual([...rerun].sort());
    for (const [i, inputs] of resources.entries()) {
      expect(all.find((c) => c.id === rerun[i])).toMatchObject({ name: inputs.name, token: `${CANARY.token}-${i}` });
    }
  }, 120_000);
});
