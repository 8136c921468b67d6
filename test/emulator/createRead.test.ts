import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_SCHEMES, StoredAuthConfig } from "../../emulator/composio/authConfig";
import { authConfigObject } from "../../emulator/composio/masking";
import { CANARY, call, create, customCreateBody, expect400Naming, expectNoCanary, read, useEmulator } from "./helpers";

const emulator = useEmulator();

describe("create", () => {
  it("answers 201 with the spec's create response", async () => {
    const res = await call(emulator.url, "POST", "/api/v3/auth_configs", { body: customCreateBody({ restrict_to_following_tools: ["SLACK_X"] }) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      toolkit: { slug: "slack" },
      auth_config: { id: res.body.auth_config.id, auth_scheme: "OAUTH2", is_composio_managed: false, restrict_to_following_tools: ["SLACK_X"] },
    });
    expect(res.body.auth_config.id).toMatch(/^ac_[A-Za-z0-9_-]{12}$/);
  });

  it("gives every config its own id", async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => create(emulator.url, { toolkit: { slug: "gmail" } })));
    expect(new Set(ids).size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^ac_[A-Za-z0-9_-]{12}$/);
  });

  it("reads back a custom config with every field of the auth config object", async () => {
    const before = Date.now();
    const id = await create(emulator.url, customCreateBody({ restrict_to_following_tools: ["SLACK_A"] }));
    const object = await read(emulator.url, id);
    expect(object).toEqual({
      id,
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: "custom",
      toolkit: { slug: "slack", logo: expect.any(String) },
      name: "slack-prod",
      status: "ENABLED",
      no_of_connections: 0,
      auth_scheme: "OAUTH2",
      is_composio_managed: false,
      credentials: { client_id: "slack-client-id", client_secret: "cana..." },
      proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: "REDACTED" },
      tool_access_config: { tools_available_for_execution: ["SLACK_SEND_MESSAGE"], tools_for_connected_account_creation: [] },
      shared_credentials: { bot_token: "REDACTED" },
      is_enabled_for_tool_router: false,
      restrict_to_following_tools: ["SLACK_A"],
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      last_updated_at: object.created_at,
      expected_input_fields: [],
    });
    const created = Date.parse(object.created_at);
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Date.now());
  });

  it("applies the spec's default auth_config (managed) when auth_config is omitted, and names it <slug>-<6 chars>", async () => {
    const res = await call(emulator.url, "POST", "/api/v3/auth_configs", { body: { toolkit: { slug: "github" } } });
    expect(res.status).toBe(201);
    expect(res.body.auth_config.is_composio_managed).toBe(true);
    expect(res.body.auth_config.restrict_to_following_tools).toEqual([]);
    const object = await read(emulator.url, res.body.auth_config.id);
    expect(object.type).toBe("default");
    expect(object.is_composio_managed).toBe(true);
    expect(object.credentials).toEqual({});
    expect(object.proxy_config).toBeNull();
    expect(object.name).toMatch(/^github-[a-z0-9]{6}$/);
    expect(object.status).toBe("ENABLED");
  });

  it("picks a different default name each time, and accepts duplicate names", async () => {
    const body = { toolkit: { slug: "notion" }, auth_config: { type: "use_composio_managed_auth" } };
    const [a, b] = [await read(emulator.url, await create(emulator.url, body)), await read(emulator.url, await create(emulator.url, body))];
    expect(a.name).not.toBe(b.name);
    const named = customCreateBody({ name: "same-name" });
    const [c, d] = [await create(emulator.url, named), await create(emulator.url, named)];
    expect(c).not.toBe(d);
    expect((await read(emulator.url, c)).name).toBe((await read(emulator.url, d)).name);
  });

  it("serves /api/v3 and /api/v3.1 identically", async () => {
    const viaV31 = await create(emulator.url, customCreateBody({ name: "via-v3.1" }), "/api/v3.1");
    const viaV3 = await create(emulator.url, customCreateBody({ name: "via-v3" }), "/api/v3");
    const fromV3 = await call(emulator.url, "GET", `/api/v3/auth_configs/${viaV31}`);
    const fromV31 = await call(emulator.url, "GET", `/api/v3.1/auth_configs/${viaV31}`);
    expect(fromV31.status).toBe(200);
    expect(fromV31.body).toEqual(fromV3.body);
    expect((await call(emulator.url, "GET", `/api/v3.1/auth_configs/${viaV3}`)).body.name).toBe("via-v3");
    expect((await call(emulator.url, "PATCH", `/api/v3.1/auth_configs/${viaV3}`, { body: { type: "custom", name: "renamed" } })).status).toBe(200);
    expect((await read(emulator.url, viaV3)).name).toBe("renamed");
    expect((await call(emulator.url, "GET", "/api/v3.1/auth_configs/ac_doesnotexist")).status).toBe(404);
  });

  it("accepts each auth scheme of the spec for custom configs", async () => {
    for (const scheme of AUTH_SCHEMES) {
      const res = await call(emulator.url, "POST", "/api/v3/auth_configs", { body: { toolkit: { slug: "x" }, auth_config: { type: "use_custom_auth", authScheme: scheme } } });
      expect(res.status, scheme).toBe(201);
      expect(res.body.auth_config.auth_scheme).toBe(scheme);
    }
  });

  it("accepts scopes (string or array) on managed configs and returns them as set", async () => {
    const id = await create(emulator.url, {
      toolkit: { slug: "gmail" },
      auth_config: { type: "use_composio_managed_auth", credentials: { scopes: "a,b", user_scopes: ["u1", "u2"] } },
    });
    expect((await read(emulator.url, id)).credentials).toEqual({ scopes: "a,b", user_scopes: ["u1", "u2"] });
  });
});

