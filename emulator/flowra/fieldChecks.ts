import { invalidRequest } from "../core/apiError";
import { expectObject, expectScalar, expectScopes, expectStringArray, rejectUnknownKeys } from "../core/fieldChecks";
import { CredentialValue, FlowraProxyConfig, SCOPE_KEYS } from "./authConfig";

/* Flowra's camelCase body checks; each throws a 400 naming the field, never quoting a value. */

export function expectCredentials(value: unknown, field: string, managed: boolean, typeName: string): Record<string, CredentialValue> {
  const given = expectObject(value, field);
  const credentials: Record<string, CredentialValue> = {};
  for (const [key, item] of Object.entries(given)) credentials[key] = expectCredential(key, item, `${field}.${key}`, managed, typeName);
  return credentials;
}

/** One credential: provider-managed configs hold only scopes; scopes may be lists. */
export function expectCredential(key: string, value: unknown, field: string, managed: boolean, typeName: string): CredentialValue {
  if (managed && !SCOPE_KEYS.includes(key)) throw invalidRequest("field_not_allowed", `${field} is not allowed for type ${typeName}`);
  return SCOPE_KEYS.includes(key) ? expectScopes(value, field) : expectScalar(value, field);
}

export function expectProxyConfig(value: unknown, field: string): FlowraProxyConfig {
  const object = expectObject(value, field);
  rejectUnknownKeys(object, ["proxyUrl", "proxyAuthKey"], `${field}.`);
  if (typeof object.proxyUrl !== "string" || object.proxyUrl === "") {
    throw invalidRequest("invalid_field_type", `${field}.proxyUrl is required and must be a non-empty string`);
  }
  const proxy: FlowraProxyConfig = { proxyUrl: object.proxyUrl };
  if (object.proxyAuthKey !== undefined && object.proxyAuthKey !== null) {
    if (typeof object.proxyAuthKey !== "string") throw invalidRequest("invalid_field_type", `${field}.proxyAuthKey must be a string`);
    proxy.proxyAuthKey = object.proxyAuthKey;
  }
  return proxy;
}

/** `toolsForConnectedAccountCreation` when given (`null` clears it to `[]`); undefined when not mentioned. */
export function expectToolList(value: unknown, field: string): string[] | undefined {
  const object = expectObject(value, field);
  rejectUnknownKeys(object, ["toolsForConnectedAccountCreation"], `${field}.`);
  if (!("toolsForConnectedAccountCreation" in object)) return undefined;
  const list = object.toolsForConnectedAccountCreation;
  return list === null ? [] : expectStringArray(list, `${field}.toolsForConnectedAccountCreation`);
}

/** A display name: a non-empty string, or null for none. */
export function expectDisplayName(value: unknown, field: string): string | null {
  if (value === null) return null;
  if (typeof value !== "string" || value.trim() === "") throw invalidRequest("invalid_field_type", `${field} must be a non-empty string or null`);
  return value;
}
