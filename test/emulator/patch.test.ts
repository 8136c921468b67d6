import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AuthConfigStore } from "../../emulator/composio/store";
import { EmulatorClock } from "../../emulator/core/clock";
import { CANARY, call, create, customCreateBody, expect400Naming, expectNoCanary, patch, read, useEmulator } from "./helpers";

const emulator = useEmulator();

const customConfig = () =>
  create(emulator.url, customCreateBody({ credentials: { client_id: "cid", client_secret: "old-secret-value", api_key: "key-value-1" } }));
const managedConfig = () =>
  create(emulator.url, {
    toolkit: { slug: "gmail" },
    auth_config: {
      type: "use_composio_managed_auth",
      name: "gmail-managed",
      credentials: { scopes: ["a", "b"], user_scopes: "u1,u2" },
      tool_access_config: { tools_available_for_execution: ["GMAIL_SEND"], tools_for_connected_account_creation: ["GMAIL_LIST"] },
      shared_credentials: { token: CANARY.botToken },
    },
  });

/** The read object without the fields a PATCH is expected to move. */
const without = (object: Record<string, unknown>, ...fields: string[]) => {
  const copy = { ...object };
  for (const field of ["last_updated_at", ...fields]) delete copy[field];
  return copy;
};

describe("true PATCH", () => {
  it("answers 200 {} and changes only the fields present", async () => {
    const id = await customConfig();
    const before = await read(emulator.url, id);
    const res = await patch(emulator.url, id, { type: "custom", name: "renamed" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    const after = await read(emulator.url, id);
    expect(after.name).toBe("renamed");
    expect(without(after, "name")).toEqual(without(before, "name"));
  });

  it("merges credentials key by key (the seed's rotation example)", async () => {
    const id = await customConfig();
    expect((await patch(emulator.url, id, { type: "custom", credentials: { client_secret: "new_rotated_secret" } })).status).toBe(200);
    expect((await read(emulator.url, id)).credentials).toEqual({ client_id: "cid", client_secret: "new_...", api_key: "key-..." });
    expect((await patch(emulator.url, id, { type: "custom", credentials: { extra: 12345, client_id: "cid-2" } })).status).toBe(200);
    expect((await read(emulator.url, id)).credentials).toEqual({ client_id: "cid-2", client_secret: "new_...", api_key: "key-...", extra: "1234..." });
  });

  it("removes a credential given as null, and all of them with credentials: null", async () => {
    const id = await customConfig();
    await patch(emulator.url, id, { type: "custom", credentials: { api_key: null } });
    expect((await read(emulator.url, id)).credentials).toEqual({ client_id: "cid", client_secret: "old-..." });
    await patch(emulator.url, id, { type: "custom", credentials: null });
    expect((await read(emulator.url, id)).credentials).toEqual({});
  });

  it("replaces the proxy config whole, and clears it with null (the seed's example)", async () => {
    const id = await customConfig();
    await patch(emulator.url, id, { type: "custom", proxy_config: { proxy_url: "https://proxy-2.example" } });
    expect((await read(emulator.url, id)).proxy_config).toEqual({ proxy_url: "https://proxy-2.example" });
    await patch(emulator.url, id, { type: "custom", proxy_config: { proxy_url: "https://proxy-3.example", proxy_auth_key: CANARY.proxyKey } });
    expect((await read(emulator.url, id)).proxy_config).toEqual({ proxy_url: "https://proxy-3.example", proxy_auth_key: "REDACTED" });
    await patch(emulator.url, id, { type: "custom", proxy_config: null });
    expect((await read(emulator.url, id)).proxy_config).toBeNull();
    expect400Naming(await patch(emulator.url, id, { type: "custom", proxy_config: { proxy_url: 5 } }), "proxy_config.proxy_url");
    expect400Naming(await patch(emulator.url, id, { type: "custom", proxy_config: {} }), "proxy_config.proxy_url");
    expect400Naming(await patch(emulator.url, id, { type: "custom", proxy_config: { proxy_url: "https://p", user: "x" } }), "proxy_config.user", "unknown_field");
  });

  it("merges tool_access_config list by list; [] or null clears a list", async () => {
    const id = await managedConfig();
    await patch(emulator.url, id, { type: "default", tool_access_config: { tools_available_for_execution: ["GMAIL_READ", "GMAIL_SEND"] } });
    expect((await read(emulator.url, id)).tool_access_config).toEqual({
      tools_available_for_execution: ["GMAIL_READ", "GMAIL_SEND"],
      tools_for_connected_account_creation: ["GMAIL_LIST"],
    });
    await patch(emulator.url, id, { type: "default", tool_access_config: { tools_for_connected_account_creation: [] } });
    expect((await read(emulator.url, id)).tool_access_config).toEqual({ tools_available_for_execution: ["GMAIL_READ", "GMAIL_SEND"], tools_for_connected_account_creation: [] });
    await patch(emulator.url, id, { type: "default", tool_access_config: { tools_available_for_execution: null } });
    expect((await read(emulator.url, id)).tool_access_config).toEqual({ tools_available_for_execution: [], tools_for_connected_account_creation: [] });
    await patch(emulator.url, id, { type: "default", tool_access_config: { tools_available_for_execution: ["A"], tools_for_connected_account_creation: ["B"] } });
    await patch(emulator.url, id, { type: "default", tool_access_config: null });
    expect((await read(emulator.url, id)).tool_access_config).toEqual({ tools_available_for_execution: [], tools_for_connected_account_creation: [] });
    expect400Naming(await patch(emulator.url, id, { type: "default", tool_access_config: { tools_available_for_execution: [1] } }), "tool_access_config.tools_available_for_execution");
    expect400Naming(await patch(emulator.url, id, { type: "default", tool_access_config: { tools: [] } }), "tool_access_config.tools", "unknown_field");
  });

  it("replaces shared_credentials entirely; null clears them", async () => {
    const id = await customConfig();
    await patch(emulator.url, id, { type: "custom", shared_credentials: { other_token: "x1234567" } });
    expect((await read(emulator.url, id)).shared_credentials).toEqual({ other_token: "REDACTED" });
    await patch(emulator.url, id, { type: "custom", shared_credentials: null });
    expect((await read(emulator.url, id)).shared_credentials).toEqual({});
  });

  it("sets is_enabled_for_tool_router and replaces restrict_to_following_tools", async () => {
    const id = await managedConfig();
    await patch(emulator.url, id, { type: "default", is_enabled_for_tool_router: true, restrict_to_following_tools: ["A", "B"] });
    let object = await read(emulator.url, id);
    expect(object.is_enabled_for_tool_router).toBe(true);
    expect(object.restrict_to_following_tools).toEqual(["A", "B"]);
    await patch(emulator.url, id, { type: "default", restrict_to_following_tools: ["C"] });
    object = await read(emulator.url, id);
    expect(object.restrict_to_following_tools).toEqual(["C"]);
    expect(object.is_enabled_for_tool_router).toBe(true);
  });

  it("sets managed scopes from a string or an array, and clears them with \"\", [] or null", async () => {
    const id = await managedConfig();
    await patch(emulator.url, id, { type: "default", scopes: "x,y" });
    expect((await read(emulator.url, id)).credentials).toEqual({ scopes: "x,y", user_scopes: "u1,u2" });
    await patch(emulator.url, id, { type: "default", user_scopes: ["v"] });
    expect((await read(emulator.url, id)).credentials).toEqual({ scopes: "x,y", user_scopes: ["v"] });
    for (const cleared of ["", [], null]) {
      await patch(emulator.url, id, { type: "default", scopes: ["again"], user_scopes: "again" });
      expect((await read(emulator.url, id)).credentials).toEqual({ scopes: ["again"], user_scopes: "again" });
      await patch(emulator.url, id, { type: "default", scopes: cleared });
      expect((await read(emulator.url, id)).credentials, JSON.stringify(cleared)).toEqual({ user_scopes: "again" });
      await patch(emulator.url, id, { type: "default", user_scopes: cleared });
      expect((await read(emulator.url, id)).credentials).toEqual({});
    }
    expect400Naming(await patch(emulator.url, id, { type: "default", scopes: 5 }), "scopes", "invalid_field_type");
    expect400Naming(await patch(emulator.url, id, { type: "default", user_scopes: [true] }), "user_scopes", "invalid_field_type");
  });
});

describe("PATCH rules", () => {
  it("requires type, and it must match the stored config", async () => {
    const custom = await customConfig();
    const managed = await managedConfig();
    expect400Naming(await patch(emulator.url, custom, { name: "x" }), "type", "missing_field");
    expect400Naming(await patch(emulator.url, custom, { type: "use_custom_auth", name: "x" }), "type", "invalid_field_value");
    expect400Naming(await patch(emulator.url, custom, { type: "default", name: "x" }), "type", "type_mismatch");
    expect400Naming(await patch(emulator.url, managed, { type: "custom", name: "x" }), "type", "type_mismatch");
    expect400Naming(await call(emulator.url, "PATCH", `/api/v3/auth_configs/${custom}`), "type");
    expect((await read(emulator.url, custom)).name).toBe("slack-prod");
    expect((await read(emulator.url, managed)).name).toBe("gmail-managed");
  });

  it("refuses fields not allowed for the type, naming them", async () => {
    const custom = await customConfig();
    const managed = await managedConfig();
    const proxy = await patch(emulator.url, managed, { type: "default", proxy_config: { proxy_url: "https://p" } });
    expect400Naming(proxy, "proxy_config", "field_not_allowed");
    expect(proxy.body.error.message).toBe("proxy_config is not allowed for type default");
    expect400Naming(await patch(emulator.url, managed, { type: "default", credentials: { client_secret: CANARY.clientSecret } }), "credentials", "field_not_allowed");
    expect400Naming(await patch(emulator.url, custom, { type: "custom", scopes: "a" }), "scopes", "field_not_allowed");
    expect400Naming(await patch(emulator.url, custom, { type: "custom", user_scopes: ["a"] }), "user_scopes", "field_not_allowed");
  });

  it("refuses unknown fields and the fields that cannot change, naming them", async () => {
    const id = await customConfig();
    expect400Naming(await patch(emulator.url, id, { type: "custom", colour: "red" }), "colour", "unknown_field");
    expect400Naming(await patch(emulator.url, id, { type: "custom", status: "DISABLED" }), "status", "unknown_field");
    expect400Naming(await patch(emulator.url, id, { type: "custom", toolkit: { slug: "github" } }), "toolkit", "immutable_field");
    expect400Naming(await patch(emulator.url, id, { type: "custom", auth_scheme: "API_KEY" }), "auth_scheme", "immutable_field");
    expect400Naming(await patch(emulator.url, id, { type: "custom", authScheme: "API_KEY" }), "authScheme", "immutable_field");
    const object = await read(emulator.url, id);
    expect(object.toolkit.slug).toBe("slack");
    expect(object.auth_scheme).toBe("OAUTH2");
  });

  it("refuses wrongly typed values, naming the field and never quoting the value", async () => {
    const id = await customConfig();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 5 }, "name"],
      [{ name: "" }, "name"],
      [{ credentials: "x" }, "credentials"],
      [{ credentials: { client_secret: { v: CANARY.rotatedSecret } } }, "credentials.client_secret"],
      [{ credentials: { client_secret: [CANARY.rotatedSecret] } }, "credentials.client_secret"],
      [{ shared_credentials: { t: { v: CANARY.botToken } } }, "shared_credentials.t"],
      [{ shared_credentials: [CANARY.botToken] }, "shared_credentials"],
      [{ proxy_config: { proxy_url: "https://p", proxy_auth_key: 7 } }, "proxy_config.proxy_auth_key"],
      [{ is_enabled_for_tool_router: "true" }, "is_enabled_for_tool_router"],
      [{ restrict_to_following_tools: "A" }, "restrict_to_following_tools"],
    ];
    for (const [fields, field] of cases) {
      const res = await patch(emulator.url, id, { type: "custom", ...fields });
      expect400Naming(res, field);
      expectNoCanary(res.text);
    }
  });

  it("changes nothing, last_updated_at included, when any field of the body is refused", async () => {
    const id = await customConfig();
    const before = await read(emulator.url, id);
    const res = await patch(emulator.url, id, { type: "custom", name: "changed", credentials: { client_secret: "x-new-secret" }, is_enabled_for_tool_router: "no" });
    expect(res.status).toBe(400);
    expect(await read(emulator.url, id)).toEqual(before);
  });

  it("answers 404 with the envelope for an unknown id", async () => {
    const res = await patch(emulator.url, "ac_000000000000", { type: "custom", name: "x" });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ status: 404, code: expect.any(Number), slug: "auth_config_not_found" });
    expect(res.body.error.message).toContain("ac_000000000000");
  });
});

