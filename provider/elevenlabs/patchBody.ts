import { jsonEqual } from "../core/equality";
import { mergePatchOf } from "../core/recordDiff";
import { FIELDS, FieldName, fieldsOf } from "./authTypes";
import { AuthConnectionInputs, REPLACE_KEYS } from "./state";

/** A `PATCH /v1/workspace/auth-connections/{id}` body: `auth_type` plus only what changed. */
export type ElevenLabsPatchBody = { auth_type: string } & Record<string, unknown>;

/**
 * The smallest true-PATCH body that makes a connection of an updatable type match `after`, or
 * undefined when nothing changed (spec: Update). A changed field is sent alone; a removed optional
 * field goes as `null`, which resets it to the API's default; `extraParams` and `customHeaders` are
 * merged key by key, so only changed keys are sent and removed keys go as `null` (dropping the whole
 * map removes the keys it declared, not keys set elsewhere). Write-only secrets are compared with
 * the stored values, so a rotation sends that one field. `authType`, `name` and `tokenUrl` are never
 * here: the API cannot change them, and a change replaces the connection.
 */
export function buildPatchBody(before: AuthConnectionInputs, after: AuthConnectionInputs): ElevenLabsPatchBody | undefined {
  const body: ElevenLabsPatchBody = { auth_type: after.authType };
  if (!jsonEqual(before.provider, after.provider)) body.provider = after.provider;
  for (const field of patchableFields(after)) {
    const spec = FIELDS[field];
    if (jsonEqual(before[field], after[field])) continue;
    if ("mergedMap" in spec) {
      const merged = mergePatchOf(before[field] as Record<string, string> | undefined, (after[field] as Record<string, string> | undefined) ?? {});
      if (merged !== undefined) body[spec.wire] = merged;
    } else {
      body[spec.wire] = after[field] ?? null;
    }
  }
  return Object.keys(body).length > 1 ? body : undefined;
}

/** The type's fields that a PATCH may carry. */
function patchableFields(inputs: AuthConnectionInputs): FieldName[] {
  return fieldsOf(inputs.authType).filter((field) => !(REPLACE_KEYS as readonly string[]).includes(field));
}

/** The fields, by argument name, that differ between two sets of inputs: what a type that cannot be updated would need replacing for. */
export function changedFields(before: AuthConnectionInputs, after: AuthConnectionInputs): string[] {
  return ["provider", ...fieldsOf(after.authType)].filter((field) => !jsonEqual(before[field as keyof AuthConnectionInputs], after[field as keyof AuthConnectionInputs]));
}
