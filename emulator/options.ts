import type { FaultSettings } from "./core/faults";

// The emulator's public types, kept apart from the server: the SDK's .d.ts files reference this
// file, and must not reach fastify's types (pino.d.ts needs esModuleInterop: TS1259 in users' tsc).

/** The emulated APIs. */
export const API_NAMES = ["composio", "flowra", "elevenlabs"] as const;
export type ApiName = (typeof API_NAMES)[number];

/** How the server behaves. Every field is optional. */
export interface EmulatorServerOptions {
  /** The only API key accepted, by every API; without it any non-empty key is. */
  readonly apiKey?: string;
  /** The only key one API accepts, overriding `apiKey` for that API. */
  readonly apiKeys?: Readonly<Partial<Record<ApiName, string>>>;
  /** Requests per API key per one-minute window, for each API. Default 10000 (Composio Pro). */
  readonly rateLimitPerMinute?: number;
  /** Faults to inject from the first request on, as for `POST /_emulator/faults`. */
  readonly faults?: FaultSettings;
  /** A fixed delay, in milliseconds, before every API request is processed (control endpoints: none). Default 0. */
  readonly latencyMs?: number;
  /**
   * Added to the real time to give the server's clock, from which every reported timestamp comes
   * (`created_at`, `updatedAt`, `status_updated_at`...). May be negative. Default 0.
   */
  readonly clockOffsetMs?: number;
  /** Composio only: a name another live config of the same toolkit has is a 409 `duplicate_name`. Default false. */
  readonly uniqueNames?: boolean;
  /** The clock of rate-limit windows (tests pass a fake one). */
  readonly now?: () => number;
}

/**
 * How to run the emulator. Every field is optional. Besides `port` and `host`: `apiKey`, `apiKeys`,
 * `rateLimitPerMinute`, `faults`, `latencyMs`, `clockOffsetMs` and `uniqueNames` (see each field).
 */
export interface EmulatorOptions extends Omit<EmulatorServerOptions, "now"> {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1 (loopback only). */
  readonly host?: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** Stops listening and waits for requests in flight. */
  close(): Promise<void>;
}
