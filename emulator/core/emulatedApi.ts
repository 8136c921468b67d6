import type { FastifyInstance } from "fastify";
import type { IncomingHttpHeaders } from "node:http";
import type { ApiError } from "./apiError";
import type { ApiName } from "../options";
import type { RateWindow } from "./rateLimiter";

/** The APIs the emulator serves (see options.ts); also the keys of `apiKeys` and of `GET /_emulator/store`. */
export { API_NAMES, type ApiName } from "../options";

/**
 * One platform's API as the emulator serves it. The server owns what every API shares
 * (authentication, rate limiting, fault injection, latency, the request log); each API brings its
 * paths, its routes, its store, and the way it spells errors and rate-limit answers on the wire.
 */
export interface EmulatedApi {
  /** Which API this is. */
  readonly name: ApiName;
  /** URL path prefixes this API answers under, e.g. `/api/v3/`; the server routes by them. */
  readonly pathPrefixes: readonly string[];
  /** One sentence telling a refused client where the key goes (the 401's suggested fix). */
  readonly keyHint: string;
  /** The API key the request presents (the headers this platform reads), or undefined. */
  presentedApiKey(headers: IncomingHttpHeaders): string | undefined;
  /** The status and JSON body of an error response (an API may answer a 400 with its own status). */
  errorResponse(error: ApiError, requestId: string): { status: number; body: unknown };
  /** The JSON body of a 429. */
  rateLimitBody(limitPerMinute: number): unknown;
  /** The rate-limit headers every response of this API carries (none is fine). */
  rateLimitHeaders(window: RateWindow): Record<string, string>;
  /** Adds the API's routes to the server. */
  registerRoutes(app: FastifyInstance): void;
  /** Adds control endpoints of this API only, under `base` (`/_emulator/<name>`). */
  registerControlRoutes?(app: FastifyInstance, base: string): void;
  /** Every stored object with its secrets, as `GET /_emulator/store` shows them. */
  dump(): unknown[];
  /** Forgets every stored object (POST /_emulator/reset). */
  reset(): void;
}

/** A header's value when it is present and non-empty (the first one when repeated). */
export function singleHeader(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value ? value : undefined;
}
