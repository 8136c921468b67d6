import type { FastifyInstance } from "fastify";
import type { IncomingHttpHeaders } from "node:http";
import type { ApiError } from "./apiError";
import type { RateWindow } from "./rateLimiter";

/**
 * One platform's API as the emulator serves it. The server owns what every API shares
 * (authentication, rate limiting, fault injection, the request log); each API brings its paths,
 * its routes, and the way it spells errors and rate-limit answers on the wire.
 */
export interface EmulatedApi {
  /** Short name, for messages. */
  readonly name: string;
  /** URL path prefixes this API answers under, e.g. `/api/v3/`. */
  readonly pathPrefixes: readonly string[];
  /** The API key the request presents (the headers this platform reads), or undefined. */
  presentedApiKey(headers: IncomingHttpHeaders): string | undefined;
  /** The JSON body of an error response. */
  errorBody(error: ApiError, requestId: string): unknown;
  /** The JSON body of a 429. */
  rateLimitBody(limitPerMinute: number): unknown;
  /** The rate-limit headers every response of this API carries. */
  rateLimitHeaders(window: RateWindow): Record<string, string>;
  /** Adds the API's routes to the server. */
  registerRoutes(app: FastifyInstance): void;
  /** Forgets every stored object (POST /_emulator/reset). */
  reset(): void;
}
