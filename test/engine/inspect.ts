import { expect } from "vitest";
import type { FaultSettings } from "../../emulator";
import { EngineWorld, RecordedRequest } from "./harness";

/**
 * What the API, the emulator's unmasked store and the stack's state hold, for the identity tests
 * (adoption and create recovery): each answers "which config is whose" from the outside.
 */

/** An auth config as the API lists it (secrets masked). */
export interface ListedConfig {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly toolkit: { slug: string };
  readonly last_updated_at: string;
  readonly created_at: string;
}

/** Every live auth config the API holds, disabled ones included, following `next_cursor`. */
export async function liveConfigs<T = ListedConfig>(world: EngineWorld): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await world.api<{ items: T[]; next_cursor: string | null }>("GET", `/api/v3/auth_configs?show_disabled=true&limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    if (page.status !== 200) throw new Error(`listing auth configs answered ${page.status}`);
    items.push(...page.body.items);
    cursor = page.body.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

/** An `composio.AuthConfig` in the stack's state: its logical name (from the URN), URN and id. */
export interface ConfigInState {
  readonly name: string;
  readonly urn: string;
  readonly id: string;
}

export async function configsInState(world: EngineWorld): Promise<ConfigInState[]> {
  const resources = (await world.storedResources()) as { type: string; urn: string; id?: string }[];
  return resources
    .filter((r) => r.type.endsWith("composio:AuthConfig"))
    .map((r) => ({ name: r.urn.slice(r.urn.lastIndexOf("::") + 2), urn: r.urn, id: r.id ?? "" }));
}

/** The stored secrets of one config, as the emulator holds them (unmasked). */
export interface UnmaskedSecrets {
  readonly credentials: Record<string, unknown>;
  readonly sharedCredentials: Record<string, unknown>;
  readonly deleted: boolean;
}

/** The emulator's unmasked store (`GET /_emulator/store`): the secrets each config really holds, which the API never shows. Keyed by config id. */
export async function unmaskedSecrets(world: EngineWorld): Promise<Map<string, UnmaskedSecrets>> {
  const res = await fetch(`${world.emulatorUrl}/_emulator/store`);
  if (!res.ok) throw new Error(`GET /_emulator/store answered ${res.status}`);
  const store = (await res.json()) as { composio: { id: string; credentials: Record<string, unknown>; shared_credentials: Record<string, unknown>; deleted: boolean }[] };
  return new Map(store.composio.map((c) => [c.id, { credentials: c.credentials, sharedCredentials: c.shared_credentials, deleted: c.deleted }]));
}

/** Turns on fault injection (`POST /_emulator/faults`), or off with `null`. */
export async function setFaults(world: EngineWorld, faults: FaultSettings | null): Promise<void> {
  const res = await fetch(
    `${world.emulatorUrl}/_emulator/faults`,
    faults ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) } : { method: "DELETE" },
  );
  if (!res.ok) throw new Error(`setting faults answered ${res.status}: ${await res.text()}`);
}

/** Requests that change something: everything but GET. */
export function writes(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method !== "GET");
}

/** Runs a step that is expected to fail; returns its error text plus what the CLI printed meanwhile, or undefined when it succeeded. */
export async function failureOf(world: EngineWorld, step: () => Promise<unknown>): Promise<string | undefined> {
  const before = world.output.length;
  try {
    await step();
    return undefined;
  } catch (error) {
    return `${(error as Error).message}\n${world.output.slice(before)}`;
  }
}

/** The distinct error lines of a failed step's text (the CLI repeats each), for a readable assertion message. */
export function errorLines(text: string): string[] {
  const errors = text.split("\n").filter((line) => line.includes("error:") && !line.includes("error: update failed"));
  return [...new Set(errors.map((line) => line.slice(line.indexOf("error:")).trim()))];
}

/** Runs a step that must succeed; when it fails, the assertion shows the errors, not the whole CLI output. */
export async function expectSucceeds(world: EngineWorld, what: string, step: () => Promise<unknown>): Promise<void> {
  const failure = await failureOf(world, step);
  const shown = failure === undefined ? [] : errorLines(failure).length > 0 ? errorLines(failure) : [failure.slice(0, 2000)];
  expect(shown, `${what} must succeed`).toEqual([]);
}

/** Creates a world, runs the scenario in it, and always disposes of it. */
export async function inWorld(label: string, options: Parameters<typeof EngineWorld.create>[1], scenario: (world: EngineWorld) => Promise<void>): Promise<void> {
  const world = await EngineWorld.create(label, options);
  try {
    await scenario(world);
  } finally {
    await world.dispose();
  }
}

/** The ids of the auth configs the stack's state holds (resources, not pending operations). */
export async function idsInState(world: EngineWorld): Promise<string[]> {
  const resources = await world.storedResources();
  return resources.filter((r) => r.type.endsWith("composio:AuthConfig")).map((r) => r.id ?? "");
}
