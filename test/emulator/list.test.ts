import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { call, create, customCreateBody, expect400Naming, resetEmulator } from "./helpers";

let emulator: { url: string; close(): Promise<void> };
let url: string;

/** Ids in creation order, by group. */
const ids = { slack: [] as string[], github: [] as string[], managed: [] as string[], disabled: [] as string[] };

const list = (query = "") => call(url, "GET", `/api/v3/auth_configs${query}`);
const idsOf = (res: { body: any }) => res.body.items.map((item: any) => item.id);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  url = emulator.url;
  await resetEmulator(url);
  // 40 custom slack, 15 custom github (every 5th named "Prod-…"), 8 managed gmail, 3 disabled slack.
  for (let i = 0; i < 40; i++) ids.slack.push(await create(url, customCreateBody({ name: `slack-${i}` })));
  for (let i = 0; i < 15; i++) ids.github.push(await create(url, customCreateBody({ name: i % 5 === 0 ? `Prod-GitHub-${i}` : `github-${i}` }, "github")));
  for (let i = 0; i < 8; i++) ids.managed.push(await create(url, { toolkit: { slug: "gmail" }, auth_config: { type: "use_composio_managed_auth", name: `gmail-${i}` } }));
  for (let i = 0; i < 3; i++) {
    const id = await create(url, customCreateBody({ name: `slack-off-${i}` }));
    expect((await call(url, "PATCH", `/api/v3/auth_configs/${id}/DISABLED`)).status).toBe(200);
    ids.disabled.push(id);
  }
});
afterAll(() => emulator.close());

const enabled = () => [...ids.slack, ...ids.github, ...ids.managed];

