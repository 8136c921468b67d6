import { invalidRequest } from "../core/apiError";
import { CredentialValue, ProxyConfig, SCOPE_KEYS, SharedCredentialValue, ToolAccessConfig } from "./authConfig";

/*
 * Checks shared by create and PATCH bodies. Each takes the field's path as the client wrote it
 * (`auth_config.credentials.client_secret`, `proxy_config`) and throws a 400 naming it.
 * No message includes a submitted value: any of them may be a secret.
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

/** One credential value: scopes may be lists, every other value a string, number or boolean. */
export function expectCredentialValue(key: string, value: unknown, field: string): CredentialValue {
  if (SCOPE_KEYS.includes(key)) return expectScopes(value, field);
  return expectScalar(value, field);
}

export function expectScalar(value: unknown, field: string): SharedCredentialValue {
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return value;
  throw invalidRequest("invalid_field_type", `${field} must be a string, number or boolean`);
}

export function expectSharedCredentials(value: unknown, field: string): Record<string, SharedCredentialValue> {
  const object = expectObject(value, field);
  const result: Record<string, SharedCredentialValue> = {};
  for (const [key, item] of Object.entries(object)) result[key] = expectScalar(item, `${field}.${key}`);
  return result;
}

export function expectProxyConfig(value: unknown, field: string): ProxyConfig {
  const object = expectObject(value, field);
  rejectUnknownKeys(object, ["proxy_url", "proxy_auth_key"], `${field}.`);
  if (typeof object.proxy_url !== "string") throw invalidRequest("invalid_field_type", `${field}.proxy_url is required and must be a string`);
  const proxy: ProxyConfig = { proxy_url: object.proxy_url };
  if (object.proxy_auth_key !== undefined && object.proxy_auth_key !== null) {
    if (typeof object.proxy_auth_key !== "string") throw invalidRequest("invalid_field_type", `${field}.proxy_auth_key must be a string`);
    proxy.proxy_auth_key = object.proxy_auth_key;
  }
  return proxy;
}

export const TOOL_LISTS = ["tools_for_connected_account_creation", "tools_available_for_execution"] as const;

/**
 * The lists a tool_access_config body gives, each checked; `null` or `[]` become `[]` (cleared).
 * Lists the body does not mention are absent from the result.
 */
export function expectToolAccessLists(value: unknown, field: string): Partial<ToolAccessConfig> {
  const object = expectObject(value, field);
  rejectUnknownKeys(object, TOOL_LISTS, `${field}.`);
  const lists: Partial<ToolAccessConfig> = {};
  for (const list of TOOL_LISTS) {
    if (!(list in object)) continue;
    const given = object[list];
    lists[list] = given === null ? [] : expectStringArray(given, `${field}.${list}`);
  }
  return lists;
}
