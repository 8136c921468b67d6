import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { buildEmulatorServer } from "../../emulator/server";
import { CANARY, call, create, customCreateBody, expect400Naming, expectNoCanary, resetEmulator } from "./helpers";

let open: { url: string; close(): Promise<void> };
let locked: { url: string; close(): Promise<void> };
let limited: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [open, locked, limited] = await Promise.all([
    startEmulator({ port: 0 }),
    startEmulator({ port: 0, apiKey: CANARY.apiKey }),
    startEmulator({ port: 0, rateLimitPerMinute: 3 }),
  ]);
});
afterAll(() => Promise.all([open.close(), locked.close(), limited.close()]));

function expect401(res: { status: number; body: any; text: string }) {
  expect(res.status).toBe(401);
  expect(res.body.error).toMatchObject({ status: 401, code: 401, slug: "unauthorized", message: expect.any(String), request_id: expect.any(String) });
}

describe("authentication", () => {
  it("refuses a request without a key, or with an empty one, with the 401 envelope", async () => {
    expect401(await call(open.url, "GET", "/api/v3/auth_configs", { key: null }));
    expect401(await call(open.url, "GET", "/api/v3/auth_configs", { key: "" }));
    expect401(await call(open.url, "POST", "/api/v3.1/auth_configs", { key: null, body: customCreateBody() }));
  });

  it("accepts any non-empty key in x-api-key or x-user-api-key when none is configured", async () => {
    expect((await call(open.url, "GET", "/api/v3/auth_configs", { key: "anything" })).status).toBe(200);
    expect((await call(open.url, "GET", "/api/v3/auth_configs", { key: null, headers: { "x-user-api-key": "other" } })).status).toBe(200);
  });

  it("accepts only the configured key, in either header, and never echoes a key", async () => {
    expect((await call(locked.url, "GET", "/api/v3/auth_configs", { key: CANARY.apiKey })).status).toBe(200);
    expect((await call(locked.url, "GET", "/api/v3/auth_configs", { key: null, headers: { "x-user-api-key": CANARY.apiKey } })).status).toBe(200);
    const wrong = await call(locked.url, "GET", "/api/v3/auth_configs", { key: `${CANARY.apiKey}-wrong` });
    expect401(wrong);
    expectNoCanary(wrong.text);
    expect401(await call(locked.url, "GET", "/api/v3/auth_configs", { key: null, headers: { authorization: `Bearer ${CANARY.apiKey}` } }));
  });

  it("refuses a request presenting both x-api-key and x-user-api-key, even with the right key in each (spec)", async () => {
    const both = await call(locked.url, "GET", "/api/v3/auth_configs", { key: CANARY.apiKey, headers: { "x-user-api-key": CANARY.apiKey } });
    expect401(both);
    expect(both.body.error.suggested_fix).toContain("not both");
    expect401(await call(open.url, "GET", "/api/v3/auth_configs", { key: "a", headers: { "x-user-api-key": "b" } }));
  });

  it("does not store a config created with a refused key", async () => {
    await call(locked.url, "POST", "/api/v3/auth_configs", { key: "wrong", body: customCreateBody({ name: "unauthorized-create" }) });
    const res = await call(locked.url, "GET", "/api/v3/auth_configs?search=unauthorized-create", { key: CANARY.apiKey });
    expect(res.body.total_items).toBe(0);
  });

  it("serves the control endpoints without a key", async () => {
    const res = await fetch(`${locked.url}/_emulator/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe("errors", () => {
  it("answers unknown routes under the API with the 404 envelope", async () => {
    const res = await call(open.url, "GET", "/api/v3/connected_accounts");
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ status: 404, code: 404, slug: "route_not_found" });
    expect((await call(open.url, "PUT", "/api/v3/auth_configs/ac_x", { body: {} })).status).toBe(404);
  });

  it("gives every error its own request_id", async () => {
    const a = await call(open.url, "GET", "/api/v3/auth_configs/ac_missing00000");
    const b = await call(open.url, "GET", "/api/v3/auth_configs/ac_missing00000");
    expect(a.body.error.request_id).not.toBe(b.body.error.request_id);
  });

  it("lists a validation error's message in errors[]", async () => {
    const res = await call(open.url, "POST", "/api/v3/auth_configs", { body: { toolkit: { slug: "" } } });
    expect(res.body.error.errors).toEqual([res.body.error.message]);
  });

  it("refuses a body that is not JSON, naming the content type, without storing anything", async () => {
    const res = await call(open.url, "POST", "/api/v3/auth_configs", {
      rawBody: `toolkit=slack&secret=${CANARY.clientSecret}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect400Naming(res, "content-type", "invalid_request_body");
    expectNoCanary(res.text);
  });

  it("refuses a __proto__ key rather than merging it", async () => {
    const id = await create(open.url, customCreateBody());
    const res = await call(open.url, "PATCH", `/api/v3/auth_configs/${id}`, {
      rawBody: '{"type":"custom","credentials":{"__proto__":{"polluted":"yes"}}}',
      headers: { "content-type": "application/json" },
    });
    expect400Naming(res, "JSON", "invalid_request_body");
  });

  it("checks the key before the body", async () => {
    const res = await call(open.url, "POST", "/api/v3/auth_configs", { key: null, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(401);
  });
});

describe("rate limit", () => {
  it("puts X-RateLimit, X-RateLimit-Remaining and X-RateLimit-Window-Size on every API response", async () => {
    await resetEmulator(open.url);
    const answers = [
      await call(open.url, "POST", "/api/v3/auth_configs", { body: customCreateBody() }),
      await call(open.url, "GET", "/api/v3/auth_configs"),
      await call(open.url, "GET", "/api/v3/auth_configs/ac_missing00000"),
      await call(open.url, "POST", "/api/v3/auth_configs", { body: {} }),
      await call(open.url, "GET", "/api/v3/nowhere"),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 200, 404, 400, 404]);
    answers.forEach((answer, i) => {
      expect(answer.headers.get("x-ratelimit")).toBe("10000");
      expect(answer.headers.get("x-ratelimit-window-size")).toBe("60");
      expect(answer.headers.get("x-ratelimit-remaining")).toBe(String(10000 - 1 - i));
    });
    const refused = await call(open.url, "GET", "/api/v3/auth_configs", { key: null });
    expect(refused.headers.get("x-ratelimit")).toBe("10000");
    expect(refused.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });

  it("answers 429 with the spec's body and Retry-After once a key has used its window", async () => {
    const key = "limited-key-1";
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(limited.url, "GET", "/api/v3/auth_configs", { key })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const res = await call(limited.url, "POST", "/api/v3/auth_configs", { key, body: customCreateBody({ name: "rate-limited" }) });
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ message: "Rate limit exceeded. Limit: 3 requests per 1 minutes" });
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(res.headers.get("x-ratelimit")).toBe("3");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another key has its own window; the refused create stored nothing.
    const other = await call(limited.url, "GET", "/api/v3/auth_configs?search=rate-limited", { key: "limited-key-2" });
    expect(other.status).toBe(200);
    expect(other.body.total_items).toBe(0);
  });

  it("does not count control endpoints", async () => {
    const key = "limited-key-3";
    for (let i = 0; i < 10; i++) expect((await fetch(`${limited.url}/_emulator/health`)).status).toBe(200);
    expect((await call(limited.url, "GET", "/api/v3/auth_configs", { key })).headers.get("x-ratelimit-remaining")).toBe("2");
  });

  it("opens a new window after a minute", async () => {
    let now = 1_000_000;
    const app = buildEmulatorServer({ rateLimitPerMinute: 2, now: () => now });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const statuses = async (n: number) => {
        const seen = [];
        for (let i = 0; i < n; i++) seen.push((await call(url, "GET", "/api/v3/auth_configs")).status);
        return seen;
      };
      expect(await statuses(3)).toEqual([200, 200, 429]);
      now += 45_000;
      const res = await call(url, "GET", "/api/v3/auth_configs");
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("15");
      now += 15_000;
      expect(await statuses(3)).toEqual([200, 200, 429]);
    } finally {
      await app.close();
    }
  });

  it("starts fresh windows after POST /_emulator/reset", async () => {
    const key = "limited-key-4";
    for (let i = 0; i < 3; i++) await call(limited.url, "GET", "/api/v3/auth_configs", { key });
    expect((await call(limited.url, "GET", "/api/v3/auth_configs", { key })).status).toBe(429);
    await resetEmulator(limited.url);
    expect((await call(limited.url, "GET", "/api/v3/auth_configs", { key })).status).toBe(200);
  });

  it("refuses a rate limit that is not a positive integer", () => {
    expect(() => buildEmulatorServer({ rateLimitPerMinute: 0 })).toThrow(/rateLimitPerMinute/);
    expect(() => buildEmulatorServer({ rateLimitPerMinute: 1.5 })).toThrow(/rateLimitPerMinute/);
  });
});