describe("create validation", () => {
  const post = (body: unknown) => call(emulator.url, "POST", "/api/v3/auth_configs", { body });
  const custom = (fields: Record<string, unknown>) => ({ toolkit: { slug: "slack" }, auth_config: { type: "use_custom_auth", authScheme: "OAUTH2", ...fields } });
  const managed = (fields: Record<string, unknown>) => ({ toolkit: { slug: "slack" }, auth_config: { type: "use_composio_managed_auth", ...fields } });

  it("requires toolkit.slug as a non-empty string", async () => {
    expect400Naming(await post({ auth_config: { type: "use_composio_managed_auth" } }), "toolkit.slug", "missing_field");
    expect400Naming(await post({ toolkit: {} }), "toolkit.slug", "missing_field");
    expect400Naming(await post({ toolkit: { slug: "" } }), "toolkit.slug");
    expect400Naming(await post({ toolkit: { slug: 7 } }), "toolkit.slug");
    expect400Naming(await post({ toolkit: "slack" }), "toolkit");
    expect400Naming(await call(emulator.url, "POST", "/api/v3/auth_configs"), "toolkit.slug");
  });

  it("rejects unknown fields, naming them", async () => {
    expect400Naming(await post({ toolkit: { slug: "slack" }, extra: 1 }), "extra", "unknown_field");
    expect400Naming(await post({ toolkit: { slug: "slack", name: "x" } }), "toolkit.name", "unknown_field");
    expect400Naming(await post(custom({ colour: "red" })), "auth_config.colour", "unknown_field");
    const snake = await post(custom({ auth_scheme: "OAUTH2" }));
    expect400Naming(snake, "auth_config.auth_scheme", "unknown_field");
    expect(snake.body.error.suggested_fix).toContain("authScheme");
    expect400Naming(await post(custom({ proxy_config: { proxy_url: "https://p", port: 1 } })), "auth_config.proxy_config.port", "unknown_field");
    expect400Naming(await post(custom({ tool_access_config: { tools: [] } })), "auth_config.tool_access_config.tools", "unknown_field");
  });

  it("requires a known type", async () => {
    expect400Naming(await post({ toolkit: { slug: "slack" }, auth_config: { name: "n" } }), "auth_config.type", "missing_field");
    expect400Naming(await post({ toolkit: { slug: "slack" }, auth_config: { type: "custom" } }), "auth_config.type", "invalid_field_value");
  });

  it("requires authScheme from the spec's list for custom configs, and forbids it for managed ones", async () => {
    expect400Naming(await post({ toolkit: { slug: "slack" }, auth_config: { type: "use_custom_auth" } }), "auth_config.authScheme", "missing_field");
    expect400Naming(await post(custom({ authScheme: "OAUTH3" })), "auth_config.authScheme", "invalid_field_value");
    expect400Naming(await post(custom({ authScheme: "oauth2" })), "auth_config.authScheme", "invalid_field_value");
    const res = await post(managed({ authScheme: "OAUTH2" }));
    expect400Naming(res, "auth_config.authScheme", "field_not_allowed");
    expect(res.body.error.message).toBe("auth_config.authScheme is not allowed for type use_composio_managed_auth");
  });

  it("forbids proxy_config and non-scope credentials on managed configs", async () => {
    expect400Naming(await post(managed({ proxy_config: { proxy_url: "https://p" } })), "auth_config.proxy_config", "field_not_allowed");
    expect400Naming(await post(managed({ credentials: { client_secret: CANARY.clientSecret } })), "auth_config.credentials.client_secret", "field_not_allowed");
  });

  it("rejects wrongly typed fields, naming them", async () => {
    expect400Naming(await post(custom({ name: 5 })), "auth_config.name", "invalid_field_type");
    expect400Naming(await post(custom({ credentials: "x" })), "auth_config.credentials", "invalid_field_type");
    expect400Naming(await post(custom({ credentials: { client_secret: { value: "x" } } })), "auth_config.credentials.client_secret", "invalid_field_type");
    expect400Naming(await post(custom({ credentials: { client_secret: null } })), "auth_config.credentials.client_secret");
    expect400Naming(await post(custom({ credentials: { scopes: [1] } })), "auth_config.credentials.scopes");
    expect400Naming(await post(managed({ credentials: { scopes: 3 } })), "auth_config.credentials.scopes");
    expect400Naming(await post(custom({ proxy_config: { proxy_auth_key: "k" } })), "auth_config.proxy_config.proxy_url");
    expect400Naming(await post(custom({ proxy_config: { proxy_url: 1 } })), "auth_config.proxy_config.proxy_url");
    expect400Naming(await post(custom({ proxy_config: "https://p" })), "auth_config.proxy_config");
    expect400Naming(await post(custom({ tool_access_config: { tools_available_for_execution: "A" } })), "auth_config.tool_access_config.tools_available_for_execution");
    expect400Naming(await post(custom({ shared_credentials: { bot_token: ["x"] } })), "auth_config.shared_credentials.bot_token");
    expect400Naming(await post(custom({ is_enabled_for_tool_router: "yes" })), "auth_config.is_enabled_for_tool_router");
    expect400Naming(await post(custom({ restrict_to_following_tools: "A" })), "auth_config.restrict_to_following_tools");
    expect400Naming(await post({ toolkit: { slug: "slack" }, auth_config: [] }), "auth_config");
    expect400Naming(await post([]), "body");
  });

  it("never quotes a submitted value in an error", async () => {
    const bad = [
      custom({ credentials: { client_secret: { nested: CANARY.clientSecret } } }),
      custom({ credentials: { client_secret: CANARY.clientSecret }, shared_credentials: { bot_token: { t: CANARY.botToken } } }),
      custom({ credentials: { client_secret: CANARY.clientSecret }, proxy_config: { proxy_url: 3, proxy_auth_key: CANARY.proxyKey } }),
      managed({ credentials: { client_secret: CANARY.clientSecret } }),
      custom({ authScheme: CANARY.clientSecret }),
    ];
    for (const body of bad) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expectNoCanary(res.text);
    }
    const broken = await call(emulator.url, "POST", "/api/v3/auth_configs", { rawBody: `{"secret": "${CANARY.clientSecret}"`, headers: { "content-type": "application/json" } });
    expect400Naming(broken, "JSON", "invalid_request_body");
    expectNoCanary(broken.text);
  });

  it("stores nothing when a create is refused", async () => {
    const before = (await call(emulator.url, "GET", "/api/v3/auth_configs?limit=200&show_disabled=true")).body.total_items;
    await post(custom({ name: "refused", is_enabled_for_tool_router: "no" }));
    const after = await call(emulator.url, "GET", "/api/v3/auth_configs?limit=200&show_disabled=true&search=refused");
    expect(after.body.total_items).toBe(0);
    expect((await call(emulator.url, "GET", "/api/v3/auth_configs?limit=200&show_disabled=true")).body.total_items).toBe(before);
  });
});

