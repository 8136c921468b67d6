import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliProcess } from "./cliProcess";
import { API_KEY, EngineWorld, ScenarioResource } from "./harness";
import { idsInState, liveConfigs } from "./inspect";

/**
 * `pulumi up` killed with SIGKILL in the middle of 150 creates (a CI runner's timeout), then what a
 * user does next, then `up` again: the API must end up holding exactly what the state holds.
 *
 * What the engine (v3.248, file backend) leaves and needs after the kill, found by running it:
 * - now and then an empty `<stack>.json.attrs` sidecar: see recoverAsAUserWould;
 * - the killed run's lock file stays, so the next `up` fails with "the stack is currently locked by
 *   1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.";
 * - `pulumi cancel --yes` on the file backend only deletes the stack's lock files ("The currently
 *   running update for '<stack>' has been canceled!"); it succeeds with no lock too;
 * - the state keeps a pending `creating` operation (with the inputs `check` returned, the generated
 *   name included, no id) for every create in flight at the kill. Every later `up` prints "Attempting
 *   to deploy or update resources with N pending operations from previous deployment.", each URN
 *   "interrupted while creating", and runs the create again; the pending operations stay in state
 *   until `pulumi refresh --clear-pending-creates` (or `--import-pending-creates <urn> <id>`, or an
 *   interactive refresh); a non-interactive `pulumi refresh --yes` leaves them.
 */

const FLEET_SIZE = 150;
/** Kill once this many create POSTs reached the API: some dozens done, many more to go. */
const POSTS_BEFORE_KILL = 40;
const CANARY = "canary-crash-secret-d47e";

/** Every `pulumi` process the running test started, killed in afterAll whatever happened. */
const started: CliProcess[] = [];

async function killStarted(): Promise<void> {
  for (const run of started.splice(0)) await run.killAll();
}

const createPosts = async (world: EngineWorld) => (await world.requests()).filter((r) => r.method === "POST" && r.path === "/api/v3/auth_configs").length;

/**
 * Runs `pulumi up` by hand, as a CI job does, and SIGKILLs its whole tree once enough creates went
 * out. Returns what the killed run printed.
 */
async function killUpMidway(world: EngineWorld): Promise<string> {
  const { bin, cwd, env } = world.cli();
  const run = new CliProcess(bin, ["up", "--yes", "--skip-preview", "--parallel", "10", "--stack", world.stack.name], { cwd, env });
  started.push(run);
  const deadline = Date.now() + 300_000;
  for (;;) {
    run.rememberDescendants();
    const posts = await createPosts(world);
    if (posts >= POSTS_BEFORE_KILL) break;
    if (run.ended) throw new Error(`pulumi up ended before it could be killed, after ${posts} creates:\n${run.output}`);
    if (Date.now() > deadline) throw new Error(`pulumi up sent only ${posts} creates in 300 s:\n${run.output}`);
    await sleep(200);
  }
  await run.killHard();
  expect(run.ended?.signal, "the CLI died of the SIGKILL").toBe("SIGKILL");
  return run.output;
}

/**
 * What a user does after the kill, exactly as the engine asks: the next `up` refuses (the lock; or
 * first an unreadable checkpoint, repaired by hand); `pulumi cancel`; `up` again. Returns the CLI
 * output of that last `up`.
 */
async function recoverAsAUserWould(world: EngineWorld): Promise<string> {
  const tryUp = () =>
    world.up({ parallel: 10 }).then(
      () => undefined,
      (error: Error) => error,
    );
  let refused = await tryUp();
  if (refused?.message.includes("failed to load checkpoint: EOF")) {
    // The file backend (gocloud's fileblob) rewrites a blob's `.attrs` sidecar in place (truncate,
    // then write) just before it renames the new checkpoint into place: a kill in that window
    // leaves `<stack>.json.attrs` empty, and every command fails so until the empty file is removed
    // (the checkpoint itself is intact; a missing sidecar is fine). It happened in 1 of 3 runs here.
    const removed = removeEmptyFiles(world.backendDir, ".attrs");
    expect(removed.length, "empty .attrs sidecars behind 'failed to load checkpoint: EOF'").toBeGreaterThan(0);
    refused = await tryUp();
  }
  expect(refused?.message, "the killed run's lock stops the next up").toMatch(/the stack is currently locked by 1 lock\(s\)/);
  expect(refused?.message).toContain("pulumi cancel");

  await world.stack.cancel();
  // The test is about the creates in flight at the kill: there were some.
  const pending = ((await world.stack.exportStack()).deployment.pending_operations ?? []) as { type: string }[];
  expect(pending.length, "pending operations left by the kill").toBeGreaterThan(0);
  expect(pending.every((op) => op.type === "creating")).toBe(true);

  const before = world.output.length;
  await world.up({ parallel: 10 });
  return world.output.slice(before);
}

