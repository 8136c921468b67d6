import { invalidRequest } from "./apiError";

/** Ten years: far enough for any test, near enough that every timestamp stays a valid date. */
const MAX_OFFSET_MS = 10 * 365 * 24 * 3600 * 1000;

/**
 * The server's clock: real time plus an offset. Every timestamp an API reports comes from it, so a
 * test can put the server behind or ahead of its client (`clockOffsetMs`, `POST /_emulator/clock`).
 * Rate-limit windows do not use it: they measure durations, not dates.
 */
export class EmulatorClock {
  constructor(private offset = 0) {}

  get offsetMs(): number {
    return this.offset;
  }

  setOffset(offsetMs: number): void {
    this.offset = offsetMs;
  }

  /** Milliseconds since the epoch, as the server sees it. */
  now(): number {
    return Date.now() + this.offset;
  }

  /** `now()` as an ISO 8601 string. */
  isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}

/** Checks a clock offset from an untrusted source; throws a 400 ApiError naming `name`. */
export function parseClockOffset(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > MAX_OFFSET_MS) {
    throw invalidRequest("invalid_field_value", `${name} must be an integer number of milliseconds from -${MAX_OFFSET_MS} to ${MAX_OFFSET_MS}`);
  }
  return value;
}
