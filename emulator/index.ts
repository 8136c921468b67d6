import type { AddressInfo } from "node:net";
import { buildEmulatorServer } from "./server";
import type { EmulatorOptions, RunningEmulator } from "./options";

export type { FaultKind, FaultSettings } from "./core/faults";
export type { LoggedRequest } from "./core/loggedRequest";
export type { EmulatorOptions, RunningEmulator } from "./options";

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
