import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { CANARY, call, create, customCreateBody, expect400Naming, read, resetEmulator, useEmulator } from "./helpers";

const emulator = useEmulator();
beforeEach(() => resetEmulator(emulator.url));

const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() } as { status: number; body: any };
};
const setFaults = (settings: unknown) => control("POST", "faults", settings);
const requests = async () => (await control("GET", "requests")).body as any[];

/** Sends a request and reports a dropped connection as status "dropped". */
async function attempt(method: string, path: string, body?: unknown): Promise<number | "dropped"> {
  try {
    return (await call(emulator.url, method, path, { body })).status;
  } catch (error) {
    expect(String((error as Error).cause ?? error)).toMatch(/socket|ECONNRESET|closed|terminated/i);
    return "dropped";
  }
}

describe("request log", () => {
  it("records every API request, oldest first, with path, parsed query and body, status and redacted headers", async () => {
    const id = await create(emulator.url, customCreateBody());
    await call(emulator.url, "GET", "/api/v3/auth_configs?limit=5&search=slack", { key: CANARY.apiKey, headers: { authorization: `Bearer ${CANARY.apiKey}` } });
    await call(emulator.url, "GET", `/api/v3.1/auth_configs/${id}`, { key: null, headers: { "x-user-api-key": CANARY.apiKey } });
    await call(emulator.url, "GET", "/api/v3/auth_configs/ac_missing00000");
    await call(emulator.url, "PATCH", `/api/v3/auth_configs/${id}/DISABLED`);
    const log = await requests();
    expect(log.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/api/v3/auth_configs", 201],
      ["GET", "/api/v3/auth_configs", 200],
      ["GET", `/api/v3.1/auth_configs/${id}`, 200],
      ["GET", "/api/v3/auth_configs/ac_missing00000", 404],
      ["PATCH", `/api/v3/auth_configs/${id}/DISABLED`, 200],
    ]);
    expect(log[0].body).toEqual(customCreateBody());
    expect(log[0].query).toEqual({});
    expect(log[1].query).toEqual({ limit: "5", search: "slack" });
    expect(log[1].body).toBeNull();
    expect(log[4].body).toBeNull();
    expect(log[0].headers["content-type"]).toBe("application/json");
    expect(log[0].headers["x-api-key"]).toBe("[REDACTED]");
    expect(log[1].headers.authorization).toBe("[REDACTED]");
    expect(log[2].headers["x-user-api-key"]).toBe("[REDACTED]");
    expect(log.every((r) => !("fault" in r))).toBe(true);
    expect(JSON.stringify(log)).not.toContain(CANARY.apiKey);
  });

  it("records refused requests (401, 429, bad JSON) but not control requests", async () => {
    await call(emulator.url, "POST", "/api/v3/auth_configs", { key: null, body: { toolkit: { slug: "slack" } } });
    await call(emulator.url, "POST", "/api/v3/auth_configs", { rawBody: "{oops", headers: { "content-type": "application/json" } });
    await setFaults({ rate: 1, kinds: ["429"] });
    await call(emulator.url, "GET", "/api/v3/auth_configs");
    await control("GET", "health");
    await control("GET", "faults");
    const log = await requests();
    expect(log.map((r) => [r.path, r.status, r.body, r.fault])).toEqual([
      ["/api/v3/auth_configs", 401, { toolkit: { slug: "slack" } }, undefined],
      ["/api/v3/auth_configs", 400, null, undefined],
      ["/api/v3/auth_configs", 429, null, "429"],
    ]);
  });

  it("is cleared by DELETE /_emulator/requests", async () => {
    await call(emulator.url, "GET", "/api/v3/auth_configs");
    expect(await requests()).toHaveLength(1);
    expect((await control("DELETE", "requests")).status).toBe(200);
    expect(await requests()).toEqual([]);
    await call(emulator.url, "GET", "/api/v3/auth_configs");
    expect(await requests()).toHaveLength(1);
  });
});

