import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { API_KEY, EngineWorld, RecordedRequest } from "./harness";

/**
 * examples/gitops as a team runs it: a copy of the folder, the package installed beside it (the
 * plugin named by its Pulumi.yaml), the secrets set with `pulumi config set --secret`, then edits
 * of the YAML applied with `up`. Each step checks that `up` writes exactly what the edit asks.
 */

const EXAMPLE = resolve(__dirname, "../../examples/gitops");

/** The example's secrets, as its config block names them: distinctive values never in state, output or the stack's config file. */
const SECRETS = {
  slackClientSecret: "canary-gitops-slack-2c8d",
  githubClientSecret: "canary-gitops-github-7f19",
  crmClientSecret: "canary-gitops-crm-e05a",
};
const ADDED_SECRET = "canary-gitops-discord-41b7";
const ROTATED_SECRET = "canary-gitops-github-rotated-b3e2";
/** The secret of a config made by hand (which the API masks) and the one declared over it once adopted. */
const BY_HAND_SECRET = "canary-gitops-byhand-90d4";
const ADOPTED_SECRET = "canary-gitops-adopted-6a5c";
const CANARIES = [...Object.values(SECRETS), ADDED_SECRET, ROTATED_SECRET, BY_HAND_SECRET, ADOPTED_SECRET, API_KEY];

