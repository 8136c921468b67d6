import { AUTH_TYPES } from "./authTypes";
import type { StoredConnection } from "./store";

/**
 * The auth connection as the API returns it (spec: Response object): the common fields and the
 * type's fields that are not hidden. Secrets and certificates never leave the emulator.
 */
export function connectionObject(connection: StoredConnection): Record<string, unknown> {
  const object: Record<string, unknown> = { id: connection.id, auth_type: connection.authType };
  for (const [name, rule] of Object.entries(AUTH_TYPES[connection.authType].fields)) {
    if (!rule.hidden) object[name] = structuredClone(connection.fields[name] ?? null);
  }
  return {
    ...object,
    status: connection.status,
    status_detail: connection.statusDetail,
    status_updated_at: new Date(connection.statusUpdatedAt).toISOString(),
    used_by: structuredClone(connection.usedBy),
  };
}

/** What `GET /_emulator/store` shows: the same object with every stored field, secrets included (a test tool). */
export function revealedConnectionObject(connection: StoredConnection): Record<string, unknown> {
  return { ...connectionObject(connection), ...structuredClone(connection.extras), ...structuredClone(connection.fields) };
}
