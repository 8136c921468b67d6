import type { CheckFailure, ResourceDefinition } from "../core/definition";
import { UNKNOWN } from "../core/unknown";
import { authConfigArgsSchema } from "./argsSchema";
import { COMPOSIO_AUTH_SCHEMES } from "./authSchemes";
import { ComposioApi, parseComposioError } from "./client";
import { COMPOSIO_LIST_FILTERS } from "./listFilters";
import { AuthConfigInputs, AuthConfigState, DIFFED_KEYS, REPLACE_KEYS, SECRET_KEYS, SECRET_PATHS } from "./state";
import { ComposioAuthConfigObject, stateFromObject } from "./wire";

/** `composio.AuthConfig`: a Composio v3 auth config (spec: composio-v3.md). */
export const composioAuthConfig: ResourceDefinition<AuthConfigInputs, AuthConfigState, ComposioAuthConfigObject> = {
  kind: "composio.AuthConfig",
  settings: {
    namespace: "composio",
    envPrefix: "COMPOSIO",
    product: "Composio",
    defaultBaseUrl: "https://backend.composio.dev",
  },
  authHeaders: (apiKey) => ({ "x-api-key": apiKey }),
  parseErrorBody: parseComposioError,

  argsSchema: authConfigArgsSchema,
  crossFieldFailures,
  applyDefaults(inputs) {
    if (inputs.managed === undefined) inputs.managed = false;
    if (inputs.enabled === undefined) inputs.enabled = true;
  },
  labelField: "name",
  labelRenamable: true,
  diffedKeys: DIFFED_KEYS,
  replaceKeys: REPLACE_KEYS,
  secretKeys: SECRET_KEYS,
  secretPaths: SECRET_PATHS,
  importIdPattern: { regex: /^ac_[A-Za-z0-9_-]+$/, example: "ac_1a2b3c4d5e6f" },
  listFilters: COMPOSIO_LIST_FILTERS,

  api: (http) => new ComposioApi(http),
  idOf: (object) => object.id,
  labelOf: (object) => object.name,
  changedAtField: "lastUpdatedAt",
  stateFromRemote: stateFromObject,
  // A new config is enabled, whatever was declared: the status endpoint sets it after the POST.
  asCreated: (inputs, postedName) => ({ ...inputs, name: postedName, enabled: true }),
  partialState: (inputs) => ({ status: "ENABLED", isComposioManaged: inputs.managed, createdAt: "", lastUpdatedAt: "" }),
  manualDeleteHint: (id, baseUrl) => `curl -X DELETE -H "x-api-key: $COMPOSIO_API_KEY" ${baseUrl}/api/v3/auth_configs/${id}`,
};

/** The rules that depend on `managed`: managed auth is Composio's app, custom auth is the user's. */
function crossFieldFailures(args: Record<string, unknown>): CheckFailure[] {
  const managed = args.managed;
  if (managed === UNKNOWN) return [];
  const failures: CheckFailure[] = [];
  const present = (key: string) => args[key] !== undefined;
  if (managed === true) {
    for (const key of ["authScheme", "credentials", "proxyConfig"]) {
      if (present(key)) failures.push({ property: key, reason: `${key} is only allowed when managed is false` });
    }
  } else {
    if (!present("authScheme")) {
      failures.push({ property: "authScheme", reason: `authScheme is required when managed is false (one of ${COMPOSIO_AUTH_SCHEMES.join(", ")})` });
    }
    for (const key of ["scopes", "userScopes"]) {
      if (present(key)) failures.push({ property: key, reason: `${key} is only allowed when managed is true` });
    }
  }
  return failures;
}
