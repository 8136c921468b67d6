import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EngineWorld } from "./harness";

/**
 * Resource options that the engine leaves to the provider for dynamic resources: `replaceOnChanges`
 * (the engine cannot apply it without the provider's detailed diff, so the provider does), and
 * `deleteBeforeReplace`, the way out when the API refuses a replacement's name as a duplicate.
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

describe("a replacement whose name the API refuses as a duplicate (409)", () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await EngineWorld.create("duplicate-name", { emulator: { uniqueNames: true } });
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it("says that deleteBeforeReplace is the way out, and with it the replacement goes through", async () => {
    const args = (authScheme: string) => ({ toolkit: "linear", name: "linear-prod", authScheme, credentials: { api_key: FIRST } });
    world.declare([{ name: "linear", args: args("API_KEY") }]);
    await world.up();

    world.declare([{ name: "linear", args: args("BEARER_TOKEN") }]);
    const failure = await world.up().then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "the replacement must fail: the old config still holds the name").toBeDefined();
    expect(failure!.message).toContain("409");
    expect(failure!.message).toContain("deleteBeforeReplace");

    world.declare([{ name: "linear", args: args("BEARER_TOKEN"), options: { deleteBeforeReplace: true } }]);
    await world.up();
    const live = await world.api<{ items: { id: string; name: string; auth_scheme: string }[] }>("GET", "/api/v3/auth_configs?show_disabled=true&limit=200");
    const inState = ((await world.stack.outputs()).linear.value as { id: string }).id;
    expect(live.body.items.filter((c) => c.name === "linear-prod").map((c) => [c.id, c.auth_scheme])).toEqual([[inState, "BEARER_TOKEN"]]);
    expect(world.persistedState()).not.toContain(FIRST);
  });
});
