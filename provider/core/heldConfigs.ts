/**
 * Which remote configs the resources of this deployment hold, as this provider process has seen them.
 * The engine runs every resource of a deployment through one provider process, so this is where a
 * delete can learn that another resource of the same run adopted the config (a rename without
 * `aliases`), and where two resources claiming one `importId` meet.
 *
 * Keys are `<kind> <id>`: ids of different APIs never mix.
 */

/** Ids a create or adoption of this run bound to a resource: now in state for that resource. */
const boundThisRun = new Map<string, string>();
/** Ids that resources still in the program hold (seen by diff, read and update), and by whom. */
const heldBy = new Map<string, Set<string>>();
/** `importId`s the program declares, and by which resource. */
const importIdClaims = new Map<string, string>();

const key = (kind: string, id: string) => `${kind} ${id}`;

/** Records that `resource` holds `id` (its diff, read or update ran). */
export function noteHeld(kind: string, id: string, resource: string): void {
  if (!id) return;
  const holders = heldBy.get(key(kind, id)) ?? new Set<string>();
  holders.add(resource);
  heldBy.set(key(kind, id), holders);
}

/** Records that a create (or adoption) of this run bound `id` to `resource`. */
export function noteBound(kind: string, id: string, resource: string): void {
  boundThisRun.set(key(kind, id), resource);
  noteHeld(kind, id, resource);
}

/** The resource other than `resource` that holds or was just bound to `id`, if any. */
export function otherHolder(kind: string, id: string, resource: string): string | undefined {
  const bound = boundThisRun.get(key(kind, id));
  if (bound !== undefined && bound !== resource) return bound;
  return [...(heldBy.get(key(kind, id)) ?? [])].find((holder) => holder !== resource);
}

/**
 * Whether deleting `id` on behalf of `resource` would take a config away from a resource that has it now:
 * one that a create or adoption of this run bound (whoever it was), or one another resource holds.
 */
export function deleteWouldOrphanAnother(kind: string, id: string, resource: string): string | undefined {
  const bound = boundThisRun.get(key(kind, id));
  if (bound !== undefined) return bound;
  return [...(heldBy.get(key(kind, id)) ?? [])].find((holder) => holder !== resource);
}

/** Whether any resource of this run holds `id`. */
export function isHeld(kind: string, id: string): boolean {
  return boundThisRun.has(key(kind, id)) || (heldBy.get(key(kind, id))?.size ?? 0) > 0;
}

/** Claims `importId` for `resource`; returns the other resource that claimed it first, if any. */
export function claimImportId(kind: string, importId: string, resource: string): string | undefined {
  const claimant = importIdClaims.get(key(kind, importId));
  if (claimant !== undefined && claimant !== resource) return claimant;
  importIdClaims.set(key(kind, importId), resource);
  return undefined;
}

/** Forgets everything (tests that run several deployments' worth of calls in one process). */
export function forgetHeldConfigs(): void {
  boundThisRun.clear();
  heldBy.clear();
  importIdClaims.clear();
}
