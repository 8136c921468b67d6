import { invalidRequest } from "../core/apiError";
import { booleanParameter, decodePageCursor, integerParameter, presentQueryParameters } from "../core/queryParameters";
import type { StoredFlowraConfig } from "./authConfig";

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

const QUERY_PARAMETERS = ["page", "limit", "offset", "sortBy", "sortOrder", "provider", "toolkitSlug", "search", "showDisabled", "cursor"];

/** What `sortBy` may name (emulator decision), and how each compares. */
const SORT_KEYS: Record<string, (config: StoredFlowraConfig) => number | string> = {
  createdAt: (config) => config.createdAt,
  updatedAt: (config) => config.updatedAt,
  name: (config) => config.name,
  displayName: (config) => config.displayName ?? "",
};

const PROVIDERS = ["composio", "flowra"];

/** A checked `GET /api/v1/auth_configs` query (spec: List query). */
export interface FlowraListQuery {
  /** Index of the first item of the page. */
  readonly start: number;
  readonly limit: number;
  readonly sortBy: string;
  readonly descending: boolean;
  readonly provider?: string;
  /** Lower-cased. */
  readonly toolkitSlugs?: readonly string[];
  /** Lower-cased. */
  readonly search?: string;
  readonly showDisabled: boolean;
}

/**
 * Checks the query strictly (unknown or repeated parameters and bad values are a 400 naming the
 * parameter; an empty value is absent). The page starts at `offset` when given, else at `page`;
 * a `cursor` carries both page and page size. Giving two of page, offset and cursor is a 400.
 */
export function parseFlowraListQuery(query: Record<string, unknown>): FlowraListQuery {
  const given = presentQueryParameters(query, QUERY_PARAMETERS);
  const ways = ["page", "offset", "cursor"].filter((name) => given[name] !== undefined);
  if (ways.length > 1) throw invalidRequest("invalid_query_parameter", `${ways.join(" and ")} cannot be given together`, "Give one of page, offset or cursor.");
  let limit = integerParameter(given.limit, "limit", 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  let start = ((integerParameter(given.page, "page", 1, Number.MAX_SAFE_INTEGER) ?? 1) - 1) * limit;
  const offset = integerParameter(given.offset, "offset", 0, Number.MAX_SAFE_INTEGER);
  if (offset !== undefined) start = offset;
  if (given.cursor !== undefined) {
    const cursor = decodePageCursor(given.cursor, MAX_LIMIT);
    limit = cursor.limit;
    start = (cursor.page - 1) * cursor.limit;
  }

  const sortBy = given.sortBy ?? "createdAt";
  if (!(sortBy in SORT_KEYS)) throw invalidRequest("invalid_query_parameter", `sortBy must be one of: ${Object.keys(SORT_KEYS).join(", ")}`);
  const sortOrder = (given.sortOrder ?? "DESC").toUpperCase();
  if (sortOrder !== "ASC" && sortOrder !== "DESC") throw invalidRequest("invalid_query_parameter", "sortOrder must be ASC or DESC");
  if (given.provider !== undefined && !PROVIDERS.includes(given.provider)) {
    throw invalidRequest("invalid_query_parameter", `provider must be one of: ${PROVIDERS.join(", ")}`);
  }
  const slugs = given.toolkitSlug
    ?.split(",")
    .map((slug) => slug.trim().toLowerCase())
    .filter((slug) => slug !== "");
  return {
    start,
    limit,
    sortBy,
    descending: sortOrder === "DESC",
    provider: given.provider,
    toolkitSlugs: slugs && slugs.length > 0 ? slugs : undefined,
    search: given.search?.toLowerCase(),
    showDisabled: booleanParameter(given.showDisabled, "showDisabled") ?? false,
  };
}

/** The paginated wrapper's fields besides `success`, `message` and the mapping of `data`. */
export interface FlowraPage {
  data: StoredFlowraConfig[];
  total: number;
  page: number;
  limit: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The matching configs, sorted (ties in creation order, reversed for DESC), and the page asked for. */
export function flowraListPage(configs: readonly StoredFlowraConfig[], query: FlowraListQuery): FlowraPage {
  const key = SORT_KEYS[query.sortBy];
  const matching = configs
    .filter(
      (config) =>
        (query.showDisabled || !config.isDisabled) &&
        (query.provider === undefined || config.provider === query.provider) &&
        (query.toolkitSlugs === undefined || query.toolkitSlugs.includes(config.toolkitSlug.toLowerCase())) &&
        (query.search === undefined || config.name.toLowerCase().includes(query.search)),
    )
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x < y ? -1 : x > y ? 1 : a.sequence - b.sequence;
      return query.descending ? -order : order;
    });
  return {
    data: matching.slice(query.start, query.start + query.limit),
    total: matching.length,
    page: Math.floor(query.start / query.limit) + 1,
    limit: query.limit,
    totalPages: Math.ceil(matching.length / query.limit),
    hasNextPage: query.start + query.limit < matching.length,
    hasPreviousPage: query.start > 0,
  };
}
