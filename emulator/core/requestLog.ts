import type { FastifyRequest } from "fastify";
import type { LoggedRequest } from "./loggedRequest";

export type { LoggedRequest } from "./loggedRequest";

/** Headers that carry API keys on some emulated platform: never kept in the log. */
const CREDENTIAL_HEADERS = new Set(["x-api-key", "x-user-api-key", "authorization", "xi-api-key"]);

/** Oldest entries are dropped beyond this, so a long-running emulator does not grow without bound. */
const MAX_ENTRIES = 100_000;

/** Every API request the emulator received, oldest first. Bodies are kept as sent (test tool). */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  /** Records a request as it arrives; the server fills in body, status and fault as they become known. */
  start(request: FastifyRequest, api: string | null): LoggedRequest {
    const entry: LoggedRequest = {
      api,
      method: request.method,
      path: request.url.split("?")[0],
      query: { ...(request.query as Record<string, unknown>) },
      body: null,
      status: null,
      headers: redactedHeaders(request.headers),
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  all(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

function redactedHeaders(headers: FastifyRequest["headers"]): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    copy[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? "[REDACTED]" : value;
  }
  return copy;
}
