import { invalidRequest } from "./apiError";

export const FAULT_KINDS = ["429", "500", "503", "reset-before", "reset-after", "delay"] as const;

/**
 * What can go wrong with one API request:
 * - `429`, `500`, `503`: answered with that status (429 and 503 with `Retry-After`) without processing;
 * - `reset-before`: the connection is dropped before processing (nothing changes);
 * - `reset-after`: the request is processed (state changes), then the connection is dropped unanswered;
 * - `delay`: the request is processed and answered after `delayMs`.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Deterministic fault injection into API requests (`POST /_emulator/faults`, `--faults`, `startEmulator({ faults })`). */
export interface FaultSettings {
  /** Probability, from 0 to 1, that an API request is faulted. */
  readonly rate: number;
  /** The kinds to choose from, uniformly (list a kind twice to make it twice as likely). */
  readonly kinds: readonly FaultKind[];
  /** Seed of the pseudo-random sequence: the same seed faults the same requests. Default 0. */
  readonly seed?: number;
  /** How long a `delay` fault holds the response, in milliseconds. Default 1000. */
  readonly delayMs?: number;
  /** The `Retry-After` of `429` and `503` faults, in seconds. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Only requests with these HTTP methods are faulted (and draw from the sequence). Default: all. */
  readonly methods?: readonly string[];
  /**
   * Only requests whose path starts with one of these prefixes are faulted (and draw from the
   * sequence), e.g. `["/v1/"]` for ElevenLabs alone. Default `["/"]`: every API.
   */
  readonly paths?: readonly string[];
}

const SETTING_NAMES = new Set(["rate", "kinds", "seed", "delayMs", "retryAfterSeconds", "methods", "paths"]);
const METHODS = ["GET", "POST", "PATCH", "DELETE"];

/** Checks fault settings from an untrusted source; throws a 400 ApiError naming the bad field. */
export function parseFaultSettings(input: unknown): Required<FaultSettings> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalidRequest("invalid_request_body", "fault settings must be a JSON object");
  }
  const settings = input as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!SETTING_NAMES.has(key)) throw invalidRequest("unknown_field", `${key} is not a known field`);
  }
  const { rate, kinds } = settings;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) {
    throw invalidRequest("invalid_field_value", "rate is required and must be a number from 0 to 1");
  }
  if (!Array.isArray(kinds) || kinds.length === 0) {
    throw invalidRequest("invalid_field_value", `kinds is required and must be a non-empty array of: ${FAULT_KINDS.join(", ")}`);
  }
  kinds.forEach((kind, i) => {
    if (!(FAULT_KINDS as readonly unknown[]).includes(kind)) {
      throw invalidRequest("invalid_field_value", `kinds[${i}] must be one of: ${FAULT_KINDS.join(", ")}`);
    }
  });
  const methods = settings.methods ?? METHODS;
  if (!Array.isArray(methods) || methods.length === 0 || methods.some((m) => !METHODS.includes(m as string))) {
    throw invalidRequest("invalid_field_value", `methods must be a non-empty array of: ${METHODS.join(", ")}`);
  }
  const paths = settings.paths ?? ["/"];
  if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== "string" || !p.startsWith("/"))) {
    throw invalidRequest("invalid_field_value", "paths must be a non-empty array of path prefixes, each starting with /");
  }
  return {
    rate,
    kinds: kinds as FaultKind[],
    methods: methods as string[],
    paths: paths as string[],
    seed: integerSetting(settings, "seed", 0, -(2 ** 31), 2 ** 32 - 1),
    delayMs: integerSetting(settings, "delayMs", 1000, 0, 600_000),
    retryAfterSeconds: integerSetting(settings, "retryAfterSeconds", 1, 0, 3600),
  };
}

function integerSetting(settings: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const value = settings[name];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest("invalid_field_value", `${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Decides, request by request, which API requests to fault. One sequence for the whole server. */
export class FaultInjector {
  private settings: Required<FaultSettings> | null = null;
  private random: () => number = () => 1;

  /** Starts a new sequence from the settings' seed. */
  set(settings: Required<FaultSettings>): void {
    this.settings = settings;
    this.random = mulberry32(settings.seed);
  }

  clear(): void {
    this.settings = null;
  }

  current(): Required<FaultSettings> | null {
    return this.settings;
  }

  /** The fault for the next API request, or undefined. */
  draw(method: string, path: string): FaultKind | undefined {
    const settings = this.settings;
    if (!settings || settings.rate === 0 || !settings.methods.includes(method)) return undefined;
    if (!settings.paths.some((prefix) => path.startsWith(prefix))) return undefined;
    if (this.random() >= settings.rate) return undefined;
    return settings.kinds[Math.floor(this.random() * settings.kinds.length)];
  }
}

/** mulberry32: a tiny seeded PRNG, good enough to spread faults and fully reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
