import { jsonEqual } from "../core/equality";
import { mergePatchOf } from "../core/recordDiff";
import { AuthConfigInputs } from "./state";
import { proxyConfigToWire } from "./wire";

/** A `PATCH /api/v3/auth_configs/{id}` body: `type` plus only what changed. */
export type ComposioPatchBody = { type: "custom" | "default" } & Record<string, unknown>;

/**
 * Turns a change between two sets of inputs into the smallest true-PATCH body that makes the API's
 * object match `after`, or undefined when nothing the PATCH endpoint handles has changed.
 * The rules are the spec's (composio-v3.md, Update): credentials are merged key by key, so only the
 * changed keys are sent and removed keys go as null; proxy_config and shared_credentials are replaced
 * whole; each tool list is replaced on its own; a removed optional field is sent as null.
 * `toolkit`, `managed` and `authScheme` are not here: changing them replaces the resource.
 * `enabled` is not here either: it has its own status endpoint.
 */
export function buildPatchBody(before: AuthConfigInputs, after: AuthConfigInputs): ComposioPatchBody | undefined {
  const body: ComposioPatchBody = { type: after.managed ? "default" : "custom" };
  const changed = <K extends keyof AuthConfigInputs>(key: K) => !jsonEqual(before[key], after[key]);

  // Without a name (adopting by importId), the config keeps the name it has.
  if (after.name !== undefined && changed("name")) body.name = after.name;

  if (after.managed) {
    if (changed("scopes")) body.scopes = after.scopes ?? null;
    if (changed("userScopes")) body.user_scopes = after.userScopes ?? null;
  } else {
    if (changed("credentials")) {
      // Dropping `credentials` removes the keys it declared, not keys set elsewhere (`null` would).
      const credentials = mergePatchOf(before.credentials, after.credentials ?? {});
      if (credentials !== undefined) body.credentials = credentials;
    }
    if (changed("proxyConfig")) body.proxy_config = after.proxyConfig ? proxyConfigToWire(after.proxyConfig) : null;
  }

  const toolChanges = toolAccessPatch(before.toolAccessConfig, after.toolAccessConfig);
  if (toolChanges) body.tool_access_config = toolChanges;

  if (changed("sharedCredentials")) body.shared_credentials = after.sharedCredentials ?? null;
  // The API has no null for this flag: dropping it from the program means "back to the default".
  if (changed("isEnabledForToolRouter")) body.is_enabled_for_tool_router = after.isEnabledForToolRouter ?? false;

  return Object.keys(body).length > 1 ? body : undefined;
}

const TOOL_LISTS = [
  ["toolsAvailableForExecution", "tools_available_for_execution"],
  ["toolsForConnectedAccountCreation", "tools_for_connected_account_creation"],
] as const;

/** Each changed tool list alone (the API merges tool_access_config key by key); a dropped list as null. */
function toolAccessPatch(before: AuthConfigInputs["toolAccessConfig"], after: AuthConfigInputs["toolAccessConfig"]): Record<string, string[] | null> | undefined {
  const patch: Record<string, string[] | null> = {};
  for (const [argKey, wireKey] of TOOL_LISTS) {
    const old = before?.[argKey];
    const next = after?.[argKey];
    if (!jsonEqual(old, next)) patch[wireKey] = next ?? null;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** The status endpoint to call after the PATCH, if `enabled` changed. */
export function statusChange(before: AuthConfigInputs, after: AuthConfigInputs): "ENABLED" | "DISABLED" | undefined {
  if (before.enabled === after.enabled) return undefined;
  return after.enabled ? "ENABLED" : "DISABLED";
}
