import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { call, expectFlowraError, flowraCreate, flowraCreateBody } from "./helpers";

let emulator: { url: string; close(): Promise<void> };

/** Configs in creation order, by group. */
const made = { github: [] as any[], gmail: [] as any[], disabled: [] as any[] };

const list = (query = "") => call(emulator.url, "GET", `/api/v1/auth_configs${query}`);
const idsOf = (res: { body: any }) => res.body.data.map((config: any) => config.id);
const ids = (configs: any[]) => configs.map((config) => config.id);
/** Newest first: the default order (createdAt DESC). */
const newestFirst = (configs: any[]) => ids(configs).reverse();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  // 12 custom github, 8 provider-managed gmail, 5 disabled slack: 20 shown by default.
  for (let i = 0; i < 12; i++) made.github.push(await flowraCreate(emulator.url, flowraCreateBody({ displayName: `GitHub ${i}` })));
  for (let i = 0; i < 8; i++) made.gmail.push(await flowraCreate(emulator.url, { toolkit: { slug: "gmail" }, authConfig: { type: "use_provider_managed_auth", displayName: `Gmail ${i}` } }));
  for (let i = 0; i < 5; i++) {
    const config = await flowraCreate(emulator.url, flowraCreateBody({ displayName: `Slack ${i}` }, "slack"));
    const res = await call(emulator.url, "PATCH", `/api/v1/auth_configs/${config.id}`, { body: { isDisabled: true } });
    expect(res.status).toBe(200);
    made.disabled.push(res.body.data);
  }
});
afterAll(() => emulator.close());

const enabled = () => [...made.github, ...made.gmail];

describe("Flowra list", () => {
  it("by default: the paginated wrapper, page 1 of 10, newest first, disabled configs hidden", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["data", "hasNextPage", "hasPreviousPage", "limit", "message", "page", "success", "total", "totalPages"]);
    expect(res.body).toMatchObject({ success: true, total: 20, page: 1, limit: 10, totalPages: 2, hasNextPage: true, hasPreviousPage: false });
    expect(idsOf(res)).toEqual(newestFirst(enabled()).slice(0, 10));
    const second = await list("?page=2");
    expect(idsOf(second)).toEqual(newestFirst(enabled()).slice(10, 20));
    expect(second.body).toMatchObject({ page: 2, hasNextPage: false, hasPreviousPage: true });
  });

  it("returns items as the masked config object", async () => {
    const res = await list("?toolkitSlug=github&limit=100");
    const single = await call(emulator.url, "GET", `/api/v1/auth_configs/${made.github[0].id}`);
    expect(res.body.data.at(-1)).toEqual(single.body.data);
    expect(single.body.data.credentials.client_secret).toBe("cana...");
  });

  it("pages by offset, or by a base64 {page, limit} cursor", async () => {
    const byOffset = await list("?offset=5&limit=5&sortOrder=ASC");
    expect(idsOf(byOffset)).toEqual(ids(enabled()).slice(5, 10));
    expect(byOffset.body).toMatchObject({ page: 2, limit: 5, hasPreviousPage: true, hasNextPage: true });
    const cursor = Buffer.from(JSON.stringify({ page: 3, limit: 4 })).toString("base64");
    const byCursor = await list(`?cursor=${encodeURIComponent(cursor)}&sortOrder=ASC`);
    expect(idsOf(byCursor)).toEqual(ids(enabled()).slice(8, 12));
    expect(byCursor.body).toMatchObject({ page: 3, limit: 4, totalPages: 5 });
    const beyond = await list("?page=9");
    expect(beyond.body).toMatchObject({ data: [], total: 20, page: 9, hasNextPage: false, hasPreviousPage: true });
  });

  it("sorts by createdAt, updatedAt, name or displayName, ASC or DESC", async () => {
    const byName = await list("?sortBy=name&sortOrder=ASC&limit=100");
    expect(byName.body.data.map((c: any) => c.name)).toEqual(enabled().map((c) => c.name).sort());
    const byDisplayName = await list("?sortBy=displayName&sortOrder=desc&limit=100");
    expect(byDisplayName.body.data.map((c: any) => c.displayName)).toEqual(enabled().map((c) => c.displayName).sort().reverse());
    expect(idsOf(await list("?sortBy=createdAt&sortOrder=ASC&limit=100"))).toEqual(ids(enabled()));
    // Disabling moved their updatedAt: the disabled ones are the most recently updated.
    expect(idsOf(await list("?sortBy=updatedAt&showDisabled=true&limit=5"))).toEqual(newestFirst(made.disabled));
  });

  it("filters by toolkitSlug (comma separated, any case), provider, name search and showDisabled", async () => {
    expect(idsOf(await list("?toolkitSlug=GMAIL&limit=100"))).toEqual(newestFirst(made.gmail));
    expect(idsOf(await list("?toolkitSlug=gmail,slack&showDisabled=true&limit=100"))).toEqual(newestFirst([...made.gmail, ...made.disabled]));
    expect((await list("?provider=flowra&limit=100")).body.total).toBe(20);
    expect((await list("?provider=composio")).body).toMatchObject({ data: [], total: 0, totalPages: 0, hasNextPage: false });
    const target = made.github[3];
    expect(idsOf(await list(`?search=${target.name.toUpperCase()}`))).toEqual([target.id]);
    // Search looks at the allocated name, not the display name.
    expect((await list("?search=GitHub%203")).body.total).toBe(0);
    expect(idsOf(await list("?showDisabled=true&toolkitSlug=slack"))).toEqual(newestFirst(made.disabled));
    expect((await list("?showDisabled=false&toolkitSlug=slack")).body.total).toBe(0);
  });

  it("takes empty values as absent", async () => {
    const res = await list("?page=&limit=&offset=&sortBy=&sortOrder=&provider=&toolkitSlug=&search=&showDisabled=&cursor=");
    expect(res.status, res.text).toBe(200);
    expect(idsOf(res)).toEqual(newestFirst(enabled()).slice(0, 10));
  });

  it("refuses bad values, unknown, repeated and conflicting parameters, naming them", async () => {
    const cases: [string, string][] = [
      ["?limit=101", "limit"],
      ["?limit=0", "limit"],
      ["?page=0", "page"],
      ["?page=a", "page"],
      ["?offset=-1", "offset"],
      ["?sortBy=id", "sortBy"],
      ["?sortOrder=UP", "sortOrder"],
      ["?provider=openai", "provider"],
      ["?showDisabled=yes", "showDisabled"],
      ["?cursor=not-a-cursor", "cursor"],
      ["?toolkit_slug=github", "toolkit_slug"],
      ["?limit=5&limit=6", "limit"],
      ["?page=2&offset=10", "offset"],
      [`?page=2&cursor=${encodeURIComponent(Buffer.from(JSON.stringify({ page: 1, limit: 5 })).toString("base64"))}`, "cursor"],
    ];
    for (const [query, name] of cases) expectFlowraError(await list(query), 400, name);
    expect((await list("?limit=100")).body.data).toHaveLength(20);
  });
});
