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
/** `importId`s the program declares, and by which resources (more than one is an error). */
const importIdClaims = new Map<string, Set<string>>();

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
 * Whether deleting `id` on behalf of `resource` would take a config away from a resource that has it,
 * or is about to: one that a create or adoption of this run bound (whoever it was), one another resource
 * holds, or one the program declares as an `importId` (with `deleteBeforeReplace`, the delete of a
 * replacement runs before the create that adopts it again).
 */
export function deleteWouldOrphanAnother(kind: string, id: string, resource: string): string | undefined {
  const bound = boundThisRun.get(key(kind, id));
  if (bound !== undefined) return bound;
  const claimant = [...(importIdClaims.get(key(kind, id)) ?? [])][0];
  if (claimant !== undefined) return claimant;
  return [...(heldBy.get(key(kind, id)) ?? [])].find((holder) => holder !== resource);
}

/** The resource other than `resource` that declares `importId`, if any. */
export function otherClaimant(kind: string, importId: string, resource: string): string | undefined {
  return [...(importIdClaims.get(key(kind, importId)) ?? [])].find((claimant) => claimant !== resource);
}

/** Whether any resource of this run holds `id`. */
export function isHeld(kind: string, id: string): boolean {
  return boundThisRun.has(key(kind, id)) || (heldBy.get(key(kind, id))?.size ?? 0) > 0;
}

/** Claims `importId` for `resource`; returns another resource that claims it too, if any. */
export function claimImportId(kind: string, importId: string, resource: string): string | undefined {
  const claimants = importIdClaims.get(key(kind, importId)) ?? new Set<string>();
  claimants.add(resource);
  importIdClaims.set(key(kind, importId), claimants);
  return otherClaimant(kind, importId, resource);
}

/** Forgets everything (tests that run several deployments' worth of calls in one process). */
export function forgetHeldConfigs(): void {
  boundThisRun.clear();
  heldBy.clear();
  importIdClaims.clear();
}
