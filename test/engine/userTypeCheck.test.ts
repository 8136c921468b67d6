import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/**
 * A user's `tsc --noEmit` passes: a program made from Pulumi's TypeScript template (its tsconfig,
 * without skipLibCheck) that uses the package's public types, with the packed package installed.
 * The published .d.ts files must not pull in the emulator's fastify and pino types, whose .d.ts
 * need esModuleInterop (pino.d.ts: TS1259); and `pulumi-authconfig/emulator` must resolve under
 * the template's `moduleResolution: node`, which ignores package.json `exports` (TS2307).
 */

const repo = resolve(__dirname, "../..");
const installedVersion = (name: string) => JSON.parse(readFileSync(join(repo, "node_modules", name, "package.json"), "utf8")).version as string;

/** The tsconfig.json of `pulumi new typescript`. */
const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** Every public name of the package, used as a user would. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { composio, elevenlabs, flowra, startEmulator } from "pulumi-authconfig";
import type { EmulatorOptions, FaultSettings, LoggedRequest, RunningEmulator } from "pulumi-authconfig/emulator";

const args: composio.AuthConfigArgs = {
  toolkit: "slack",
  authScheme: "OAUTH2",
  credentials: { client_id: "id", client_secret: pulumi.secret("secret") },
  proxyConfig: { proxyUrl: "https://proxy.example" },
  toolAccessConfig: { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE"] },
};
const scheme: composio.AuthScheme = "API_KEY";
const slack = new composio.AuthConfig("slack", args);
const github = new composio.AuthConfig("github", { toolkit: "github", authScheme: scheme, credentials: { api_key: "key" } });
const read = composio.AuthConfig.get("existing", "ac_123");

// Lookups: plain arguments give Promises, Inputs give Outputs; results are typed without secrets.
const filters: composio.ListAuthConfigsArgs = { toolkit: "slack", enabled: true };
const found: Promise<composio.ListAuthConfigsResult> = composio.listAuthConfigs(filters);
const one: pulumi.Output<composio.AuthConfigLookupResult> = composio.getAuthConfigOutput({ id: slack.id });
const proxyUrl: pulumi.Output<string | undefined> = one.apply((config) => config.proxyConfig?.proxyUrl);
const flowraNames: Promise<string[]> = flowra.listAuthConfigs({ provider: "flowra", managed: false }).then((r) => r.items.map((item: flowra.AuthConfigLookupResult) => item.name));
const connection: Promise<elevenlabs.AuthConnectionLookupResult> = elevenlabs.getAuthConnection({ id: "abc" });
const bearer: pulumi.Output<elevenlabs.ListAuthConnectionsResult> = elevenlabs.listAuthConnectionsOutput({ authType: pulumi.output("bearer_auth") });

const faults: FaultSettings = { rate: 0.1, kinds: ["429", "reset-after"] };
const options: EmulatorOptions = { port: 0, apiKey: "key", rateLimitPerMinute: 100, faults };

async function emulatorUrl(): Promise<string> {
  const emulator: RunningEmulator = await startEmulator(options);
  const requests = (await (await fetch(emulator.url + "/_emulator/requests")).json()) as LoggedRequest[];
  await emulator.close();
  return emulator.url + requests.length;
}

export const ids = [slack.id, github.id, read.id];
export const status: pulumi.Output<"ENABLED" | "DISABLED"> = slack.status;
export const url = emulatorUrl;
export const lookups = [found, one, proxyUrl, flowraNames, connection, bearer];
`;

describe("a TypeScript program from Pulumi's template type-checks", () => {
  let programDir = "";

  beforeAll(() => {
    programDir = mkdtempSync(join(tmpdir(), "authconfig-typecheck-"));
    const dependencies = { "@pulumi/pulumi": installedVersion("@pulumi/pulumi"), "pulumi-authconfig": `file:${inject("packedTarball")}` };
    const devDependencies = { "@types/node": installedVersion("@types/node") };
    writeFileSync(join(programDir, "package.json"), JSON.stringify({ name: "typecheck-program", private: true, dependencies, devDependencies }, null, 2));
    writeFileSync(join(programDir, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 4));
    writeFileSync(join(programDir, "index.ts"), PROGRAM);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: programDir, stdio: ["ignore", "ignore", "inherit"], timeout: 540_000 });
  });

  afterAll(() => {
    if (programDir) rmSync(programDir, { recursive: true, force: true });
  });

  it("tsc --noEmit exits 0", () => {
    const tsc = spawnSync(process.execPath, [join(repo, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", programDir], { encoding: "utf8", timeout: 240_000 });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
