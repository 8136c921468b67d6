import type { FaultSettings } from "./core/faults";

// The emulator's public types, kept apart from the server: the SDK's .d.ts files reference this
// file, and must not reach fastify's types (pino.d.ts needs esModuleInterop: TS1259 in users' tsc).

/** How to run the emulator. Every field is optional. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** The only API key accepted; without it any non-empty key is. */
  readonly apiKey?: string;
  /** Requests per API key per one-minute window. Default 10000 (Composio Pro). */
  readonly rateLimitPerMinute?: number;
  /** Faults to inject from the first request on, as for `POST /_emulator/faults`. */
  readonly faults?: FaultSettings;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** Stops listening and waits for requests in flight. */
  close(): Promise<void>;
}
