import { describe, expect, it } from "vitest";
import { buildEmulatorServer } from "../../emulator/server";
import { CANARY, call, control, create, customCreateBody, elevenLabsCall, elevenLabsCreate, flowraCreate, flowraCreateBody, storeOf, useEmulator } from "./helpers";

const keyed = useEmulator({ apiKey: "shared-key", apiKeys: { flowra: "flowra-key", elevenlabs: "elevenlabs-key" } });
const composioOnly = useEmulator({ apiKeys: { composio: "composio-key" } });
const open = useEmulator();

describe("API keys", () => {
  it("apiKeys gives one API its own key, overriding apiKey for it only", async () => {
    expect((await call(keyed.url, "GET", "/api/v3/auth_configs", { key: "shared-key" })).status).toBe(200);
    expect((await call(keyed.url, "GET", "/api/v3/auth_configs", { key: "flowra-key" })).status).toBe(401);
    expect((await call(keyed.url, "GET", "/api/v1/auth_configs", { key: "flowra-key" })).status).toBe(200);
    expect((await call(keyed.url, "GET", "/api/v1/auth_configs", { key: "shared-key" })).status).toBe(401);
    expect((await elevenLabsCall(keyed.url, "GET", "", { key: "elevenlabs-key" })).status).toBe(200);
    expect((await elevenLabsCall(keyed.url, "GET", "", { key: "shared-key" })).status).toBe(401);
  });

  it("an API without a key of its own, and no apiKey, takes any non-empty key", async () => {
    expect((await call(composioOnly.url, "GET", "/api/v3/auth_configs", { key: "other" })).status).toBe(401);
    expect((await call(composioOnly.url, "GET", "/api/v3/auth_configs", { key: "composio-key" })).status).toBe(200);
    expect((await call(composioOnly.url, "GET", "/api/v1/auth_configs", { key: "anything" })).status).toBe(200);
    expect((await elevenLabsCall(composioOnly.url, "GET", "", { key: "anything" })).status).toBe(200);
  });

  it("refuses unknown API names and empty keys at start-up, naming the setting", () => {
    expect(() => buildEmulatorServer({ apiKeys: { openai: "k" } as never })).toThrow(/apiKeys\.openai/);
    expect(() => buildEmulatorServer({ apiKeys: { flowra: "" } })).toThrow(/apiKeys\.flowra/);
    expect(() => buildEmulatorServer({ apiKey: "" })).toThrow(/apiKey/);
  });
});

describe("one server, three APIs", () => {
  it("routes by path prefix to each API's own store; the request log names the API", async () => {
    await control(open.url, "POST", "reset");
    const composioId = await create(open.url, customCreateBody());
    const flowra = await flowraCreate(open.url, flowraCreateBody());
    const elevenlabs = await elevenLabsCreate(open.url, { auth_type: "bearer_auth", name: "t", provider: "p", token: "x" });
    expect((await call(open.url, "GET", "/api/v3.1/auth_configs")).body.items.map((i: any) => i.id)).toEqual([composioId]);
    expect((await call(open.url, "GET", "/api/v1/auth_configs")).body.data.map((i: any) => i.id)).toEqual([flowra.id]);
    expect((await elevenLabsCall(open.url, "GET", "")).body.auth_connections.map((i: any) => i.id)).toEqual([elevenlabs.id]);
    expect((await call(open.url, "GET", `/api/v1/auth_configs/${composioId}`)).status).toBe(404);
    expect((await call(open.url, "GET", `/api/v3/auth_configs/${flowra.id}`)).status).toBe(404);
    const elsewhere = await call(open.url, "GET", "/api/v2/auth_configs");
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toEqual({ error: { message: expect.any(String), slug: "route_not_found", status: 404 } });
    const log = (await control(open.url, "GET", "requests")).body as any[];
    expect(log.map((entry) => [entry.api, entry.method, entry.status])).toEqual([
      ["composio", "POST", 201],
      ["flowra", "POST", 201],
      ["elevenlabs", "POST", 200],
      ["composio", "GET", 200],
      ["flowra", "GET", 200],
      ["elevenlabs", "GET", 200],
      ["flowra", "GET", 404],
      ["composio", "GET", 404],
      [null, "GET", 404],
    ]);
  });
});

describe("GET /_emulator/store", () => {
  it("shows each API's objects with their secrets, deleted Composio configs marked, and is emptied by reset", async () => {
    await control(open.url, "POST", "reset");
    const kept = await create(open.url, customCreateBody({ name: "kept" }));
    const gone = await create(open.url, customCreateBody({ name: "gone" }));
    expect((await call(open.url, "DELETE", `/api/v3/auth_configs/${gone}`)).status).toBe(200);
    const flowra = await flowraCreate(open.url, flowraCreateBody());
    await call(open.url, "DELETE", `/api/v1/auth_configs/${(await flowraCreate(open.url, flowraCreateBody())).id}`);
    await elevenLabsCreate(open.url, { auth_type: "basic_auth", name: "b", provider: "p", username: "u", password: CANARY.rotatedSecret });

    const store = await storeOf(open.url);
    expect(Object.keys(store)).toEqual(["composio", "flowra", "elevenlabs"]);
    expect(store.composio.map((c) => [c.id, c.deleted])).toEqual([
      [kept, false],
      [gone, true],
    ]);
    expect(store.composio[0]).toMatchObject({
      name: "kept",
      credentials: { client_id: "slack-client-id", client_secret: CANARY.clientSecret },
      proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: CANARY.proxyKey },
      shared_credentials: { bot_token: CANARY.botToken },
    });
    // Flowra deletes for good: only the live config is left.
    expect(store.flowra.map((c) => c.id)).toEqual([flowra.id]);
    expect(store.flowra[0].credentials.client_secret).toBe(CANARY.clientSecret);
    expect(store.elevenlabs).toEqual([expect.objectContaining({ auth_type: "basic_auth", username: "u", password: CANARY.rotatedSecret })]);

    await control(open.url, "POST", "reset");
    expect(await storeOf(open.url)).toEqual({ composio: [], flowra: [], elevenlabs: [] });
  });
});
