import { invalidRequest } from "../core/apiError";
import {
  clearsScopes,
  expectBoolean,
  expectNonEmptyString,
  expectObject,
  expectScalar,
  expectScopes,
  expectStringArray,
  JsonObject,
  notAllowed,
  rejectUnknownKeys,
  unknownField,
} from "../core/fieldChecks";
import { CredentialValue, ProxyConfig, SCOPE_KEYS, SharedCredentialValue, ToolAccessConfig } from "./authConfig";

/*
 * Composio's body checks (snake_case wire names). The generic ones live in core/fieldChecks and are
 * re-exported here so that the create and PATCH parsers import from one place.
 */
export {
  clearsScopes,
  expectBoolean,
  expectNonEmptyString,
  expectObject,
  expectScalar,
  expectScopes,
  expectStringArray,
  notAllowed,
  rejectUnknownKeys,
  unknownField,
};
export type { JsonObject };

/** One credential value: scopes may be lists, every other value a string, number or boolean. */
export function expectCredentialValue(key: string, value: unknown, field: string): CredentialValue {
  if (SCOPE_KEYS.includes(key)) return expectScopes(value, field);
  return expectScalar(value, field);
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
