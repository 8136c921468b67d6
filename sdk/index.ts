/**
 * pulumi-authconfig: the auth configs of AI-agent platforms as Pulumi resources.
 *
 *     import { composio } from "pulumi-authconfig";
 *     new composio.AuthConfig("slack", { toolkit: "slack", authScheme: "OAUTH2", credentials: { ... } });
 *
 *     import { elevenlabs } from "pulumi-authconfig";
 *     new elevenlabs.AuthConnection("crm", { authType: "bearer_auth", provider: "acme", token: config.requireSecret("crmToken") });
 */
export * as composio from "./composio";
export * as elevenlabs from "./elevenlabs";

/** Starts the local API emulator (see `pulumi-authconfig/emulator`). Loaded on first use. */
export async function startEmulator(options?: import("../emulator").EmulatorOptions): Promise<import("../emulator").RunningEmulator> {
  const emulator: typeof import("../emulator") = require("../emulator");
  return emulator.startEmulator(options);
}
