import type { AddressInfo } from "node:net";
import { buildEmulatorServer } from "./server";
import type { FaultSettings } from "./core/faults";

export type { FaultKind, FaultSettings } from "./core/faults";
export type { LoggedRequest } from "./core/requestLog";

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

/**
 * Starts the local emulator of the platforms' auth-config APIs (Composio v3 under `/api/v3` and
 * `/api/v3.1`) on loopback, with its control endpoints under `/_emulator/`.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const app = buildEmulatorServer(options);
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: async () => {
      await app.close();
    },
  };
}
