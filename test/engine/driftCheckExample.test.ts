import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pluginSettingKey } from "../../provider/plugin/providerConfig";
import { API_KEY, EngineWorld } from "./harness";
import { KeyGate, startKeyGate } from "./keyGate";

/**
 * examples/drift-check/drift-check.mjs run as a CI job runs it: a child process with the real CLI on
 * PATH and the world's environment, against the emulator. The same steps for a TypeScript program
 * (dynamic resources) and a Pulumi YAML program (the native plugin): clean, a key rotated with only
 * `pulumi config set`, drift by hand (a field, a secret key removed, a secret rewritten, a delete),
 * a wrong key, the API down. The Composio key goes through a key gate, so a rotation revokes the old key.
 */

const SCRIPT = resolve(__dirname, "../../examples/drift-check/drift-check.mjs");

const CANARIES = {
  slackSecret: "canary-drift-slack-secret-3e9a",
  notionSecret: "canary-drift-notion-secret-b7c4",
  notionRewritten: "canary-drift-notion-rewritten-51d0",
  crmSecret: "canary-drift-crm-secret-8f26",
};
const OLD_KEY = "canary-drift-old-key-0c7d";
const NEW_KEY = "canary-drift-new-key-d2a1";
const WRONG_KEY = "canary-drift-wrong-key-64be";
const SECRETS = [...Object.values(CANARIES), OLD_KEY, NEW_KEY, WRONG_KEY, API_KEY];

// Preloaded into the program, the provider and the script: nothing may connect anywhere but loopback.
const LOOPBACK_ONLY = { NODE_OPTIONS: `--require ${join(__dirname, "loopbackOnly.cjs")}`, HTTPS_PROXY: "", HTTP_PROXY: "", https_proxy: "", http_proxy: "" };

