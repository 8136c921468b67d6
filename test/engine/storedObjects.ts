import type { EngineWorld, ResourceKind } from "./harness";

/**
 * What the emulator really holds for each API (`GET /_emulator/store`: secrets unmasked, which the
 * API never shows), in one shape for every kind: so a test can say "exactly these exist, each with
 * its own secret" the same way for all three.
 */
export interface StoredObject {
  readonly id: string;
  /** The label the provider sets: Composio's and ElevenLabs' `name`, Flowra's `displayName`. */
  readonly label: string;
  /** The one secret value the fleets in the tests declare. */
  readonly secret: unknown;
  /** The one list the fleets in the tests change. */
  readonly tools: unknown;
}

type Raw = Record<string, any>;

const FROM_STORE: Record<ResourceKind, (raw: Raw) => StoredObject | undefined> = {
  composio: (c) => (c.deleted ? undefined : { id: c.id, label: c.name, secret: c.credentials?.api_key ?? c.credentials?.client_secret, tools: c.tool_access_config?.tools_available_for_execution }),
  flowra: (c) => ({ id: c.id, label: c.displayName, secret: c.credentials?.api_key ?? c.credentials?.client_secret, tools: c.restrictToFollowingTools }),
  elevenlabs: (c) => ({ id: c.id, label: c.name, secret: c.client_secret ?? c.token, tools: c.scopes }),
};

/** The live objects of one API, as stored. */
export async function storedObjects(world: EngineWorld, kind: ResourceKind): Promise<StoredObject[]> {
  const res = await fetch(`${world.emulatorUrl}/_emulator/store`);
  if (!res.ok) throw new Error(`GET /_emulator/store answered ${res.status}`);
  const store = (await res.json()) as Record<ResourceKind, Raw[]>;
  return store[kind].map(FROM_STORE[kind]).filter((o): o is StoredObject => o !== undefined);
}
