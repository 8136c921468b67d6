import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { API_KEY, EngineWorld } from "./harness";
import { expectSucceeds, failureOf, writes } from "./inspect";

/**
 * Lookups (issue 9) through the real CLI: a TypeScript (JavaScript) program calling the SDK's
 * functions, which run in the program's process with the stack config `composio:apiKey`..., and a
 * Pulumi YAML program calling the plugin's functions with `fn::invoke`. Both get every API's configs
 * as the API shows them, without a secret: the canaries reach neither state nor the CLI's output.
 */

const CANARIES = ["lkp-engine-secret-8d21", "lkp-engine-proxykey-3f70", "lkp-engine-shared-b9c4", "lkp-engine-token-06ae"];

/** What the tests made through the API, as a person would in a dashboard. */
interface Seeded {
  readonly slack: string[];
  readonly disabledSlack: string;
  readonly deletedSlack: string;
  readonly flowra: string;
  readonly bearer: string;
}

async function seed(world: EngineWorld): Promise<Seeded> {
  const composio = async (name: string) =>
    (
      await world.api<{ auth_config: { id: string } }>("POST", "/api/v3/auth_configs", {
        toolkit: { slug: "slack" },
        auth_config: {
          type: "use_custom_auth",
          authScheme: "OAUTH2",
          name,
          credentials: { client_id: `${name}-client`, client_secret: CANARIES[0] },
          proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: CANARIES[1] },
          shared_credentials: { bot_token: CANARIES[2] },
        },
      })
    ).body.auth_config.id;
  const slack = [await composio("slack-a"), await composio("slack-b"), await composio("slack-c")];
  await world.api("PATCH", `/api/v3/auth_configs/${slack[1]}/DISABLED`);
  await world.api("DELETE", `/api/v3/auth_configs/${slack[2]}`);
  const flowra = (
    await world.api<{ data: { id: string } }>("POST", "/api/v1/auth_configs", {
      toolkit: { slug: "github" },
      authConfig: { type: "use_custom_auth", authScheme: "OAUTH2", displayName: "GitHub prod", credentials: { client_id: "gh-client", client_secret: CANARIES[0] } },
    })
  ).body.data.id;
  const bearer = (await world.api<{ id: string }>("POST", "/v1/workspace/auth-connections", { auth_type: "bearer_auth", name: "crm", provider: "acme", token: CANARIES[3] })).body.id;
  return { slack: slack.slice(0, 2), disabledSlack: slack[1], deletedSlack: slack[2], flowra, bearer };
}

function expectNoSecrets(world: EngineWorld, outputs: unknown): void {
  const state = world.persistedState();
  for (const canary of [...CANARIES, API_KEY]) {
    expect(state, `state holds ${canary}`).not.toContain(canary);
    expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
    expect(JSON.stringify(outputs), `outputs hold ${canary}`).not.toContain(canary);
  }
  expect(JSON.stringify(outputs)).not.toContain("REDACTED");
}

/** The stack's outputs as plain values. */
async function outputValues(world: EngineWorld): Promise<Record<string, any>> {
  const outputs = await world.stack.outputs();
  return Object.fromEntries(Object.entries(outputs).map(([key, output]) => [key, output.value]));
}

/** The checks both programs share: each lookup's result, as the API shows the configs. */
function expectLookups(values: Record<string, any>, seeded: Seeded): void {
  expect(values.composioOne).toMatchObject({ id: seeded.slack[0], toolkit: "slack", name: "slack-a", authScheme: "OAUTH2", enabled: true, proxyConfig: { proxyUrl: "https://proxy.example" } });
  expect(values.composioOne).not.toHaveProperty("credentials");
  expect(values.composioOne).not.toHaveProperty("sharedCredentials");
  // Every slack config but the deleted one; the disabled one included.
  expect(values.composioSlack.map((item: { id: string }) => item.id)).toEqual(seeded.slack);
  expect(values.composioSlack[1]).toMatchObject({ enabled: false, status: "DISABLED" });
  expect(values.composioDisabled.map((item: { id: string }) => item.id)).toEqual([seeded.disabledSlack]);
  expect(values.flowraOne).toMatchObject({ id: seeded.flowra, toolkit: "github", displayName: "GitHub prod", enabled: true });
  expect(values.flowraOne).not.toHaveProperty("credentials");
  expect(values.flowraGithub.map((item: { id: string }) => item.id)).toEqual([seeded.flowra]);
  expect(values.elevenlabsOne).toEqual(expect.objectContaining({ id: seeded.bearer, authType: "bearer_auth", name: "crm", provider: "acme" }));
  expect(values.elevenlabsOne).not.toHaveProperty("token");
  expect(values.elevenlabsBearer.map((item: { id: string }) => item.id)).toEqual([seeded.bearer]);
}

