import type { CheckFailure, ResourceDefinition } from "../core/definition";
import { UNKNOWN } from "../core/unknown";
import { flowraAuthConfigArgsSchema } from "./argsSchema";
import { FLOWRA_AUTH_SCHEMES, MANAGED_CREDENTIAL_KEYS } from "./authSchemes";
import { FlowraApi, parseFlowraError } from "./client";
import { FLOWRA_LIST_FILTERS } from "./listFilters";
import { DIFFED_KEYS, FlowraAuthConfigInputs, FlowraAuthConfigState, REPLACE_KEYS, SECRET_KEYS, SECRET_PATHS } from "./state";
import { FlowraAuthConfigObject, stateFromObject } from "./wire";

/**
 * `flowra.AuthConfig`: a Flowra v1 auth config (spec: flowra-v1.md). Its label is `displayName`:
 * Flowra allocates the unique `name` itself and ignores one sent, and a PATCH can change the display
 * name, so a create is POSTed under the create marker and the declared display name set right after.
 */
export const flowraAuthConfig: ResourceDefinition<FlowraAuthConfigInputs, FlowraAuthConfigState, FlowraAuthConfigObject> = {
  kind: "flowra.AuthConfig",
  settings: {
    namespace: "flowra",
    envPrefix: "FLOWRA",
    product: "Flowra",
    defaultBaseUrl: "https://flowra.dev",
  },
  authHeaders: (apiKey) => ({ "x-api-key": apiKey }),
  parseErrorBody: parseFlowraError,

  argsSchema: flowraAuthConfigArgsSchema,
  crossFieldFailures,
  applyDefaults(inputs) {
    if (inputs.managed === undefined) inputs.managed = false;
    if (inputs.enabled === undefined) inputs.enabled = true;
  },
  labelField: "displayName",
  labelRenamable: true,
  diffedKeys: DIFFED_KEYS,
  replaceKeys: REPLACE_KEYS,
  secretKeys: SECRET_KEYS,
  secretPaths: SECRET_PATHS,
  importIdPattern: { regex: /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/, example: "3f2a9c1e-7b4d-4e8a-9c6f-1d2e3f4a5b6c" },
  listFilters: FLOWRA_LIST_FILTERS,

  api: (http) => new FlowraApi(http),
  idOf: (object) => object.id,
  labelOf: (object) => object.displayName ?? "",
  changedAtField: "updatedAt",
  stateFromRemote: stateFromObject,
  // The create body has no isDisabled: a new config is enabled, and a PATCH disables it if declared.
  asCreated: (inputs, postedLabel) => ({ ...inputs, displayName: postedLabel, enabled: true }),
  partialState: () => ({ createdAt: "", updatedAt: "" }),
  manualDeleteHint: (id, baseUrl) => `curl -X DELETE -H "x-api-key: $FLOWRA_API_KEY" ${baseUrl}/api/v1/auth_configs/${id}`,
};

/** The rules that depend on `managed`: provider-managed auth is Flowra's app, custom auth is the user's. */
function crossFieldFailures(args: Record<string, unknown>): CheckFailure[] {
  const managed = args.managed;
  if (managed === UNKNOWN) return [];
  const failures: CheckFailure[] = [];
  const present = (key: string) => args[key] !== undefined;
  if (managed === true) {
    for (const key of ["authScheme", "proxyConfig"]) {
      if (present(key)) failures.push({ property: key, reason: `${key} is only allowed when managed is false` });
    }
    const credentials = args.credentials;
    if (credentials !== null && typeof credentials === "object" && !Array.isArray(credentials)) {
      for (const key of Object.keys(credentials).filter((k) => !MANAGED_CREDENTIAL_KEYS.includes(k))) {
        failures.push({ property: `credentials.${key}`, reason: `credentials.${key} is not allowed when managed is true (a managed config takes only ${MANAGED_CREDENTIAL_KEYS.join(" and ")})` });
      }
    }
  } else if (!present("authScheme")) {
    failures.push({ property: "authScheme", reason: `authScheme is required when managed is false (one of ${FLOWRA_AUTH_SCHEMES.join(", ")})` });
  }
  return failures;
}
