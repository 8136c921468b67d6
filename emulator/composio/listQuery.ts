import { invalidRequest } from "../core/apiError";
import type { StoredAuthConfig } from "./authConfig";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const QUERY_PARAMETERS = ["limit", "cursor", "toolkit_slug", "search", "show_disabled", "is_composio_managed"];

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
}

export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
  total_pages: number;
  current_page: number;
  total_items: number;
}

/** Checks the query strictly: an unknown parameter or a bad value is a 400 naming the parameter. */
export function parseListQuery(query: Record<string, unknown>): ListQuery {
  for (const key of Object.keys(query)) {
    if (!QUERY_PARAMETERS.includes(key)) throw invalidRequest("unknown_query_parameter", `${key} is not a known query parameter`);
    if (typeof query[key] !== "string") throw invalidRequest("invalid_query_parameter", `${key} must be given once`);
  }
  const text = query as Record<string, string | undefined>;
  let limit = text.limit === undefined ? DEFAULT_LIMIT : parseLimit(text.limit, "limit");
  let page = 1;
  if (text.cursor !== undefined && text.cursor !== "") {
    // The cursor carries the page size it was made with.
    ({ page, limit } = decodeCursor(text.cursor));
  }
  const slugs = text.toolkit_slug
    ?.split(",")
    .map((slug) => slug.trim().toLowerCase())
    .filter((slug) => slug !== "");
  return {
    page,
    limit,
    toolkitSlugs: slugs && slugs.length > 0 ? slugs : undefined,
    search: text.search ? text.search.toLowerCase() : undefined,
    showDisabled: parseBoolean(text.show_disabled, "show_disabled") ?? false,
    managed: parseBoolean(text.is_composio_managed, "is_composio_managed"),
  };
}

/** The page of matching configs, oldest first. */
export function listPage(configs: readonly StoredAuthConfig[], query: ListQuery): ListPage<StoredAuthConfig> {
  const matching = configs.filter(
    (config) =>
      (query.showDisabled || config.status === "ENABLED") &&
      (query.managed === undefined || config.managed === query.managed) &&
      (query.toolkitSlugs === undefined || query.toolkitSlugs.includes(config.toolkitSlug.toLowerCase())) &&
      (query.search === undefined || config.name.toLowerCase().includes(query.search) || config.id.toLowerCase().includes(query.search)),
  );
  const totalPages = Math.ceil(matching.length / query.limit);
  const start = (query.page - 1) * query.limit;
  return {
    items: matching.slice(start, start + query.limit),
    next_cursor: query.page < totalPages ? encodeCursor(query.page + 1, query.limit) : null,
    total_pages: totalPages,
    current_page: query.page,
    total_items: matching.length,
  };
}

export function encodeCursor(page: number, limit: number): string {
  return Buffer.from(JSON.stringify({ page, limit })).toString("base64");
}

function decodeCursor(cursor: string): { page: number; limit: number } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const { page, limit } = (decoded ?? {}) as { page?: unknown; limit?: unknown };
  if (!Number.isInteger(page) || (page as number) < 1 || !Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIMIT) {
    throw invalidRequest("invalid_cursor", "cursor is not a cursor this API returned", "Pass next_cursor from the previous page unchanged.");
  }
  return { page: page as number, limit: limit as number };
}

function parseLimit(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw invalidRequest("invalid_query_parameter", `${name} must be a positive integer`);
  const limit = Number(value);
  if (limit > MAX_LIMIT) throw invalidRequest("invalid_query_parameter", `${name} must be at most ${MAX_LIMIT}`);
  return limit;
}

function parseBoolean(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidRequest("invalid_query_parameter", `${name} must be true or false`);
}
