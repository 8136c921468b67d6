/**
 * What the benchmark measures: this package's three resources, each the dynamic way and through the
 * native plugin, and a floor for each way (a provider that does no work and sends nothing: the engine's
 * own cost), plus the naive Composio provider (whole-body updates, one GET per read).
 */
export type Kind = "floor" | "naive" | "composio" | "flowra" | "elevenlabs" | "plugin-floor" | "plugin-composio" | "plugin-flowra" | "plugin-elevenlabs";

export const ALL_KINDS: readonly Kind[] = ["floor", "naive", "composio", "flowra", "elevenlabs", "plugin-floor", "plugin-composio", "plugin-flowra", "plugin-elevenlabs"];

/** How the engine runs a kind's provider: a dynamic provider in the program, or a native plugin named by Pulumi.yaml. */
export type Way = "dynamic" | "plugin";

export interface KindSpec {
  readonly way: Way;
  /** The type token its resources have in state. */
  readonly type: string;
  /** The floor its times are compared with: the one of its way. */
  readonly floor: Kind;
  /** The native plugin that serves it (Pulumi.yaml plugins.providers[].name), for the plugin way. */
  readonly plugin?: "authconfig" | "benchfloor";
  /** What resource i declares, with `tool` as the one field an update changes. */
  args(i: number, tool: string): Record<string, unknown>;
}

const composioArgs = (i: number, tool: string) => ({ toolkit: "slack", authScheme: "OAUTH2", credentials: { client_id: `client-${i}`, client_secret: `bench-secret-${i}` }, toolAccessConfig: { toolsAvailableForExecution: [tool] } });
const flowraArgs = (i: number, tool: string) => ({ toolkit: "github", authScheme: "OAUTH2", credentials: { client_id: `client-${i}`, client_secret: `bench-secret-${i}` }, restrictToFollowingTools: [tool] });
const elevenlabsArgs = (i: number, tool: string) => ({ authType: "oauth2_client_credentials", provider: "acme-crm", clientId: `client-${i}`, clientSecret: `bench-secret-${i}`, tokenUrl: "https://auth.acme.example/token", scopes: [tool] });

const dynamic = (type: string, args: KindSpec["args"]): KindSpec => ({ way: "dynamic", type: `pulumi-nodejs:dynamic/${type}`, floor: "floor", args });
const plugin = (plugin: KindSpec["plugin"], type: string, args: KindSpec["args"]): KindSpec => ({ way: "plugin", type, floor: "plugin-floor", plugin, args });

export const KIND_SPECS: Record<Kind, KindSpec> = {
  floor: dynamic("bench:Floor", composioArgs),
  naive: dynamic("bench:NaiveComposio", composioArgs),
  composio: dynamic("composio:AuthConfig", composioArgs),
  flowra: dynamic("flowra:AuthConfig", flowraArgs),
  elevenlabs: dynamic("elevenlabs:AuthConnection", elevenlabsArgs),
  "plugin-floor": plugin("benchfloor", "benchfloor:index:Floor", composioArgs),
  "plugin-composio": plugin("authconfig", "authconfig:composio:AuthConfig", composioArgs),
  "plugin-flowra": plugin("authconfig", "authconfig:flowra:AuthConfig", flowraArgs),
  "plugin-elevenlabs": plugin("authconfig", "authconfig:elevenlabs:AuthConnection", elevenlabsArgs),
};
