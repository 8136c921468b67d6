import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { CANARY, call, control, elevenLabsCall, elevenLabsCreate, expect422, expectNoCanary, storeOf, useEmulator } from "./helpers";

const emulator = useEmulator();
beforeEach(() => control(emulator.url, "POST", "reset"));
const seed = (body: unknown) => control(emulator.url, "POST", "elevenlabs/seed", body);
const list = async () => (await elevenLabsCall(emulator.url, "GET", "")).body.auth_connections as any[];

describe("seeding connections made elsewhere (POST /_emulator/elevenlabs/seed)", () => {
  it("stores one connection, filling required fields with placeholders, and the list shows it as the API would", async () => {
    const res = await seed({ auth_type: "api_integration_oauth2_custom_app" });
    expect(res.status).toBe(200);
    const [shown] = res.body.auth_connections;
    expect(shown).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      auth_type: "api_integration_oauth2_custom_app",
      name: "api_integration_oauth2_custom_app-seeded",
      provider: "seeded",
      token_url: expect.any(String),
      scopes: [],
      scope_separator: null,
      expires_at: expect.stringMatching(/Z$/),
      integration_id: expect.any(String),
      credential_id: expect.any(String),
      client_id: expect.any(String),
      status: "active",
      status_detail: null,
      status_updated_at: expect.any(String),
      used_by: { tools: [], mcp_servers: [], integration_connections: [] },
    });
    expect(await list()).toEqual([shown]);
  });

  it("stores an array, with the id, status, dependencies and fields given; other keys are secrets, kept but never listed", async () => {
    const usedBy = { tools: [{ type: "unknown", id: "t9" }], mcp_servers: [], integration_connections: [{ id: "ic1", name: "CRM" }] };
    const res = await seed([
      { auth_type: "refresh_token_auth", id: "SeededRefresh0000001", name: "crm-oauth", provider: "salesforce", client_id: "cid", refresh_token: CANARY.clientSecret },
      { auth_type: "whatsapp_auth", status: "revoked", status_detail: "token revoked", status_updated_at: "2026-01-02T03:04:05.000Z", used_by: usedBy },
      { auth_type: "slack_bot_auth", bot_token: CANARY.botToken },
      { auth_type: "bearer_auth", provider: "zendesk", token: CANARY.rotatedSecret },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const listedNow = await list();
    expect(listedNow).toEqual(res.body.auth_connections);
    expectNoCanary(JSON.stringify(listedNow));
    expect(listedNow[0]).toMatchObject({ id: "SeededRefresh0000001", name: "crm-oauth", provider: "salesforce", client_id: "cid" });
    expect(listedNow[1]).toMatchObject({ provider: "whatsapp", status: "revoked", status_detail: "token revoked", status_updated_at: "2026-01-02T03:04:05.000Z", used_by: usedBy });
    expect(listedNow[2].provider).toBe("Slack");
    const stored = (await storeOf(emulator.url)).elevenlabs;
    expect(stored.map((c) => c.refresh_token ?? c.bot_token ?? c.token)).toEqual([CANARY.clientSecret, undefined, CANARY.botToken, CANARY.rotatedSecret]);
    // Seeded connections can be deleted like any other.
    expect((await elevenLabsCall(emulator.url, "DELETE", "/SeededRefresh0000001")).body).toEqual({});
  });

  it("refuses a bad seed with a 400 naming the field, storing none of the array", async () => {
    const cases: [unknown, string][] = [
      [{ auth_type: "oauth2" }, "auth_type"],
      [{ name: "no type" }, "auth_type"],
      [[{ auth_type: "url_secret" }, { auth_type: "whatsapp_auth", phone_number_id: 5 }], "seed[1].phone_number_id"],
      [{ auth_type: "bearer_auth" }, "token"],
      [{ auth_type: "url_secret", status_updated_at: "yesterday" }, "status_updated_at"],
      [{ auth_type: "url_secret", used_by: [] }, "used_by"],
      ["text", "object"],
    ];
    for (const [body, field] of cases) {
      const res = await seed(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    expect(await list()).toEqual([]);
    await seed({ auth_type: "url_secret", id: "SameId00000000000000" });
    expect((await seed({ auth_type: "url_secret", id: "SameId00000000000000" })).status).toBe(409);
  });
});

describe("ElevenLabs errors", () => {
  let locked: { url: string; close(): Promise<void> };
  let limited: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    [locked, limited] = await Promise.all([startEmulator({ port: 0, apiKey: CANARY.apiKey }), startEmulator({ port: 0, rateLimitPerMinute: 1 })]);
  });
  afterAll(() => Promise.all([locked.close(), limited.close()]));

  it("401 with the detail envelope: no key, a wrong key, or the key in another platform's header", async () => {
    const refused = [
      await elevenLabsCall(emulator.url, "GET", "", { key: null }),
      await elevenLabsCall(locked.url, "GET", "", { key: "wrong" }),
      await elevenLabsCall(locked.url, "GET", "", { key: null, headers: { "x-api-key": CANARY.apiKey } }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: { status: "invalid_api_key", message: expect.stringContaining("xi-api-key") } });
      expectNoCanary(res.text);
    }
    expect((await elevenLabsCall(locked.url, "GET", "", { key: CANARY.apiKey })).status).toBe(200);
  });

  it("404 for unknown routes and ids, 405 for a GET by id (there is none), 422 for a list query", async () => {
    const unknownRoute = await call(emulator.url, "GET", "/v1/voices", { key: null, headers: { "xi-api-key": "k" } });
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body.detail.status).toBe("not_found");
    const created = await elevenLabsCreate(emulator.url, { auth_type: "bearer_auth", name: "t", provider: "p", token: "x" });
    const byId = await elevenLabsCall(emulator.url, "GET", `/${created.id}`);
    expect(byId.status).toBe(405);
    expect(byId.body.detail.status).toBe("method_not_allowed");
    expect((await elevenLabsCall(emulator.url, "DELETE", "/Unknown0000000000000")).body).toEqual({ detail: { status: "not_found", message: expect.any(String) } });
    expect422(await elevenLabsCall(emulator.url, "GET", "?page=2"), [["query", "page"], "value_error.extra"]);
  });

  it("injected faults answer with the detail envelope", async () => {
    await control(emulator.url, "POST", "faults", { rate: 1, kinds: ["500"], paths: ["/v1/"] });
    const res = await elevenLabsCall(emulator.url, "POST", "", { body: { auth_type: "bearer_auth", name: "t", provider: "p", token: "x" } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ detail: { status: "internal_server_error", message: expect.any(String) } });
    await control(emulator.url, "DELETE", "faults");
    expect(await list()).toEqual([]);
  });

  it("sends no rate-limit headers; a 429 has the detail envelope and Retry-After", async () => {
    const first = await elevenLabsCall(limited.url, "GET", "", { key: "k" });
    expect(first.status).toBe(200);
    expect([...first.headers.keys()].filter((name) => name.includes("ratelimit"))).toEqual([]);
    const refused = await elevenLabsCall(limited.url, "GET", "", { key: "k" });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ detail: { status: "rate_limit_exceeded", message: expect.any(String) } });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter >= 1 && retryAfter <= 60).toBe(true);
  });
});
