import type { ListFilter, ListQuery } from "../core/definition";
import type { FlowraAuthConfigObject } from "./wire";

/**
 * The filters of `flowra.listAuthConfigs`: on the list's query parameters where Flowra has one
 * (spec: List query), else a test of each listed config.
 */
export const FLOWRA_LIST_FILTERS: readonly ListFilter<FlowraAuthConfigObject>[] = [
  {
    name: "toolkit",
    type: "string",
    description: "Only auth configs of this toolkit (its slug, e.g. `github`; case does not matter).",
    pattern: { regex: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, example: "github" },
    query: (slug) => ({ toolkitSlug: slug }),
  },
  {
    name: "search",
    type: "string",
    description: "Only auth configs whose allocated name (e.g. `github-9qmlw6`) contains this text (case does not matter), as Flowra searches.",
    query: (text) => ({ search: text }),
  },
  {
    name: "provider",
    type: "string",
    description: "Only auth configs whose app is this provider's.",
    values: ["composio", "flowra"],
    query: (provider) => ({ provider }),
  },
  {
    name: "displayName",
    type: "string",
    description: "Only auth configs with exactly this display name.",
    // Flowra's search matches the allocated name only.
    matches: (config, displayName) => config.displayName === displayName,
  },
  {
    name: "managed",
    type: "boolean",
    description: "Only provider-managed auth configs (true), or only your own app's (false).",
    matches: (config, managed) => config.isProviderManaged === managed,
  },
  {
    name: "enabled",
    type: "boolean",
    description: "Only enabled auth configs (true), or only disabled ones (false). Default: both.",
    query: (enabled): ListQuery => (enabled === true ? { showDisabled: false } : {}),
    matches: (config, enabled) => !config.isDisabled === enabled,
  },
];