describe("masking", () => {
  it("passes client_id, consumer_key and scopes through and obfuscates every other custom credential", async () => {
    const id = await create(emulator.url, {
      toolkit: { slug: "twitter" },
      auth_config: {
        type: "use_custom_auth",
        authScheme: "OAUTH1",
        credentials: {
          client_id: "cid-123456",
          consumer_key: "ck-abcdef",
          consumer_secret: CANARY.clientSecret,
          four: "abcd",
          short: "ab",
          empty: "",
          number: 1234567,
          numeric_id: 42,
          yes: true,
          no: false,
          scopes: ["read", "write"],
          user_scopes: "profile,email",
        },
      },
    });
    expect((await read(emulator.url, id)).credentials).toEqual({
      client_id: "cid-123456",
      consumer_key: "ck-abcdef",
      consumer_secret: "cana...",
      four: "...",
      short: "...",
      empty: "...",
      number: "1234...",
      numeric_id: "...",
      yes: "...",
      no: "fals...",
      scopes: ["read", "write"],
      user_scopes: "profile,email",
    });
  });

  it("keeps a non-string client_id as sent", async () => {
    const id = await create(emulator.url, customCreateBody({ credentials: { client_id: 998877, client_secret: CANARY.clientSecret } }));
    expect((await read(emulator.url, id)).credentials.client_id).toBe(998877);
  });

  it("redacts shared_credentials values and the proxy auth key, and leaves out an absent proxy key", async () => {
    const id = await create(emulator.url, customCreateBody({ shared_credentials: { bot_token: CANARY.botToken, team: 7, on: true } }));
    const object = await read(emulator.url, id);
    expect(object.shared_credentials).toEqual({ bot_token: "REDACTED", team: "REDACTED", on: "REDACTED" });
    expect(object.proxy_config).toEqual({ proxy_url: "https://proxy.example", proxy_auth_key: "REDACTED" });
    const without = await read(emulator.url, await create(emulator.url, customCreateBody({ proxy_config: { proxy_url: "https://p2" } })));
    expect(without.proxy_config).toEqual({ proxy_url: "https://p2" });
  });

  it("redacts every managed credential value except scopes (the API cannot store one, so checked on the view)", () => {
    const stored: StoredAuthConfig = {
      id: "ac_abcdefghijkl",
      uuid: "u",
      toolkitSlug: "slack",
      managed: true,
      authScheme: "OAUTH2",
      name: "n",
      status: "ENABLED",
      credentials: { token: CANARY.clientSecret, client_id: "cid", scopes: ["a"], user_scopes: "b" },
      proxyConfig: null,
      toolAccessConfig: { tools_for_connected_account_creation: [], tools_available_for_execution: [] },
      sharedCredentials: {},
      isEnabledForToolRouter: false,
      restrictToFollowingTools: [],
      createdAt: 0,
      lastUpdatedAt: 0,
      deleted: false,
    };
    expect(authConfigObject(stored).credentials).toEqual({ token: "REDACTED", client_id: "REDACTED", scopes: ["a"], user_scopes: "b" });
  });

  it("never returns a canary in a read or a list", async () => {
    await create(emulator.url, customCreateBody({ credentials: { client_id: "c", client_secret: CANARY.clientSecret, api_key: CANARY.rotatedSecret } }));
    let cursor: string | null = "";
    let pages = 0;
    do {
      const res = await call(emulator.url, "GET", `/api/v3/auth_configs?limit=10&show_disabled=true${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      expectNoCanary(res.text);
      for (const item of res.body.items) expectNoCanary(JSON.stringify(await read(emulator.url, item.id)));
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
  });
});
