import type { EngineWorld } from "./harness";

/** An auth config as the API lists it: the fields these tests look at. */
export interface LiveConfig {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

/** Every auth config the API holds (disabled ones too), following `next_cursor` page by page. */
export async function liveConfigs(world: EngineWorld): Promise<LiveConfig[]> {
  const items: LiveConfig[] = [];
  let cursor: string | undefined;
  do {
    const page = await world.api<{ items: LiveConfig[]; next_cursor: string | null }>("GET", `/api/v3/auth_configs?show_disabled=true&limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    items.push(...page.body.items);
    cursor = page.body.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

/** The ids of the auth configs the stack's state holds (resources, not pending operations). */
export async function idsInState(world: EngineWorld): Promise<string[]> {
  const resources = await world.storedResources();
  return resources.filter((r) => r.type.endsWith("composio:AuthConfig")).map((r) => r.id ?? "");
}
