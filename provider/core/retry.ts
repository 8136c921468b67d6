/**
 * When to retry a request and how long to wait, after undici's retry handler and octokit's
 * plugin-retry: explicit defaults, statuses that are never retried, Retry-After honoured.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff step; each retry doubles it (with full jitter). */
  readonly minDelayMs: number;
  /** Cap of one backoff step. */
  readonly maxDelayMs: number;
  /** No backoff retry starts once this much time has passed since the first attempt. */
  readonly maxElapsedMs: number;
  /** A Retry-After up to this long is honoured even past `maxElapsedMs`; a longer one ends the retries. */
  readonly maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 8, minDelayMs: 250, maxDelayMs: 8_000, maxElapsedMs: 60_000, maxRetryAfterSeconds: 60 };

/** Statuses worth another try: the server was busy or failed, not the request. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** How an attempt ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterSeconds?: number }
  /** No answer. `maybeProcessed` is false only when the request provably never left (connection refused). */
  | { readonly kind: "no-answer"; readonly maybeProcessed: boolean; readonly reason: string };

/**
 * Whether an attempt may be repeated. GET, PATCH and DELETE are idempotent here (true-PATCH bodies
 * set values, they do not add to them), so any transient failure is retried. POST creates, so it is
 * retried only when the server provably did not act on it: refused before sending, 429, or 503 with
 * Retry-After (the server saying "not now").
 */
export function isRetryable(method: string, outcome: AttemptOutcome): boolean {
  if (method.toUpperCase() !== "POST") {
    return outcome.kind === "no-answer" || RETRYABLE_STATUSES.has(outcome.status);
  }
  if (outcome.kind === "no-answer") return !outcome.maybeProcessed;
  return outcome.status === 429 || (outcome.status === 503 && outcome.retryAfterSeconds !== undefined);
}

/**
 * The wait before retry number `retry` (1-based): exponential backoff with full jitter, but never
 * less than what the server asked for with Retry-After.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (retry - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  const asked = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 0;
  return Math.round(Math.max(jittered, asked));
}

/** Parses a Retry-After header: delta seconds or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
