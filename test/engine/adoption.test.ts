import { describe, expect, it } from "vitest";
import { EngineWorld, ScenarioResource } from "./harness";
import { configsInState, expectSucceeds, failureOf, inWorld, liveConfigs, writes } from "./inspect";

/**
 * Adoption with `importId` through the real engine: a config is adopted once, and nothing deletes
 * a config that a resource of the run adopts or holds. Each scenario has its own world (emulator,
 * backend, stack), so they run concurrently.
 */

const CANARIES = {
  byHand: "canary-by-hand-key-4e7d",
  adopter: "canary-adopter-key-91c2",
  other: "canary-other-adopter-key-0af5",
  owner: "canary-owner-key-d36b",
};

/** A Linear API-key config made outside Pulumi, as a person in Composio's dashboard would. */
async function createByHand(world: EngineWorld, name: string): Promise<string> {
  const made = await world.api<{ auth_config: { id: string } }>("POST", "/api/v3/auth_configs", {
    toolkit: { slug: "linear" },
    auth_config: { type: "use_custom_auth", authScheme: "API_KEY", name, credentials: { api_key: CANARIES.byHand } },
  });
  expect(made.status).toBe(201);
  return made.body.auth_config.id;
}

/** What a program declares to adopt `importId`; the key always differs from the config's, so adoption PATCHes. */
const adopting = (importId: string, apiKey = CANARIES.adopter) => ({ toolkit: "linear", authScheme: "API_KEY", importId, credentials: { api_key: apiKey } });

/** The config as the API shows it; a change by anyone moves `last_updated_at`. */
async function observed(world: EngineWorld, id: string): Promise<{ status: number; body: unknown }> {
  return world.api("GET", `/api/v3/auth_configs/${id}`);
}

function expectNoCanaries(world: EngineWorld): void {
  const state = world.persistedState();
  for (const canary of Object.values(CANARIES)) {
    expect(state, `state holds ${canary}`).not.toContain(canary);
    expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
  }
}

