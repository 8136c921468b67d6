import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { API_KEY, API_NAMESPACES, EngineWorld, ScenarioResource } from "./harness";

/**
 * State written by version 0.1.0 (test/fixtures/state-v0.1.0) keeps working with the current code:
 * every resource's state holds `require("pulumi-authconfig/provider/composio/authConfigProvider")`,
 * and refresh and destroy run that text. Imported into a fresh stack with the same passphrase and
 * salt, against an emulator that holds the same configs: refresh, an update and destroy.
 */

const FIXTURE = resolve(__dirname, "../fixtures/state-v0.1.0");
const AUTH_CONFIG = "pulumi-nodejs:dynamic/composio:AuthConfig";
const OLD_PROVIDER_MODULE = 'require("pulumi-authconfig/provider/composio/authConfigProvider")';

interface FixtureResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
interface Deployment {
  version: number;
  deployment: { resources: FixtureResource[] };
}

const scenario = JSON.parse(readFileSync(join(FIXTURE, "scenario.json"), "utf8")) as { resources: { name: string; args: Record<string, unknown> }[] };
const fixture = JSON.parse(readFileSync(join(FIXTURE, "deployment.json"), "utf8")) as Deployment;
const fixtureSettings = readFileSync(join(FIXTURE, "Pulumi.v010.yaml"), "utf8");
const fixtureSalt = /^encryptionsalt: (.+)$/m.exec(fixtureSettings)![1];
const fixtureBaseUrl = /composio:baseUrl: (.+)$/m.exec(fixtureSettings)![1];
const CANARIES = [...JSON.stringify(scenario).matchAll(/canary-v010-[a-z-]+-[0-9a-f]{4}/g)].map((m) => m[0]);

const nameOf = (resource: FixtureResource) => resource.urn.split("::").pop()!;
const fixtureConfigs = fixture.deployment.resources.filter((r) => r.type === AUTH_CONFIG);
const declared = (name: string) => scenario.resources.find((r) => r.name === name)!.args;

/** The create body of a config as the fixture's program declared it, under the name it got. */
function createBody(args: Record<string, unknown>, name: string): Record<string, unknown> {
  if (args.managed) {
    return { toolkit: { slug: args.toolkit }, auth_config: { type: "use_composio_managed_auth", name, credentials: { scopes: args.scopes, user_scopes: args.userScopes } } };
  }
  const proxy = args.proxyConfig as { proxyUrl: string; proxyAuthKey: string } | undefined;
  const tools = args.toolAccessConfig as { toolsAvailableForExecution: string[]; toolsForConnectedAccountCreation: string[] } | undefined;
  const authConfig: Record<string, unknown> = { type: "use_custom_auth", name, authScheme: args.authScheme, credentials: args.credentials };
  if (proxy) authConfig.proxy_config = { proxy_url: proxy.proxyUrl, proxy_auth_key: proxy.proxyAuthKey };
  if (tools) authConfig.tool_access_config = { tools_available_for_execution: tools.toolsAvailableForExecution, tools_for_connected_account_creation: tools.toolsForConnectedAccountCreation };
  if (args.sharedCredentials) authConfig.shared_credentials = args.sharedCredentials;
  if (args.isEnabledForToolRouter !== undefined) authConfig.is_enabled_for_tool_router = args.isEnabledForToolRouter;
  return { toolkit: { slug: args.toolkit }, auth_config: authConfig };
}

