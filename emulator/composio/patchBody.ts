import { invalidRequest } from "../core/apiError";
import { AuthConfigSettings, StoredAuthConfig, wireType } from "./authConfig";
import {
  clearsScopes,
  expectBoolean,
  expectCredentialValue,
  expectNonEmptyString,
  expectObject,
  expectProxyConfig,
  expectScopes,
  expectSharedCredentials,
  expectStringArray,
  expectToolAccessLists,
  notAllowed,
  unknownField,
} from "./fieldChecks";

type Applies = "custom" | "default" | "both";

/** Which fields a PATCH may carry for each `type` (spec: Update, the table). */
const PATCH_FIELDS: Record<string, Applies> = {
  name: "both",
  credentials: "custom",
  scopes: "default",
  user_scopes: "default",
  proxy_config: "custom",
  tool_access_config: "both",
  shared_credentials: "both",
  is_enabled_for_tool_router: "both",
  restrict_to_following_tools: "both",
};

/** Changing either means a new auth config. */
const IMMUTABLE_FIELDS = ["toolkit", "auth_scheme", "authScheme"];

/**
 * The settings after a "true PATCH" (spec: Update): only the fields present change. The whole body
 * is checked before anything changes, so a 400 leaves the stored config as it was.
 */
export function patchedSettings(config: StoredAuthConfig, body: unknown): AuthConfigSettings {
  if (body === undefined) throw invalidRequest("missing_field", "type is required");
  const patch = expectObject(body, "the request body");
  const type = wireType(config);
  if (patch.type === undefined) throw invalidRequest("missing_field", "type is required", `Send "type": "${type}" for this auth config.`);
  if (patch.type !== "custom" && patch.type !== "default") throw invalidRequest("invalid_field_value", "type must be custom or default");
  if (patch.type !== type) {
    throw invalidRequest("type_mismatch", `type ${patch.type} does not match the auth config, whose type is ${type}`, `Send "type": "${type}".`);
  }

  const next: AuthConfigSettings = structuredClone({
    name: config.name,
    credentials: config.credentials,
    proxyConfig: config.proxyConfig,
    toolAccessConfig: config.toolAccessConfig,
    sharedCredentials: config.sharedCredentials,
    isEnabledForToolRouter: config.isEnabledForToolRouter,
    restrictToFollowingTools: config.restrictToFollowingTools,
  });
  for (const [field, value] of Object.entries(patch)) {
    if (field === "type") continue;
    if (IMMUTABLE_FIELDS.includes(field)) {
      throw invalidRequest("immutable_field", `${field} cannot be changed by PATCH`, "Create a new auth config to change the toolkit or auth scheme.");
    }
    const applies = PATCH_FIELDS[field];
    if (applies === undefined) throw unknownField(field);
    if (applies !== "both" && applies !== type) throw notAllowed(field, type);
    applyField(next, field, value);
  }
  return next;
}

function applyField(next: AuthConfigSettings, field: string, value: unknown): void {
  switch (field) {
    case "name":
      next.name = expectNonEmptyString(value, "name");
      return;
    case "credentials":
      mergeCredentials(next, value);
      return;
    case "scopes":
    case "user_scopes":
      // Managed configs keep their scopes among the credentials, where reads show them.
      if (clearsScopes(value)) delete next.credentials[field];
      else next.credentials[field] = expectScopes(value, field);
      return;
    case "proxy_config":
      next.proxyConfig = value === null ? null : expectProxyConfig(value, "proxy_config");
      return;
    case "tool_access_config":
      if (value === null) next.toolAccessConfig = { tools_for_connected_account_creation: [], tools_available_for_execution: [] };
      else Object.assign(next.toolAccessConfig, expectToolAccessLists(value, "tool_access_config"));
      return;
    case "shared_credentials":
      next.sharedCredentials = value === null ? {} : expectSharedCredentials(value, "shared_credentials");
      return;
    case "is_enabled_for_tool_router":
      next.isEnabledForToolRouter = expectBoolean(value, "is_enabled_for_tool_router");
      return;
    case "restrict_to_following_tools":
      next.restrictToFollowingTools = value === null ? [] : expectStringArray(value, "restrict_to_following_tools");
      return;
  }
}

/** Key by key: a `null` value removes the key; `"credentials": null` removes every key. */
function mergeCredentials(next: AuthConfigSettings, value: unknown): void {
  if (value === null) {
    next.credentials = {};
    return;
  }
  for (const [key, item] of Object.entries(expectObject(value, "credentials"))) {
    if (item === null) delete next.credentials[key];
    else next.credentials[key] = expectCredentialValue(key, item, `credentials.${key}`);
  }
}
