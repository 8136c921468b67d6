import { describe, expect, it } from "vitest";
import { buildEmulatorServer } from "../../emulator/server";
import { call, control, create, customCreateBody, elevenLabsCreate, flowraCreate, flowraCreateBody, patch, read, useEmulator } from "./helpers";

const OFFSET = -10_000;
const emulator = useEmulator({ clockOffsetMs: OFFSET });

/** Runs `action` and returns the real-time window it ran in, shifted by `offset`. */
async function during<T>(offset: number, action: () => Promise<T>): Promise<{ result: T; from: number; to: number }> {
  const from = Date.now() + offset;
  const result = await action();
  return { result, from, to: Date.now() + offset };
}

const expectWithin = (iso: string, window: { from: number; to: number }) => {
  const time = Date.parse(iso);
  expect(time).toBeGreaterThanOrEqual(window.from);
  expect(time).toBeLessThanOrEqual(window.to);
};

describe("the server's clock (clockOffsetMs)", () => {
  it("stamps every timestamp of every API from the server's clock, 10 s behind the client's", async () => {
    const composio = await during(OFFSET, async () => read(emulator.url, await create(emulator.url, customCreateBody())));
    expectWithin(composio.result.created_at, composio);
    expect(composio.result.last_updated_at).toBe(composio.result.created_at);
    const flowra = await during(OFFSET, () => flowraCreate(emulator.url, flowraCreateBody()));
    expectWithin(flowra.result.createdAt, flowra);
    expectWithin(flowra.result.updatedAt, flowra);
    const elevenlabs = await during(OFFSET, () => elevenLabsCreate(emulator.url, { auth_type: "bearer_auth", name: "t", provider: "p", token: "x" }));
    expectWithin(elevenlabs.result.status_updated_at, elevenlabs);
    const seeded = await during(OFFSET, async () => (await control(emulator.url, "POST", "elevenlabs/seed", { auth_type: "api_integration_oauth2_auth_code" })).body);
    // A seeded token expires an hour after the server's now.
    expectWithin(seeded.result.auth_connections[0].expires_at, { from: seeded.from + 3600_000, to: seeded.to + 3600_000 });
  });

  it("moves at run time with POST /_emulator/clock; an object's update time still only moves forward; reset restores the start offset", async () => {
    const id = await create(emulator.url, customCreateBody());
    const flowra = await flowraCreate(emulator.url, flowraCreateBody());
    const ahead = 3_600_000;
    const set = await control(emulator.url, "POST", "clock", { offsetMs: ahead });
    expect(set).toEqual({ status: 200, body: { offsetMs: ahead, now: expect.any(String) } });
    expect((await control(emulator.url, "GET", "clock")).body.offsetMs).toBe(ahead);

    const patched = await during(ahead, async () => {
      expect((await patch(emulator.url, id, { type: "custom", name: "later" })).status).toBe(200);
      return read(emulator.url, id);
    });
    expectWithin(patched.result.last_updated_at, patched);
    const flowraPatched = await during(ahead, async () => (await call(emulator.url, "PATCH", `/api/v1/auth_configs/${flowra.id}`, { body: { displayName: "later" } })).body.data);
    expectWithin(flowraPatched.result.updatedAt, flowraPatched);

    // Set back an hour: the next change is still stamped after the last one.
    await control(emulator.url, "POST", "clock", { offsetMs: -ahead });
    expect((await patch(emulator.url, id, { type: "custom", name: "earlier" })).status).toBe(200);
    expect(Date.parse((await read(emulator.url, id)).last_updated_at)).toBeGreaterThan(Date.parse(patched.result.last_updated_at));
    const flowraAgain = (await call(emulator.url, "PATCH", `/api/v1/auth_configs/${flowra.id}`, { body: { displayName: "earlier" } })).body.data;
    expect(Date.parse(flowraAgain.updatedAt)).toBeGreaterThan(Date.parse(flowraPatched.result.updatedAt));
    const created = await during(-ahead, () => flowraCreate(emulator.url, flowraCreateBody()));
    expectWithin(created.result.createdAt, created);

    expect((await control(emulator.url, "POST", "reset")).status).toBe(200);
    expect((await control(emulator.url, "GET", "clock")).body.offsetMs).toBe(OFFSET);
  });

  it("refuses an offset that is not an integer number of milliseconds, naming the field, and keeps the clock", async () => {
    await control(emulator.url, "POST", "clock", { offsetMs: 5000 });
    for (const body of [{}, { offsetMs: "5" }, { offsetMs: 1.5 }, { offsetMs: 1e15 }, { offsetMs: 1, extra: true }, []]) {
      const res = await control(emulator.url, "POST", "clock", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/offsetMs|extra|object/);
    }
    expect((await control(emulator.url, "GET", "clock")).body.offsetMs).toBe(5000);
    expect(() => buildEmulatorServer({ clockOffsetMs: 0.5 })).toThrow(/clockOffsetMs/);
  });
});
