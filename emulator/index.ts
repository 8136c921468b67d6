import type { AddressInfo } from "node:net";
import { buildEmulatorServer } from "./server";
import type { EmulatorOptions, RunningEmulator } from "./options";

export type { ApiName } from "./options";
export type { FaultKind, FaultSettings } from "./core/faults";
export type { LoggedRequest } from "./core/loggedRequest";
export type { EmulatorOptions, RunningEmulator } from "./options";

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
