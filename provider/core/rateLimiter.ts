/**
 * The rate limit of one API, shared by every resource in the provider process. It costs nothing
 * until the API asks for it:
 * - while the API's rate-limit headers show quota left, requests go at once, as many at a time as
 *   the quota left allows (requests in flight count against it, so a burst cannot overrun it);
 * - as the window runs low, requests are spread over the time the window has left;
 * - when the quota is used up, one request alone (once a second at most) finds out whether the window
 *   has turned: if not, its 429 says how long to wait;
 * - a 429 with Retry-After pauses every request of the process, not only the one that got it.
 * Before the first answer, one request goes alone to learn whether the API sends such headers; an
 * API that sends none is limited by its 429s alone. A ceiling (`maxRequestsPerMinute`) applies only
 * when the user sets one: then requests are also spaced evenly (GCRA, a token bucket without timers).
 * Waiters look again at least every RECHECK_MS, so a recovery frees them at once.
 */

/** Below this share of the window's limit left, requests are spread over the time the window has left. */
const LOW_REMAINING_SHARE = 0.1;
/** The most the API's headers may space two requests: a slow-down, never a stall. */
const MAX_HEADER_INTERVAL_MS = 10_000;
/** Waiters re-read the limiter's state this often. */
const RECHECK_MS = 250;
/** Once the quota is used up, one request alone finds out whether the window has turned, this often at most. */
const PROBE_INTERVAL_MS = 1_000;
/** The window assumed when an API gives a limit but neither a window size nor a reset time. */
const DEFAULT_WINDOW_SECONDS = 60;

/** What one answer's rate-limit headers said (see `rateLimitHeaders`). */
export interface RateLimitObservation {
  readonly limit?: number;
  readonly remaining?: number;
  /** Seconds until the window turns, when the API says. */
  readonly resetSeconds?: number;
  /** The window's length in seconds, when the API says. */
  readonly windowSeconds?: number;
}

export class RateLimiter {
  private readonly intervalMs: number;
  private readonly burstToleranceMs: number;
  /** The user's ceiling (GCRA): theoretical arrival time of the next request. */
  private nextAt = 0;
  /** No request before this time: a 429's Retry-After, or the low-window spacing's next slot. */
  private notBefore = 0;
  private inFlight = 0;
  /** Whether answers carry rate-limit headers; undefined until the first answer. */
  private headersSent: boolean | undefined;
  /** Requests the window still allows beyond those in flight, as the last answer and later sends say. */
  private budget = Infinity;
  private limit = 0;
  /** When the last request was let through with the quota used up, to find out whether the window has turned. */
  private lastProbeAt = -Infinity;
  /** Spacing over what the window has left, once it runs low; 0 while it has room. */
  private lowWindowIntervalMs = 0;
  /** How long each waiter waited, for tests and the bench: the sum of `acquire`'s return values. */
  waitedMs = 0;

  constructor(
    /** The user's ceiling in requests per minute; undefined for none (the default). */
    readonly maxRequestsPerMinute: number | undefined,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (maxRequestsPerMinute !== undefined && !(maxRequestsPerMinute > 0)) throw new Error(`maxRequestsPerMinute must be a positive number, got ${maxRequestsPerMinute}`);
    this.intervalMs = maxRequestsPerMinute ? 60_000 / maxRequestsPerMinute : 0;
    // Allow a burst of up to one second's worth of requests (at least one).
    const burst = maxRequestsPerMinute ? Math.max(1, Math.floor(maxRequestsPerMinute / 60)) : 1;
    this.burstToleranceMs = this.intervalMs * (burst - 1);
  }

  /** Waits until one more request may be sent and takes its place; call `release` when it is answered (or failed). Returns the time waited. */
  async acquire(): Promise<number> {
    const started = this.now();
    for (;;) {
      const now = this.now();
      const allowedAt = Math.max(this.nextAt - this.burstToleranceMs, this.notBefore);
      if (now >= allowedAt && this.mayStartAnother(now)) {
        if (this.intervalMs > 0) this.nextAt = Math.max(this.nextAt, now) + this.intervalMs;
        if (this.lowWindowIntervalMs > 0) this.notBefore = now + this.lowWindowIntervalMs;
        if (this.headersSent && this.budget <= 0) this.lastProbeAt = now;
        this.inFlight++;
        this.budget--;
        const waited = now - started;
        this.waitedMs += waited;
        return waited;
      }
      await this.sleep(Math.max(1, Math.min(allowedAt - now, RECHECK_MS)));
    }
  }