describe("fault settings", () => {
  it("shows the settings with their defaults, and null once stopped", async () => {
    expect((await control("GET", "faults")).body).toEqual({ faults: null });
    const set = await setFaults({ rate: 0.2, kinds: ["503", "delay"] });
    expect(set.status).toBe(200);
    const expected = { rate: 0.2, kinds: ["503", "delay"], seed: 0, delayMs: 1000, retryAfterSeconds: 1, methods: ["GET", "POST", "PATCH", "DELETE"], paths: ["/"] };
    expect(set.body).toEqual({ faults: expected });
    expect((await control("GET", "faults")).body).toEqual({ faults: expected });
    expect((await control("DELETE", "faults")).body).toEqual({ faults: null });
    expect((await control("GET", "faults")).body).toEqual({ faults: null });
  });

  it("refuses bad settings, naming the field, and keeps the previous ones", async () => {
    await setFaults({ rate: 0.5, kinds: ["500"], seed: 3 });
    const cases: [unknown, string][] = [
      [{ kinds: ["500"] }, "rate"],
      [{ rate: 1.5, kinds: ["500"] }, "rate"],
      [{ rate: "0.5", kinds: ["500"] }, "rate"],
      [{ rate: 0.5 }, "kinds"],
      [{ rate: 0.5, kinds: [] }, "kinds"],
      [{ rate: 0.5, kinds: ["500", "404"] }, "kinds[1]"],
      [{ rate: 0.5, kinds: ["500"], seed: 1.5 }, "seed"],
      [{ rate: 0.5, kinds: ["500"], delayMs: -1 }, "delayMs"],
      [{ rate: 0.5, kinds: ["500"], retryAfterSeconds: "1" }, "retryAfterSeconds"],
      [{ rate: 0.5, kinds: ["500"], colour: "red" }, "colour"],
      [[], "object"],
    ];
    for (const [settings, field] of cases) {
      const res = await setFaults(settings);
      expect(res.status, JSON.stringify(settings)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    expect((await control("GET", "faults")).body.faults).toMatchObject({ rate: 0.5, kinds: ["500"], seed: 3 });
  });

  it("applies settings given to startEmulator from the first request, and refuses bad ones", async () => {
    const faulty = await startEmulator({ port: 0, faults: { rate: 1, kinds: ["503"] } });
    try {
      expect((await call(faulty.url, "GET", "/api/v3/auth_configs")).status).toBe(503);
    } finally {
      await faulty.close();
    }
    await expect(startEmulator({ port: 0, faults: { rate: 2, kinds: ["503"] } })).rejects.toThrow(/rate/);
  });
});

describe("fault injection", () => {
  /** The status of each of `n` list requests under the given settings. */
  async function sequence(settings: unknown, n = 40): Promise<(number | "dropped")[]> {
    await setFaults(settings);
    const seen: (number | "dropped")[] = [];
    for (let i = 0; i < n; i++) seen.push(await attempt("GET", "/api/v3/auth_configs"));
    await control("DELETE", "faults");
    return seen;
  }

  it("faults the same requests for the same seed, and others for another seed", async () => {
    const settings = { rate: 0.3, kinds: ["429", "500", "503", "reset-before"], seed: 7 };
    const first = await sequence(settings);
    const again = await sequence(settings);
    const otherSeed = await sequence({ ...settings, seed: 8 });
    expect(again).toEqual(first);
    expect(otherSeed).not.toEqual(first);
    const faulted = first.filter((status) => status !== 200).length;
    expect(faulted).toBeGreaterThan(3);
    expect(faulted).toBeLessThan(25);
    expect(new Set(first)).toEqual(new Set([200, 429, 500, 503, "dropped"]));
  });

  it("records the fault of each faulted request in the log, and status null for dropped connections", async () => {
    const seen = await sequence({ rate: 0.5, kinds: ["500", "reset-before"], seed: 11 }, 20);
    const log = await requests();
    expect(log).toHaveLength(20);
    log.forEach((entry, i) => {
      if (seen[i] === 200) expect(entry.fault).toBeUndefined();
      if (seen[i] === 500) expect([entry.fault, entry.status]).toEqual(["500", 500]);
      if (seen[i] === "dropped") expect([entry.fault, entry.status]).toEqual(["reset-before", null]);
    });
    expect(seen).toContain("dropped");
    expect(seen).toContain(500);
  });

  it("never faults control endpoints", async () => {
    await setFaults({ rate: 1, kinds: ["500", "reset-before"] });
    for (let i = 0; i < 5; i++) expect((await control("GET", "health")).body).toEqual({ ok: true });
    expect((await control("GET", "requests")).status).toBe(200);
  });

  it("429: the rate-limit body and the configured Retry-After, without processing", async () => {
    await setFaults({ rate: 1, kinds: ["429"], retryAfterSeconds: 7 });
    const res = await call(emulator.url, "POST", "/api/v3/auth_configs", { body: customCreateBody({ name: "faulted-429" }) });
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ message: "Rate limit exceeded. Limit: 10000 requests per 1 minutes" });
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("x-ratelimit")).toBe("10000");
    await control("DELETE", "faults");
    expect((await call(emulator.url, "GET", "/api/v3/auth_configs?search=faulted-429")).body.total_items).toBe(0);
  });

  it("500 and 503: the error envelope (503 with Retry-After), without processing", async () => {
    await setFaults({ rate: 1, kinds: ["500"] });
    const internal = await call(emulator.url, "POST", "/api/v3/auth_configs", { body: customCreateBody({ name: "faulted-5xx" }) });
    expect(internal.status).toBe(500);
    expect(internal.body.error).toMatchObject({ status: 500, code: 500, slug: "internal_server_error" });
    await setFaults({ rate: 1, kinds: ["503"], retryAfterSeconds: 2 });
    const unavailable = await call(emulator.url, "POST", "/api/v3/auth_configs", { body: customCreateBody({ name: "faulted-5xx" }) });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.error).toMatchObject({ status: 503, code: 503, slug: "service_unavailable" });
    expect(unavailable.headers.get("retry-after")).toBe("2");
    await control("DELETE", "faults");
    expect((await call(emulator.url, "GET", "/api/v3/auth_configs?search=faulted-5xx")).body.total_items).toBe(0);
  });

  it("reset-before: the client sees a socket error and nothing changes", async () => {
    const id = await create(emulator.url, customCreateBody({ name: "before-reset" }));
    await setFaults({ rate: 1, kinds: ["reset-before"] });
    expect(await attempt("POST", "/api/v3/auth_configs", customCreateBody({ name: "never-created" }))).toBe("dropped");
    expect(await attempt("PATCH", `/api/v3/auth_configs/${id}`, { type: "custom", name: "never-renamed" })).toBe("dropped");
    await control("DELETE", "faults");
    expect((await call(emulator.url, "GET", "/api/v3/auth_configs?search=never-created")).body.total_items).toBe(0);
    expect((await read(emulator.url, id)).name).toBe("before-reset");
    const log = await requests();
    expect(log.slice(1, 3).map((r) => [r.method, r.status, r.fault, r.body?.auth_config?.name ?? r.body?.name])).toEqual([
      ["POST", null, "reset-before", "never-created"],
      ["PATCH", null, "reset-before", "never-renamed"],
    ]);
  });

  it("reset-after: the client sees a socket error, but the change was made", async () => {
    const id = await create(emulator.url, customCreateBody({ name: "before-reset" }));
    await setFaults({ rate: 1, kinds: ["reset-after"] });
    expect(await attempt("POST", "/api/v3/auth_configs", customCreateBody({ name: "created-unanswered" }))).toBe("dropped");
    expect(await attempt("PATCH", `/api/v3/auth_configs/${id}`, { type: "custom", name: "renamed-unanswered" })).toBe("dropped");
    expect(await attempt("DELETE", `/api/v3/auth_configs/${id}`)).toBe("dropped");
    await control("DELETE", "faults");
    const created = await call(emulator.url, "GET", "/api/v3/auth_configs?search=created-unanswered");
    expect(created.body.total_items).toBe(1);
    expect(created.body.items[0].credentials.client_secret).toBe("cana...");
    expect((await call(emulator.url, "GET", `/api/v3/auth_configs/${id}`)).status).toBe(404);
    const log = await requests();
    expect(log.slice(1, 4).map((r) => [r.method, r.status, r.fault])).toEqual([
      ["POST", null, "reset-after"],
      ["PATCH", null, "reset-after"],
      ["DELETE", null, "reset-after"],
    ]);
  });

  it("reset-after also drops refused requests after refusing them", async () => {
    await setFaults({ rate: 1, kinds: ["reset-after"] });
    expect(await attempt("GET", "/api/v3/auth_configs/ac_missing00000")).toBe("dropped");
  });

  it("delay: processes the request and answers after delayMs", async () => {
    await setFaults({ rate: 1, kinds: ["delay"], delayMs: 300 });
    const started = Date.now();
    const res = await call(emulator.url, "POST", "/api/v3/auth_configs", { body: customCreateBody({ name: "delayed" }) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.status).toBe(201);
    await control("DELETE", "faults");
    expect((await read(emulator.url, res.body.auth_config.id)).name).toBe("delayed");
    expect((await requests())[0]).toMatchObject({ status: 201, fault: "delay" });
  });

  it("rate 0 faults nothing", async () => {
    expect(await sequence({ rate: 0, kinds: ["500"] }, 10)).toEqual(Array(10).fill(200));
  });
});

