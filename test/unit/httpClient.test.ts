import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseComposioError } from "../../provider/composio/client";
import { AuthenticationError, ConnectionError, InvalidRequestError, ServerError } from "../../provider/core/errors";
import { HttpClient } from "../../provider/core/httpClient";
import { RateLimiter, rateLimitHeaders } from "../../provider/core/rateLimiter";
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter } from "../../provider/core/retry";

/** A loopback server whose next answers the test scripts: a status (with a JSON body, or raw text), or a dropped connection. */
type Answer = { status: number; body?: unknown; text?: string; headers?: Record<string, string> } | "reset";

describe("HttpClient against a real loopback server", () => {
  let server: Server;
  let url = "";
  let script: Answer[] = [];
  let seen: { method: string; url: string; body: string; apiKey?: string }[] = [];
  const sleeps: number[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen.push({ method: req.method!, url: req.url!, body, apiKey: req.headers["x-api-key"] as string });
        const answer = script.shift() ?? { status: 200, body: {} };
        if (answer === "reset") return req.socket.destroy();
        if (answer.text !== undefined) {
          res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
          return res.end(answer.text);
        }
        res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
        res.end(JSON.stringify(answer.body ?? {}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    script = [];
    seen = [];
    sleeps.length = 0;
    logs.length = 0;
    limiterWaits.length = 0;
  });

  // The limiter runs on a fake clock, so that a Retry-After pause costs the test no time.
  let fakeNow = Date.now();
  const limiterWaits: number[] = [];
  const client = (maxRetries = 3) =>
    new HttpClient({
      baseUrl: url,
      headers: { "x-api-key": "key-canary-1234" },
      timeoutMs: 2000,
      retry: { ...DEFAULT_RETRY_POLICY, maxRetries },
      rateLimiter: new RateLimiter(100_000, () => fakeNow, async (ms) => {
        limiterWaits.push(ms);
        fakeNow += ms;
      }),
      parseErrorBody: parseComposioError,
      log: (line) => logs.push(line),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  const context = { resource: 'composio.AuthConfig "x"', operation: "update" };

  it("retries a PATCH after a 503 and a dropped connection, and logs each retry with its reason", async () => {
    script = [{ status: 503, body: { error: { message: "busy" } } }, "reset", { status: 200, body: {} }];
    const res = await client().request({ method: "PATCH", path: "/p", body: { a: 1 }, context });
    expect(res.status).toBe(200);
    expect(seen.map((s) => s.method)).toEqual(["PATCH", "PATCH", "PATCH"]);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toContain('composio.AuthConfig "x": update: PATCH /p answered 503');
    expect(logs[1]).toContain("got no answer");
  });

  it("honours Retry-After on 429, and holds back the shared limiter for that long", async () => {
    script = [{ status: 429, body: { message: "Rate limit exceeded" }, headers: { "retry-after": "7" } }, { status: 200 }];
    await client().request({ method: "GET", path: "/p", context });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(7000);
    expect(limiterWaits.reduce((a, b) => a + b, 0)).toBe(7000);
  });

  it("honours a Retry-After longer than the retry budget, up to its own cap", async () => {
    script = [{ status: 429, body: { message: "Rate limit exceeded" }, headers: { "retry-after": "59" } }, { status: 200 }];
    const res = await client().request({ method: "GET", path: "/p", context });
    expect(res.status).toBe(200);
    script = [{ status: 429, body: { message: "Rate limit exceeded" }, headers: { "retry-after": "3600" } }, { status: 200 }];
    await expect(client().request({ method: "GET", path: "/p", context })).rejects.toMatchObject({ status: 429 });
  });

  it.each([400, 401, 403, 404, 409, 422])("never retries a %i", async (status) => {
    script = [{ status, body: { error: { message: "no", slug: "nope" } } }, { status: 200 }];
    await expect(client().request({ method: "GET", path: "/p", context })).rejects.toMatchObject({ status });
    expect(seen).toHaveLength(1);
  });

  it("does not retry a POST whose connection dropped after sending: the server may have created it", async () => {
    script = ["reset", { status: 201 }];
    const error = await client().request({ method: "POST", path: "/p", body: {}, context }).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).maybeProcessed).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it("retries a POST on 429 and on 503 with Retry-After, but not on a bare 500", async () => {
    script = [{ status: 429, headers: { "retry-after": "0" } }, { status: 503, headers: { "retry-after": "0" } }, { status: 201, body: { ok: 1 } }];
    expect((await client().request({ method: "POST", path: "/p", body: {}, context })).body).toEqual({ ok: 1 });
    expect(seen).toHaveLength(3);
    seen = [];
    script = [{ status: 500, body: { error: { message: "boom" } } }, { status: 201 }];
    await expect(client().request({ method: "POST", path: "/p", body: {}, context })).rejects.toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(1);
  });

  it("gives up after maxRetries with a ServerError naming resource, operation, slug and request id", async () => {
    const failing = { status: 500, body: { error: { message: "database down", slug: "internal_error", request_id: "req_42", suggested_fix: "try later" } } };
    script = [failing, failing, failing, failing, failing];
    const error = (await client(3).request({ method: "GET", path: "/p", context }).catch((e) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(4);
    expect(error.message).toBe('composio.AuthConfig "x": update failed: GET /p answered 500 internal_error: database down [request_id: req_42]. Suggested fix: try later');
  });

  it("redacts secrets and the API key from error messages", async () => {
    script = [{ status: 400, body: { error: { message: "bad value canary-value-999 for key-canary-1234", errors: ["canary-value-999 is wrong"] } } }];
    const error = (await client().request({ method: "PATCH", path: "/p", context, secrets: ["canary-value-999", "key-canary-1234"] }).catch((e) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).not.toContain("canary-value-999");
    expect(error.message).not.toContain("key-canary-1234");
    expect(error.message).toContain("[REDACTED]");
  });

  // What a proxy's or a framework's error page may do: echo the request it refused.
  const pem = "-----BEGIN PRIVATE KEY-----\ncanary-pem-body-77\n-----END PRIVATE KEY-----";
  const quoted = 'canary-"quoted"-\\-value';
  const long = `canary-long-value-${"x".repeat(600)}`;

  it("redacts a secret echoed inside JSON text, where its newlines, quotes and backslashes are escaped", async () => {
    const echoed = JSON.stringify({ client_key: pem, token: quoted });
    for (const answer of [{ status: 400, text: `Bad request: ${echoed}` }, { status: 422, body: { message: `invalid body ${echoed}` } }]) {
      script = [answer];
      const error = (await client().request({ method: "PATCH", path: "/p", context, secrets: [pem, quoted] }).catch((e) => e)) as InvalidRequestError;
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).not.toContain("canary-pem-body-77");
      expect(error.message).not.toContain("quoted");
      expect(error.message).toContain("[REDACTED]");
    }
  });

  it("redacts a long secret in a text answer before shortening it: no part of it is left", async () => {
    script = [{ status: 400, text: `Bad request: ${JSON.stringify({ padding: "p".repeat(400), api_key: long })}` }];
    const error = (await client().request({ method: "PATCH", path: "/p", context, secrets: [long] }).catch((e) => e)) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain("Bad request:");
    expect(error.message).not.toContain("canary-long");
  });

  it("sends the API key header and maps 401 to AuthenticationError", async () => {
    script = [{ status: 401, body: { error: { message: "Invalid API key", slug: "unauthorized" } } }];
    await expect(client().request({ method: "GET", path: "/p", context })).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen[0].apiKey).toBe("key-canary-1234");
  });

  it("reports a refused connection as not processed, after retrying", async () => {
    const closed = new HttpClient({ ...(client() as unknown as { options: object }).options, baseUrl: "http://127.0.0.1:1" } as never);
    const error = (await closed.request({ method: "POST", path: "/p", body: {}, context }).catch((e) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.maybeProcessed).toBe(false);
    expect(error.message).toContain("connection refused");
    expect(sleeps).toHaveLength(3);
  });
});

describe("retry policy", () => {
  it("backs off exponentially with jitter, capped, and never below Retry-After", () => {
    const p = { ...DEFAULT_RETRY_POLICY, minDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(p, 1, undefined, () => 0)).toBe(50);
    expect(backoffDelayMs(p, 1, undefined, () => 1)).toBe(100);
    expect(backoffDelayMs(p, 3, undefined, () => 1)).toBe(400);
    expect(backoffDelayMs(p, 10, undefined, () => 1)).toBe(1000);
    expect(backoffDelayMs(p, 1, 3, () => 1)).toBe(3000);
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("5")).toBe(5);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("retries POST only when it provably was not processed", () => {
    expect(isRetryable("POST", { kind: "no-answer", maybeProcessed: false, reason: "" })).toBe(true);
    expect(isRetryable("POST", { kind: "no-answer", maybeProcessed: true, reason: "" })).toBe(false);
    expect(isRetryable("POST", { kind: "status", status: 503 })).toBe(false);
    expect(isRetryable("POST", { kind: "status", status: 503, retryAfterSeconds: 1 })).toBe(true);
    expect(isRetryable("DELETE", { kind: "no-answer", maybeProcessed: true, reason: "" })).toBe(true);
  });
});

describe("RateLimiter", () => {
  /** A limiter on a fake clock: sleeping moves the clock (and runs `onSleep`, for what happens meanwhile). */
  function fakeLimiter(ceiling: number | undefined, onSleep: (limiter: RateLimiter) => void = () => {}) {
    const clock = { now: 0, waits: [] as number[] };
    const limiter: RateLimiter = new RateLimiter(ceiling, () => clock.now, async (ms) => {
      clock.waits.push(ms);
      clock.now += ms;
      onSleep(limiter);
      // A real sleep yields to other callers; so does this one.
      await new Promise((resolve) => setImmediate(resolve));
    });
    return { limiter, clock };
  }
  const room = { limit: 1000, remaining: 900, windowSeconds: 60 };

  it("costs nothing while the headers show quota left: after the first answer, 200 requests start at once", async () => {
    const { limiter, clock } = fakeLimiter(undefined);
    expect(await limiter.acquire()).toBe(0);
    limiter.observe(room);
    limiter.release();
    const waited = await Promise.all(Array.from({ length: 200 }, () => limiter.acquire()));
    expect(waited.every((ms) => ms === 0)).toBe(true);
    expect(clock.waits).toEqual([]);
    expect(limiter.waitedMs).toBe(0);
  });

  it("sends the first request alone, and does not limit an API that sends no rate-limit headers", async () => {
    const { limiter } = fakeLimiter(undefined, (self) => {
      // While the second caller waits, the first request is answered without rate-limit headers.
      self.observe({});
      self.release();
    });
    await limiter.acquire();
    expect(await limiter.acquire()).toBeGreaterThan(0);
    const waited = await Promise.all(Array.from({ length: 100 }, () => limiter.acquire()));
    expect(waited.every((ms) => ms === 0)).toBe(true);
  });

  it("counts requests in flight against the quota left: no more start than the window allows, then one alone probes", async () => {
    const { limiter, clock } = fakeLimiter(undefined);
    await limiter.acquire();
    limiter.observe({ limit: 100, remaining: 30, windowSeconds: 60 });
    limiter.release();
    let started = 0;
    const all = Array.from({ length: 40 }, () => limiter.acquire().then(() => started++));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(30);
    // Their answers say the window is used up.
    for (let i = 0; i < 30; i++) {
      limiter.observe({ limit: 100, remaining: 0, windowSeconds: 60 });
      limiter.release();
    }
    // One request alone finds out whether the window has turned; the others wait for its answer.
    while (started < 31) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(31);
    // Its answer is a 429 (the window has not turned): the next one alone, not before a second has passed.
    const probedAt = clock.now;
    limiter.observe({ limit: 100, remaining: 0, windowSeconds: 60 });
    limiter.release();
    while (started < 32) await new Promise((resolve) => setImmediate(resolve));
    expect(clock.now - probedAt).toBeGreaterThanOrEqual(1_000);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(32);
    limiter.observe({ limit: 100, remaining: 99, windowSeconds: 60 });
    limiter.release();
    await Promise.all(all);
    expect(started).toBe(40);
  });

  it("spreads requests over the time the window has left once it runs low, never more than 10 s apart", async () => {
    const { limiter } = fakeLimiter(undefined);
    const send = async () => {
      const waited = await limiter.acquire();
      limiter.release();
      return waited;
    };
    await limiter.acquire();
    limiter.observe({ limit: 100, remaining: 8, windowSeconds: 60 });
    limiter.release();
    expect(await send()).toBe(0);
    // 8 left in a 60 s window: one every 7.5 s.
    expect(await send()).toBe(7_500);
    limiter.observe({ limit: 100, remaining: 2, windowSeconds: 60 });
    expect(await send()).toBe(7_500);
    // 2 left: one every 30 s, capped at 10 s so that it never stalls.
    expect(await send()).toBe(10_000);
  });

  it("a 429's Retry-After holds back every caller, not only the one that got it", async () => {
    const { limiter, clock } = fakeLimiter(undefined);
    await limiter.acquire();
    limiter.observe(room);
    limiter.release();
    limiter.pause(3);
    // When each was let through, on the fake clock.
    const letThroughAt = await Promise.all([limiter.acquire(), limiter.acquire()].map((acquired) => acquired.then(() => clock.now)));
    expect(Math.min(...letThroughAt)).toBeGreaterThanOrEqual(3_000);
  });

  it("a 429 while the headers still show quota (a passing refusal) holds everyone for its Retry-After only, then all go", async () => {
    const { limiter, clock } = fakeLimiter(undefined);
    await limiter.acquire();
    limiter.observe(room);
    limiter.release();
    limiter.pause(1);
    const letThroughAt = await Promise.all(Array.from({ length: 10 }, () => limiter.acquire().then(() => clock.now)));
    expect(Math.min(...letThroughAt)).toBeGreaterThanOrEqual(1_000);
    // Not one at a time: every caller goes at its first look after the pause.
    expect(Math.max(...letThroughAt) - Math.min(...letThroughAt)).toBeLessThanOrEqual(250 * 10);
    expect(Math.max(...letThroughAt)).toBeLessThan(10_000);
  });

  it("frees waiters as soon as an answer says the window has room again", async () => {
    const { limiter } = fakeLimiter(undefined, (self) => self.observe({ limit: 100, remaining: 95, windowSeconds: 60 }));
    await limiter.acquire();
    limiter.observe({ limit: 100, remaining: 2, windowSeconds: 60 });
    limiter.release();
    await limiter.acquire();
    limiter.release();
    // 2 left would space requests 10 s apart; the answer that says 95 frees the waiter at its first look.
    expect(await limiter.acquire()).toBeLessThanOrEqual(250);
  });

  it("with a ceiling the user set, spaces requests evenly after a burst of one second's worth", async () => {
    const { limiter, clock } = fakeLimiter(120);
    await limiter.acquire();
    limiter.observe(room);
    limiter.release();
    const waited: number[] = [];
    for (let i = 0; i < 5; i++) waited.push(await limiter.acquire());
    // 120/min = one every 500 ms, with a burst of 2: the first after the burst waits nothing, each next one 500 ms.
    expect(waited).toEqual([0, 500, 500, 500, 500]);
    expect(clock.now).toBe(2_000);
  });

  it("reads the headers in the spellings APIs use", () => {
    expect(rateLimitHeaders({ "x-ratelimit": "2000", "x-ratelimit-remaining": "1999", "x-ratelimit-window-size": "60" })).toEqual({ limit: 2000, remaining: 1999, resetSeconds: undefined, windowSeconds: 60 });
    expect(rateLimitHeaders({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "3", "x-ratelimit-reset": "12" })).toMatchObject({ limit: 100, remaining: 3, resetSeconds: 12 });
    const epoch = Math.floor(Date.now() / 1000) + 30;
    expect(rateLimitHeaders({ "x-ratelimit-limit": "100", "x-ratelimit-remaining": "3", "x-ratelimit-reset": String(epoch) }).resetSeconds).toBeGreaterThan(25);
    expect(rateLimitHeaders({})).toEqual({ limit: undefined, remaining: undefined, resetSeconds: undefined, windowSeconds: undefined });
  });
});