  /** The request that `acquire` let through is over (answered or failed). */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Whether the quota the API last showed lets one more request start now. */
  private mayStartAnother(now: number): boolean {
    // Before the first answer: one request alone learns whether the API sends rate-limit headers.
    if (this.headersSent === undefined) return this.inFlight === 0;
    if (!this.headersSent) return true;
    if (this.budget > 0) return true;
    // The quota is used up: one request alone finds out whether the window has turned.
    return this.inFlight === 0 && now >= this.lastProbeAt + PROBE_INTERVAL_MS;
  }

  /** Reads one answer's rate-limit headers (undefined fields: the API did not send them). */
  observe(observation: RateLimitObservation): void {
    const { limit, remaining, resetSeconds, windowSeconds } = observation;
    if (remaining === undefined || limit === undefined || !(limit > 0)) {
      this.headersSent ??= false;
      return;
    }
    this.headersSent = true;
    const now = this.now();
    this.limit = limit;
    // This answer's own request is counted by the API; the others in flight may not be yet.
    this.budget = remaining - Math.max(0, this.inFlight - 1);
    const windowLeftMs = (resetSeconds ?? windowSeconds ?? DEFAULT_WINDOW_SECONDS) * 1000;
    if (remaining > this.limit * LOW_REMAINING_SHARE) {
      // Room again: whatever held requests back (a low window's spacing, a 429's pause) is over.
      this.lowWindowIntervalMs = 0;
      this.notBefore = Math.min(this.notBefore, now);
      return;
    }
    this.lowWindowIntervalMs = Math.min(windowLeftMs / Math.max(remaining, 1), MAX_HEADER_INTERVAL_MS);
  }

  /** Holds every request back for `seconds` (a 429's Retry-After), not only the one that got it. */
  pause(seconds: number): void {
    this.notBefore = Math.max(this.notBefore, this.now() + seconds * 1000);
  }
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * An answer's rate-limit headers, in the spellings APIs use: `X-RateLimit-Limit` (or Composio's
 * `X-RateLimit`), `X-RateLimit-Remaining`, `X-RateLimit-Reset` (seconds left, or an epoch time in
 * seconds) and `X-RateLimit-Window-Size` ("60", "60s", "1m").
 */
export function rateLimitHeaders(headers: Headers): RateLimitObservation {
  const reset = numberHeader(headers["x-ratelimit-reset"]);
  return {
    limit: numberHeader(headers["x-ratelimit-limit"]) ?? numberHeader(headers["x-ratelimit"]),
    remaining: numberHeader(headers["x-ratelimit-remaining"]),
    // An epoch time is a date, not a duration: what is left of it.
    resetSeconds: reset === undefined ? undefined : reset > 1e9 ? Math.max(0, reset - Date.now() / 1000) : reset,
    windowSeconds: parseWindowSeconds(firstHeader(headers["x-ratelimit-window-size"])),
  };
}

export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(value: string | string[] | undefined): number | undefined {
  const text = firstHeader(value);
  if (text === undefined || text.trim() === "") return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Parses a window-size header: "60", "60s" or "1m" (the format is not documented). */
export function parseWindowSeconds(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(header);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? "s").toLowerCase();
  return unit === "ms" ? value / 1000 : unit === "m" ? value * 60 : unit === "h" ? value * 3600 : value;
}

const sharedLimiters = new Map<string, RateLimiter>();

/** One limiter per API origin and ceiling, shared by all resources in this process. */
export function sharedRateLimiter(key: string, maxRequestsPerMinute: number | undefined): RateLimiter {
  const id = `${key} ${maxRequestsPerMinute ?? "no ceiling"}`;
  let limiter = sharedLimiters.get(id);
  if (!limiter) {
    limiter = new RateLimiter(maxRequestsPerMinute);
    sharedLimiters.set(id, limiter);
  }
  return limiter;
}
