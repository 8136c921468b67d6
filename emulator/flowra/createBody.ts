import { invalidRequest } from "../core/apiError";
import { expectNonEmptyString, expectObject, expectStringArray, isAbsent, JsonObject, missingField, rejectUnknownKeys, unknownField } from "../core/fieldChecks";
import { CUSTOM, FLOWRA_AUTH_SCHEMES, MANAGED, MANAGED_AUTH_SCHEME } from "./authConfig";
import { expectCredentials, expectDisplayName, expectProxyConfig, expectToolList } from "./fieldChecks";
import type { NewFlowraConfig } from "./store";

/** The fields of `authConfig` in CreateAuthConfigDto (spec: Create body). */
const AUTH_CONFIG_FIELDS = ["type", "authScheme", "displayName", "name", "credentials", "proxyConfig", "toolAccessConfig", "restrictToFollowingTools"];

/** Emulator decision: without `authConfig`, a provider-managed config, as Composio's default. */
const DEFAULT_AUTH_CONFIG: JsonObject = { type: MANAGED };

/** Checks a `POST /api/v1/auth_configs` body strictly; throws a 400 naming the first bad field. */
export function parseCreateBody(body: unknown): NewFlowraConfig {
  if (body === undefined) throw missingField("toolkit.slug");
  const root = expectObject(body, "the request body");
  if ("auth_config" in root) {
    throw invalidRequest("unknown_field", "auth_config is not a known field", "Flowra bodies are camelCase: send authConfig.");
  }
  rejectUnknownKeys(root, ["toolkit", "authConfig"], "");
  if (root.toolkit === undefined) throw missingField("toolkit.slug");
  const toolkit = expectObject(root.toolkit, "toolkit");
  rejectUnknownKeys(toolkit, ["slug"], "toolkit.");
  if (toolkit.slug === undefined) throw missingField("toolkit.slug");
  const toolkitSlug = expectNonEmptyString(toolkit.slug, "toolkit.slug");

  const config = root.authConfig === undefined ? DEFAULT_AUTH_CONFIG : expectObject(root.authConfig, "authConfig");
  for (const key of Object.keys(config)) {
    if (!AUTH_CONFIG_FIELDS.includes(key)) throw unknownField(`authConfig.${key}`);
  }
  const type = config.type;
  if (type === undefined) throw missingField("authConfig.type");
  if (type !== MANAGED && type !== CUSTOM) throw invalidRequest("invalid_field_value", `authConfig.type must be ${MANAGED} or ${CUSTOM}`);
  const managed = type === MANAGED;
  // `name` is accepted and ignored: the server allocates it (spec).

  const toolList = isAbsent(config.toolAccessConfig) ? undefined : expectToolList(config.toolAccessConfig, "authConfig.toolAccessConfig");
  return {
    toolkitSlug,
    managed,
    authScheme: authSchemeOf(config, managed),
    displayName: config.displayName === undefined ? null : expectDisplayName(config.displayName, "authConfig.displayName"),
    credentials: isAbsent(config.credentials) ? {} : expectCredentials(config.credentials, "authConfig.credentials", managed, MANAGED),
    proxyConfig: proxyConfigOf(config.proxyConfig, managed),
    toolAccessConfig: { toolsForConnectedAccountCreation: toolList ?? [] },
    restrictToFollowingTools: isAbsent(config.restrictToFollowingTools)
      ? []
      : expectStringArray(config.restrictToFollowingTools, "authConfig.restrictToFollowingTools"),
    isDisabled: false,
  };
}

function authSchemeOf(config: JsonObject, managed: boolean): string {
  if (managed) {
    if (config.authScheme !== undefined) throw invalidRequest("field_not_allowed", `authConfig.authScheme is not allowed for type ${MANAGED}`);
    return MANAGED_AUTH_SCHEME;
  }
  if (config.authScheme === undefined) throw missingField("authConfig.authScheme");
  if (!(FLOWRA_AUTH_SCHEMES as readonly unknown[]).includes(config.authScheme)) {
    throw invalidRequest("invalid_field_value", `authConfig.authScheme must be one of: ${FLOWRA_AUTH_SCHEMES.join(", ")}`);
  }
  return config.authScheme as string;
}

function proxyConfigOf(value: unknown, managed: boolean) {
  if (isAbsent(value)) return null;
  if (managed) throw invalidRequest("field_not_allowed", `authConfig.proxyConfig is not allowed for type ${MANAGED}`);
  return expectProxyConfig(value, "authConfig.proxyConfig");
}