/** What the stack declares: two Composio configs (their key rotates) and an ElevenLabs connection. */
const RESOURCES = {
  slack: {
    kind: "composio",
    args: { toolkit: "slack", authScheme: "OAUTH2", credentials: { client_id: "slack-client-id", client_secret: CANARIES.slackSecret }, toolAccessConfig: { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE"] } },
  },
  notion: {
    kind: "composio",
    args: { toolkit: "notion", authScheme: "OAUTH2", credentials: { client_id: "notion-client-id", client_secret: CANARIES.notionSecret } },
  },
  crm: {
    kind: "elevenlabs",
    args: { authType: "oauth2_client_credentials", provider: "salesforce", clientId: "crm-client-id", clientSecret: CANARIES.crmSecret, tokenUrl: "https://login.example/token", scopes: ["contacts.read"] },
  },
} as const;
type Name = keyof typeof RESOURCES;

/** A TypeScript program's dynamic resources, or a YAML program's resources of the plugin. */
interface Mode {
  readonly label: string;
  readonly plugin: boolean;
  /** The type tokens the summary names. */
  readonly types: Record<"composio" | "elevenlabs", string>;
}

const MODES: Mode[] = [
  { label: "TypeScript program, dynamic resources", plugin: false, types: { composio: "pulumi-nodejs:dynamic/composio:AuthConfig", elevenlabs: "pulumi-nodejs:dynamic/elevenlabs:AuthConnection" } },
  { label: "Pulumi YAML program, native plugin", plugin: true, types: { composio: "authconfig:composio:AuthConfig", elevenlabs: "authconfig:elevenlabs:AuthConnection" } },
];

/** A Pulumi.yaml (JSON is YAML) declaring RESOURCES with the installed package's plugin. */
function writeYamlProgram(dir: string): void {
  const tokens = { composio: "authconfig:composio:AuthConfig", elevenlabs: "authconfig:elevenlabs:AuthConnection" };
  const project = {
    name: "authconfig-drift-check-yaml",
    runtime: "yaml",
    plugins: { providers: [{ name: "authconfig", path: join(inject("programDir"), "node_modules", "pulumi-authconfig", "dist", "plugin") }] },
    resources: Object.fromEntries(Object.entries(RESOURCES).map(([name, r]) => [name, { type: tokens[r.kind], properties: r.args }])),
    outputs: Object.fromEntries(Object.keys(RESOURCES).map((name) => [name, { id: `\${${name}.id}` }])),
  };
  writeFileSync(join(dir, "Pulumi.yaml"), JSON.stringify(project, null, 2));
}

describe.each(MODES)("examples/drift-check on a stack of a $label", (mode) => {
  let world: EngineWorld;
  let gate: KeyGate;
  let yamlDir: string | undefined;
  const ids = {} as Record<Name, string>;
  const setting = (namespace: string, name: string) => (mode.plugin ? pluginSettingKey(namespace, name) : `${namespace}:${name}`);
  const line = (text: string, name: Name) => text.split("\n").find((l) => l.includes(`${mode.types[RESOURCES[name].kind]} "${name}"`));

  /** Runs the script for this stack; `output` is stdout and stderr together. */
  function driftCheck(): Promise<{ code: number | null; stdout: string; output: string }> {
    const { cwd, env } = world.cli();
    return new Promise((done) => {
      execFile(process.execPath, [SCRIPT, "--stack", world.stack.name], { cwd, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        done({ code, stdout, output: `${stdout}${stderr}` });
      });
    });
  }

  function expectNoSecretShown(text: string): void {
    for (const secret of SECRETS) {
      expect(text, `the script printed ${secret}`).not.toContain(secret);
      expect(world.output, `CLI output holds ${secret}`).not.toContain(secret);
      expect(world.persistedState(), `state holds ${secret}`).not.toContain(secret);
    }
  }

  beforeAll(async () => {
    if (mode.plugin) {
      yamlDir = mkdtempSync(join(tmpdir(), "authconfig-drift-yaml-"));
      writeYamlProgram(yamlDir);
    }
    // No retries: the API-down step fails at once.
    world = await EngineWorld.create(mode.plugin ? "drift-yaml" : "drift-ts", { plugin: mode.plugin, programDir: yamlDir, env: LOOPBACK_ONLY });
    gate = await startKeyGate(world.emulatorUrl, API_KEY, OLD_KEY);
    await world.stack.setConfig(setting("composio", "baseUrl"), { value: gate.url });
    await world.stack.setConfig(setting("composio", "apiKey"), { value: OLD_KEY, secret: true });
    await world.stack.setConfig(setting("composio", "maxRetries"), { value: "0" });
    if (!mode.plugin) world.declare(Object.entries(RESOURCES).map(([name, r]) => ({ name, kind: r.kind, args: r.args })));
    await world.up();
    const outputs = await world.stack.outputs();
    for (const name of Object.keys(RESOURCES) as Name[]) ids[name] = (outputs[name].value as { id: string }).id;
  });

  afterAll(async () => {
    await world?.dispose();
    await gate?.close();
    if (yamlDir) rmSync(yamlDir, { recursive: true, force: true });
  });

  it("a clean stack: exit 0, no drift", async () => {
    const check = await driftCheck();
    expect(check.output).toContain("no drift");
    expect(check.code, check.output).toBe(0);
    expectNoSecretShown(check.output);
  });

  it("after the API key is rotated with only `pulumi config set` (the old key revoked): exit 0, and only the new key was sent", async () => {
    gate.accept(NEW_KEY);
    await world.stack.setConfig(setting("composio", "apiKey"), { value: NEW_KEY, secret: true });
    const from = gate.presentedKeys.length;
    const check = await driftCheck();
    expect(check.code, check.output).toBe(0);
    expect(check.output).toContain("no drift");
    const presented = gate.presentedKeys.slice(from);
    expect(presented.length, "the check read the Composio configs").toBeGreaterThan(0);
    expect(new Set(presented)).toEqual(new Set([NEW_KEY]));
    expectNoSecretShown(check.output);
  });

  describe("drift made by hand through the API", () => {
    let check: { code: number | null; stdout: string; output: string };

    beforeAll(async () => {
      // slack: a field changed and a secret key removed; notion: a secret rewritten (masked when read); crm: deleted.
      const slack = await world.api("PATCH", `/api/v3/auth_configs/${ids.slack}`, {
        type: "custom",
        tool_access_config: { tools_available_for_execution: ["SLACK_DELETE_CHANNEL"] },
        credentials: { client_secret: null },
      });
      expect(slack.status).toBe(200);
      const notion = await world.api("PATCH", `/api/v3/auth_configs/${ids.notion}`, { type: "custom", credentials: { client_secret: CANARIES.notionRewritten } });
      expect(notion.status).toBe(200);
      const crm = await world.api("DELETE", `/v1/workspace/auth-connections/${ids.crm}`);
      expect(crm.status).toBeLessThan(300);
      check = await driftCheck();
    });

    it("exit 1, one summary line for each of the three resources", () => {
      expect(check.code, check.output).toBe(1);
      expect(check.stdout).toContain("drift in 3 resources");
      for (const name of Object.keys(RESOURCES) as Name[]) expect(line(check.stdout, name), `a line for ${name}:\n${check.stdout}`).toBeDefined();
    });

    it("the changed resource's line names the changed field and the removed secret key", () => {
      const slack = line(check.stdout, "slack")!;
      expect(slack).toContain("changed outside Pulumi");
      expect(slack).toContain("toolAccessConfig.toolsAvailableForExecution");
      expect(slack).toContain("credentials.client_secret (removed, secret)");
    });

    it("the deleted resource is reported as deleted outside Pulumi", () => {
      expect(line(check.stdout, "crm")).toContain("deleted outside Pulumi");
    });

    it("a secret rewritten by hand (only the API's timestamp moved) is reported from the provider's own report", () => {
      const notion = line(check.stdout, "notion")!;
      expect(notion).toContain("may have changed outside Pulumi");
      expect(notion).toContain("a secret may have been changed by hand");
    });

    it("no value is shown: neither the new field value nor any secret", () => {
      expect(check.output).not.toContain("SLACK_DELETE_CHANNEL");
      expect(check.output).not.toContain("SLACK_SEND_MESSAGE");
      // The API masks a secret to its first 4 characters: not even that.
      expect(check.output).not.toContain(`${CANARIES.notionRewritten.slice(0, 4)}...`);
      expectNoSecretShown(check.output);
    });
  });

  it("a wrong API key: exit 2 with the provider's 401, naming where the key came from, and no key", async () => {
    await world.stack.setConfig(setting("composio", "apiKey"), { value: WRONG_KEY, secret: true });
    const check = await driftCheck();
    expect(check.code, check.output).toBe(2);
    expect(check.output).toContain("could not check");
    expect(check.output).toMatch(/composio\.AuthConfig "(slack|notion)": read failed: .* answered 401/);
    expect(check.output).toContain(`stack config ${setting("composio", "apiKey")}`);
    expect(check.output).not.toContain("drift in");
    expectNoSecretShown(check.output);
  });

  it("the API down: exit 2 with the provider's error, and no key", async () => {
    await world.stack.setConfig(setting("composio", "apiKey"), { value: NEW_KEY, secret: true });
    await gate.close();
    const check = await driftCheck();
    expect(check.code, check.output).toBe(2);
    expect(check.output).toMatch(/composio\.AuthConfig "(slack|notion)": read failed: .*got no answer: connection refused/);
    expect(check.output).toContain(`stack config ${setting("composio", "baseUrl")}`);
    expectNoSecretShown(check.output);
  });
});
