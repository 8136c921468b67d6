import { invalidRequest } from "../core/apiError";
import { booleanParameter, decodePageCursor, encodePageCursor, integerParameter, presentQueryParameters } from "../core/queryParameters";
import type { StoredAuthConfig } from "./authConfig";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const QUERY_PARAMETERS = [
  "limit",
  "cursor",
  "toolkit_slug",
  "search",
  "show_disabled",
  "is_composio_managed",
  // Deprecated, still sent by Composio's generated client (spec: List).
  "deprecated_app_id",
  "deprecated_status",
];

/** A checked `GET /auth_configs` query (spec: List). */
export interface ListQuery {
  /** 1-based. */
  readonly page: number;
  readonly limit: number;
  /** Lower-cased; undefined means every toolkit. */
  readonly toolkitSlugs?: readonly string[];
  /** Lower-cased. */
  readonly search?: string;
  readonly showDisabled: boolean;
  readonly managed?: boolean;
  /** `deprecated_status`: only configs with this status (disabled ones included when it is DISABLED). */
  readonly status?: "ENABLED" | "DISABLED";
}

export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
  total_pages: number;
  current_page: number;
  total_items: number;
}

/**
 * Checks the query strictly: an unknown or repeated parameter, or a bad value, is a 400 naming the
 * parameter. An empty value (`?limit=`) means the parameter is absent; `deprecated_app_id` is ignored.
 */
export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const given = presentQueryParameters(query, QUERY_PARAMETERS);
  let limit = integerParameter(given.limit, "limit", 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  let page = 1;
  // The cursor carries the page size it was made with.
  if (given.cursor !== undefined) ({ page, limit } = decodePageCursor(given.cursor, MAX_LIMIT));
  const slugs = given.toolkit_slug
    ?.split(",")
    .map((slug) => slug.trim().toLowerCase())
    .filter((slug) => slug !== "");
  return {
    page,
    limit,
    toolkitSlugs: slugs && slugs.length > 0 ? slugs : undefined,
    search: given.search?.toLowerCase(),
    showDisabled: booleanParameter(given.show_disabled, "show_disabled") ?? false,
    managed: booleanParameter(given.is_composio_managed, "is_composio_managed"),
    status: statusParameter(given.deprecated_status),
  };
}

function statusParameter(value: string | undefined): "ENABLED" | "DISABLED" | undefined {
  if (value === undefined || value === "ENABLED" || value === "DISABLED") return value;
  throw invalidRequest("invalid_query_parameter", "deprecated_status must be ENABLED or DISABLED");
}

/** The page of matching configs, oldest first. */
export function listPage(configs: readonly StoredAuthConfig[], query: ListQuery): ListPage<StoredAuthConfig> {
  const matching = configs.filter(
    (config) =>
      (query.status !== undefined ? config.status === query.status : query.showDisabled || config.status === "ENABLED") &&
      (query.managed === undefined || config.managed === query.managed) &&
      (query.toolkitSlugs === undefined || query.toolkitSlugs.includes(config.toolkitSlug.toLowerCase())) &&
      (query.search === undefined || config.name.toLowerCase().includes(query.search) || config.id.toLowerCase().includes(query.search)),
  );
  const totalPages = Math.ceil(matching.length / query.limit);
  const start = (query.page - 1) * query.limit;
  return {
    items: matching.slice(start, start + query.limit),
    next_cursor: query.page < totalPages ? encodePageCursor(query.page + 1, query.limit) : null,
    total_pages: totalPages,
    current_page: query.page,
    total_items: matching.length,
  };
}
