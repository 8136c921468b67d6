import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { composioAuthConfig } from "../../provider/composio/definition";
import { forgetApiClients } from "../../provider/core/apiClients";
import { AuthConfigError } from "../../provider/core/errors";
import { LookupInputError, LookupResult, lookupById, lookupList } from "../../provider/core/lookups";
import { elevenLabsAuthConnection } from "../../provider/elevenlabs/definition";
import { setStackConfig } from "../../provider/core/settings";
import { flowraAuthConfig } from "../../provider/flowra/definition";
import { pluginProvider } from "../../provider/plugin/pluginProvider";
import { composio, elevenlabs, flowra } from "../../sdk";

/**
 * Lookups (issue 9) against the real emulator over HTTP, for each API, through the core as the
 * plugin's invoke runs it and through the SDK's functions: every page of the list, each filter (on
 * the wire where the API has it), deleted configs never, disabled ones unless filtered, and no
 * secret in any result: neither the values written nor the API's masks of them.
 */

const KEY = "lookups-test-key-canary-5c1e";
/** Distinctive secrets: none may appear in a lookup result, nor its mask (the first 4 characters and `...`). */
const CANARIES = ["lkp-canary-secret-71f3", "lkp-canary-proxykey-0d9a", "lkp-canary-shared-c2b8", "lkp-canary-token-44e6", "lkp-canary-password-9a0f", "lkp-canary-bot-e51d"];

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
}

let url = "";
let close = async () => {};

