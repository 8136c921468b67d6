/**
 * A client-side rate limit shared by every resource in the provider process, so that a stack of
 * hundreds of configs stays under the API's per-organisation limit instead of meeting 429s.
 * It spaces requests evenly (GCRA, a token bucket without timers), slows down further while the
 * API's X-RateLimit-Remaining says the window is nearly used up, and pauses everyone when a 429
 * says how long to wait. Waiters look again at least every second, so a recovery frees them at once.
 */

/** Below this share of the window's limit left, requests are spread over what remains. */
const LOW_REMAINING_SHARE = 0.1;
/** The most the API's headers may space two requests: a slow-down, never a stall. */
const MAX_HEADER_INTERVAL_MS = 10_000;
/** Waiters re-read the limiter's state this often. */
const RECHECK_MS = 1_000;

export class RateLimiter {
  private readonly intervalMs: number;
  private readonly burstToleranceMs: number;
  /** Theoretical arrival time of the next request (GCRA). */
  private nextAt = 0;
  /** Spacing asked for by the API's headers; 0 while the window has room. */
  private headerIntervalMs = 0;
  /** No request before this time: the header spacing's next slot, or a 429's Retry-After. */
  private notBefore = 0;

  constructor(
    readonly maxRequestsPerMinute: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(maxRequestsPerMinute > 0)) throw new Error(`maxRequestsPerMinute must be a positive number, got ${maxRequestsPerMinute}`);
    this.intervalMs = 60_000 / maxRequestsPerMinute;
    // Allow a burst of up to one second's worth of requests (at least one).
    const burst = Math.max(1, Math.floor(maxRequestsPerMinute / 60));
    this.burstToleranceMs = this.intervalMs * (burst - 1);
  }

  /** Waits until one more request may be sent, and takes its slot. Returns the time waited. */
  async acquire(): Promise<number> {
    const started = this.now();
    for (;;) {
      const now = this.now();
      const allowedAt = Math.max(this.nextAt - this.burstToleranceMs, this.notBefore);
      if (now >= allowedAt) {
        this.nextAt = Math.max(this.nextAt, now) + this.intervalMs;
        if (this.headerIntervalMs > 0) this.notBefore = now + this.headerIntervalMs;
        return now - started;
      }
      await this.sleep(Math.min(allowedAt - now, RECHECK_MS));
    }
  }

  /** Reads the API's rate-limit headers from a response and adapts the spacing. */
  observe(headers: { limit?: number; remaining?: number; windowSeconds?: number }): void {
    const { limit, remaining, windowSeconds } = headers;
    if (remaining === undefined || limit === undefined || !(limit > 0)) return;
    if (remaining > limit * LOW_REMAINING_SHARE) {
      this.headerIntervalMs = 0;
      this.notBefore = Math.min(this.notBefore, this.now());
      return;
    }
    this.headerIntervalMs = Math.min(((windowSeconds ?? 60) * 1000) / Math.max(remaining, 1), MAX_HEADER_INTERVAL_MS);
  }

  /** Holds every request back for `seconds` (a 429's Retry-After), not only the one that got it. */
  pause(seconds: number): void {
    this.notBefore = Math.max(this.notBefore, this.now() + seconds * 1000);
  }
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

/** One limiter per API origin and limit, shared by all resources in this process. */
export function sharedRateLimiter(key: string, maxRequestsPerMinute: number): RateLimiter {
  const id = `${key} ${maxRequestsPerMinute}`;
  let limiter = sharedLimiters.get(id);
  if (!limiter) {
    limiter = new RateLimiter(maxRequestsPerMinute);
    sharedLimiters.set(id, limiter);
  }
  return limiter;
}
