import { invalidRequest } from "./apiError";

/*
 * Body checks shared by the APIs that answer a bad field with a 400 (Composio, Flowra). Each takes
 * the field's path as the client wrote it (`auth_config.credentials.client_secret`) and throws a 400
 * naming it. No message includes a submitted value: any of them may be a secret.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, field: string): JsonObject {
  if (!isObject(value)) throw invalidRequest("invalid_field_type", `${field} must be an object`);
  return value;
}

export function rejectUnknownKeys(object: JsonObject, allowed: readonly string[], prefix: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw unknownField(prefix + key);
  }
}

export function unknownField(field: string) {
  return invalidRequest("unknown_field", `${field} is not a known field`, "Remove the field; the emulator rejects fields the API does not define.");
}

export function notAllowed(field: string, type: string) {
  return invalidRequest("field_not_allowed", `${field} is not allowed for type ${type}`);
}

export function missingField(field: string) {
  return invalidRequest("missing_field", `${field} is required`);
}

export function expectNonEmptyString(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") throw invalidRequest("invalid_field_type", `${field} must be a non-empty string`);
  return value;
}

export function expectBoolean(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw invalidRequest("invalid_field_type", `${field} must be a boolean`);
  return value;
}

export function expectStringArray(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw invalidRequest("invalid_field_type", `${field} must be an array of strings`);
  }
  return [...value];
}

/** A string, finite number or boolean. */
export function expectScalar(value: unknown, field: string): string | number | boolean {
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return value;
  throw invalidRequest("invalid_field_type", `${field} must be a string, number or boolean`);
}

/** Scopes: a comma-separated string or a string array, stored as sent. */
export function expectScopes(value: unknown, field: string): string | string[] {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return [...value];
  throw invalidRequest("invalid_field_type", `${field} must be a string or an array of strings`);
}

/** Scopes given as `""`, `[]` or `null` clear them. */
export function clearsScopes(value: unknown): boolean {
  return value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}
