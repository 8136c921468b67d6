import { describe, expect, it } from "vitest";
import { call, create, customCreateBody, patch, read, useEmulator } from "./helpers";

const unique = useEmulator({ uniqueNames: true });
const plain = useEmulator();

const expect409 = (res: { status: number; body: any; text: string }) => {
  expect(res.status, res.text).toBe(409);
  expect(res.body.error).toMatchObject({ status: 409, code: 409, slug: "duplicate_name", message: expect.stringContaining("name") });
};

describe("uniqueNames (Composio)", () => {
  it("refuses to create a second live config of the same toolkit with the same name, storing nothing", async () => {
    await create(unique.url, customCreateBody({ name: "dup-create" }));
    expect409(await call(unique.url, "POST", "/api/v3/auth_configs", { body: customCreateBody({ name: "dup-create" }) }));
    expect409(await call(unique.url, "POST", "/api/v3.1/auth_configs", { body: { toolkit: { slug: "slack" }, auth_config: { type: "use_composio_managed_auth", name: "dup-create" } } }));
    expect((await call(unique.url, "GET", "/api/v3/auth_configs?search=dup-create&show_disabled=true")).body.total_items).toBe(1);
  });

  it("allows the name for another toolkit, in another case, or once the holder is deleted; a disabled holder still counts", async () => {
    const holder = await create(unique.url, customCreateBody({ name: "shared-name" }));
    await create(unique.url, customCreateBody({ name: "shared-name" }, "github"));
    await create(unique.url, customCreateBody({ name: "Shared-Name" }));
    expect((await call(unique.url, "PATCH", `/api/v3/auth_configs/${holder}/DISABLED`)).status).toBe(200);
    expect409(await call(unique.url, "POST", "/api/v3/auth_configs", { body: customCreateBody({ name: "shared-name" }) }));
    expect((await call(unique.url, "DELETE", `/api/v3/auth_configs/${holder}`)).status).toBe(200);
    await create(unique.url, customCreateBody({ name: "shared-name" }));
  });

  it("refuses a rename to a name another config of the toolkit has, changing nothing; renaming to its own name is fine", async () => {
    await create(unique.url, customCreateBody({ name: "taken" }));
    const id = await create(unique.url, customCreateBody({ name: "mine" }));
    const before = await read(unique.url, id);
    expect409(await patch(unique.url, id, { type: "custom", name: "taken", is_enabled_for_tool_router: true }));
    expect(await read(unique.url, id)).toEqual(before);
    expect((await patch(unique.url, id, { type: "custom", name: "mine" })).status).toBe(200);
  });

  it("generates distinct names when none is given", async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => create(unique.url, { toolkit: { slug: "gmail" } })));
    const names = await Promise.all(ids.map(async (id) => (await read(unique.url, id)).name));
    expect(new Set(names).size).toBe(10);
  });

  it("is off by default: names are not unique", async () => {
    await create(plain.url, customCreateBody({ name: "same" }));
    await create(plain.url, customCreateBody({ name: "same" }));
    const other = await create(plain.url, customCreateBody({ name: "other" }));
    expect((await patch(plain.url, other, { type: "custom", name: "same" })).status).toBe(200);
    expect((await call(plain.url, "GET", "/api/v3/auth_configs?search=same")).body.total_items).toBe(3);
  });
});
