import { expect } from "vitest";
import type { EngineWorld, ResourceKind } from "./harness";

/**
 * One row per resource kind for lifecycle.test.ts: the same steps run for each, and a row says
 * what each step declares and what the API must receive. Args change step by step: each `args`
 * function takes what the previous step declared, so the expected bodies follow that order
 * (create, rotate, remove, list, replace).
 */
export interface LifecycleRow {
  readonly kind: ResourceKind;
  /** Distinctive secret values the row declares: never in state files or CLI output. */
  readonly canaries: readonly string[];
  /** The output that carries the label: `name`, or Flowra's `displayName`. */
  readonly labelOutput: "name" | "displayName";
  readonly collectionPath: string;
  itemPath(id: string): string;
  /** Whether the API still has this object (ElevenLabs has no GET by id: its list is read). */
  exists(world: EngineWorld, id: string): Promise<boolean>;
  /** How many objects the API holds. */
  count(world: EngineWorld): Promise<number>;

  readonly args: Record<string, unknown>;
  /** The create POST's exact body. */
  readonly createBody: unknown;
  /** The label inside a create POST body. */
  labelSent(body: unknown): unknown;

  readonly rotate: Step;
  readonly removeField: Step;
  readonly changeList: Step;
  /** Disabling, for APIs that can: the one write it sends (Composio has a status endpoint), then enabled again. */
  readonly disable?: { readonly write: (id: string) => string; readonly body?: unknown };
  /** A change the API cannot PATCH: a new object replaces the old one. */
  readonly replace: { args(current: Record<string, unknown>): Record<string, unknown> };
  readonly outOfBand: {
    /** The body of a PATCH made by hand, straight to the API. */
    readonly patch: unknown;
    /** Names the drift check must print. */
    readonly fieldNames: readonly string[];
    /** The PATCH `up --refresh` sends to put it back. */
    readonly fix: unknown;
  };
  /** An object made by hand through the API, then read with `get` and adopted with `importId`. */
  readonly byHand: {
    readonly createBody: unknown;
    idOf(responseBody: unknown): string;
    readonly label: string;
    adoptArgs(id: string): Record<string, unknown>;
    /** The PATCH that adoption sends: only what differs (unreadable secrets are resent). */
    readonly adoptPatch: unknown;
  };
}

interface Step {
  args(current: Record<string, unknown>): Record<string, unknown>;
  /** The exact body of the one PATCH this change sends. */
  readonly patch: unknown;
}

const without = (record: Record<string, unknown>, key: string) => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

async function get<T>(world: EngineWorld, path: string): Promise<T> {
  const res = await world.api<T>("GET", path);
  expect(res.status, `GET ${path}`).toBe(200);
  return res.body;
}

const COMPOSIO = {
  clientSecret: "canary-composio-secret-5d1e",
  rotated: "canary-composio-rotated-77aa",
  proxyKey: "canary-composio-proxy-c3f0",
  botToken: "canary-composio-bot-9b21",
  adopted: "canary-composio-adopted-e412",
};

