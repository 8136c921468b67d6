import type { CallContext } from "./definition";
import type { FailureContext } from "./errors";

interface Waiter<T> {
  readonly ctx: CallContext;
  resolve(items: T[]): void;
  reject(error: unknown): void;
}

/**
 * One list request shared by the callers that ask at about the same time, for an API whose lookups
 * list everything (ElevenLabs' lookups by name, after a create): many creates at once cost a few
 * list requests instead of one each. (Reads by id go through coalescedReads.ts.)
 *
 * Callers of the same tick share one request. A caller that asks while a request is in flight does
 * not join it (that request may have been sent before the caller's own write was answered) but
 * waits for it and shares the next one with everyone else who asked meanwhile. So every caller gets
 * a list that was requested after it asked: a read after a write sees the write.
 *
 * The request names the first caller; a failure reaches each other caller as a copy naming that
 * caller instead, and the secrets of every caller are scrubbed from it.
 */
export class CoalescedList<T> {
  /** Callers waiting for the next request. */
  private waiting: Waiter<T>[] | undefined;
  /** Settles (never rejects) when the request in flight has been answered and handed out. */
  private inFlight: Promise<void> | undefined;

  constructor(private readonly fetchAll: (ctx: CallContext) => Promise<T[]>) {}

  list(ctx: CallContext): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      if (this.waiting) {
        this.waiting.push({ ctx, resolve, reject });
        return;
      }
      this.waiting = [{ ctx, resolve, reject }];
      const start = () => this.start();
      if (this.inFlight) void this.inFlight.then(start);
      else setImmediate(start);
    });
  }

  private start(): void {
    const waiters = this.waiting ?? [];
    this.waiting = undefined;
    const shared: CallContext = { ...waiters[0].ctx, secrets: [...new Set(waiters.flatMap((waiter) => waiter.ctx.secrets))] };
    this.inFlight = this.fetchAll(shared).then(
      (items) => {
        this.inFlight = undefined;
        for (const waiter of waiters) waiter.resolve(items);
      },
      (error: unknown) => {
        this.inFlight = undefined;
        for (const waiter of waiters) waiter.reject(errorFor(error, shared, waiter.ctx));
      },
    );
  }
}

/** The failure as `own` should see it: the message names its resource and operation, not those of the caller that sent the request. */
export function errorFor(error: unknown, shared: FailureContext, own: FailureContext): unknown {
  const sharedPrefix = `${shared.resource}: ${shared.operation} failed`;
  const ownPrefix = `${own.resource}: ${own.operation} failed`;
  if (!(error instanceof Error) || ownPrefix === sharedPrefix || !error.message.startsWith(sharedPrefix)) return error;
  // Same class and fields (code, status, body...), so callers can still tell the kind of failure.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error)) as Error, error);
  const message = ownPrefix + error.message.slice(sharedPrefix.length);
  Object.defineProperty(copy, "message", { value: message, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(copy, "stack", { value: `${error.name}: ${message}\n${(error.stack ?? "").split("\n").slice(1).join("\n")}`, writable: true, configurable: true, enumerable: false });
  return copy;
}