describe("state written by 0.1.0, with the current code", () => {
  let world: EngineWorld;
  /** Logical name to the id the emulator gave the matching config. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    world = await EngineWorld.create("compat");
    // The fixture's salt, so that its secrets decrypt with the same passphrase; then the API keys again under it.
    const settingsFile = join(inject("programDir"), `Pulumi.${world.stack.name}.yaml`);
    writeFileSync(settingsFile, readFileSync(settingsFile, "utf8").replace(/^encryptionsalt: .+$/m, `encryptionsalt: ${fixtureSalt}`));
    for (const namespace of API_NAMESPACES) await world.stack.setConfig(`${namespace}:apiKey`, { value: API_KEY, secret: true });

    // The emulator picks ids and timestamps: create the configs, then write its values into the old state.
    let text = JSON.stringify(fixture);
    for (const resource of fixtureConfigs) {
      const name = nameOf(resource);
      const created = await world.api<{ auth_config: { id: string } }>("POST", "/api/v3/auth_configs", createBody(declared(name), resource.outputs!.name as string));
      expect(created.status).toBe(201);
      const id = created.body.auth_config.id;
      if (declared(name).enabled === false) expect((await world.api("PATCH", `/api/v3/auth_configs/${id}/DISABLED`)).status).toBe(200);
      const object = (await world.api<{ created_at: string; last_updated_at: string }>("GET", `/api/v3/auth_configs/${id}`)).body;
      ids[name] = id;
      text = text
        .replaceAll(JSON.stringify(resource.id), JSON.stringify(id))
        .replaceAll(JSON.stringify(resource.outputs!.createdAt), JSON.stringify(object.created_at))
        .replaceAll(JSON.stringify(resource.outputs!.lastUpdatedAt), JSON.stringify(object.last_updated_at));
    }
    // The stack's name is in every URN; the provider's stored config names the old emulator.
    text = text.replaceAll("urn:pulumi:v010::", `urn:pulumi:${world.stack.name}::`).replaceAll("authconfig-tests-v010", `authconfig-tests-${world.stack.name}`).replaceAll(fixtureBaseUrl, world.emulatorUrl);
    await world.stack.importStack(JSON.parse(text));
    world.declare(scenario.resources as ScenarioResource[]);
  });

  afterAll(async () => {
    await world?.dispose();
  });

  it("the imported state is 0.1.0's: its provider text requires the module by package name, and its secrets decrypt", async () => {
    const stored = (await world.storedResources()).filter((r) => r.type === AUTH_CONFIG);
    expect(stored.map((r) => r.id).sort()).toEqual(Object.values(ids).sort());
    for (const resource of stored) expect(resource.outputs?.__provider).toContain(OLD_PROVIDER_MODULE);
    // Decrypted (exportStack shows secrets), the credentials are the fixture's canaries: same passphrase and salt.
    expect(CANARIES).toHaveLength(4);
    const decrypted = JSON.stringify(await world.stack.exportStack());
    for (const canary of CANARIES) expect(decrypted).toContain(canary);
  });

  it("refresh finds no changes and only reads", async () => {
    await world.clearRequests();
    const refresh = await world.refresh({ expectNoChanges: true });
    expect(refresh.summary.resourceChanges).toEqual({ same: 4 });
    const requests = await world.requests();
    // Reads only, and no more than one per config: the reads of one refresh are coalesced (a list page, or GETs by id).
    expect(requests.map((r) => r.method)).toEqual(requests.map(() => "GET"));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThanOrEqual(Object.values(ids).length);
    expect(requests.every((r) => r.path === "/api/v3/auth_configs" || Object.values(ids).some((id) => r.path === `/api/v3/auth_configs/${id}`))).toBe(true);
  });

  it("an update of one field sends one PATCH, and the provider text it writes is 0.1.0's", async () => {
    const full = scenario.resources.find((r) => r.name === "full")!;
    const tools = { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE", "SLACK_ADD_REACTION"], toolsForConnectedAccountCreation: ["SLACK_LIST_CHANNELS"] };
    world.declare(scenario.resources.map((r) => (r === full ? { ...r, args: { ...r.args, toolAccessConfig: tools } } : r)) as ScenarioResource[]);
    await world.clearRequests();
    const up = await world.up();
    expect(up.summary.resourceChanges).toEqual({ same: 3, update: 1 });
    const writes = (await world.requests()).filter((r) => r.method !== "GET");
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /api/v3/auth_configs/${ids.full}`]);
    expect(writes[0].body).toEqual({ type: "custom", tool_access_config: { tools_available_for_execution: tools.toolsAvailableForExecution } });
    const stored = (await world.storedResources()).find((r) => r.id === ids.full)!;
    const old = fixtureConfigs.find((r) => nameOf(r) === "full")!;
    expect(stored.outputs?.__provider).toBe(old.outputs!.__provider);
  });

  it("destroy deletes every config", async () => {
    await world.clearRequests();
    await world.destroy();
    const deletes = (await world.requests()).filter((r) => r.method === "DELETE").map((r) => r.path);
    expect(deletes.sort()).toEqual(Object.values(ids).map((id) => `/api/v3/auth_configs/${id}`).sort());
    for (const id of Object.values(ids)) expect((await world.api("GET", `/api/v3/auth_configs/${id}`)).status).toBe(404);
  });

  it("no fixture secret shows in plaintext in state or CLI output", () => {
    const state = world.persistedState();
    for (const canary of CANARIES) {
      expect(state).not.toContain(canary);
      expect(world.output).not.toContain(canary);
    }
  });
});