describe.sequential("lookups from a TypeScript program (the SDK's functions, in the program's process)", () => {
  let world: EngineWorld;
  let programDir = "";
  let seeded: Seeded;

  /** The program: each lookup, its result a stack output; `extra` adds lines (a failing lookup). */
  function writeProgram(extra = ""): void {
    writeFileSync(
      join(programDir, "index.js"),
      `"use strict";
const fs = require("fs");
const path = require("path");
const pulumi = require("@pulumi/pulumi");
const { composio, flowra, elevenlabs } = require("pulumi-authconfig");
const ids = JSON.parse(fs.readFileSync(path.join(__dirname, "ids.json"), "utf8"));
// A declared resource, looked up by its id: an Output not known until it exists.
const declared = new composio.AuthConfig("declared", { toolkit: "notion", managed: true });
module.exports = {
  composioOne: composio.getAuthConfig({ id: ids.composio }),
  composioSlack: composio.listAuthConfigs({ toolkit: "slack" }).then((r) => r.items),
  composioDisabled: composio.listAuthConfigsOutput({ enabled: pulumi.output(false) }).items,
  composioDeclared: composio.getAuthConfigOutput({ id: declared.id }),
  declaredName: declared.name,
  flowraOne: flowra.getAuthConfig({ id: ids.flowra }),
  flowraGithub: flowra.listAuthConfigs({ toolkit: "github" }).then((r) => r.items),
  elevenlabsOne: elevenlabs.getAuthConnectionOutput({ id: ids.elevenlabs }),
  elevenlabsBearer: elevenlabs.listAuthConnections({ authType: "bearer_auth" }).then((r) => r.items),
};
${extra}`,
    );
  }

  beforeAll(async () => {
    programDir = mkdtempSync(join(tmpdir(), "authconfig-lookups-program-"));
    symlinkSync(join(inject("programDir"), "node_modules"), join(programDir, "node_modules"));
    writeFileSync(join(programDir, "Pulumi.yaml"), "name: authconfig-lookups\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n");
    writeFileSync(join(programDir, "package.json"), JSON.stringify({ name: "authconfig-lookups-program", private: true }));
    world = await EngineWorld.create("lookups-ts", { programDir });
    seeded = await seed(world);
    writeFileSync(join(programDir, "ids.json"), JSON.stringify({ composio: seeded.slack[0], flowra: seeded.flowra, elevenlabs: seeded.bearer }));
    writeProgram();
  });

  afterAll(async () => {
    await world?.dispose();
    rmSync(programDir, { recursive: true, force: true });
  });

  it("preview runs the lookups (reads only) and up gives each one's result; no secret in state, output or results", async () => {
    await world.clearRequests();
    await expectSucceeds(world, "preview", () => world.preview());
    const previewRequests = await world.requests();
    expect(writes(previewRequests)).toEqual([]);
    expect(previewRequests.some((r) => r.path === `/api/v3/auth_configs/${seeded.slack[0]}`)).toBe(true);

    await expectSucceeds(world, "up", () => world.up());
    const values = await outputValues(world);
    expectLookups(values, seeded);
    expect(values.composioDeclared).toMatchObject({ toolkit: "notion", managed: true, name: values.declaredName });
    expectNoSecrets(world, values);
  });

  it("wrong arguments fail the program naming the field; a refused key names the stack config key, with no advice about recorded config", async () => {
    writeProgram('composio.listAuthConfigs({ toolkit: "slack,github" }).then((r) => r.items);');
    const bad = await failureOf(world, () => world.up());
    expect(bad).toContain('LookupInputError: composio.listAuthConfigs: toolkit must look like slack, got "slack,github"');

    writeProgram();
    await world.stack.setConfig("flowra:apiKey", { value: "lookups-wrong-key-4b1a", secret: true });
    const refused = await failureOf(world, () => world.up());
    expect(refused).toMatch(/flowra\.(getAuthConfig|listAuthConfigs): lookup failed: GET \/api\/v1\/auth_configs\S* answered 401/);
    expect(refused).toContain("The API key used came from stack config flowra:apiKey (sha256 fingerprint ");
    expect(refused).not.toContain("--run-program");
    expect(refused).not.toContain("lookups-wrong-key-4b1a");
    await world.stack.setConfig("flowra:apiKey", { value: API_KEY, secret: true });
    await expectSucceeds(world, "destroy", () => world.destroy());
  });
});

