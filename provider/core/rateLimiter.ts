/**
 * A client-side rate limit shared by every resource in the provider process, so that a stack of
 * hundreds of configs stays under the API's per-organisation limit instead of meeting 429s.
 * It spaces requests evenly (GCRA, a token bucket without timers) and slows down further when the
 * API's X-RateLimit-Remaining says the window is nearly used up.
 */

/** Below this share of the window's limit left, requests are spread over what remains. */
const LOW_REMAINING_SHARE = 0.1;

export class RateLimiter {
  private readonly intervalMs: number;
  private readonly burstToleranceMs: number;
  /** Theoretical arrival time of the next request (GCRA). */
  private nextAt = 0;
  /** Extra spacing asked for by the API's headers; 0 when the window has room. */
  private headerIntervalMs = 0;

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

  /** Waits until one more request may be sent, and books its slot. Returns the time waited. */
  async acquire(): Promise<number> {
    const now = this.now();
    const interval = Math.max(this.intervalMs, this.headerIntervalMs);
    const start = Math.max(this.nextAt, now);
    const wait = Math.max(0, start - this.burstToleranceMs - now);
    this.nextAt = start + interval;
    if (wait > 0) await this.sleep(wait);
    return wait;
  }

  /** Reads the API's rate-limit headers from a response and adapts the spacing. */
  observe(headers: { limit?: number; remaining?: number; windowSeconds?: number }): void {
    const { limit, remaining, windowSeconds } = headers;
    if (remaining === undefined || limit === undefined || !(limit > 0)) return;
    if (remaining > limit * LOW_REMAINING_SHARE) {
      this.headerIntervalMs = 0;
      return;
    }
    const windowMs = (windowSeconds ?? 60) * 1000;
    this.headerIntervalMs = windowMs / Math.max(remaining, 1);
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