const COMPOSIO = "/api/v3/auth_configs";
const FLOWRA = "/api/v1/auth_configs";
const ELEVENLABS = "/v1/workspace/auth-connections";

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");
const summary = (requests: readonly RecordedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

describe.sequential("examples/gitops: a Pulumi YAML project, edited and applied with up", () => {
  let world: EngineWorld;
  let dir = "";
  let ids: Record<string, string> = {};
  const program = () => join(dir, "Pulumi.yaml");

  /** Changes the YAML as a reviewer would see it in a pull request; `from` must be in it exactly once. */
  function edit(from: string, to: string): void {
    const text = readFileSync(program(), "utf8");
    expect(text.split(from), `Pulumi.yaml holds ${JSON.stringify(from)} once`).toHaveLength(2);
    writeFileSync(program(), text.replace(from, to));
  }

  async function up(): Promise<RecordedRequest[]> {
    await world.clearRequests();
    await world.up();
    return writes(await world.requests());
  }

  async function setSecret(key: string, value: string): Promise<void> {
    const set = await world.run(["config", "set", "--secret", key, value]);
    expect(set.code, set.output).toBe(0);
  }

  /** After every step: no secret in the state files or anything the CLI printed, and the stack's config file holds them encrypted only. */
  function expectSecretsKeptSecret(): void {
    const state = world.persistedState();
    const stackConfig = readFileSync(join(dir, `Pulumi.${world.stack.name}.yaml`), "utf8");
    for (const canary of CANARIES) {
      expect(state, `state holds ${canary}`).not.toContain(canary);
      expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
      expect(stackConfig, `Pulumi.<stack>.yaml holds ${canary}`).not.toContain(canary);
    }
    for (const key of Object.keys(SECRETS)) expect(stackConfig).toMatch(new RegExp(`authconfig-gitops:${key}:\\n\\s+secure: v1:`));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "authconfig-gitops-"));
    // The project as committed: not a node_modules or stack file someone left in the example folder.
    cpSync(EXAMPLE, dir, { recursive: true, filter: (source) => !/node_modules|Pulumi\.[^/]+\.yaml$/.test(source.slice(EXAMPLE.length)) });
    // `npm ci` in the example, as its README says: here the package globalSetup packed and installed.
    symlinkSync(join(inject("programDir"), "node_modules"), join(dir, "node_modules"));
    world = await EngineWorld.create("gitops", { programDir: dir, plugin: true });
  });

  afterAll(async () => {
    await world?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a secret set without --secret is refused before anything runs; set with it, it is stored encrypted", async () => {
    await setSecret("githubClientSecret", SECRETS.githubClientSecret);
    await setSecret("crmClientSecret", SECRETS.crmClientSecret);
    const plain = await world.run(["config", "set", "slackClientSecret", "not-a-secret-yet"]);
    expect(plain.code, plain.output).toBe(0);
    const refused = await world.run(["preview"]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("with configuration key 'slackClientSecret' must be encrypted as it's secret");
    expect(await world.requests()).toEqual([]);

    await setSecret("slackClientSecret", SECRETS.slackClientSecret);
    expectSecretsKeptSecret();
  });

  it("the schema the plugin serves is what checks the YAML: a misspelled property fails the preview naming the real ones", async () => {
    const schema = await world.run(["package", "get-schema", "./node_modules/pulumi-authconfig/dist/plugin/pulumi-resource-authconfig"], { stack: false });
    expect(schema.code, schema.output).toBe(0);
    expect(Object.keys(JSON.parse(schema.output).resources).sort()).toEqual(["authconfig:composio:AuthConfig", "authconfig:elevenlabs:AuthConnection", "authconfig:flowra:AuthConfig"]);

    const original = readFileSync(program(), "utf8");
    edit("      toolAccessConfig:\n        toolsAvailableForExecution:", "      toolAcessConfig:\n        toolsAvailableForExecution:");
    const misspelled = await world.run(["preview"]);
    writeFileSync(program(), original);
    expect(misspelled.code).not.toBe(0);
    expect(misspelled.output).toContain("toolAcessConfig");
    expect(misspelled.output).toMatch(/Existing properties are: .*toolAccessConfig/);
    expect(await world.requests()).toEqual([]);
  });

  it("up creates each declared config, one POST each, with the secrets from stack config", async () => {
    expect((await world.preview()).changeSummary).toEqual({ create: 4 });
    expect(await world.requests()).toEqual([]);
    const sent = await up();
    expect(summary(sent).sort()).toEqual([`POST ${COMPOSIO}`, `POST ${ELEVENLABS}`, `POST ${FLOWRA}`].sort());
    const body = (path: string) => JSON.stringify(sent.find((r) => r.path === path)!.body);
    expect(body(COMPOSIO)).toContain(SECRETS.slackClientSecret);
    expect(body(FLOWRA)).toContain(SECRETS.githubClientSecret);
    expect(body(ELEVENLABS)).toContain(SECRETS.crmClientSecret);

    const outputs = await world.stack.outputs();
    ids = { slack: outputs.slackAuthConfigId.value, github: outputs.githubAuthConfigId.value, crm: outputs.crmAuthConnectionId.value };
    expect((await world.api("GET", `${COMPOSIO}/${ids.slack}`)).status).toBe(200);
    expect((await world.api("GET", `${FLOWRA}/${ids.github}`)).status).toBe(200);
    expectSecretsKeptSecret();

    // Nothing changed: the next run writes nothing.
    expect(await up()).toEqual([]);
  });

  it("adding a resource to the YAML creates only it", async () => {
    edit("\nconfig:\n", "\nconfig:\n  discordClientSecret:\n    type: string\n    secret: true\n");
    edit(
      "\nresources:\n",
      [
        "",
        "resources:",
        "  discord:",
        "    type: authconfig:composio:AuthConfig",
        "    properties:",
        "      toolkit: discord",
        "      authScheme: OAUTH2",
        "      credentials:",
        "        client_id: discord-client-id",
        "        client_secret: ${discordClientSecret}",
        "",
        "",
      ].join("\n"),
    );
    await setSecret("discordClientSecret", ADDED_SECRET);
    const sent = await up();
    expect(summary(sent)).toEqual([`POST ${COMPOSIO}`]);
    expect(sent[0].body).toMatchObject({ toolkit: { slug: "discord" }, auth_config: { credentials: { client_secret: ADDED_SECRET } } });
    expectSecretsKeptSecret();
  });

  it("editing one field sends one PATCH of that field", async () => {
    edit("          - SLACK_LIST_CHANNELS\n", "          - SLACK_LIST_CHANNELS\n          - SLACK_ADD_REACTION\n");
    const sent = await up();
    expect(summary(sent)).toEqual([`PATCH ${COMPOSIO}/${ids.slack}`]);
    expect(sent[0].body).toEqual({ type: "custom", tool_access_config: { tools_available_for_execution: ["SLACK_SEND_MESSAGE", "SLACK_LIST_CHANNELS", "SLACK_ADD_REACTION"] } });
    expectSecretsKeptSecret();
  });

  it("rotating a secret in stack config sends one PATCH of that secret alone", async () => {
    await setSecret("githubClientSecret", ROTATED_SECRET);
    const sent = await up();
    expect(summary(sent)).toEqual([`PATCH ${FLOWRA}/${ids.github}`]);
    expect(sent[0].body).toEqual({ credentials: { client_secret: ROTATED_SECRET } });
    expectSecretsKeptSecret();
  });

  it("deleting a resource from the YAML deletes only it", async () => {
    const text = readFileSync(program(), "utf8");
    const block = text.slice(text.indexOf("  # ElevenLabs"), text.indexOf("\n\noutputs:"));
    expect(block).toContain("  crm:\n");
    edit(block, "");
    edit("  crmAuthConnectionId: ${crm.id}\n", "");
    const sent = await up();
    expect(summary(sent)).toEqual([`DELETE ${ELEVENLABS}/${ids.crm}`]);
    const left = await world.api<{ auth_connections: { id: string }[] }>("GET", ELEVENLABS);
    expect(left.body.auth_connections.map((c) => c.id)).not.toContain(ids.crm);
    expectSecretsKeptSecret();
  });

  it("a config made by hand: pulumi import --out writes the YAML to paste, which changes nothing; its secret declared from config is one PATCH", async () => {
    const made = await world.api<{ auth_config: { id: string } }>("POST", COMPOSIO, {
      toolkit: { slug: "notion" },
      auth_config: { type: "use_custom_auth", authScheme: "OAUTH2", name: "notion-by-hand", credentials: { client_id: "notion-id", client_secret: BY_HAND_SECRET }, tool_access_config: { tools_available_for_execution: ["NOTION_SEARCH"] } },
    });
    ids.notion = made.body.auth_config.id;
    await world.clearRequests();
    const imported = await world.run(["import", "authconfig:composio:AuthConfig", "notion", ids.notion, "--out", "imported.yaml", "--yes", "--protect=false"]);
    expect(imported.code, imported.output).toBe(0);
    expect(writes(await world.requests())).toEqual([]);
    const code = readFileSync(join(dir, "imported.yaml"), "utf8");
    expect(code).toContain("resources:\n  notion:\n    type: authconfig:composio:AuthConfig\n");
    expect(code).not.toContain(BY_HAND_SECRET);

    // Pasted under resources: as it is (the masked secret included), the program matches the config.
    edit("\nresources:\n", `\nresources:\n${code.slice(code.indexOf("resources:\n") + "resources:\n".length)}\n`);
    expect(await up()).toEqual([]);

    // The real secret, from stack config instead of the masked value: one PATCH of it alone.
    const masked = /\n        client_secret:\n          fn::secret: [^\n]*\n/.exec(readFileSync(program(), "utf8"))![0];
    edit(masked, "\n        client_secret: ${notionClientSecret}\n");
    edit("\nconfig:\n", "\nconfig:\n  notionClientSecret:\n    type: string\n    secret: true\n");
    await setSecret("notionClientSecret", ADOPTED_SECRET);
    const sent = await up();
    expect(summary(sent)).toEqual([`PATCH ${COMPOSIO}/${ids.notion}`]);
    expect(sent[0].body).toEqual({ type: "custom", credentials: { client_secret: ADOPTED_SECRET } });
    expect(await up()).toEqual([]);
    expectSecretsKeptSecret();
  });

  it("destroy deletes every config the project still declares", async () => {
    await world.clearRequests();
    await world.destroy();
    expect(summary(writes(await world.requests())).filter((r) => r.startsWith("DELETE"))).toHaveLength(4);
    const composio = await world.api<{ items: unknown[] }>("GET", `${COMPOSIO}?show_disabled=true`);
    const flowra = await world.api<{ data: unknown[] }>("GET", FLOWRA);
    expect([composio.body.items.length, flowra.body.data.length]).toEqual([0, 0]);
    expectSecretsKeptSecret();
  });
});
