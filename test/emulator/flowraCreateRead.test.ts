import { describe, expect, it } from "vitest";
import { CANARY, call, expectFlowraError, expectNoCanary, flowraCreate, flowraCreateBody, storeOf, useEmulator } from "./helpers";

const emulator = useEmulator();
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("Flowra create", () => {
  it("answers 201 with the success wrapper and the config object, masked", async () => {
    const res = await call(emulator.url, "POST", "/api/v1/auth_configs", { body: flowraCreateBody({ restrictToFollowingTools: ["GITHUB_X"] }) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ success: true, message: expect.any(String), data: expect.any(Object) });
    const data = res.body.data;
    expect(data).toEqual({
      id: expect.stringMatching(UUID),
      name: expect.stringMatching(/^github-[a-z0-9]{6}$/),
      displayName: "GitHub prod",
      toolkit: { slug: "github" },
      provider: "flowra",
      authScheme: "OAUTH2",
      isProviderManaged: false,
      isDisabled: false,
      credentials: { client_id: "gh-client-id", client_secret: "cana..." },
      proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: "REDACTED" },
      toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
      restrictToFollowingTools: ["GITHUB_X"],
      createdAt: expect.stringMatching(ISO),
      updatedAt: data.createdAt,
    });
    expectNoCanary(res.text);
  });

  it("reads back the same object by id, and the store holds the secrets", async () => {
    const created = await flowraCreate(emulator.url, flowraCreateBody());
    const res = await call(emulator.url, "GET", `/api/v1/auth_configs/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: expect.any(String), data: created });
    const stored = (await storeOf(emulator.url)).flowra.find((config) => config.id === created.id);
    expect(stored.credentials.client_secret).toBe(CANARY.clientSecret);
    expect(stored.proxyConfig.proxyAuthKey).toBe(CANARY.proxyKey);
  });

  it("allocates a unique name and ignores the one sent", async () => {
    const created = await Promise.all(Array.from({ length: 15 }, () => flowraCreate(emulator.url, flowraCreateBody({ name: "my-name" }, "gmail"))));
    const names = created.map((config) => config.name);
    expect(new Set(names).size).toBe(15);
    for (const name of names) expect(name).toMatch(/^gmail-[a-z0-9]{6}$/);
  });

  it("masks every credential but client_id, scopes included; short values become ...", async () => {
    const created = await flowraCreate(
      emulator.url,
      flowraCreateBody({ credentials: { client_id: "id-1", client_secret: "abc", api_key: 12345678, scopes: ["repo", "user"] }, proxyConfig: null }),
    );
    expect(created.credentials).toEqual({ client_id: "id-1", client_secret: "...", api_key: "1234...", scopes: "repo..." });
    expect(created.proxyConfig).toBeNull();
  });

  it("without authConfig: a provider-managed config reporting OAUTH2, no display name", async () => {
    const created = await flowraCreate(emulator.url, { toolkit: { slug: "slack" } });
    expect(created).toMatchObject({ isProviderManaged: true, authScheme: "OAUTH2", displayName: null, credentials: {}, proxyConfig: null, restrictToFollowingTools: [] });
    const managed = await flowraCreate(emulator.url, { toolkit: { slug: "slack" }, authConfig: { type: "use_provider_managed_auth", credentials: { scopes: "chat:write" } } });
    expect(managed.credentials).toEqual({ scopes: "chat..." });
  });

  it("accepts Flowra's own auth schemes", async () => {
    for (const authScheme of ["COOKIE", "WHATSAPP_QR", "DCR_OAUTH"]) {
      expect((await flowraCreate(emulator.url, flowraCreateBody({ authScheme }))).authScheme).toBe(authScheme);
    }
  });

  it("refuses bad bodies with a 400 naming the field, storing nothing and quoting no secret", async () => {
    const storedBefore = (await storeOf(emulator.url)).flowra.length;
    const cases: [unknown, string][] = [
      [{}, "toolkit.slug"],
      [{ toolkit: { slug: "" } }, "toolkit.slug"],
      [{ toolkit: { slug: "github" }, auth_config: { type: "use_custom_auth" } }, "authConfig"],
      [{ toolkit: { slug: "github" }, extra: 1 }, "extra"],
      [flowraCreateBody({ type: "use_composio_managed_auth" }), "authConfig.type"],
      [flowraCreateBody({ authScheme: undefined }), "authConfig.authScheme"],
      [flowraCreateBody({ authScheme: "OAUTH3" }), "authConfig.authScheme"],
      [flowraCreateBody({ auth_scheme: "OAUTH2" }), "authConfig.auth_scheme"],
      [flowraCreateBody({ isDisabled: true }), "authConfig.isDisabled"],
      [flowraCreateBody({ displayName: "" }), "authConfig.displayName"],
      [flowraCreateBody({ credentials: { client_secret: { nested: CANARY.clientSecret } } }), "authConfig.credentials.client_secret"],
      [flowraCreateBody({ proxyConfig: { proxy_url: "https://p", proxyAuthKey: CANARY.proxyKey } }), "authConfig.proxyConfig.proxy_url"],
      [flowraCreateBody({ proxyConfig: { proxyAuthKey: CANARY.proxyKey } }), "authConfig.proxyConfig.proxyUrl"],
      [flowraCreateBody({ toolAccessConfig: { toolsAvailableForExecution: [] } }), "authConfig.toolAccessConfig.toolsAvailableForExecution"],
      [flowraCreateBody({ restrictToFollowingTools: "GITHUB_X" }), "authConfig.restrictToFollowingTools"],
      [{ toolkit: { slug: "gmail" }, authConfig: { type: "use_provider_managed_auth", authScheme: "OAUTH2" } }, "authConfig.authScheme"],
      [{ toolkit: { slug: "gmail" }, authConfig: { type: "use_provider_managed_auth", credentials: { client_secret: CANARY.clientSecret } } }, "authConfig.credentials.client_secret"],
      [{ toolkit: { slug: "gmail" }, authConfig: { type: "use_provider_managed_auth", proxyConfig: { proxyUrl: "https://p" } } }, "authConfig.proxyConfig"],
    ];
    for (const [body, field] of cases) {
      const res = await call(emulator.url, "POST", "/api/v1/auth_configs", { body });
      expectFlowraError(res, 400, field);
      expect(res.body.error).toBe("Bad Request");
      expectNoCanary(res.text);
    }
    const snake = await call(emulator.url, "POST", "/api/v1/auth_configs", { body: { toolkit: { slug: "github" }, auth_config: {} } });
    expect(snake.body.message).toContain("auth_config");
    expect((await storeOf(emulator.url)).flowra).toHaveLength(storedBefore);
  });
});

describe("Flowra delete", () => {
  it("answers the success wrapper without data, then 404 for GET, PATCH and DELETE", async () => {
    const created = await flowraCreate(emulator.url, flowraCreateBody());
    const res = await call(emulator.url, "DELETE", `/api/v1/auth_configs/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: expect.any(String) });
    for (const [method, body] of [["GET"], ["PATCH", { displayName: "x" }], ["DELETE"]] as const) {
      const gone = await call(emulator.url, method, `/api/v1/auth_configs/${created.id}`, { body });
      expectFlowraError(gone, 404, created.id);
      expect(gone.body.error).toBe("Not Found");
    }
    expect((await storeOf(emulator.url)).flowra.some((config) => config.id === created.id)).toBe(false);
  });
});
