import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EngineWorld } from "./harness";

/**
 * Resource options that the engine leaves to the provider for dynamic resources: `replaceOnChanges`
 * (the engine cannot apply it without the provider's detailed diff, so the provider does).
 */

const FIRST = "canary-options-secret-1c7e";
const SECOND = "canary-options-secret-9d42";

describe("replaceOnChanges on composio.AuthConfig", () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await EngineWorld.create("options");
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it("a change to a listed field replaces the config: the preview says so, a new one is created and the old one deleted", async () => {
    const args = (secret: string) => ({ toolkit: "linear", authScheme: "API_KEY", credentials: { api_key: secret } });
    world.declare([{ name: "linear", args: args(FIRST), options: { replaceOnChanges: ["credentials"] } }]);
    await world.up();
    const oldId = ((await world.stack.outputs()).linear.value as { id: string }).id;

    world.declare([{ name: "linear", args: args(SECOND), options: { replaceOnChanges: ["credentials"] } }]);
    await world.clearRequests();
    const preview = await world.preview();
    expect(preview.changeSummary).toEqual({ replace: 1, same: 1 });
    expect(await world.requests()).toEqual([]);

    await world.up();
    const writes = (await world.requests()).filter((r) => r.method !== "GET");
    expect(writes.map((r) => r.method)).toEqual(["POST", "DELETE"]);
    expect(writes[1].path).toBe(`/api/v3/auth_configs/${oldId}`);
    const newId = ((await world.stack.outputs()).linear.value as { id: string }).id;
    expect(newId).not.toBe(oldId);
    expect((await world.api("GET", `/api/v3/auth_configs/${newId}`)).status).toBe(200);

    for (const canary of [FIRST, SECOND, API_KEY]) {
      expect(world.persistedState()).not.toContain(canary);
      expect(world.output).not.toContain(canary);
    }
  });
});