async function call(method: string, path: string, body?: unknown): Promise<any> {
  const keyHeader = path.startsWith("/v1/workspace") ? "xi-api-key" : "x-api-key";
  const res = await fetch(url + path, { method, headers: { [keyHeader]: KEY, ...(body !== undefined && { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}
const requests = async (): Promise<Recorded[]> => (await fetch(`${url}/_emulator/requests`)).json() as Promise<Recorded[]>;
const clearRequests = () => fetch(`${url}/_emulator/requests`, { method: "DELETE" });

/** Makes `count` configs a few at a time. */
async function makeMany<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += 20) made.push(...(await Promise.all(Array.from({ length: Math.min(20, count - start) }, (_, k) => make(start + k)))));
  return made;
}

/** No canary, no mask of one, no `REDACTED`, anywhere in the results. */
function expectNoSecrets(results: unknown): void {
  const text = JSON.stringify(results);
  for (const canary of [...CANARIES, KEY]) {
    expect(text).not.toContain(canary);
    expect(text).not.toContain(`${canary.slice(0, 4)}...`);
  }
  expect(text).not.toContain("REDACTED");
}

async function failureOf(run: () => Promise<unknown>): Promise<AuthConfigError> {
  try {
    await run();
  } catch (error) {
    return error as AuthConfigError;
  }
  throw new Error("expected the lookup to fail");
}

beforeAll(async () => {
  const running = await startEmulator({ port: 0, apiKey: KEY });
  url = running.url;
  close = running.close;
  for (const prefix of ["COMPOSIO", "FLOWRA", "ELEVENLABS"]) Object.assign(process.env, { [`${prefix}_API_KEY`]: KEY, [`${prefix}_BASE_URL`]: url, [`${prefix}_MAX_RETRIES`]: "1" });
});

afterAll(async () => {
  await close();
  for (const prefix of ["COMPOSIO", "FLOWRA", "ELEVENLABS"]) for (const name of ["API_KEY", "BASE_URL", "MAX_RETRIES"]) delete process.env[`${prefix}_${name}`];
});

beforeEach(() => forgetApiClients());

describe("composio lookups", () => {
  /** 203 slack configs (more than the list's 200 a page), of which 2 disabled and 1 deleted; 2 github configs, one managed. */
  const slack: string[] = [];
  let disabled: string[] = [];
  let deleted = "";
  let managed = "";
  let github = "";

  beforeAll(async () => {
    await fetch(`${url}/_emulator/reset`, { method: "POST" });
    const made = await makeMany(203, (i) =>
      call("POST", "/api/v3/auth_configs", {
        toolkit: { slug: "slack" },
        auth_config: {
          type: "use_custom_auth",
          authScheme: "OAUTH2",
          name: `slack-${i}`,
          credentials: { client_id: `client-${i}`, client_secret: CANARIES[0] },
          proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: CANARIES[1] },
          shared_credentials: { bot_token: CANARIES[2] },
        },
      }),
    );
    slack.push(...made.map((res) => res.auth_config.id as string));
    disabled = [slack[5], slack[201]];
    for (const id of disabled) await call("PATCH", `/api/v3/auth_configs/${id}/DISABLED`);
    deleted = slack[7];
    await call("DELETE", `/api/v3/auth_configs/${deleted}`);
    github = (await call("POST", "/api/v3/auth_configs", { toolkit: { slug: "github" }, auth_config: { type: "use_custom_auth", authScheme: "API_KEY", name: "gh", credentials: { api_key: CANARIES[0] } } })).auth_config.id;
    managed = (await call("POST", "/api/v3/auth_configs", { toolkit: { slug: "github" }, auth_config: { type: "use_composio_managed_auth", name: "gh-managed", credentials: { scopes: "repo,user" } } })).auth_config.id;
  });

  it("lists every page: every live config once, oldest first, disabled ones included, the deleted one not", async () => {
    await clearRequests();
    const { items } = await lookupList(composioAuthConfig, {});
    const expected = [...slack.filter((id) => id !== deleted), github, managed];
    expect(items.map((item) => item.id)).toEqual(expected);
    expect(items.filter((item) => item.enabled === false).map((item) => item.id)).toEqual(disabled);
    const pages = (await requests()).filter((r) => r.method === "GET");
    expect(pages).toHaveLength(2);
    expect(pages[1].query.cursor).toBeTruthy();
  });

  it("filters on the wire: toolkit, search, managed; enabled (true hides disabled ones on the wire, false keeps only them)", async () => {
    await clearRequests();
    expect((await lookupList(composioAuthConfig, { toolkit: "github" })).items.map((i) => i.id)).toEqual([github, managed]);
    expect((await lookupList(composioAuthConfig, { toolkit: "github", managed: true })).items.map((i) => i.id)).toEqual([managed]);
    expect((await lookupList(composioAuthConfig, { search: "slack-20" })).items.map((i) => i.name)).toEqual(["slack-20", "slack-200", "slack-201", "slack-202"]);
    expect((await lookupList(composioAuthConfig, { enabled: false })).items.map((i) => i.id)).toEqual(disabled);
    const enabled = (await lookupList(composioAuthConfig, { toolkit: "slack", enabled: true })).items;
    expect(enabled).toHaveLength(203 - 1 - 2);
    const queries = (await requests()).map((r) => r.query);
    expect(queries[0]).toMatchObject({ toolkit_slug: "github", show_disabled: "true" });
    expect(queries[1]).toMatchObject({ toolkit_slug: "github", is_composio_managed: "true" });
    expect(queries[2]).toMatchObject({ search: "slack-20" });
    expect(queries.at(-1)).toMatchObject({ toolkit_slug: "slack", show_disabled: "false" });
  });

  it("results hold no secret: no credentials, no shared credentials, the proxy's URL without its key, no mask", async () => {
    const { items } = await lookupList(composioAuthConfig, {});
    const one = await lookupById(composioAuthConfig, { id: slack[0] });
    expectNoSecrets([items, one]);
    for (const item of [...items, one]) {
      expect(item).not.toHaveProperty("credentials");
      expect(item).not.toHaveProperty("sharedCredentials");
    }
    expect(one.proxyConfig).toEqual({ proxyUrl: "https://proxy.example" });
    // What is not secret is there: the managed config's scopes, a custom config's scheme.
    expect(items.find((i) => i.id === managed)).toMatchObject({ managed: true, scopes: ["repo", "user"] });
    expect(one).toMatchObject({ id: slack[0], toolkit: "slack", name: "slack-0", authScheme: "OAUTH2", enabled: true, status: "ENABLED" });
  });

  it("gets one by id as the list shows it; a disabled one too; a deleted or unknown id is a clear error", async () => {
    const { items } = await lookupList(composioAuthConfig, { toolkit: "github" });
    expect(await lookupById(composioAuthConfig, { id: github })).toEqual(items[0]);
    expect(await lookupById(composioAuthConfig, { id: disabled[0] })).toMatchObject({ enabled: false, status: "DISABLED" });
    for (const id of [deleted, "ac_doesnotexist1"]) {
      const error = await failureOf(() => lookupById(composioAuthConfig, { id }));
      expect(error.code).toBe("AUTHCONFIG_LOOKUP_NOT_FOUND");
      expect(error.message).toBe(`composio.getAuthConfig: composio.AuthConfig ${id} does not exist (or was deleted)`);
    }
  });

  it("wrong arguments fail naming each field, before any request", async () => {
    await clearRequests();
    const cases: [() => Promise<unknown>, string[], string][] = [
      [() => lookupList(composioAuthConfig, { toolkit: "slack,github" }), ["toolkit"], 'composio.listAuthConfigs: toolkit must look like slack, got "slack,github"'],
      [() => lookupList(composioAuthConfig, { enabled: "yes", colour: "red" }), ["enabled", "colour"], 'composio.listAuthConfigs: enabled must be true or false, got "yes"; colour is not an argument of composio.listAuthConfigs; it takes toolkit, search, managed, enabled'],
      [() => lookupById(composioAuthConfig, { id: "slack-0" }), ["id"], 'composio.getAuthConfig: id must look like ac_1a2b3c4d5e6f, got "slack-0"'],
      [() => lookupById(composioAuthConfig, {}), ["id"], "composio.getAuthConfig: id is required"],
    ];
    for (const [run, fields, message] of cases) {
      const error = await failureOf(run);
      expect(error).toBeInstanceOf(LookupInputError);
      expect((error as LookupInputError).failures.map((f) => f.property).sort()).toEqual(fields.sort());
      expect(error.message).toBe(message);
    }
    expect(await requests()).toEqual([]);
  });

  it("a refused key is a clear error: the status, where the key came from, its fingerprint, never the key", async () => {
    process.env.COMPOSIO_API_KEY = "lookups-wrong-key-canary-e0d2";
    try {
      const error = await failureOf(() => lookupList(composioAuthConfig, {}));
      expect(error.code).toBe("AUTHCONFIG_API_AUTHENTICATION");
      expect(error.message).toMatch(/^composio\.listAuthConfigs: lookup failed: GET \/api\/v3\/auth_configs answered 401/);
      expect(error.message).toContain("The API key used came from environment variable COMPOSIO_API_KEY (sha256 fingerprint ");
      expect(error.message).not.toContain("lookups-wrong-key-canary-e0d2");
    } finally {
      process.env.COMPOSIO_API_KEY = KEY;
    }
  });

  it("the plugin's invoke serves them by token, with the settings its Configure gave; wrong arguments come back as failures naming the field", async () => {
    const plugin = pluginProvider("0.0.0", "{}");
    // The plugin's own keys, not the environment's: a wrong environment key must not matter.
    process.env.COMPOSIO_API_KEY = "lookups-wrong-key-canary-e0d2";
    plugin.configure({ values: { composioApiKey: KEY, composioBaseUrl: url }, providerName: "default" });
    try {
      const listed = await plugin.invoke!("authconfig:composio:listAuthConfigs", { toolkit: "github" });
      expect(listed.failures).toBeUndefined();
      expect((listed.outputs as { items: LookupResult[] }).items.map((i) => i.id)).toEqual([github, managed]);
      expect((await plugin.invoke!("authconfig:composio:getAuthConfig", { id: github })).outputs).toEqual((listed.outputs as { items: LookupResult[] }).items[0]);
      await clearRequests();
      const wrong = await plugin.invoke!("authconfig:composio:listAuthConfigs", { managed: "yes" });
      expect(wrong.failures).toEqual([{ property: "managed", reason: 'managed must be true or false, got "yes"' }]);
      expect(await requests()).toEqual([]);
      await expect(plugin.invoke!("authconfig:composio:getAuthConfigs", {})).rejects.toThrow(/has no function authconfig:composio:getAuthConfigs; it has authconfig:composio:getAuthConfig, /);
    } finally {
      setStackConfig(undefined);
      process.env.COMPOSIO_API_KEY = KEY;
    }
  });

  it("the SDK's functions run the same lookups in this process, with the same settings", async () => {
    const listed = await composio.listAuthConfigs({ toolkit: "github" });
    expect(listed.items.map((i) => i.id)).toEqual([github, managed]);
    expect(await composio.getAuthConfig({ id: github })).toEqual(listed.items[0]);
    const error = await failureOf(() => composio.getAuthConfig({ id: "nope" }));
    expect(error.message).toBe('composio.getAuthConfig: id must look like ac_1a2b3c4d5e6f, got "nope"');
  });
});

describe("flowra lookups", () => {
  /** 103 github configs (more than the list's 100 a page), one disabled, one deleted; a managed gmail config. */
  const github: string[] = [];
  let deleted = "";
  let disabled = "";
  let managed = "";

  beforeAll(async () => {
    await fetch(`${url}/_emulator/reset`, { method: "POST" });
    const made = await makeMany(103, (i) =>
      call("POST", "/api/v1/auth_configs", {
        toolkit: { slug: "github" },
        authConfig: {
          type: "use_custom_auth",
          authScheme: "OAUTH2",
          displayName: `GitHub ${i}`,
          credentials: { client_id: `client-${i}`, client_secret: CANARIES[0] },
          proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: CANARIES[1] },
        },
      }),
    );
    github.push(...made.map((res) => res.data.id as string));
    disabled = github[100];
    await call("PATCH", `/api/v1/auth_configs/${disabled}`, { isDisabled: true });
    deleted = github[3];
    await call("DELETE", `/api/v1/auth_configs/${deleted}`);
    managed = (await call("POST", "/api/v1/auth_configs", { toolkit: { slug: "gmail" }, authConfig: { type: "use_provider_managed_auth", displayName: "Mail" } })).data.id;
  });

  it("lists every page: every live config once, oldest first, the disabled one included, the deleted one not", async () => {
    await clearRequests();
    const { items } = await lookupList(flowraAuthConfig, {});
    expect(items.map((i) => i.id)).toEqual([...github.filter((id) => id !== deleted), managed]);
    expect(items.find((i) => i.id === disabled)?.enabled).toBe(false);
    expect((await requests()).map((r) => r.query.page)).toEqual(["1", "2"]);
    expectNoSecrets(items);
    expect(items[0]).not.toHaveProperty("credentials");
    expect(items[0].proxyConfig).toEqual({ proxyUrl: "https://proxy.example" });
  });

  it("filters: toolkit and provider on the wire; displayName, managed and enabled by test", async () => {
    await clearRequests();
    expect((await lookupList(flowraAuthConfig, { toolkit: "gmail" })).items.map((i) => i.id)).toEqual([managed]);
    expect((await lookupList(flowraAuthConfig, { provider: "composio" })).items).toEqual([]);
    expect((await lookupList(flowraAuthConfig, { displayName: "GitHub 42" })).items.map((i) => i.id)).toEqual([github[42]]);
    expect((await lookupList(flowraAuthConfig, { managed: true })).items.map((i) => i.id)).toEqual([managed]);
    expect((await lookupList(flowraAuthConfig, { enabled: false })).items.map((i) => i.id)).toEqual([disabled]);
    const queries = (await requests()).map((r) => r.query);
    expect(queries[0]).toMatchObject({ toolkitSlug: "gmail" });
    expect(queries[1]).toMatchObject({ provider: "composio" });
    const error = await failureOf(() => lookupList(flowraAuthConfig, { provider: "acme" }));
    expect(error.message).toBe('flowra.listAuthConfigs: provider must be one of composio, flowra, got "acme"');
  });

  it("gets one by id; a deleted id is a clear error; the SDK gives the same", async () => {
    const one = await lookupById(flowraAuthConfig, { id: github[0] });
    expect(one).toMatchObject({ id: github[0], toolkit: "github", displayName: "GitHub 0", enabled: true, provider: "flowra" });
    expectNoSecrets(one);
    expect(await flowra.getAuthConfig({ id: github[0] })).toEqual(one);
    const error = await failureOf(() => lookupById(flowraAuthConfig, { id: deleted }));
    expect(error.message).toBe(`flowra.getAuthConfig: flowra.AuthConfig ${deleted} does not exist (or was deleted)`);
  });
});

describe("elevenlabs lookups", () => {
  let bearer = "";
  let basic = "";
  let elsewhere = "";

  beforeAll(async () => {
    await fetch(`${url}/_emulator/reset`, { method: "POST" });
    bearer = (await call("POST", "/v1/workspace/auth-connections", { auth_type: "bearer_auth", name: "crm", provider: "acme", token: CANARIES[3] })).id;
    basic = (await call("POST", "/v1/workspace/auth-connections", { auth_type: "basic_auth", name: "legacy", provider: "acme", username: "svc", password: CANARIES[4] })).id;
    elsewhere = (await call("POST", "/_emulator/elevenlabs/seed", { auth_type: "slack_bot_auth", name: "slack-bot", provider: "slack", bot_token: CANARIES[5] })).auth_connections[0].id;
  });

  it("lists every connection with one request, types made elsewhere with their common fields, no secret", async () => {
    await clearRequests();
    const { items } = await lookupList(elevenLabsAuthConnection, {});
    expect(items.map((i) => i.id).sort()).toEqual([bearer, basic, elsewhere].sort());
    expect(await requests()).toHaveLength(1);
    expect(items.find((i) => i.id === basic)).toMatchObject({ authType: "basic_auth", name: "legacy", provider: "acme", username: "svc" });
    const other = items.find((i) => i.id === elsewhere) as LookupResult;
    expect(Object.keys(other).filter((key) => !["status", "statusDetail", "statusUpdatedAt"].includes(key)).sort()).toEqual(["authType", "id", "name", "provider"]);
    expectNoSecrets(items);
  });

  it("filters by test (the list takes no query): authType, provider, name, status", async () => {
    await clearRequests();
    expect((await lookupList(elevenLabsAuthConnection, { authType: "slack_bot_auth" })).items.map((i) => i.id)).toEqual([elsewhere]);
    expect((await lookupList(elevenLabsAuthConnection, { provider: "acme", name: "crm" })).items.map((i) => i.id)).toEqual([bearer]);
    expect((await lookupList(elevenLabsAuthConnection, { status: "revoked" })).items).toEqual([]);
    expect((await requests()).every((r) => Object.keys(r.query).length === 0)).toBe(true);
  });

  it("gets one by id (from the list: there is no GET by id); an unknown id is a clear error; the SDK gives the same", async () => {
    const one = await lookupById(elevenLabsAuthConnection, { id: bearer });
    expect(one).toMatchObject({ id: bearer, authType: "bearer_auth", name: "crm", provider: "acme" });
    expect(one).not.toHaveProperty("token");
    expect(await elevenlabs.getAuthConnection({ id: bearer })).toEqual(one);
    const error = await failureOf(() => lookupById(elevenLabsAuthConnection, { id: "nope1234" }));
    expect(error.message).toBe("elevenlabs.getAuthConnection: elevenlabs.AuthConnection nope1234 does not exist (or was deleted)");
  });
});
