/**
 * pulumi-authconfig: the auth configs of AI-agent platforms as Pulumi resources.
 *
 *     import { composio, flowra } from "pulumi-authconfig";
 *     new composio.AuthConfig("slack", { toolkit: "slack", authScheme: "OAUTH2", credentials: { ... } });
 *     new flowra.AuthConfig("github", { toolkit: "github", authScheme: "OAUTH2", displayName: "GitHub prod" });
 *
 *     import { elevenlabs } from "pulumi-authconfig";
 *     new elevenlabs.AuthConnection("crm", { authType: "bearer_auth", provider: "acme", token: config.requireSecret("crmToken") });
 *
 * Lookups read configs without managing them, never returning a secret:
 *
 *     const slack = await composio.listAuthConfigs({ toolkit: "slack" });   // every page
 *     const one = composio.getAuthConfigOutput({ id: other.id });            // an Output
 */
export * as composio from "./composio";
export * as elevenlabs from "./elevenlabs";
export * as flowra from "./flowra";

/** Starts the local API emulator (see `pulumi-authconfig/emulator`). Loaded on first use. */
export async function startEmulator(options?: import("../emulator/options").EmulatorOptions): Promise<import("../emulator/options").RunningEmulator> {
  const emulator: typeof import("../emulator") = require("../emulator");
  return emulator.startEmulator(options);
}
