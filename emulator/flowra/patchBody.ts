import { invalidRequest } from "../core/apiError";
import { expectBoolean, expectObject, expectStringArray, unknownField } from "../core/fieldChecks";
import { CUSTOM, FlowraSettings, MANAGED, StoredFlowraConfig } from "./authConfig";
import { expectCredential, expectDisplayName, expectProxyConfig, expectToolList } from "./fieldChecks";

const PATCH_FIELDS = ["displayName", "credentials", "proxyConfig", "toolAccessConfig", "restrictToFollowingTools", "isDisabled"];

/** Changing any of these means a new auth config (spec). */
const IMMUTABLE_FIELDS = ["type", "authScheme", "toolkit"];

/**
 * The settings after a true PATCH (spec: PATCH body): only the fields present change. The whole
 * body is checked before anything changes, so a 400 leaves the stored config as it was.
 */
export function patchedSettings(config: StoredFlowraConfig, body: unknown): FlowraSettings {
  if (body === undefined) throw invalidRequest("missing_body", "The request body is required", "Send a JSON object with the fields to change.");
  const patch = expectObject(body, "the request body");
  const typeName = config.managed ? MANAGED : CUSTOM;
  const next: FlowraSettings = structuredClone({
    displayName: config.displayName,
    credentials: config.credentials,
    proxyConfig: config.proxyConfig,
    toolAccessConfig: config.toolAccessConfig,
    restrictToFollowingTools: config.restrictToFollowingTools,
    isDisabled: config.isDisabled,
  });
  for (const [field, value] of Object.entries(patch)) {
    if (IMMUTABLE_FIELDS.includes(field)) {
      throw invalidRequest("immutable_field", `${field} cannot be changed by PATCH`, "Create a new auth config to change the toolkit, type or auth scheme.");
    }
    if (field === "name") {
      throw invalidRequest("immutable_field", "name is allocated by the server and cannot be changed", "Set displayName instead.");
    }
    if (!PATCH_FIELDS.includes(field)) throw unknownField(field);
    switch (field) {
      case "displayName":
        next.displayName = expectDisplayName(value, "displayName");
        break;
      case "credentials":
        mergeCredentials(next, value, config.managed, typeName);
        break;
      case "proxyConfig":
        if (value !== null && config.managed) throw invalidRequest("field_not_allowed", `proxyConfig is not allowed for type ${typeName}`);
        next.proxyConfig = value === null ? null : expectProxyConfig(value, "proxyConfig");
        break;
      case "toolAccessConfig": {
        const list = value === null ? [] : expectToolList(value, "toolAccessConfig");
        if (list !== undefined) next.toolAccessConfig.toolsForConnectedAccountCreation = list;
        break;
      }
      case "restrictToFollowingTools":
        next.restrictToFollowingTools = value === null ? [] : expectStringArray(value, "restrictToFollowingTools");
        break;
      case "isDisabled":
        next.isDisabled = expectBoolean(value, "isDisabled");
        break;
    }
  }
  return next;
}

/** Key by key: a `null` value removes the key; `"credentials": null` removes every key. */
function mergeCredentials(next: FlowraSettings, value: unknown, managed: boolean, typeName: string): void {
  if (value === null) {
    next.credentials = {};
    return;
  }
  for (const [key, item] of Object.entries(expectObject(value, "credentials"))) {
    if (item === null) delete next.credentials[key];
    else next.credentials[key] = expectCredential(key, item, `credentials.${key}`, managed, typeName);
  }
}
