/** Where one API key stands in its current one-minute window. */
export interface RateWindow {
  /** Requests allowed per window. */
  readonly limit: number;
  /** Requests left in the current window. */
  readonly remaining: number;
  /** Whole seconds until the window ends (at least 1). */
  readonly resetInSeconds: number;
}

export const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per API key. The window opens with the key's first counted request
 * (not on clock minutes) so that a test exhausting a small limit never straddles a boundary.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`; `allowed` is false (and nothing is counted) when the window is used up. */
  take(key: string): { allowed: boolean; window: RateWindow } {
    const window = this.current(key);
    const allowed = window.used < this.limitPerMinute;
    if (allowed) window.used += 1;
    return { allowed, window: this.describe(window) };
  }

  /** The key's window without counting a request. */
  peek(key: string): RateWindow {
    return this.describe(this.current(key));
  }

  reset(): void {
    this.windows.clear();
  }

  private current(key: string): { start: number; used: number } {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now >= window.start + WINDOW_MS) {
      if (this.windows.size > 1000) this.forgetExpired(now);
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private describe(window: { start: number; used: number }): RateWindow {
    const msLeft = window.start + WINDOW_MS - this.now();
    return {
      limit: this.limitPerMinute,
      remaining: Math.max(0, this.limitPerMinute - window.used),
      resetInSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
    };
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) if (now >= window.start + WINDOW_MS) this.windows.delete(key);
  }
}