/** Removes the empty files whose names end so under `dir`; returns their paths. */
function removeEmptyFiles(dir: string, suffix: string): string[] {
  const removed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name.endsWith(suffix) && statSync(path).size === 0) {
      rmSync(path);
      removed.push(path);
    }
  }
  return removed;
}

function expectNoSecretsShown(world: EngineWorld, killedRunOutput: string): void {
  for (const text of [world.output, killedRunOutput, world.persistedState()]) {
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(API_KEY);
  }
}

describe(`SIGKILL during ${FLEET_SIZE} creates of auto-named configs, then cancel and up`, () => {
  let world: EngineWorld;
  const fleet: ScenarioResource[] = Array.from({ length: FLEET_SIZE }, (_, i) => ({
    name: `auto-${i}`,
    args: { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: `${CANARY}-${i}` } },
  }));

  beforeAll(async () => {
    world = await EngineWorld.create("crash-auto");
    world.declare(fleet);
  });
  afterAll(async () => {
    await killStarted();
    await world?.dispose();
  });

  it("the API holds exactly the configs in state: no orphans, no twins", async () => {
    const killedRunOutput = await killUpMidway(world);
    await recoverAsAUserWould(world);

    const live = await liveConfigs(world);
    const inState = await idsInState(world);
    const liveIds = new Set(live.map((c) => c.id));
    const orphans = live.filter((c) => !inState.includes(c.id)).map((c) => `${c.id} ${c.name}`);
    expect(orphans, `${orphans.length} configs exist that no resource in state holds (orphans)`).toEqual([]);
    expect(inState).toHaveLength(FLEET_SIZE);
    expect(new Set(inState).size).toBe(FLEET_SIZE);
    expect(inState.filter((id) => !liveIds.has(id)), "ids in state that the API does not hold").toEqual([]);
    expect(live).toHaveLength(FLEET_SIZE);
    expectNoSecretsShown(world, killedRunOutput);
  }, 900_000);
});

describe(`SIGKILL during ${FLEET_SIZE} creates of explicitly named configs, then cancel and up`, () => {
  let world: EngineWorld;
  const fleet: ScenarioResource[] = Array.from({ length: FLEET_SIZE }, (_, i) => ({
    name: `named-${i}`,
    args: { toolkit: "slack", name: `crash-named-${i}`, authScheme: "API_KEY", credentials: { api_key: `${CANARY}-${i}` } },
  }));

  beforeAll(async () => {
    world = await EngineWorld.create("crash-named");
    world.declare(fleet);
  });
  afterAll(async () => {
    await killStarted();
    await world?.dispose();
  });

  it("every leftover config is named in the next up's output, with how to adopt or delete it", async () => {
    const killedRunOutput = await killUpMidway(world);
    const nextUp = await recoverAsAUserWould(world);

    const live = await liveConfigs(world);
    const inState = await idsInState(world);
    // A leftover: a config the API holds that no resource in state holds. None at all is better still.
    const leftovers = live.filter((c) => !inState.includes(c.id));
    // Each must be named in the next up's output, in a warning (a paragraph) that says how to adopt
    // it (importId) or delete it.
    const paragraphs = nextUp.split(/\n\s*\n/);
    const unexplained = leftovers
      .filter((leftover) => !paragraphs.some((p) => p.includes(leftover.id) && /importId|delete/i.test(p)))
      .map((leftover) => `${leftover.id} "${leftover.name}"`);
    expect(unexplained, `${unexplained.length} of ${leftovers.length} leftovers are not named in the next up's output with how to adopt or delete them`).toEqual([]);
    expect(live.length - leftovers.length).toBe(FLEET_SIZE);
    expect(inState).toHaveLength(FLEET_SIZE);
    expect(new Set(inState).size).toBe(FLEET_SIZE);
    expect(inState.every((id) => live.some((c) => c.id === id)), "every id in state exists").toBe(true);
    expectNoSecretsShown(world, killedRunOutput);
  }, 900_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
