import { describe, expect, it } from "vitest";
import { buildEmulatorServer } from "../../emulator/server";
import { call, customCreateBody, elevenLabsCall, flowraCreateBody, useEmulator } from "./helpers";

const LATENCY = 1500;
const emulator = useEmulator({ latencyMs: LATENCY });

/** Sends a request and measures, by the client's clock, how long the answer took. */
async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; started: number; took: number }> {
  const started = Date.now();
  const answer = await request();
  return { answer, started, took: Date.now() - started };
}

describe("latencyMs", { timeout: 30_000 }, () => {
  it("delays every API's answers, refusals included, and the request is processed only after the delay", async () => {
    const [composio, flowra, elevenlabs, refused] = await Promise.all([
      timed(() => call(emulator.url, "POST", "/api/v3/auth_configs", { body: customCreateBody() })),
      timed(() => call(emulator.url, "POST", "/api/v1/auth_configs", { body: flowraCreateBody() })),
      timed(() => elevenLabsCall(emulator.url, "POST", "", { body: { auth_type: "bearer_auth", name: "t", provider: "p", token: "x" } })),
      timed(() => call(emulator.url, "GET", "/api/v3/auth_configs", { key: null })),
    ]);
    expect([composio, flowra, elevenlabs, refused].map((t) => t.answer.status)).toEqual([201, 201, 200, 401]);
    for (const { took } of [composio, flowra, elevenlabs, refused]) expect(took).toBeGreaterThanOrEqual(LATENCY);
    // Stamped when processed: after the delay, not when the request arrived.
    expect(Date.parse(flowra.answer.body.data.createdAt)).toBeGreaterThanOrEqual(flowra.started + LATENCY);
    expect(Date.parse(elevenlabs.answer.body.status_updated_at)).toBeGreaterThanOrEqual(elevenlabs.started + LATENCY);
  });

  it("does not delay control endpoints: sent with an API request, the control answer comes first", async () => {
    const order: string[] = [];
    await Promise.all([
      call(emulator.url, "GET", "/api/v3/auth_configs").then(() => order.push("api")),
      fetch(`${emulator.url}/_emulator/store`).then(() => order.push("control")),
    ]);
    expect(order).toEqual(["control", "api"]);
  });

  it("refuses a latency that is not an integer from 0 to 600000", () => {
    for (const latencyMs of [-1, 1.5, 600_001]) expect(() => buildEmulatorServer({ latencyMs })).toThrow(/latencyMs/);
  });
});
