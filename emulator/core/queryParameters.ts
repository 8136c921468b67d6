import { invalidRequest } from "./apiError";

/**
 * The query parameters a request gives a value, by name. An empty value counts as absent:
 * generated clients send an optional parameter whose value is null as `?limit=`.
 * An unknown or repeated parameter is a 400 naming it.
 */
export function presentQueryParameters(query: Record<string, unknown>, known: readonly string[]): Record<string, string> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!known.includes(name)) throw invalidRequest("unknown_query_parameter", `${name} is not a known query parameter`);
    if (typeof value !== "string") throw invalidRequest("invalid_query_parameter", `${name} must be given once`);
    if (value !== "") present[name] = value;
  }
  return present;
}

/** `true` or `false`, spelled so; undefined when absent. */
export function booleanParameter(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidRequest("invalid_query_parameter", `${name} must be true or false`);
}

/** A whole number from `min` to `max`; undefined when absent. */
export function integerParameter(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw invalidRequest("invalid_query_parameter", `${name} must be an integer of at least ${min}`);
  }
  if (Number(value) > max) throw invalidRequest("invalid_query_parameter", `${name} must be at most ${max}`);
  return Number(value);
}

/** `{page, limit}` from a base64 JSON cursor; a 400 naming `cursor` when it is not one. */
export function decodePageCursor(cursor: string, maxLimit: number): { page: number; limit: number } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const { page, limit } = (decoded ?? {}) as { page?: unknown; limit?: unknown };
  if (!Number.isInteger(page) || (page as number) < 1 || !Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > maxLimit) {
    throw invalidRequest("invalid_cursor", "cursor is not a cursor this API returned", "Pass the cursor from the previous page unchanged.");
  }
  return { page: page as number, limit: limit as number };
}

export function encodePageCursor(page: number, limit: number): string {
  return Buffer.from(JSON.stringify({ page, limit })).toString("base64");
}
