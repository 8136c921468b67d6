import { FlowraAuthConfigInputs, FlowraAuthConfigState } from "./state";

/** The auth config object in Flowra's success wrappers (`data`), as reads return it: masked. */
export interface FlowraAuthConfigObject {
  id: string;
  /** Allocated by Flowra, unique, e.g. `gmail-9qmlw6`. */
  name: string;
  displayName: string | null;
  toolkit: { slug: string };
  provider: string;
  authScheme?: string | null;
  isProviderManaged: boolean;
  isDisabled: boolean;
  credentials?: Record<string, unknown> | null;
  proxyConfig?: { proxyUrl: string; proxyAuthKey?: string | null } | null;
  toolAccessConfig?: { toolsForConnectedAccountCreation?: string[] | null } | null;
  restrictToFollowingTools?: string[] | null;
  createdAt: string;
  updatedAt: string;
}

export const MANAGED_TYPE = "use_provider_managed_auth";
export const CUSTOM_TYPE = "use_custom_auth";

/**
 * The body of `POST /api/v1/auth_configs` (CreateAuthConfigDto, camelCase throughout), labelled
 * `displayName`. No `name`: Flowra ignores it and allocates one. No `isDisabled`: the create body
 * has none, so a disabled config is created enabled and PATCHed right after.
 */
export function createBody(inputs: FlowraAuthConfigInputs, displayName: string): Record<string, unknown> {
  const authConfig: Record<string, unknown> = { type: inputs.managed ? MANAGED_TYPE : CUSTOM_TYPE };
  if (!inputs.managed) authConfig.authScheme = inputs.authScheme;
  authConfig.displayName = displayName;
  if (inputs.credentials) authConfig.credentials = inputs.credentials;
  if (!inputs.managed && inputs.proxyConfig) authConfig.proxyConfig = proxyConfigToWire(inputs.proxyConfig);
  if (inputs.toolAccessConfig) authConfig.toolAccessConfig = toolAccessConfigToWire(inputs.toolAccessConfig);
  if (inputs.restrictToFollowingTools) authConfig.restrictToFollowingTools = inputs.restrictToFollowingTools;
  return { toolkit: { slug: inputs.toolkit }, authConfig };
}

/** Only the proxy's two fields, whatever else the inputs object carries. */
export function proxyConfigToWire(proxy: NonNullable<FlowraAuthConfigInputs["proxyConfig"]>): Record<string, string> {
  return { proxyUrl: proxy.proxyUrl, ...(proxy.proxyAuthKey !== undefined && { proxyAuthKey: proxy.proxyAuthKey }) };
}

function toolAccessConfigToWire(tools: NonNullable<FlowraAuthConfigInputs["toolAccessConfig"]>): Record<string, string[]> {
  return tools.toolsForConnectedAccountCreation ? { toolsForConnectedAccountCreation: tools.toolsForConnectedAccountCreation } : {};
}

/**
 * Builds the resource state from what the API returned. Reads are masked (every credential but
 * `client_id` reads as its first 4 characters and `...`, `proxyAuthKey` as `REDACTED`), so for every
 * secret the stored value (from `known`) is kept while the read is the stored value or a mask of it:
 * a masked value never counts as a change, and a mask of another value (the secret was changed by
 * hand) is drift. Only the fields and keys that `known` declares are taken: what the user does not
 * manage is not theirs to see drift on. Without `known` (a `get`), every field is returned as read.
 *
 * `secretsKnown` is false when adopting a config we did not write: then the stored secrets are not
 * trusted to match (a mask shows only 4 characters), the read values are kept, and the next PATCH
 * resends every declared secret that does not read exactly as declared.
 */
export function stateFromObject(object: FlowraAuthConfigObject, known: FlowraAuthConfigInputs | undefined, secretsKnown = true): FlowraAuthConfigState {
  const managed = object.isProviderManaged;
  const credentials = object.credentials ?? {};
  const observed: FlowraAuthConfigState = {
    toolkit: object.toolkit.slug,
    managed,
    enabled: !object.isDisabled,
    name: object.name,
    provider: object.provider,
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
  };
  if (typeof object.displayName === "string") observed.displayName = object.displayName;
  // A managed config reports a scheme it was never given (OAUTH2): not an argument of it.
  if (!managed && object.authScheme) observed.authScheme = object.authScheme as FlowraAuthConfigState["authScheme"];

  if (!known) {
    // A plain read (`AuthConfig.get`): everything the API shows, masked values included.
    if (Object.keys(credentials).length > 0) observed.credentials = credentials as FlowraAuthConfigState["credentials"];
    if (object.proxyConfig) observed.proxyConfig = proxyFromWire(object.proxyConfig, undefined, false);
    observed.toolAccessConfig = { toolsForConnectedAccountCreation: object.toolAccessConfig?.toolsForConnectedAccountCreation ?? [] };
    observed.restrictToFollowingTools = object.restrictToFollowingTools ?? [];
    return observed;
  }

  if (known.authScheme === undefined) delete observed.authScheme;
  if (known.credentials) {
    const kept: Record<string, string | number | boolean> = {};
    for (const [key, storedValue] of Object.entries(known.credentials)) {
      if (!(key in credentials)) continue; // removed out of band: drift
      const readValue = credentials[key] as string | number | boolean;
      kept[key] = secretsKnown && readsAs(readValue, storedValue) ? storedValue : readValue;
    }
    observed.credentials = kept;
  }
  if (known.proxyConfig && object.proxyConfig) {
    observed.proxyConfig = proxyFromWire(object.proxyConfig, known.proxyConfig.proxyAuthKey, secretsKnown);
  }
  if (known.toolAccessConfig) {
    observed.toolAccessConfig = {};
    if (known.toolAccessConfig.toolsForConnectedAccountCreation !== undefined) {
      observed.toolAccessConfig.toolsForConnectedAccountCreation = object.toolAccessConfig?.toolsForConnectedAccountCreation ?? [];
    }
  }
  if (known.restrictToFollowingTools !== undefined) observed.restrictToFollowingTools = object.restrictToFollowingTools ?? [];
  return observed;
}

/** The mark of a masked credential: what follows its first (up to 4) characters. */
const MASK_SUFFIX = "...";

/**
 * Whether a read credential shows `stored`: the value itself (`client_id` is not masked), or a mask
 * of it (its first characters and `...`; a short value reads `...` alone).
 */
function readsAs(read: unknown, stored: string | number | boolean): boolean {
  if (read === stored) return true;
  if (typeof read !== "string" || !read.endsWith(MASK_SUFFIX)) return false;
  return String(stored).startsWith(read.slice(0, -MASK_SUFFIX.length));
}

function proxyFromWire(proxy: NonNullable<FlowraAuthConfigObject["proxyConfig"]>, storedKey: string | undefined, secretsKnown: boolean): FlowraAuthConfigState["proxyConfig"] {
  const result: NonNullable<FlowraAuthConfigState["proxyConfig"]> = { proxyUrl: proxy.proxyUrl };
  // The key always reads `REDACTED`: while the API has one, it is the one we stored.
  const hasKey = proxy.proxyAuthKey !== undefined && proxy.proxyAuthKey !== null;
  if (hasKey) result.proxyAuthKey = secretsKnown && storedKey !== undefined ? storedKey : String(proxy.proxyAuthKey);
  return result;
}
