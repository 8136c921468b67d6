import { isObject } from "../core/fieldChecks";
import { AUTH_TYPES, UPDATABLE_AUTH_TYPES } from "./authTypes";
import type { StoredConnection } from "./store";
import { checkValue, defaultValue, ElevenLabsValidationError, expectAuthType, expectBodyObject, Problems } from "./validation";

/**
 * The fields after a PATCH (spec: Update). Only the four updatable types, with their own
 * `auth_type`; only fields present change. A scalar replaces the stored value, `null` resets an
 * optional field to its default (and is a 422 for a required one); the maps `extra_params` and
 * `custom_headers` merge key by key (`null` removes a key; the whole map `null` clears it).
 * `name` and `token_url` are a 422. The whole body is checked before anything changes.
 */
export function patchedFields(connection: StoredConnection, body: unknown): Record<string, unknown> {
  const object = expectBodyObject(body);
  const authType = expectAuthType(object, UPDATABLE_AUTH_TYPES);
  if (authType !== connection.authType) {
    throw new ElevenLabsValidationError([
      { loc: ["body", "auth_type"], msg: `auth_type must be the auth connection's own type, ${connection.authType}`, type: "value_error.auth_type_mismatch" },
    ]);
  }
  const { fields: rules } = AUTH_TYPES[authType];
  const problems = new Problems();
  const next = structuredClone(connection.fields);
  for (const [name, value] of Object.entries(object)) {
    if (name === "auth_type") continue;
    const rule = rules[name];
    const loc = ["body", name];
    if (!rule) problems.add(loc, "extra fields not permitted", "value_error.extra");
    else if (!rule.updatable) problems.add(loc, `${name} cannot be updated`, "value_error.not_updatable");
    else if (value === null) {
      if (rule.required) problems.add(loc, "none is not an allowed value", "type_error.none.not_allowed");
      else next[name] = defaultValue(rule);
    } else if (rule.kind === "map") {
      next[name] = mergedMap(next[name], value, loc, problems);
    } else {
      next[name] = checkValue(rule, value, loc, problems);
    }
  }
  problems.throwIfAny();
  return next;
}

function mergedMap(stored: unknown, value: unknown, loc: string[], problems: Problems): unknown {
  if (!isObject(value)) return problems.add(loc, "value is not a valid dict", "type_error.dict");
  const merged: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const [key, item] of Object.entries(value)) {
    if (item === null) delete merged[key];
    else if (typeof item === "string") merged[key] = item;
    else problems.add([...loc, key], "str type expected", "type_error.str");
  }
  return merged;
}