describe.concurrent("importId: adopted once, never deleted while held", () => {
  it("1. --replace of an adopted resource leaves one live config, the one in state, and refresh keeps it", () =>
    inWorld("adopt-replace", {}, async (world) => {
      const x = await createByHand(world, "linear-by-hand");
      world.declare([{ name: "adopted", args: adopting(x) }]);
      await world.up();
      const [adopted] = await configsInState(world);
      expect(adopted.id).toBe(x);

      await world.up({ replace: [adopted.urn] });
      const inState = await configsInState(world);
      expect(inState.map((r) => r.name)).toEqual(["adopted"]);
      // A new config replacing X, or X itself: either way exactly one, and it is the one in state.
      expect((await liveConfigs(world)).map((c) => c.id)).toEqual([inState[0].id]);

      await world.refresh();
      const afterRefresh = await configsInState(world);
      expect(afterRefresh.map((r) => r.name), "refresh must keep the resource").toEqual(["adopted"]);
      expect((await observed(world, afterRefresh[0].id)).status).toBe(200);
      expectNoCanaries(world);
    }));

  it("2. renaming the adopting resource without aliases keeps X, bound to the new resource only", () =>
    inWorld("adopt-rename", {}, async (world) => {
      const x = await createByHand(world, "linear-by-hand");
      world.declare([{ name: "adopted", args: adopting(x) }]);
      await world.up();

      world.declare([{ name: "renamed", args: adopting(x) }]);
      await world.up();
      expect((await observed(world, x)).status, "X must still exist").toBe(200);
      expect(await configsInState(world)).toEqual([expect.objectContaining({ name: "renamed", id: x })]);
      expect((await liveConfigs(world)).map((c) => c.id)).toEqual([x]);
      expectNoCanaries(world);
    }));

  it("3. deleteBeforeReplace with --replace of an adopted resource succeeds and leaves one config, in state", () =>
    inWorld("adopt-dbr", {}, async (world) => {
      const x = await createByHand(world, "linear-by-hand");
      world.declare([{ name: "adopted", args: adopting(x), options: { deleteBeforeReplace: true } }]);
      await world.up();
      const [adopted] = await configsInState(world);

      await expectSucceeds(world, "up --replace", () => world.up({ replace: [adopted.urn] }));
      const inState = await configsInState(world);
      expect(inState.map((r) => r.name)).toEqual(["adopted"]);
      expect((await liveConfigs(world)).map((c) => c.id)).toEqual([inState[0].id]);
      expectNoCanaries(world);
    }));

  it("4. two resources with the same importId: preview fails naming the id and both, with zero requests; up fails before any write", () =>
    inWorld("adopt-twice", {}, async (world) => {
      const x = await createByHand(world, "linear-by-hand");
      const before = await observed(world, x);
      world.declare([
        { name: "first-adopter", args: adopting(x) },
        { name: "second-adopter", args: adopting(x, CANARIES.other) },
      ]);
      await world.clearRequests();

      const previewFailure = await failureOf(world, () => world.preview());
      expect(previewFailure, "preview must fail").toBeDefined();
      for (const named of [x, "first-adopter", "second-adopter"]) expect(previewFailure).toContain(named);
      expect(await world.requests(), "no request may reach the API during preview").toEqual([]);

      const upFailure = await failureOf(world, () => world.up());
      expect(upFailure, "up must fail").toBeDefined();
      for (const named of [x, "first-adopter", "second-adopter"]) expect(upFailure).toContain(named);
      expect(writes(await world.requests()), "no write").toEqual([]);
      expect(await configsInState(world)).toEqual([]);
      expect(await observed(world, x)).toEqual(before);
      expectNoCanaries(world);
    }));

  it("5. changing importId on an existing resource fails at preview naming importId, and nothing is written", () =>
    inWorld("adopt-change", {}, async (world) => {
      const x = await createByHand(world, "linear-x");
      const y = await createByHand(world, "linear-y");
      world.declare([{ name: "adopted", args: adopting(x) }]);
      await world.up();
      const xBefore = await observed(world, x);
      const yBefore = await observed(world, y);

      world.declare([{ name: "adopted", args: adopting(y) }]);
      await world.clearRequests();
      const previewFailure = await failureOf(world, () => world.preview());
      expect(previewFailure, "preview must fail").toBeDefined();
      expect(previewFailure).toContain("importId");
      expect(writes(await world.requests())).toEqual([]);

      const upFailure = await failureOf(world, () => world.up());
      expect(upFailure, "up must fail").toBeDefined();
      expect(upFailure).toContain("importId");
      expect(writes(await world.requests())).toEqual([]);
      expect(await configsInState(world)).toEqual([expect.objectContaining({ name: "adopted", id: x })]);
      expect(await observed(world, x)).toEqual(xBefore);
      expect(await observed(world, y)).toEqual(yBefore);
      expectNoCanaries(world);
    }));

  it("6. importId of a config another resource of the stack created fails naming that resource, and X is untouched", () =>
    inWorld("adopt-owned", {}, async (world) => {
      const owner: ScenarioResource = { name: "owner-a", args: { toolkit: "linear", authScheme: "API_KEY", credentials: { api_key: CANARIES.owner } } };
      world.declare([owner]);
      await world.up();
      const [a] = await configsInState(world);
      const x = a.id;
      const before = await observed(world, x);

      world.declare([owner, { name: "adopter-b", args: adopting(x) }]);
      await world.clearRequests();
      const failure = await failureOf(world, () => world.up());
      expect(failure, "up must fail").toBeDefined();
      expect(failure).toContain(x);
      expect(failure).toContain("owner-a");
      const touchingX = writes(await world.requests()).filter((r) => r.path.startsWith(`/api/v3/auth_configs/${x}`));
      expect(touchingX, "no DELETE or PATCH of X").toEqual([]);
      expect(await observed(world, x)).toEqual(before);
      expect((await configsInState(world)).filter((r) => r.id === x)).toEqual([expect.objectContaining({ name: "owner-a" })]);
      expectNoCanaries(world);
    }));
});
