import { AUTH_TYPES, CREATABLE_AUTH_TYPES } from "./authTypes";
import { checkValue, defaultValue, expectAuthType, expectBodyObject, Problems } from "./validation";

/** What a create stores: the type and every field of it (defaults filled in, secrets included). */
export interface NewConnection {
  readonly authType: string;
  readonly fields: Record<string, unknown>;
}

/**
 * Checks a `POST /v1/workspace/auth-connections` body against the type's row of the table; a 422
 * lists every missing, mistyped or unknown field (spec: Create variants).
 */
export function parseCreateBody(body: unknown): NewConnection {
  const object = expectBodyObject(body);
  const authType = expectAuthType(object, CREATABLE_AUTH_TYPES);
  const { fields: rules } = AUTH_TYPES[authType];
  const problems = new Problems();
  const fields: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const value = object[name];
    const loc = ["body", name];
    if (value === undefined || value === null) {
      if (!rule.required) fields[name] = defaultValue(rule);
      else if (value === null) problems.add(loc, "none is not an allowed value", "type_error.none.not_allowed");
      else problems.missing(loc);
    } else {
      fields[name] = checkValue(rule, value, loc, problems);
    }
  }
  for (const key of Object.keys(object)) {
    if (key !== "auth_type" && !(key in rules)) problems.add(["body", key], "extra fields not permitted", "value_error.extra");
  }
  problems.throwIfAny();
  return { authType, fields };
}
