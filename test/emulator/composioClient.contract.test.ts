import Composio, { AuthenticationError, BadRequestError, NotFoundError } from "@composio/client";
import { beforeEach, describe, expect, it } from "vitest";
import { CANARY, control, expectNoCanary, storeOf, useEmulator } from "./helpers";

/*
 * Fidelity against Composio's generated client (@composio/client, which calls /api/v3.1): every
 * request is built by the vendor's code, including the ones it spells oddly (`?limit=` for a null
 * option, the deprecated list parameters, `?revoke_on_delete=`).
 */

const KEY = "composio-contract-key";
const emulator = useEmulator({ apiKey: KEY });
// logLevel off: the client warns on stderr whenever the deprecated parameters this test sends are used.
const client = () => new Composio({ apiKey: KEY, baseURL: emulator.url, maxRetries: 0, logLevel: "off" });

beforeEach(async () => {
  await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
});

/** The generated types list only scopes among credentials; real configs hold any key. */
const customBody = (name: string): any => ({
  toolkit: { slug: "slack" },
  auth_config: {
    type: "use_custom_auth",
    authScheme: "OAUTH2",
    name,
    credentials: { client_id: "slack-client", client_secret: CANARY.clientSecret },
    proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: CANARY.proxyKey },
    tool_access_config: { tools_for_connected_account_creation: ["SLACK_LIST"] },
    shared_credentials: { bot_token: CANARY.botToken },
  },
});

/** The query strings the emulator received, in order. */
const receivedQueries = async (method: string) =>
  ((await control(emulator.url, "GET", "requests")).body as any[]).filter((r) => r.method === method).map((r) => r.query);

describe("Composio's generated client against the emulator", { timeout: 30_000 }, () => {
  it("create and retrieve: the created config reads back masked; the store holds the secrets", async () => {
    const created = await client().authConfigs.create(customBody("slack-prod"));
    expect(created).toEqual({
      toolkit: { slug: "slack" },
      auth_config: { id: expect.stringMatching(/^ac_/), auth_scheme: "OAUTH2", is_composio_managed: false, restrict_to_following_tools: [] },
    });
    const read = await client().authConfigs.retrieve(created.auth_config.id);
    expect(read).toMatchObject({
      id: created.auth_config.id,
      type: "custom",
      name: "slack-prod",
      status: "ENABLED",
      credentials: { client_id: "slack-client", client_secret: "cana..." },
      proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: "REDACTED" },
      tool_access_config: { tools_for_connected_account_creation: ["SLACK_LIST"], tools_available_for_execution: [] },
    });
    expectNoCanary(JSON.stringify(read));
    const [stored] = (await storeOf(emulator.url)).composio;
    expect(stored.credentials.client_secret).toBe(CANARY.clientSecret);
  });

  it("list with null options and the deprecated parameters, as the client spells them", async () => {
    const ids = [];
    for (const name of ["a", "b", "c"]) ids.push((await client().authConfigs.create(customBody(name))).auth_config.id);
    await client().authConfigs.updateStatus("DISABLED", { nanoid: ids[1] });
    await control(emulator.url, "DELETE", "requests");

    const all = await client().authConfigs.list({ limit: null, show_disabled: null, cursor: undefined });
    expect(all.items.map((item) => item.id)).toEqual([ids[0], ids[2]]);
    expect(all).toMatchObject({ total_items: 2, current_page: 1, total_pages: 1, next_cursor: null });

    const disabled = await client().authConfigs.list({ deprecated_status: "DISABLED", deprecated_app_id: "ignored-app" });
    expect(disabled.items.map((item) => item.id)).toEqual([ids[1]]);

    const paged = await client().authConfigs.list({ limit: 2, show_disabled: true, toolkit_slug: "slack", is_composio_managed: false });
    expect(paged.items.map((item) => item.id)).toEqual(ids.slice(0, 2));
    const next = await client().authConfigs.list({ cursor: paged.next_cursor!, show_disabled: true });
    expect(next.items.map((item) => item.id)).toEqual([ids[2]]);

    // The client really sent the empty and deprecated parameters this test is about.
    const queries = await receivedQueries("GET");
    expect(queries[0]).toEqual({ limit: "", show_disabled: "" });
    expect(queries[1]).toEqual({ deprecated_status: "DISABLED", deprecated_app_id: "ignored-app" });
  });

  it("update (true PATCH), updateStatus, and delete with a null and a true revoke_on_delete", async () => {
    const id = (await client().authConfigs.create(customBody("slack-prod"))).auth_config.id;
    expect(await client().authConfigs.update(id, { type: "custom", credentials: { client_secret: CANARY.rotatedSecret } } as any)).toEqual({});
    expect(await client().authConfigs.update(id, { type: "custom", name: "slack-renamed", tool_access_config: { tools_available_for_execution: ["SLACK_SEND"] } })).toEqual({});
    const read = await client().authConfigs.retrieve(id);
    expect(read).toMatchObject({ name: "slack-renamed", credentials: { client_id: "slack-client", client_secret: "cana..." } });
    expect(read.tool_access_config).toEqual({ tools_for_connected_account_creation: ["SLACK_LIST"], tools_available_for_execution: ["SLACK_SEND"] });
    expect((await storeOf(emulator.url)).composio[0].credentials).toEqual({ client_id: "slack-client", client_secret: CANARY.rotatedSecret });

    expect(await client().authConfigs.updateStatus("DISABLED", { nanoid: id })).toEqual({});
    expect((await client().authConfigs.retrieve(id)).status).toBe("DISABLED");
    expect(await client().authConfigs.updateStatus("ENABLED", { nanoid: id })).toEqual({});

    expect(await client().authConfigs.delete(id, { revoke_on_delete: null })).toEqual({});
    await expect(client().authConfigs.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
    const other = (await client().authConfigs.create(customBody("other"))).auth_config.id;
    expect(await client().authConfigs.delete(other, { revoke_on_delete: true })).toEqual({ revoke_job_id: expect.any(String) });
    expect(await receivedQueries("DELETE")).toEqual([{ revoke_on_delete: "" }, { revoke_on_delete: "true" }]);
  });

  it("errors: 401 for a wrong key, 400 for a bad body, 404 for an unknown id, each with the envelope", async () => {
    const wrong = new Composio({ apiKey: "not-the-key", baseURL: emulator.url, maxRetries: 0 });
    const unauthorized = await wrong.authConfigs.list().catch((error: unknown) => error);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect((unauthorized as AuthenticationError).error).toMatchObject({ error: { status: 401, slug: "unauthorized" } });

    const bad = await client().authConfigs.create({ toolkit: { slug: "slack" }, auth_config: { type: "use_custom_auth" } } as any).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).error).toMatchObject({ error: { status: 400, slug: "missing_field" } });

    const missing = await client().authConfigs.update("ac_missing00000", { type: "custom", name: "x" }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).error).toMatchObject({ error: { status: 404, slug: "auth_config_not_found" } });
  });
});