const composioRow: LifecycleRow = {
  kind: "composio",
  canaries: Object.values(COMPOSIO),
  labelOutput: "name",
  collectionPath: "/api/v3/auth_configs",
  itemPath: (id) => `/api/v3/auth_configs/${id}`,
  exists: async (world, id) => (await world.api("GET", `/api/v3/auth_configs/${id}`)).status === 200,
  count: async (world) => (await get<{ total_items: number }>(world, "/api/v3/auth_configs?show_disabled=true")).total_items,
  args: {
    toolkit: "slack",
    authScheme: "OAUTH2",
    credentials: { client_id: "slack-client-id", client_secret: COMPOSIO.clientSecret },
    proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: COMPOSIO.proxyKey },
    toolAccessConfig: { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE"], toolsForConnectedAccountCreation: ["SLACK_LIST_CHANNELS"] },
    sharedCredentials: { bot_token: COMPOSIO.botToken },
    isEnabledForToolRouter: false,
  },
  createBody: {
    toolkit: { slug: "slack" },
    auth_config: {
      type: "use_custom_auth",
      authScheme: "OAUTH2",
      name: expect.stringMatching(/^main-[0-9a-f]{7}$/),
      credentials: { client_id: "slack-client-id", client_secret: COMPOSIO.clientSecret },
      proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: COMPOSIO.proxyKey },
      tool_access_config: { tools_available_for_execution: ["SLACK_SEND_MESSAGE"], tools_for_connected_account_creation: ["SLACK_LIST_CHANNELS"] },
      shared_credentials: { bot_token: COMPOSIO.botToken },
      is_enabled_for_tool_router: false,
    },
  },
  labelSent: (body) => (body as { auth_config: { name: unknown } }).auth_config.name,
  rotate: {
    args: (current) => ({ ...current, credentials: { client_id: "slack-client-id", client_secret: COMPOSIO.rotated } }),
    patch: { type: "custom", credentials: { client_secret: COMPOSIO.rotated } },
  },
  removeField: { args: (current) => without(current, "proxyConfig"), patch: { type: "custom", proxy_config: null } },
  changeList: {
    args: (current) => ({ ...current, toolAccessConfig: { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE", "SLACK_ADD_REACTION"], toolsForConnectedAccountCreation: ["SLACK_LIST_CHANNELS"] } }),
    patch: { type: "custom", tool_access_config: { tools_available_for_execution: ["SLACK_SEND_MESSAGE", "SLACK_ADD_REACTION"] } },
  },
  disable: { write: (id) => `PATCH /api/v3/auth_configs/${id}/DISABLED` },
  replace: { args: (current) => ({ ...current, toolkit: "discord" }) },
  outOfBand: {
    patch: { type: "custom", tool_access_config: { tools_for_connected_account_creation: ["DISCORD_SOMETHING_ELSE"] } },
    fieldNames: ["toolAccessConfig", "toolsForConnectedAccountCreation"],
    fix: { type: "custom", tool_access_config: { tools_for_connected_account_creation: ["SLACK_LIST_CHANNELS"] } },
  },
  byHand: {
    createBody: {
      toolkit: { slug: "github" },
      auth_config: { type: "use_custom_auth", authScheme: "OAUTH2", name: "github-by-hand", credentials: { client_id: "gh-id", client_secret: "old-secret" }, tool_access_config: { tools_available_for_execution: ["GITHUB_GET_USER"] }, is_enabled_for_tool_router: true },
    },
    idOf: (body) => (body as { auth_config: { id: string } }).auth_config.id,
    label: "github-by-hand",
    adoptArgs: (id) => ({
      toolkit: "github",
      authScheme: "OAUTH2",
      importId: id,
      credentials: { client_id: "gh-id", client_secret: COMPOSIO.adopted },
      toolAccessConfig: { toolsAvailableForExecution: ["GITHUB_GET_USER", "GITHUB_CREATE_ISSUE"] },
      isEnabledForToolRouter: true,
    }),
    // client_id reads as declared, so it is not sent; the masked secret cannot be compared, so it is.
    adoptPatch: { type: "custom", credentials: { client_secret: COMPOSIO.adopted }, tool_access_config: { tools_available_for_execution: ["GITHUB_GET_USER", "GITHUB_CREATE_ISSUE"] } },
  },
};

const FLOWRA = {
  clientSecret: "canary-flowra-secret-31c7",
  rotated: "canary-flowra-rotated-a90e",
  proxyKey: "canary-flowra-proxy-4b52",
  adopted: "canary-flowra-adopted-0d6f",
};

const flowraRow: LifecycleRow = {
  kind: "flowra",
  canaries: Object.values(FLOWRA),
  labelOutput: "displayName",
  collectionPath: "/api/v1/auth_configs",
  itemPath: (id) => `/api/v1/auth_configs/${id}`,
  exists: async (world, id) => (await world.api("GET", `/api/v1/auth_configs/${id}`)).status === 200,
  count: async (world) => (await get<{ data: unknown[] }>(world, "/api/v1/auth_configs")).data.length,
  args: {
    toolkit: "github",
    authScheme: "OAUTH2",
    credentials: { client_id: "github-client-id", client_secret: FLOWRA.clientSecret },
    proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: FLOWRA.proxyKey },
    toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
    restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_LIST_REPOS"],
  },
  createBody: {
    toolkit: { slug: "github" },
    authConfig: {
      type: "use_custom_auth",
      authScheme: "OAUTH2",
      displayName: expect.stringMatching(/^main-/),
      credentials: { client_id: "github-client-id", client_secret: FLOWRA.clientSecret },
      proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: FLOWRA.proxyKey },
      toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
      restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_LIST_REPOS"],
    },
  },
  labelSent: (body) => (body as { authConfig: { displayName: unknown } }).authConfig.displayName,
  rotate: {
    args: (current) => ({ ...current, credentials: { client_id: "github-client-id", client_secret: FLOWRA.rotated } }),
    patch: { credentials: { client_secret: FLOWRA.rotated } },
  },
  removeField: { args: (current) => without(current, "proxyConfig"), patch: { proxyConfig: null } },
  changeList: {
    args: (current) => ({ ...current, restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_LIST_REPOS", "GITHUB_CREATE_ISSUE"] }),
    patch: { restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_LIST_REPOS", "GITHUB_CREATE_ISSUE"] },
  },
  disable: { write: (id) => `PATCH /api/v1/auth_configs/${id}`, body: { isDisabled: true } },
  replace: { args: (current) => ({ ...current, toolkit: "gitlab" }) },
  outOfBand: {
    patch: { restrictToFollowingTools: ["GITLAB_SOMETHING_ELSE"] },
    fieldNames: ["restrictToFollowingTools"],
    fix: { restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_LIST_REPOS", "GITHUB_CREATE_ISSUE"] },
  },
  byHand: {
    createBody: {
      toolkit: { slug: "github" },
      authConfig: { type: "use_custom_auth", authScheme: "OAUTH2", displayName: "github-by-hand", credentials: { client_id: "gh-id", client_secret: "old-secret" }, restrictToFollowingTools: ["GITHUB_GET_USER"] },
    },
    idOf: (body) => (body as { data: { id: string } }).data.id,
    label: "github-by-hand",
    adoptArgs: (id) => ({
      toolkit: "github",
      authScheme: "OAUTH2",
      importId: id,
      credentials: { client_id: "gh-id", client_secret: FLOWRA.adopted },
      restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_CREATE_ISSUE"],
    }),
    adoptPatch: { credentials: { client_secret: FLOWRA.adopted }, restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_CREATE_ISSUE"] },
  },
};

const ELEVENLABS = {
  clientSecret: "canary-elevenlabs-secret-6e08",
  rotated: "canary-elevenlabs-rotated-f13b",
  adopted: "canary-elevenlabs-adopted-92cd",
};

const CONNECTIONS = "/v1/workspace/auth-connections";
const listConnections = async (world: EngineWorld) => (await get<{ auth_connections: { id: string }[] }>(world, CONNECTIONS)).auth_connections;
const OAUTH = "oauth2_client_credentials";

const elevenlabsRow: LifecycleRow = {
  kind: "elevenlabs",
  canaries: Object.values(ELEVENLABS),
  labelOutput: "name",
  collectionPath: CONNECTIONS,
  itemPath: (id) => `${CONNECTIONS}/${id}`,
  exists: async (world, id) => (await listConnections(world)).some((c) => c.id === id),
  count: async (world) => (await listConnections(world)).length,
  args: {
    authType: OAUTH,
    provider: "acme-crm",
    clientId: "crm-client-id",
    clientSecret: ELEVENLABS.clientSecret,
    tokenUrl: "https://auth.acme.example/token",
    scopes: ["read"],
    extraParams: { audience: "crm" },
    basicAuthInHeader: true,
  },
  createBody: {
    auth_type: OAUTH,
    name: expect.stringMatching(/^main-/),
    provider: "acme-crm",
    client_id: "crm-client-id",
    client_secret: ELEVENLABS.clientSecret,
    token_url: "https://auth.acme.example/token",
    scopes: ["read"],
    extra_params: { audience: "crm" },
    basic_auth_in_header: true,
  },
  labelSent: (body) => (body as { name: unknown }).name,
  rotate: {
    args: (current) => ({ ...current, clientSecret: ELEVENLABS.rotated }),
    patch: { auth_type: OAUTH, client_secret: ELEVENLABS.rotated },
  },
  removeField: { args: (current) => without(current, "basicAuthInHeader"), patch: { auth_type: OAUTH, basic_auth_in_header: null } },
  changeList: {
    args: (current) => ({ ...current, scopes: ["read", "write"] }),
    patch: { auth_type: OAUTH, scopes: ["read", "write"] },
  },
  replace: { args: (current) => ({ ...current, tokenUrl: "https://auth2.acme.example/token" }) },
  outOfBand: {
    patch: { auth_type: OAUTH, scopes: ["admin"] },
    fieldNames: ["scopes"],
    fix: { auth_type: OAUTH, scopes: ["read", "write"] },
  },
  byHand: {
    createBody: { auth_type: OAUTH, name: "crm-by-hand", provider: "acme-crm", client_id: "crm-id", client_secret: "old-secret", token_url: "https://auth.acme.example/token", scopes: ["read"] },
    idOf: (body) => (body as { id: string }).id,
    label: "crm-by-hand",
    adoptArgs: (id) => ({
      authType: OAUTH,
      provider: "acme-crm",
      importId: id,
      clientId: "crm-id",
      clientSecret: ELEVENLABS.adopted,
      tokenUrl: "https://auth.acme.example/token",
      scopes: ["read", "write"],
    }),
    // The secret is never returned, so adoption resends it.
    adoptPatch: { auth_type: OAUTH, client_secret: ELEVENLABS.adopted, scopes: ["read", "write"] },
  },
};

export const LIFECYCLE_ROWS: readonly LifecycleRow[] = [composioRow, flowraRow, elevenlabsRow];
