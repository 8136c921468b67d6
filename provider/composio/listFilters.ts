import type { ListFilter, ListQuery } from "../core/definition";
import type { ComposioAuthConfigObject } from "./wire";

/** The filters of `composio.listAuthConfigs`, each on the list's own query parameters (spec: List). */
export const COMPOSIO_LIST_FILTERS: readonly ListFilter<ComposioAuthConfigObject>[] = [
  {
    name: "toolkit",
    type: "string",
    description: "Only auth configs of this toolkit (its slug, e.g. `slack`; case does not matter).",
    pattern: { regex: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, example: "slack" },
    query: (slug) => ({ toolkit_slug: slug }),
  },
  {
    name: "search",
    type: "string",
    description: "Only auth configs whose name or id contains this text (case does not matter), as Composio searches.",
    query: (text) => ({ search: text }),
  },
  {
    name: "managed",
    type: "boolean",
    description: "Only Composio-managed auth configs (true), or only your own app's (false).",
    query: (managed) => ({ is_composio_managed: managed }),
  },
  {
    name: "enabled",
    type: "boolean",
    description: "Only enabled auth configs (true), or only disabled ones (false). Default: both.",
    // The list hides disabled configs unless asked; the status test keeps only disabled ones for false.
    query: (enabled): ListQuery => (enabled === true ? { show_disabled: false } : {}),
    matches: (config, enabled) => (config.status === "ENABLED") === enabled,
  },
];