describe("last_updated_at", () => {
  it("moves forward on every successful PATCH, even an empty one, and not on a refused one", async () => {
    const id = await customConfig();
    let previous = (await read(emulator.url, id)).last_updated_at;
    const bodies = [{ name: "a" }, { name: "a" }, {}, { credentials: { client_secret: "s2-value" } }, { is_enabled_for_tool_router: true }];
    for (const body of bodies) {
      expect((await patch(emulator.url, id, { type: "custom", ...body })).status).toBe(200);
      const current = (await read(emulator.url, id)).last_updated_at;
      expect(Date.parse(current)).toBeGreaterThan(Date.parse(previous));
      previous = current;
    }
    await patch(emulator.url, id, { type: "default", name: "b" });
    expect((await read(emulator.url, id)).last_updated_at).toBe(previous);
  });

  it("moves by at least 1 ms per change, even when changes share a millisecond", async () => {
    const id = await customConfig();
    const start = Date.parse((await read(emulator.url, id)).last_updated_at);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => patch(emulator.url, id, { type: "custom", name: `n${i}` })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(Date.parse((await read(emulator.url, id)).last_updated_at) - start).toBeGreaterThanOrEqual(30);
  });

  it("is strictly later than the previous value when the clock has not moved (store)", () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    try {
      const store = new AuthConfigStore({ clock: new EmulatorClock(), uniqueNames: false });
      const config = store.create({
        toolkitSlug: "slack",
        managed: true,
        authScheme: "OAUTH2",
        credentials: {},
        proxyConfig: null,
        toolAccessConfig: { tools_for_connected_account_creation: [], tools_available_for_execution: [] },
        sharedCredentials: {},
        isEnabledForToolRouter: false,
        restrictToFollowingTools: [],
      });
      store.touch(config);
      store.touch(config);
      expect(config.lastUpdatedAt).toBe(1_700_000_000_002);
      now.mockReturnValue(1_700_000_000_100);
      store.touch(config);
      expect(config.lastUpdatedAt).toBe(1_700_000_000_100);
    } finally {
      now.mockRestore();
    }
  });
});
