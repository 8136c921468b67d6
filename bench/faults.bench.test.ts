import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineWorld, ScenarioResource } from "../test/engine/harness";

/**
 * Figures, not gates: what faults cost a fleet of Composio auth configs, and how long a pipeline
 * waits for a clear failure. (scale.bench.test.ts measures the phases without faults.) Run with
 * `npm run bench`; the README quotes these numbers. The only assertions are that the runs converged.
 */

const FLEET = 50;
const figures: [string, string][] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  figures.push([label, seconds(Date.now() - started)]);
  return result;
}

function fleet(tool: string): ScenarioResource[] {
  return Array.from({ length: FLEET }, (_, i) => ({
    name: `bench-${i}`,
    args: { toolkit: "slack", authScheme: "OAUTH2", credentials: { client_id: `id-${i}`, client_secret: `secret-${i}` }, toolAccessConfig: { toolsAvailableForExecution: [tool] } },
  }));
}

describe(`faults and failures, ${FLEET} auth configs`, () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await EngineWorld.create("bench", { config: { "composio:requestTimeoutMs": "1000" } });
  });
  afterAll(async () => {
    await world?.dispose();
    console.log(`\n${"figure".padEnd(62)} value\n${figures.map(([k, v]) => `${k.padEnd(62)} ${v}`).join("\n")}\n`);
  });

  it("with 20% injected faults of every kind", async () => {
    const faults = { rate: 0.2, kinds: ["429", "500", "503", "reset-before", "reset-after", "delay"], seed: 11, delayMs: 1500, retryAfterSeconds: 1 };
    await fetch(`${world.emulatorUrl}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
    world.declare(fleet("A"));
    await world.clearRequests();
    await timed(`up: create ${FLEET}, 20% faults`, () => world.up({ parallel: 10 }));
    const log = await world.requests();
    figures.push([`  requests sent / faulted`, `${log.length} / ${log.filter((r) => r.fault).length}`]);
    figures.push([`  POSTs sent / configs created`, `${log.filter((r) => r.method === "POST").length} / ${FLEET}`]);
    await world.clearRequests();
    await timed(`destroy ${FLEET}, 20% faults`, () => world.destroy({ parallel: 10 }));
    await fetch(`${world.emulatorUrl}/_emulator/faults`, { method: "DELETE" });
    const left = await world.api<{ total_items: number }>("GET", "/api/v3/auth_configs?show_disabled=true");
    expect(left.body.total_items).toBe(0);
  });

  it("time to a clear failure", async () => {
    world.declare([{ name: "one", args: { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: "k" } } }]);
    await world.stack.setConfig("composio:baseUrl", { value: "http://127.0.0.1:1" });
    const started = Date.now();
    await expect(world.up()).rejects.toThrow(/connection refused/);
    figures.push(["up against an unreachable API, until it fails (8 retries)", seconds(Date.now() - started)]);
    await world.stack.setConfig("composio:baseUrl", { value: world.emulatorUrl });

    await fetch(`${world.emulatorUrl}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rate: 1, kinds: ["500"] }) });
    const again = Date.now();
    await expect(world.up()).rejects.toThrow(/500/);
    figures.push(["up against an API that always answers 500, until it fails", seconds(Date.now() - again)]);
    await fetch(`${world.emulatorUrl}/_emulator/faults`, { method: "DELETE" });
  });
});
