import { jsonEqual } from "./equality";

/**
 * The true-PATCH form of a change to a map that the API merges key by key: only the keys whose
 * value changed (with the new value) and the keys that were removed (as `null`). Undefined when
 * nothing changed, so that the caller leaves the map out of the body altogether.
 */
export function mergePatchOf<T>(
  before: Readonly<Record<string, T>> | undefined,
  after: Readonly<Record<string, T>> | undefined,
): Record<string, T | null> | undefined {
  const patch: Record<string, T | null> = {};
  for (const [key, value] of Object.entries(after ?? {})) {
    if (!before || !(key in before) || !jsonEqual(before[key], value)) patch[key] = value;
  }
  for (const key of Object.keys(before ?? {})) {
    if (!after || !(key in after)) patch[key] = null;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Drops keys whose value is undefined, recursively: Pulumi state cannot hold undefined. */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = withoutUndefined(v);
  return out as T;
}