describe("reset and health", () => {
  it("POST /_emulator/reset forgets configs, the log and the faults", async () => {
    const id = await create(emulator.url, customCreateBody());
    await setFaults({ rate: 0.1, kinds: ["500"] });
    expect((await control("POST", "reset")).status).toBe(200);
    expect((await control("GET", "faults")).body).toEqual({ faults: null });
    expect(await requests()).toEqual([]);
    expect((await call(emulator.url, "GET", `/api/v3/auth_configs/${id}`)).status).toBe(404);
    expect((await call(emulator.url, "GET", "/api/v3/auth_configs?show_disabled=true")).body.total_items).toBe(0);
  });

  it("GET /_emulator/health answers { ok: true }", async () => {
    expect(await control("GET", "health")).toEqual({ status: 200, body: { ok: true } });
  });

  it("refuses a control body that is not JSON", async () => {
    const res = await fetch(`${emulator.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: "{rate" });
    expect(res.status).toBe(400);
    expect400Naming({ status: res.status, body: await res.json(), text: "", headers: res.headers }, "JSON");
  });
});

describe("fault method filter", () => {
  it("faults only the listed methods, and other requests do not draw from the sequence", async () => {
    expect((await setFaults({ rate: 1, kinds: ["500"], methods: ["POST"] })).status).toBe(200);
    expect(await attempt("GET", "/api/v3/auth_configs")).toBe(200);
    expect(await attempt("POST", "/api/v3/auth_configs", customCreateBody())).toBe(500);
    const log = await requests();
    expect(log.map((r) => r.fault ?? null)).toEqual([null, "500"]);
  });

  it("rejects an unknown method, naming the field", async () => {
    const res = await setFaults({ rate: 1, kinds: ["500"], methods: ["PUT"] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("methods");
  });
});

describe("fault path filter", () => {
  it("faults only requests under the listed prefixes; other APIs' requests do not draw from the sequence", async () => {
    expect((await setFaults({ rate: 1, kinds: ["503"], paths: ["/v1/"] })).status).toBe(200);
    expect(await attempt("GET", "/api/v3/auth_configs")).toBe(200);
    expect(await attempt("GET", "/api/v1/auth_configs")).toBe(200);
    const elevenlabs = await call(emulator.url, "GET", "/v1/workspace/auth-connections", { key: null, headers: { "xi-api-key": "k" } });
    expect(elevenlabs.status).toBe(503);
    expect(elevenlabs.body).toEqual({ detail: { status: "service_unavailable", message: expect.any(String) } });
    expect((await requests()).map((r) => [r.api, r.fault ?? null])).toEqual([
      ["composio", null],
      ["flowra", null],
      ["elevenlabs", "503"],
    ]);
  });

  it("draws the same sequence for the targeted API whatever the other APIs receive", async () => {
    const settings = { rate: 0.5, kinds: ["500"], seed: 3, paths: ["/api/v1/"] };
    const flowraStatuses = async (interleave: boolean) => {
      await setFaults(settings);
      const seen = [];
      for (let i = 0; i < 12; i++) {
        if (interleave) await attempt("GET", "/api/v3/auth_configs");
        seen.push(await attempt("GET", "/api/v1/auth_configs"));
      }
      return seen;
    };
    const alone = await flowraStatuses(false);
    expect(await flowraStatuses(true)).toEqual(alone);
    expect(alone).toContain(500);
    expect(alone).toContain(200);
  });

  it("combines with methods, and rejects paths that are not prefixes starting with /", async () => {
    await setFaults({ rate: 1, kinds: ["500"], methods: ["POST"], paths: ["/api/v3/", "/api/v3.1/"] });
    expect(await attempt("GET", "/api/v3/auth_configs")).toBe(200);
    expect(await attempt("POST", "/api/v3.1/auth_configs", customCreateBody())).toBe(500);
    for (const paths of [[], ["api/v3/"], "/api/v3/", [3]]) {
      const res = await setFaults({ rate: 1, kinds: ["500"], paths });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("paths");
    }
  });
});
