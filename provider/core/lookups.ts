import { apiClientFor } from "./apiClients";
import type { CallContext, FilterValue, ListFilter, ListQuery, ResourceDefinition } from "./definition";
import { AuthConfigError } from "./errors";
import { checkLookupInputs } from "./lookupInputs";

export { LookupInputError } from "./lookupInputs";
import { withoutUndefined } from "./recordDiff";
import { secretLeaves } from "./redact";
import { resolveConnection, SettingsSource } from "./settings";

/**
 * Lookups (issue 9): one config by id, or every config of a list, without managing them, for any
 * definition. They return the definition's outputs (what a resource reads back) with every secret
 * path left out: not masked, absent. Deleted configs are never returned (the APIs' lists leave them
 * out, or mark them so); disabled ones are, unless the `enabled` filter of an API says otherwise.
 *
 * Two callers: the native plugin's invoke (`authconfig:composio:getAuthConfig`), with the settings
 * the engine configured it with, and the SDK's functions (`composio.getAuthConfig`), in the
 * program's own process with the program's stack config (sdk/lookups.ts).
 */

type Definition<R> = ResourceDefinition<any, any, R>;

/** A config as a lookup returns it: its id and the definition's outputs, no secret among them. */
export type LookupResult = { readonly id: string } & Readonly<Record<string, unknown>>;

/** The names of one definition's lookups: `composio.AuthConfig` has `getAuthConfig` and `listAuthConfigs`. */
export function lookupNames(def: { readonly kind: string }): { readonly module: string; readonly get: string; readonly list: string } {
  const [module, type] = def.kind.split(".");
  return { module, get: `get${type}`, list: `list${type}s` };
}

/** The config with this id (`{ id }`); an error when there is none, or it was deleted. */
export async function lookupById<R>(def: Definition<R>, inputs: unknown, source?: SettingsSource): Promise<LookupResult> {
  const fn = `${lookupNames(def).module}.${lookupNames(def).get}`;
  const checked = checkLookupInputs(fn, [idArgument(def)], inputs);
  const id = checked.id as string;
  const { api, ctx } = session(def, fn, source);
  const remote = await api.get(id, ctx);
  if (remote === undefined) {
    throw new AuthConfigError("AUTHCONFIG_LOOKUP_NOT_FOUND", `${fn}: ${def.kind} ${id} does not exist (or was deleted)`);
  }
  return lookupResult(def, remote);
}

/** Every config the filters keep, from every page of the list, in the API's order (oldest first). */
export async function lookupList<R>(def: Definition<R>, inputs: unknown, source?: SettingsSource): Promise<{ items: LookupResult[] }> {
  const fn = `${lookupNames(def).module}.${lookupNames(def).list}`;
  const filters = checkLookupInputs(fn, def.listFilters, inputs ?? {});
  const applied = def.listFilters.filter((filter) => filters[filter.name] !== undefined);
  const query: ListQuery = Object.assign({}, ...applied.map((filter) => filter.query?.(filters[filter.name] as FilterValue) ?? {}));
  const keeps = (remote: R) => applied.every((filter: ListFilter<R>) => filter.matches?.(remote, filters[filter.name] as FilterValue) ?? true);

  const { api, ctx } = session(def, fn, source);
  const items = new Map<string, LookupResult>();
  let cursor: string | undefined;
  for (;;) {
    const page = await api.listPage(cursor, ctx, query);
    for (const remote of page.items) {
      // A config made while paging can push another onto the next page: each config once.
      const id = def.idOf(remote);
      if (api.isDeletedInList?.(remote) || !keeps(remote) || items.has(id)) continue;
      items.set(id, lookupResult(def, remote));
    }
    if (page.next === undefined) return { items: [...items.values()] };
    if (page.next === cursor) {
      throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${fn}: lookup failed: the list answered the same next page (${cursor}) twice`);
    }
    cursor = page.next;
  }
}

/** What a lookup returns of a config: the outputs a read by id gives, with every secret path left out. */
export function lookupResult<R>(def: Definition<R>, remote: R): LookupResult {
  const state = def.stateFromRemote(remote, undefined, false) as Record<string, unknown>;
  for (const path of def.secretPaths) dropPath(state, path.split("."));
  return withoutUndefined({ id: def.idOf(remote), ...state });
}

/**
 * Removes the value at `path`. A path ending in `*` (every value of a map is secret) removes the
 * map itself: an empty map, or its keys alone, would only say what is hidden.
 */
function dropPath(root: Record<string, unknown>, path: readonly string[]): void {
  const keys = path[path.length - 1] === "*" ? path.slice(0, -1) : path;
  let parent: unknown = root;
  for (const key of keys.slice(0, -1)) parent = parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
  if (parent !== null && typeof parent === "object") delete (parent as Record<string, unknown>)[keys[keys.length - 1]];
}

/** The lookup by id's one argument, checked like `importId`. */
function idArgument<R>(def: Definition<R>): ListFilter<R> & { required: true } {
  return { name: "id", type: "string", description: `The ${def.kind}'s id.`, pattern: def.importIdPattern, required: true };
}

/** The API client and call context of one lookup; the connection is resolved now, from `source` (default: the provider's settings). */
function session<R>(def: Definition<R>, fn: string, source: SettingsSource | undefined) {
  let connection;
  try {
    connection = resolveConnection(def.settings, source);
  } catch (error) {
    throw new AuthConfigError((error as AuthConfigError).code ?? "AUTHCONFIG_BAD_SETTING", `${fn}: lookup failed: ${(error as Error).message}`);
  }
  const ctx: CallContext = { resource: fn, operation: "lookup", secrets: secretLeaves(connection.apiKey) };
  return { api: apiClientFor<unknown, R>(def, connection, source), ctx };
}
