import type { ResourceDefinition } from "./definition";
import { jsonEqual } from "./equality";

/**
 * What a refresh found changed outside Pulumi, by field path and never by value: Pulumi hides
 * changes inside secrets unless run with `--show-secrets`, which a CI job must not do, so the
 * provider names them itself. Returns the log line, or undefined when there is nothing to say.
 */
export function describeDrift(def: ResourceDefinition<any, any, any>, resource: string, recorded: Record<string, unknown>, refreshed: Record<string, unknown>): string | undefined {
  const drifted = def.diffedKeys.flatMap((key) => differingPaths(recorded[key], refreshed[key], key));
  if (drifted.length > 0) {
    const secret = (path: string) => isSecretPath(def.secretPaths, path);
    const named = drifted.map(({ path, how }) => `${path} (${how}${secret(path) ? ", secret" : ""})`);
    return `${resource}: changed outside Pulumi: ${named.join(", ")}`;
  }
  const field = def.changedAtField;
  if (field && typeof recorded[field] === "string" && recorded[field] !== "" && recorded[field] !== refreshed[field]) {
    return (
      `${resource}: changed outside Pulumi: its last_updated_at moved to ${String(refreshed[field])} (recorded ${String(recorded[field])}), but no field the API shows differs: ` +
      "a secret may have been changed by hand, and the API never returns secrets. To put the declared secrets back, change them in the program (or rotate them) and run `pulumi up`"
    );
  }
  return undefined;
}

/** Where two JSON values differ, as paths below `path`: objects key by key, anything else whole. */
export function differingPaths(before: unknown, after: unknown, path: string): { path: string; how: "added" | "removed" | "changed" }[] {
  if (jsonEqual(before, after)) return [];
  if (before === undefined || before === null) return [{ path, how: "added" }];
  if (after === undefined || after === null) return [{ path, how: "removed" }];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => differingPaths(before[key], after[key], `${path}.${key}`));
  }
  return [{ path, how: "changed" }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Whether `path` (e.g. `credentials.client_secret`) is, or holds, a secret by the definition's secret paths. */
export function isSecretPath(secretPaths: readonly string[], path: string): boolean {
  return secretPaths.some((pattern) => {
    const base = pattern.endsWith(".*") ? pattern.slice(0, -2) : pattern;
    return path === base || path.startsWith(`${base}.`) || (pattern.endsWith(".*") ? false : base.startsWith(`${path}.`));
  });
}
