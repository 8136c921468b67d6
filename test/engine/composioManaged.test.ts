import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineWorld } from "./harness";

/**
 * A Composio-managed auth config (Composio's own OAuth app: no credentials, only scopes), which the
 * shared lifecycle table (lifecycle.test.ts) does not cover: its PATCH carries `type: "default"`.
 */

describe("managed composio.AuthConfig through the Pulumi engine", () => {
  let world: EngineWorld;

  beforeAll(async () => {
    world = await EngineWorld.create("managed");
  });

  afterAll(async () => {
    await world?.dispose();
  });

  it("creates a managed config, PATCHes a scopes change with type default, and destroys it", async () => {
    world.declare([{ name: "gmail", args: { toolkit: "gmail", managed: true, scopes: ["gmail.readonly"] } }]);
    await world.up();
    const create = (await world.requests()).find((r) => r.method === "POST")!;
    expect(create.body).toEqual({
      toolkit: { slug: "gmail" },
      auth_config: { type: "use_composio_managed_auth", name: expect.stringMatching(/^gmail-/), credentials: { scopes: ["gmail.readonly"] } },
    });

    world.declare([{ name: "gmail", args: { toolkit: "gmail", managed: true, scopes: ["gmail.readonly", "gmail.send"] } }]);
    await world.clearRequests();
    await world.up();
    expect((await world.requests()).filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([{ type: "default", scopes: ["gmail.readonly", "gmail.send"] }]);

    await world.clearRequests();
    expect((await world.preview({ refresh: true, expectNoChanges: true })).changeSummary).toEqual({ same: 2 });

    await world.destroy();
    const left = await world.api<{ total_items: number }>("GET", "/api/v3/auth_configs?show_disabled=true");
    expect(left.body.total_items).toBe(0);
  });
});
