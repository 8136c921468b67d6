import { invalidRequest } from "../core/apiError";
import { AUTH_SCHEMES, CredentialValue, MANAGED_AUTH_SCHEME, SCOPE_KEYS, ToolAccessConfig } from "./authConfig";
import {
  expectBoolean,
  expectCredentialValue,
  expectNonEmptyString,
  expectObject,
  expectProxyConfig,
  expectSharedCredentials,
  expectStringArray,
  expectToolAccessLists,
  JsonObject,
  notAllowed,
  rejectUnknownKeys,
  unknownField,
} from "./fieldChecks";
import type { NewAuthConfig } from "./store";

const MANAGED = "use_composio_managed_auth";
const CUSTOM = "use_custom_auth";

const AUTH_CONFIG_FIELDS = [
  "type",
  "authScheme",
  "name",
  "credentials",
  "proxy_config",
  "tool_access_config",
  "shared_credentials",
  "is_enabled_for_tool_router",
  "restrict_to_following_tools",
];

/** The spec's default when `auth_config` is omitted. */
const DEFAULT_AUTH_CONFIG: JsonObject = { type: MANAGED, credentials: {}, restrict_to_following_tools: [] };

/** Checks a `POST /auth_configs` body strictly (spec: Create body); throws a 400 naming the first bad field. */
export function parseCreateBody(body: unknown): NewAuthConfig {
  if (body === undefined) throw missing("toolkit.slug");
  const root = expectObject(body, "the request body");
  rejectUnknownKeys(root, ["toolkit", "auth_config"], "");
  if (root.toolkit === undefined) throw missing("toolkit.slug");
  const toolkit = expectObject(root.toolkit, "toolkit");
  rejectUnknownKeys(toolkit, ["slug"], "toolkit.");
  if (toolkit.slug === undefined) throw missing("toolkit.slug");
  const toolkitSlug = expectNonEmptyString(toolkit.slug, "toolkit.slug");

  const config = root.auth_config === undefined ? DEFAULT_AUTH_CONFIG : expectObject(root.auth_config, "auth_config");
  for (const key of Object.keys(config)) {
    if (key === "auth_scheme") {
      throw invalidRequest("unknown_field", "auth_config.auth_scheme is not a known field", "On create the field is spelled authScheme (camelCase).");
    }
    if (!AUTH_CONFIG_FIELDS.includes(key)) throw unknownField(`auth_config.${key}`);
  }
  const type = config.type;
  if (type === undefined) throw missing("auth_config.type");
  if (type !== MANAGED && type !== CUSTOM) {
    throw invalidRequest("invalid_field_value", `auth_config.type must be ${MANAGED} or ${CUSTOM}`);
  }
  const managed = type === MANAGED;

  return {
    toolkitSlug,
    managed,
    authScheme: authSchemeOf(config, managed),
    ...(config.name !== undefined && { name: expectNonEmptyString(config.name, "auth_config.name") }),
    credentials: credentialsOf(config.credentials, managed),
    proxyConfig: proxyConfigOf(config.proxy_config, managed),
    toolAccessConfig: toolAccessConfigOf(config.tool_access_config),
    sharedCredentials: isAbsent(config.shared_credentials) ? {} : expectSharedCredentials(config.shared_credentials, "auth_config.shared_credentials"),
    isEnabledForToolRouter:
      config.is_enabled_for_tool_router === undefined ? false : expectBoolean(config.is_enabled_for_tool_router, "auth_config.is_enabled_for_tool_router"),
    restrictToFollowingTools: isAbsent(config.restrict_to_following_tools)
      ? []
      : expectStringArray(config.restrict_to_following_tools, "auth_config.restrict_to_following_tools"),
  };
}

function authSchemeOf(config: JsonObject, managed: boolean): string {
  if (managed) {
    if (config.authScheme !== undefined) throw notAllowed("auth_config.authScheme", MANAGED);
    return MANAGED_AUTH_SCHEME;
  }
  if (config.authScheme === undefined) throw missing("auth_config.authScheme");
  if (!(AUTH_SCHEMES as readonly unknown[]).includes(config.authScheme)) {
    throw invalidRequest("invalid_field_value", `auth_config.authScheme must be one of: ${AUTH_SCHEMES.join(", ")}`);
  }
  return config.authScheme as string;
}

/** Managed configs hold only scopes; custom ones any credential the scheme needs. */
function credentialsOf(value: unknown, managed: boolean): Record<string, CredentialValue> {
  if (isAbsent(value)) return {};
  const given = expectObject(value, "auth_config.credentials");
  const credentials: Record<string, CredentialValue> = {};
  for (const [key, item] of Object.entries(given)) {
    const field = `auth_config.credentials.${key}`;
    if (managed && !SCOPE_KEYS.includes(key)) throw notAllowed(field, MANAGED);
    credentials[key] = expectCredentialValue(key, item, field);
  }
  return credentials;
}

function proxyConfigOf(value: unknown, managed: boolean) {
  if (isAbsent(value)) return null;
  if (managed) throw notAllowed("auth_config.proxy_config", MANAGED);
  return expectProxyConfig(value, "auth_config.proxy_config");
}

function toolAccessConfigOf(value: unknown): ToolAccessConfig {
  const empty: ToolAccessConfig = { tools_for_connected_account_creation: [], tools_available_for_execution: [] };
  if (isAbsent(value)) return empty;
  return { ...empty, ...expectToolAccessLists(value, "auth_config.tool_access_config") };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

function missing(field: string) {
  return invalidRequest("missing_field", `${field} is required`);
}