describe("list", () => {
  it("returns the first 50 enabled configs by default, oldest first, with the page fields", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["current_page", "items", "next_cursor", "total_items", "total_pages"]);
    expect(idsOf(res)).toEqual(enabled().slice(0, 50));
    expect(res.body).toMatchObject({ total_items: 63, total_pages: 2, current_page: 1 });
    expect(JSON.parse(Buffer.from(res.body.next_cursor, "base64").toString())).toEqual({ page: 2, limit: 50 });
  });

  it("returns items as the auth config object, masked", async () => {
    const res = await list(`?search=${ids.slack[0]}`);
    const single = await call(url, "GET", `/api/v3/auth_configs/${ids.slack[0]}`);
    expect(res.body.items).toEqual([single.body]);
    expect(res.body.items[0].credentials.client_secret).toBe("cana...");
  });

  it("walks every page with next_cursor, each config once, and ends with null", async () => {
    const seen: string[] = [];
    let res = await list("?limit=7&show_disabled=true");
    let page = 1;
    for (;;) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ current_page: page, total_pages: 10, total_items: 66 });
      expect(res.body.items.length).toBe(page < 10 ? 7 : 3);
      seen.push(...idsOf(res));
      if (res.body.next_cursor === null) break;
      expect(JSON.parse(Buffer.from(res.body.next_cursor, "base64").toString())).toEqual({ page: page + 1, limit: 7 });
      // The cursor alone carries the page size.
      res = await list(`?show_disabled=true&cursor=${encodeURIComponent(res.body.next_cursor)}`);
      page++;
    }
    expect(page).toBe(10);
    const all = [...ids.slack, ...ids.github, ...ids.managed, ...ids.disabled];
    expect(seen).toEqual(all);
  });

  it("accepts a cursor it did not issue as long as it is base64 of {page, limit}", async () => {
    const cursor = Buffer.from(JSON.stringify({ page: 3, limit: 10 })).toString("base64");
    const res = await list(`?cursor=${encodeURIComponent(cursor)}`);
    expect(idsOf(res)).toEqual(enabled().slice(20, 30));
    expect(res.body.current_page).toBe(3);
    const beyond = await list(`?cursor=${encodeURIComponent(Buffer.from(JSON.stringify({ page: 9, limit: 10 })).toString("base64"))}`);
    expect(beyond.body).toMatchObject({ items: [], next_cursor: null, current_page: 9, total_pages: 7, total_items: 63 });
  });

  it("allows limit up to 200 and refuses more, or a limit that is not a positive integer", async () => {
    const res = await list("?limit=200");
    expect(res.body.items.length).toBe(63);
    expect(res.body).toMatchObject({ next_cursor: null, total_pages: 1 });
    for (const limit of ["201", "1000"]) expect400Naming(await list(`?limit=${limit}`), "limit", "invalid_query_parameter");
    for (const limit of ["0", "-1", "abc", "2.5", "%20"]) expect400Naming(await list(`?limit=${limit}`), "limit");
  });

  it("refuses a cursor it cannot read", async () => {
    const bad = [
      "not-base64-json",
      Buffer.from(JSON.stringify({ page: 0, limit: 5 })).toString("base64"),
      Buffer.from(JSON.stringify({ page: 1, limit: 201 })).toString("base64"),
      Buffer.from(JSON.stringify({ page: "2", limit: 5 })).toString("base64"),
    ];
    for (const cursor of bad) expect400Naming(await list(`?cursor=${encodeURIComponent(cursor)}`), "cursor", "invalid_cursor");
  });

  it("filters by toolkit_slug, one or comma separated", async () => {
    const github = await list("?toolkit_slug=github&limit=200");
    expect(idsOf(github)).toEqual(ids.github);
    expect(github.body.total_items).toBe(15);
    const both = await list("?toolkit_slug=github,gmail&limit=200");
    expect(idsOf(both)).toEqual([...ids.github, ...ids.managed]);
    expect(idsOf(await list("?toolkit_slug=GitHub&limit=200"))).toEqual(ids.github);
    expect((await list("?toolkit_slug=nothing")).body).toMatchObject({ items: [], total_items: 0, total_pages: 0, next_cursor: null });
  });

  it("searches names and ids, case-insensitively, by substring", async () => {
    expect(idsOf(await list("?search=prod-github&limit=200"))).toEqual([ids.github[0], ids.github[5], ids.github[10]]);
    expect(idsOf(await list("?search=PROD-GITHUB-1&limit=200"))).toEqual([ids.github[10]]);
    const id = ids.managed[3];
    expect(idsOf(await list(`?search=${id.slice(3, 11).toLowerCase()}`))).toContain(id);
    expect(idsOf(await list(`?search=${id}`))).toEqual([id]);
  });

  it("hides disabled configs unless show_disabled=true", async () => {
    const hidden = await list("?search=slack-off");
    expect(hidden.body.items).toEqual([]);
    expect(idsOf(await list("?search=slack-off&show_disabled=false"))).toEqual([]);
    const shown = await list("?search=slack-off&show_disabled=true");
    expect(idsOf(shown)).toEqual(ids.disabled);
    expect(shown.body.items.every((item: any) => item.status === "DISABLED")).toBe(true);
  });

  it("filters by is_composio_managed", async () => {
    expect(idsOf(await list("?is_composio_managed=true&limit=200"))).toEqual(ids.managed);
    expect(idsOf(await list("?is_composio_managed=false&limit=200"))).toEqual([...ids.slack, ...ids.github]);
  });

  it("combines filters", async () => {
    const res = await list("?toolkit_slug=slack&search=slack-1&show_disabled=true&is_composio_managed=false&limit=3");
    expect(idsOf(res)).toEqual([ids.slack[1], ids.slack[10], ids.slack[11]]);
    expect(res.body).toMatchObject({ total_items: 11, total_pages: 4 });
  });

  it("takes an empty value as an absent parameter, as Composio's generated client sends null options", async () => {
    const res = await list("?limit=&cursor=&toolkit_slug=&search=&show_disabled=&is_composio_managed=&deprecated_status=&deprecated_app_id=");
    expect(res.status, res.text).toBe(200);
    expect(idsOf(res)).toEqual(enabled().slice(0, 50));
    expect(res.body).toMatchObject({ total_items: 63, current_page: 1 });
    expect(idsOf(await list("?limit=&show_disabled=true&search=slack-off"))).toEqual(ids.disabled);
  });

  it("filters by the deprecated deprecated_status, whatever show_disabled says, and ignores deprecated_app_id", async () => {
    expect(idsOf(await list("?deprecated_status=DISABLED"))).toEqual(ids.disabled);
    expect(idsOf(await list("?deprecated_status=DISABLED&show_disabled=false"))).toEqual(ids.disabled);
    const enabledOnly = await list("?deprecated_status=ENABLED&show_disabled=true&limit=200");
    expect(idsOf(enabledOnly)).toEqual(enabled());
    expect(idsOf(await list("?deprecated_app_id=anything&toolkit_slug=github&limit=200"))).toEqual(ids.github);
    expect400Naming(await list("?deprecated_status=enabled"), "deprecated_status", "invalid_query_parameter");
  });

  it("refuses booleans other than true/false, unknown parameters and repeated ones, naming them", async () => {
    expect400Naming(await list("?show_disabled=yes"), "show_disabled", "invalid_query_parameter");
    expect400Naming(await list("?is_composio_managed=1"), "is_composio_managed", "invalid_query_parameter");
    expect400Naming(await list("?page=2"), "page", "unknown_query_parameter");
    expect400Naming(await list("?toolkitSlug=slack"), "toolkitSlug", "unknown_query_parameter");
    expect400Naming(await list("?limit=5&limit=6"), "limit", "invalid_query_parameter");
    expect400Naming(await list("?page="), "page", "unknown_query_parameter");
  });
});
