import type { FaultKind } from "./faults";

// Apart from RequestLog, which takes fastify requests: `pulumi-authconfig/emulator` exports this
// type, and its .d.ts must not reach fastify's types.

/** One API request as `GET /_emulator/requests` returns it. */
export interface LoggedRequest {
  /** The API the path belongs to (`composio`, `flowra`, `elevenlabs`), or null for a path none serves. */
  readonly api: string | null;
  readonly method: string;
  /** The URL path without the query string. */
  readonly path: string;
  readonly query: Record<string, unknown>;
  /** The parsed JSON body, or null (no body, or not JSON). */
  body: unknown;
  /** The HTTP status sent; null while pending or when the connection was dropped. */
  status: number | null;
  /** Request headers, with credential headers replaced by `[REDACTED]`. */
  readonly headers: Record<string, string | string[]>;
  /** The injected fault, if any. */
  fault?: FaultKind;
}