describe.sequential("lookups from a Pulumi YAML program (the plugin's functions, fn::invoke)", () => {
  let world: EngineWorld;
  let programDir = "";
  let seeded: Seeded;
  const pluginDir = join(inject("programDir"), "node_modules", "pulumi-authconfig", "dist", "plugin");

  /** Pulumi.yaml (JSON is YAML): one variable per lookup, each an output; `toolkit` is the slack list's filter. */
  function writeProgram(toolkit: string): void {
    const invoke = (fn: string, args: Record<string, unknown>) => ({ "fn::invoke": { function: `authconfig:${fn}`, arguments: args } });
    const variables = {
      composioOne: invoke("composio:getAuthConfig", { id: seeded.slack[0] }),
      composioSlack: invoke("composio:listAuthConfigs", { toolkit }),
      composioDisabled: invoke("composio:listAuthConfigs", { enabled: false }),
      flowraOne: invoke("flowra:getAuthConfig", { id: seeded.flowra }),
      flowraGithub: invoke("flowra:listAuthConfigs", { toolkit: "github" }),
      elevenlabsOne: invoke("elevenlabs:getAuthConnection", { id: seeded.bearer }),
      elevenlabsBearer: invoke("elevenlabs:listAuthConnections", { authType: "bearer_auth" }),
    };
    const lists = ["composioSlack", "composioDisabled", "flowraGithub", "elevenlabsBearer"];
    const outputs = Object.fromEntries(Object.keys(variables).map((name) => [name, lists.includes(name) ? `\${${name}.items}` : `\${${name}}`]));
    const project = { name: "authconfig-yaml-lookups", runtime: "yaml", plugins: { providers: [{ name: "authconfig", path: pluginDir }] }, variables, outputs };
    writeFileSync(join(programDir, "Pulumi.yaml"), JSON.stringify(project, null, 2));
  }

  beforeAll(async () => {
    programDir = mkdtempSync(join(tmpdir(), "authconfig-yaml-lookups-"));
    writeFileSync(join(programDir, "Pulumi.yaml"), "name: authconfig-yaml-lookups\nruntime: yaml\n");
    world = await EngineWorld.create("lookups-yaml", { plugin: true, programDir });
    seeded = await seed(world);
    writeProgram("slack");
  });

  afterAll(async () => {
    await world?.dispose();
    rmSync(programDir, { recursive: true, force: true });
  });

  it("fn::invoke of each function gives the configs as the API shows them, with the plugin's settings; no secret anywhere", async () => {
    await world.clearRequests();
    await expectSucceeds(world, "up", () => world.up());
    expect(writes(await world.requests())).toEqual([]);
    const values = await outputValues(world);
    expectLookups(values, seeded);
    expectNoSecrets(world, values);
  });

  it("a wrong argument fails naming the field, with no request sent", async () => {
    writeProgram("slack,github");
    await world.clearRequests();
    const failure = await failureOf(world, () => world.up());
    // The engine's words around ours: `authconfig:composio:listAuthConfigs invoke failed: <reason> (toolkit)`.
    expect(failure).toContain('authconfig:composio:listAuthConfigs invoke failed: toolkit must look like slack, got "slack,github" (toolkit)');
    expect((await world.requests()).filter((r) => r.query.toolkit_slug !== undefined)).toEqual([]);
  });
});
