import type { AddressInfo } from "node:net";
import { buildEmulatorServer, EmulatorServerOptions } from "./server";

export type { ApiName } from "./core/emulatedApi";
export type { FaultKind, FaultSettings } from "./core/faults";
export type { LoggedRequest } from "./core/requestLog";

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

/**
 * Starts the local emulator of the platforms' auth-config APIs on loopback: Composio v3 under
 * `/api/v3` and `/api/v3.1`, Flowra v1 under `/api/v1`, ElevenLabs auth connections under
 * `/v1/workspace/auth-connections`; control endpoints under `/_emulator/`.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { port, host, ...serverOptions } = options;
  const app = buildEmulatorServer(serverOptions);
  try {
    await app.listen({ port: port ?? 0, host: host ?? "127.0.0.1" });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: async () => {
      await app.close();
    },
  };
}
