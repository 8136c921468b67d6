import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EngineWorld, RecordedRequest, ScenarioResource } from "./harness";

/**
 * The lifecycle of composio.AuthConfig through the real Pulumi engine, after Pulumi's and HashiCorp's
 * provider tests: create, empty plan, updates, replace, drift, out-of-band delete, read and adopt,
 * destroy. Every step counts the HTTP requests the emulator received.
 */

const CANARIES = {
  clientSecret: "canary-client-secret-5d1e",
  rotatedSecret: "canary-rotated-secret-77aa",
  proxyKey: "canary-proxy-key-c3f0",
  botToken: "canary-bot-token-9b21",
  adoptedSecret: "canary-adopted-secret-e412",
};

const slackArgs = {
  toolkit: "slack",
  authScheme: "OAUTH2",
  credentials: { client_id: "slack-client-id", client_secret: CANARIES.clientSecret },
  proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: CANARIES.proxyKey },
  toolAccessConfig: { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE"], toolsForConnectedAccountCreation: ["SLACK_LIST_CHANNELS"] },
  sharedCredentials: { bot_token: CANARIES.botToken },
  isEnabledForToolRouter: false,
};

const patches = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method === "PATCH");
const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");

describe("composio.AuthConfig lifecycle through the Pulumi engine", () => {
  let world: EngineWorld;
  let current: Record<string, unknown> = structuredClone(slackArgs);
  let slackId = "";
  const declare = (extra: ScenarioResource[] = []) => world.declare([{ name: "slack", args: current }, ...extra]);

  beforeAll(async () => {
    world = await EngineWorld.create("lifecycle");
  });

  afterAll(async () => {
    await world?.dispose();
  });

  /** Runs after every step: no canary in plaintext anywhere a person or a file can see. */
  async function expectNoPlaintextSecrets(): Promise<void> {
    const state = world.persistedState();
    for (const canary of [...Object.values(CANARIES), API_KEY]) {
      expect(state, `state holds ${canary}`).not.toContain(canary);
      expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
    }
    for (const resource of await world.storedResources()) {
      for (const props of [resource.inputs, resource.outputs]) {
        const provider = props?.__provider;
        if (provider === undefined) continue;
        const text = typeof provider === "string" ? provider : JSON.stringify(provider);
        expect(text.length, "serialized provider size").toBeLessThan(2048);
      }
    }
  }

  it("1. preview shows a create; up creates with one POST whose body matches the spec", async () => {
    declare();
    const preview = await world.preview();
    // Summaries count the pulumi:pulumi:Stack resource too.
    expect(preview.changeSummary).toEqual({ create: 2 });
    expect(await world.requests()).toEqual([]);

    await world.up();
    const requests = await world.requests();
    const posts = requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe("/api/v3/auth_configs");
    const body = posts[0].body as { toolkit: unknown; auth_config: Record<string, unknown> };
    expect(body.toolkit).toEqual({ slug: "slack" });
    expect(body.auth_config).toEqual({
      type: "use_custom_auth",
      authScheme: "OAUTH2",
      name: expect.stringMatching(/^slack-[0-9a-f]{7}$/),
      credentials: { client_id: "slack-client-id", client_secret: CANARIES.clientSecret },
      proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: CANARIES.proxyKey },
      tool_access_config: { tools_available_for_execution: ["SLACK_SEND_MESSAGE"], tools_for_connected_account_creation: ["SLACK_LIST_CHANNELS"] },
      shared_credentials: { bot_token: CANARIES.botToken },
      is_enabled_for_tool_router: false,
    });
    expect(writes(requests)).toHaveLength(1);
    const outputs = await world.stack.outputs();
    slackId = (outputs.slack.value as { id: string }).id;
    expect(slackId).toMatch(/^ac_/);
    await expectNoPlaintextSecrets();
  });

  it("2. a second preview and a second up report no changes and send zero HTTP requests", async () => {
    await world.clearRequests();
    const preview = await world.preview();
    expect(preview.changeSummary).toEqual({ same: 2 });
    const up = await world.up();
    expect(up.summary.resourceChanges).toEqual({ same: 2 });
    expect(await world.requests()).toEqual([]);
  });

  it("3. rotating one credential value sends exactly one PATCH with only that key", async () => {
    current = { ...current, credentials: { client_id: "slack-client-id", client_secret: CANARIES.rotatedSecret } };
    declare();
    await world.clearRequests();
    await world.up();
    const sent = patches(await world.requests());
    expect(sent).toHaveLength(1);
    expect(sent[0].path).toBe(`/api/v3/auth_configs/${slackId}`);
    expect(sent[0].body).toEqual({ type: "custom", credentials: { client_secret: CANARIES.rotatedSecret } });
    await expectNoPlaintextSecrets();
  });

  it("4. removing proxyConfig sends one PATCH with proxy_config null and nothing else but type", async () => {
    const { proxyConfig: _removed, ...rest } = current;
    current = rest;
    declare();
    await world.clearRequests();
    await world.up();
    const sent = patches(await world.requests());
    expect(sent.map((r) => r.body)).toEqual([{ type: "custom", proxy_config: null }]);
    const stored = await world.api<{ proxy_config: unknown }>("GET", `/api/v3/auth_configs/${slackId}`);
    expect(stored.body.proxy_config).toBeNull();
  });

  it("5. changing one tool list sends only that list; enabled: false calls the status endpoint only", async () => {
    current = { ...current, toolAccessConfig: { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE", "SLACK_ADD_REACTION"], toolsForConnectedAccountCreation: ["SLACK_LIST_CHANNELS"] } };
    declare();
    await world.clearRequests();
    await world.up();
    expect(patches(await world.requests()).map((r) => r.body)).toEqual([
      { type: "custom", tool_access_config: { tools_available_for_execution: ["SLACK_SEND_MESSAGE", "SLACK_ADD_REACTION"] } },
    ]);

    current = { ...current, enabled: false };
    declare();
    await world.clearRequests();
    await world.up();
    const sent = writes(await world.requests());
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /api/v3/auth_configs/${slackId}/DISABLED`]);
    const outputs = await world.stack.outputs();
    expect((outputs.slack.value as { status: string }).status).toBe("DISABLED");
  });

  it("6. changing toolkit replaces the config: the preview says so, a new one is created and the old one deleted", async () => {
    current = { ...current, toolkit: "discord", enabled: true };
    declare();
    const preview = await world.preview();
    expect(preview.changeSummary.replace).toBe(1);
    await world.clearRequests();
    await world.up();
    const sent = writes(await world.requests());
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(sent.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual([`/api/v3/auth_configs/${slackId}`]);
    expect((await world.api("GET", `/api/v3/auth_configs/${slackId}`)).status).toBe(404);
    const newId = ((await world.stack.outputs()).slack.value as { id: string }).id;
    expect(newId).not.toBe(slackId);
    slackId = newId;
    await expectNoPlaintextSecrets();
  });

  it("7. an out-of-band change fails the drift check naming the field; up --refresh puts it back with one PATCH", async () => {
    const oob = await world.api("PATCH", `/api/v3/auth_configs/${slackId}`, { type: "custom", tool_access_config: { tools_for_connected_account_creation: ["DISCORD_SOMETHING_ELSE"] } });
    expect(oob.status).toBe(200);
    let failure: Error | undefined;
    const before = world.output.length;
    try {
      await world.preview({ refresh: true, expectNoChanges: true });
    } catch (error) {
      failure = error as Error;
    }
    expect(failure, "the drift check must fail").toBeDefined();
    const text = `${failure!.message}\n${world.output.slice(before)}`;
    expect(text).toContain("toolAccessConfig");
    expect(text).toContain("toolsForConnectedAccountCreation");

    await world.clearRequests();
    await world.up({ refresh: true });
    expect(patches(await world.requests()).map((r) => r.body)).toEqual([
      { type: "custom", tool_access_config: { tools_for_connected_account_creation: ["SLACK_LIST_CHANNELS"] } },
    ]);
    // Converged: the nightly drift check passes again.
    await world.preview({ refresh: true, expectNoChanges: true });
  });

  it("8. an out-of-band delete: refresh drops it from state, the next up recreates it", async () => {
    expect((await world.api("DELETE", `/api/v3/auth_configs/${slackId}`)).status).toBe(200);
    await world.refresh();
    expect((await world.storedResources()).map((r) => r.id)).not.toContain(slackId);
    await world.clearRequests();
    await world.up();
    expect((await world.requests()).filter((r) => r.method === "POST")).toHaveLength(1);
    slackId = ((await world.stack.outputs()).slack.value as { id: string }).id;
    expect((await world.api("GET", `/api/v3/auth_configs/${slackId}`)).status).toBe(200);
  });

  it("9. AuthConfig.get reads an existing config; importId adopts one and PATCHes only what differs", async () => {
    const made = await world.api<{ auth_config: { id: string } }>("POST", "/api/v3/auth_configs", {
      toolkit: { slug: "github" },
      auth_config: { type: "use_custom_auth", authScheme: "OAUTH2", name: "github-by-hand", credentials: { client_id: "gh-id", client_secret: "old-secret" }, tool_access_config: { tools_available_for_execution: ["GITHUB_GET_USER"] }, is_enabled_for_tool_router: true },
    });
    const existingId = made.body.auth_config.id;

    declare([{ name: "read-only", getId: existingId }]);
    await world.clearRequests();
    await world.up();
    expect(writes(await world.requests())).toEqual([]);
    const readOnly = (await world.stack.outputs())["read-only"].value as { name: string; id: string };
    expect(readOnly).toMatchObject({ id: existingId, name: "github-by-hand" });

    // Adopt it: same toolkit and scheme; the tool list differs, the router flag does not.
    const adopted = {
      toolkit: "github",
      authScheme: "OAUTH2",
      importId: existingId,
      credentials: { client_id: "gh-id", client_secret: CANARIES.adoptedSecret },
      toolAccessConfig: { toolsAvailableForExecution: ["GITHUB_GET_USER", "GITHUB_CREATE_ISSUE"] },
      isEnabledForToolRouter: true,
    };
    declare([{ name: "adopted", args: adopted }]);
    await world.clearRequests();
    await world.up();
    const sent = writes(await world.requests());
    expect(sent.filter((r) => r.method === "POST")).toEqual([]);
    // client_id is readable and equal, so it is not sent; the masked secret cannot be compared, so it is.
    expect(patches(sent).map((r) => r.body)).toEqual([
      { type: "custom", credentials: { client_secret: CANARIES.adoptedSecret }, tool_access_config: { tools_available_for_execution: ["GITHUB_GET_USER", "GITHUB_CREATE_ISSUE"] } },
    ]);
    const stored = await world.api<{ name: string }>("GET", `/api/v3/auth_configs/${existingId}`);
    expect(stored.body.name).toBe("github-by-hand");
    await world.clearRequests();
    const preview = await world.preview();
    expect(preview.changeSummary).toEqual({ same: 3 });
    expect(await world.requests()).toEqual([]);
    await expectNoPlaintextSecrets();
  });

  it("10. destroy sends DELETE for each and leaves the emulator empty", async () => {
    await world.clearRequests();
    await world.destroy();
    const deletes = (await world.requests()).filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(2);
    const left = await world.api<{ total_items: number }>("GET", "/api/v3/auth_configs?show_disabled=true");
    expect(left.body.total_items).toBe(0);
    await expectNoPlaintextSecrets();
  });
});

describe("values unknown during preview", () => {
  let world: EngineWorld;
  beforeAll(async () => {
    world = await EngineWorld.create("unknowns");
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it("a name computed from another config's id passes check at preview and is sent once known", async () => {
    world.declare([
      { name: "first", args: { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: "k1-secret" } } },
      { name: "second", nameFromIdOf: "first", args: { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: "k2-secret" } } },
    ]);
    const preview = await world.preview();
    expect(preview.changeSummary).toEqual({ create: 3 });
    expect(await world.requests()).toEqual([]);
    await world.up();
    const outputs = await world.stack.outputs();
    const first = outputs.first.value as { id: string };
    const second = outputs.second.value as { name: string };
    expect(second.name).toBe(`copy-of-${first.id}`);
    // A declared name goes in the PATCH right after the POST: the POST carries the create marker.
    const named = (await world.requests()).filter((r) => r.method === "PATCH").map((r) => (r.body as { name?: string }).name);
    expect(named).toContain(`copy-of-${first.id}`);
    expect(JSON.stringify(await world.requests())).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    await world.destroy();
  });
});

describe("managed composio.AuthConfig through the Pulumi engine", () => {
  let world: EngineWorld;

  beforeAll(async () => {
    world = await EngineWorld.create("managed");
  });

  afterAll(async () => {
    await world?.dispose();
  });

  it("creates a managed config, PATCHes a scopes change with type default, and destroys it", async () => {
    world.declare([{ name: "gmail", args: { toolkit: "gmail", managed: true, scopes: ["gmail.readonly"] } }]);
    await world.up();
    const create = (await world.requests()).find((r) => r.method === "POST")!;
    expect(create.body).toEqual({
      toolkit: { slug: "gmail" },
      auth_config: { type: "use_composio_managed_auth", name: expect.stringMatching(/^gmail-/), credentials: { scopes: ["gmail.readonly"] } },
    });

    world.declare([{ name: "gmail", args: { toolkit: "gmail", managed: true, scopes: ["gmail.readonly", "gmail.send"] } }]);
    await world.clearRequests();
    await world.up();
    expect(patches(await world.requests()).map((r) => r.body)).toEqual([{ type: "default", scopes: ["gmail.readonly", "gmail.send"] }]);

    await world.clearRequests();
    expect((await world.preview({ refresh: true, expectNoChanges: true })).changeSummary).toEqual({ same: 2 });

    await world.destroy();
    const left = await world.api<{ total_items: number }>("GET", "/api/v3/auth_configs?show_disabled=true");
    expect(left.body.total_items).toBe(0);
  });
});
