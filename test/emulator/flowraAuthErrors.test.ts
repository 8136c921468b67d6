import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { CANARY, call, control, expectFlowraError, expectNoCanary, flowraCreateBody } from "./helpers";

let open: { url: string; close(): Promise<void> };
let locked: { url: string; close(): Promise<void> };
let limited: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [open, locked, limited] = await Promise.all([
    startEmulator({ port: 0 }),
    startEmulator({ port: 0, apiKey: CANARY.apiKey }),
    startEmulator({ port: 0, rateLimitPerMinute: 2 }),
  ]);
});
afterAll(() => Promise.all([open.close(), locked.close(), limited.close()]));

const LIST = "/api/v1/auth_configs";

describe("Flowra authentication", () => {
  it("takes the key from x-api-key or Authorization: Bearer", async () => {
    expect((await call(locked.url, "GET", LIST, { key: CANARY.apiKey })).status).toBe(200);
    expect((await call(locked.url, "GET", LIST, { key: null, headers: { authorization: `Bearer ${CANARY.apiKey}` } })).status).toBe(200);
    expect((await call(locked.url, "GET", LIST, { key: null, headers: { authorization: `bearer ${CANARY.apiKey}` } })).status).toBe(200);
    expect((await call(locked.url, "GET", LIST, { key: CANARY.apiKey, headers: { authorization: `Bearer ${CANARY.apiKey}` } })).status).toBe(200);
  });

  it("answers 401 with Flowra's envelope: no key, a wrong key, two different keys, another scheme, another platform's header", async () => {
    const refused = [
      await call(open.url, "GET", LIST, { key: null }),
      await call(locked.url, "GET", LIST, { key: `${CANARY.apiKey}-wrong` }),
      await call(open.url, "GET", LIST, { key: "one", headers: { authorization: "Bearer two" } }),
      await call(open.url, "GET", LIST, { key: null, headers: { authorization: `Basic ${CANARY.apiKey}` } }),
      await call(locked.url, "GET", LIST, { key: null, headers: { "xi-api-key": CANARY.apiKey } }),
    ];
    for (const res of refused) {
      expectFlowraError(res, 401);
      expect(res.body.error).toBe("Unauthorized");
      expect(res.body.message).toContain("Authorization: Bearer");
      expectNoCanary(res.text);
    }
  });
});

describe("Flowra errors", () => {
  it("answers unknown routes, unreadable bodies and injected faults with Flowra's envelope", async () => {
    expectFlowraError(await call(open.url, "GET", "/api/v1/connected_accounts"), 404);
    const notJson = await call(open.url, "POST", LIST, { rawBody: `secret=${CANARY.clientSecret}`, headers: { "content-type": "text/plain" } });
    expectFlowraError(notJson, 400, "JSON");
    expectNoCanary(notJson.text);
    await control(open.url, "POST", "faults", { rate: 1, kinds: ["503"], retryAfterSeconds: 3 });
    const unavailable = await call(open.url, "POST", LIST, { body: flowraCreateBody() });
    await control(open.url, "DELETE", "faults");
    expectFlowraError(unavailable, 503);
    expect(unavailable.headers.get("retry-after")).toBe("3");
    expect((await call(open.url, "GET", LIST)).body.total).toBe(0);
  });
});

describe("Flowra rate limit", () => {
  it("carries X-RateLimit-Limit, -Remaining and -Reset, and answers 429 with the envelope and Retry-After", async () => {
    const key = "flowra-limited";
    const first = await call(limited.url, "GET", LIST, { key });
    expect(first.headers.get("x-ratelimit-limit")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    const reset = Number(first.headers.get("x-ratelimit-reset"));
    expect(reset >= 1 && reset <= 60).toBe(true);
    expect(first.headers.get("x-ratelimit")).toBeNull();
    expect((await call(limited.url, "GET", LIST, { key })).status).toBe(200);
    const refused = await call(limited.url, "POST", LIST, { key, body: flowraCreateBody() });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ success: false, message: expect.stringContaining("Too Many Requests"), statusCode: 429, error: "Too Many Requests" });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    // Composio counts its own window for the same key.
    expect((await call(limited.url, "GET", "/api/v3/auth_configs", { key })).status).toBe(200);
  });
});
