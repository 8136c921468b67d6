import { describe, expect, it } from "vitest";
import { CANARY, call, expectFlowraError, expectNoCanary, flowraCreate, flowraCreateBody, storeOf, useEmulator } from "./helpers";

const emulator = useEmulator();

const patch = (id: string, body: unknown) => call(emulator.url, "PATCH", `/api/v1/auth_configs/${id}`, { body });
const read = async (id: string) => (await call(emulator.url, "GET", `/api/v1/auth_configs/${id}`)).body.data;
const stored = async (id: string) => (await storeOf(emulator.url)).flowra.find((config) => config.id === id);
const without = (object: Record<string, unknown>, ...fields: string[]) => Object.fromEntries(Object.entries(object).filter(([key]) => !fields.includes(key)));

const customConfig = () =>
  flowraCreate(emulator.url, flowraCreateBody({ credentials: { client_id: "cid", client_secret: "old-secret-value", api_key: "key-value-1" } }));

describe("Flowra PATCH: only the fields present change", () => {
  it("answers the success wrapper with the updated object, which a read shows too; updatedAt moves, nothing else", async () => {
    const created = await customConfig();
    const res = await patch(created.id, { displayName: "GitHub renamed" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: expect.any(String), data: await read(created.id) });
    expect(without(res.body.data, "updatedAt")).toEqual({ ...without(created, "updatedAt"), displayName: "GitHub renamed" });
    expect(Date.parse(res.body.data.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
  });

  it("merges credentials key by key: a value replaces, null removes, the rest stay; credentials: null removes all", async () => {
    const { id } = await customConfig();
    expect((await patch(id, { credentials: { client_secret: CANARY.rotatedSecret, api_key: null, extra: "value-2" } })).status).toBe(200);
    expect((await stored(id)).credentials).toEqual({ client_id: "cid", client_secret: CANARY.rotatedSecret, extra: "value-2" });
    expect((await read(id)).credentials).toEqual({ client_id: "cid", client_secret: "cana...", extra: "valu..." });
    expect((await patch(id, { credentials: null })).status).toBe(200);
    expect((await stored(id)).credentials).toEqual({});
  });

  it("replaces proxyConfig whole, and null clears it", async () => {
    const { id } = await customConfig();
    expect((await patch(id, { proxyConfig: { proxyUrl: "https://other.example" } })).body.data.proxyConfig).toEqual({ proxyUrl: "https://other.example" });
    expect((await stored(id)).proxyConfig).toEqual({ proxyUrl: "https://other.example" });
    expect((await patch(id, { proxyConfig: null })).body.data.proxyConfig).toBeNull();
  });

  it("sets toolAccessConfig's list when given ([] or null clear it), restrictToFollowingTools and isDisabled", async () => {
    const { id } = await customConfig();
    expect((await patch(id, { toolAccessConfig: { toolsForConnectedAccountCreation: ["A", "B"] } })).body.data.toolAccessConfig).toEqual({
      toolsForConnectedAccountCreation: ["A", "B"],
    });
    expect((await patch(id, { toolAccessConfig: {} })).body.data.toolAccessConfig.toolsForConnectedAccountCreation).toEqual(["A", "B"]);
    expect((await patch(id, { toolAccessConfig: { toolsForConnectedAccountCreation: null } })).body.data.toolAccessConfig.toolsForConnectedAccountCreation).toEqual([]);
    expect((await patch(id, { restrictToFollowingTools: ["X"] })).body.data.restrictToFollowingTools).toEqual(["X"]);
    expect((await patch(id, { restrictToFollowingTools: null })).body.data.restrictToFollowingTools).toEqual([]);
    expect((await patch(id, { isDisabled: true })).body.data.isDisabled).toBe(true);
    expect((await patch(id, { isDisabled: false })).body.data.isDisabled).toBe(false);
  });

  it("clears displayName with null", async () => {
    const { id } = await customConfig();
    expect((await patch(id, { displayName: null })).body.data.displayName).toBeNull();
  });

  it("takes scopes, and only scopes, in a provider-managed config's credentials", async () => {
    const { id } = await flowraCreate(emulator.url, { toolkit: { slug: "gmail" }, authConfig: { type: "use_provider_managed_auth", credentials: { scopes: ["a"] } } });
    expect((await patch(id, { credentials: { scopes: ["a", "b"], user_scopes: "u" } })).status).toBe(200);
    expect((await stored(id)).credentials).toEqual({ scopes: ["a", "b"], user_scopes: "u" });
    expectFlowraError(await patch(id, { credentials: { client_secret: CANARY.clientSecret } }), 400, "credentials.client_secret");
    expectFlowraError(await patch(id, { proxyConfig: { proxyUrl: "https://p" } }), 400, "proxyConfig");
  });
});

describe("Flowra PATCH: refusals leave the config as it was", () => {
  it("refuses type, authScheme, toolkit, name and unknown fields, naming them", async () => {
    const created = await customConfig();
    const cases: [unknown, string][] = [
      [{ type: "use_custom_auth" }, "type"],
      [{ authScheme: "API_KEY" }, "authScheme"],
      [{ toolkit: { slug: "gitlab" } }, "toolkit"],
      [{ name: "renamed" }, "name"],
      [{ display_name: "x" }, "display_name"],
      [{ displayName: "ok", toolsForConnectedAccountCreation: [] }, "toolsForConnectedAccountCreation"],
      [{ displayName: "" }, "displayName"],
      [{ isDisabled: "true" }, "isDisabled"],
      [{ credentials: { client_secret: CANARY.rotatedSecret, bad: [1] } }, "credentials.bad"],
      [{ proxyConfig: { proxyUrl: "https://p", proxyAuthKey: 5 } }, "proxyConfig.proxyAuthKey"],
      [{ toolAccessConfig: { toolsForConnectedAccountCreation: "A" } }, "toolAccessConfig.toolsForConnectedAccountCreation"],
      [[], "object"],
    ];
    for (const [body, field] of cases) {
      const res = await patch(created.id, body);
      expectFlowraError(res, 400, field);
      expectNoCanary(res.text);
    }
    expectFlowraError(await call(emulator.url, "PATCH", `/api/v1/auth_configs/${created.id}`), 400, "body");
    expect(await read(created.id)).toEqual(created);
    expect((await stored(created.id)).credentials.client_secret).toBe("old-secret-value");
  });
});
