import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { startEmulator } from "../../emulator";
import { API_KEY, EngineWorld, RecordedRequest } from "./harness";
import { errorLines, expectSucceeds, failureOf, inWorld } from "./inspect";

/**
 * How the plugin gets its settings and how the engine finds it, through the real CLI: the
 * environment as fallback for what provider configuration leaves unset, errors that name the
 * plugin's own keys, and `pulumi plugin install --file` instead of Pulumi.yaml's plugins section.
 */

const ARGS = { toolkit: "slack", authScheme: "OAUTH2", credentials: { client_id: "id", client_secret: "canary-plugin-config-secret-2b6d" } };
const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");

describe.concurrent("the plugin's configuration", () => {
  it("what stack config leaves unset comes from the environment (COMPOSIO_API_KEY, COMPOSIO_BASE_URL)", async () => {
    const fromEnv = await startEmulator({ port: 0, apiKey: API_KEY });
    try {
      await inWorld("plugin-env", { plugin: true, env: { COMPOSIO_API_KEY: API_KEY, COMPOSIO_BASE_URL: fromEnv.url } }, async (world) => {
        await world.stack.removeConfig("authconfig:composioApiKey");
        await world.stack.removeConfig("authconfig:composioBaseUrl");
        world.declare([{ name: "main", args: ARGS }]);
        await expectSucceeds(world, "up", () => world.up());
        const sent = writes((await (await fetch(`${fromEnv.url}/_emulator/requests`)).json()) as RecordedRequest[]);
        expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/v3/auth_configs"]);
        expect(writes(await world.requests())).toEqual([]);
      });
    } finally {
      await fromEnv.close();
    }
  });

  it("a refused key names where it came from with the plugin's names: stack config authconfig:composioApiKey, or the explicit provider's property", async () => {
    const wrongKey = "canary-wrong-key-plugin-71c0";
    await inWorld("plugin-wrong-key", { plugin: true }, async (world) => {
      world.declare([{ name: "viaProvider", args: ARGS, provider: "wrong" }], [{ name: "wrong", args: { composioApiKey: wrongKey, composioBaseUrl: world.emulatorUrl } }]);
      const viaProvider = await failureOf(world, () => world.up());
      expect(viaProvider, "up with a refused key must fail").toBeDefined();
      expect(errorLines(viaProvider!).join("\n")).toContain('The API key used came from property composioApiKey of provider "wrong" (sha256 fingerprint');

      await world.stack.setConfig("authconfig:composioApiKey", { value: wrongKey, secret: true });
      world.declare([{ name: "viaStackConfig", args: ARGS }]);
      const viaStack = await failureOf(world, () => world.up());
      expect(viaStack, "up with a refused key must fail").toBeDefined();
      expect(errorLines(viaStack!).join("\n")).toContain("The API key used came from stack config authconfig:composioApiKey (sha256 fingerprint");
      expect(world.persistedState()).not.toContain(wrongKey);
      expect(world.output).not.toContain(wrongKey);
      expect(world.output).not.toContain(ARGS.credentials.client_secret);
    });
  });

  it("pulumi plugin install resource authconfig <version> --file <dir> serves a program whose Pulumi.yaml names no plugin", async () => {
    const pluginDir = join(inject("programDir"), "node_modules", "pulumi-authconfig", "dist", "plugin");
    const { version } = JSON.parse(readFileSync(join(inject("programDir"), "node_modules", "pulumi-authconfig", "package.json"), "utf8")) as { version: string };
    // The plugin program without Pulumi.yaml's plugins section.
    const programDir = mkdtempSync(join(tmpdir(), "authconfig-plugin-installed-"));
    cpSync(join(inject("pluginProgramDir"), "index.js"), join(programDir, "index.js"));
    symlinkSync(join(inject("programDir"), "node_modules"), join(programDir, "node_modules"));
    const project = readFileSync(join(inject("pluginProgramDir"), "Pulumi.yaml"), "utf8");
    writeFileSync(join(programDir, "Pulumi.yaml"), project.slice(0, project.indexOf("plugins:")));
    try {
      await inWorld("plugin-installed", { plugin: true, programDir }, async (world) => {
        world.declare([{ name: "main", args: ARGS }]);
        const before = await failureOf(world, () => world.preview());
        expect(before, "without the plugin installed, preview must fail").toBeDefined();
        expect(before).toContain("no resource plugin 'pulumi-resource-authconfig' found in the workspace or on your $PATH");

        const install = await world.run(["plugin", "install", "resource", "authconfig", version, "--file", pluginDir], { stack: false });
        expect(install.code, install.output).toBe(0);
        await expectSucceeds(world, "up", () => world.up());
        expect(writes(await world.requests()).map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/v3/auth_configs"]);
        const listed = await world.run(["plugin", "ls"], { stack: false });
        expect(listed.output).toMatch(new RegExp(`authconfig\\s+resource\\s+${version.replace(/\./g, "\\.")}`));
      });
    } finally {
      rmSync(programDir, { recursive: true, force: true });
    }
  });
});
