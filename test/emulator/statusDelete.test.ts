import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, create, customCreateBody, expect400Naming, patch, read, useEmulator } from "./helpers";

const emulator = useEmulator();

const setStatus = (id: string, status: string, options = {}) => call(emulator.url, "PATCH", `/api/v3/auth_configs/${id}/${status}`, options);

const expect404 = (res: { status: number; body: any }, id: string) => {
  expect(res.status).toBe(404);
  expect(res.body.error).toMatchObject({ status: 404, code: expect.any(Number), slug: "auth_config_not_found", request_id: expect.any(String) });
  expect(res.body.error.message).toContain(id);
};

describe("status endpoint", () => {
  it("disables and enables a config, answering 200 {} and moving last_updated_at each time", async () => {
    const id = await create(emulator.url, customCreateBody());
    const created = await read(emulator.url, id);
    expect(created.status).toBe("ENABLED");

    const disabled = await setStatus(id, "DISABLED");
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({});
    const afterDisable = await read(emulator.url, id);
    expect(afterDisable.status).toBe("DISABLED");
    expect(Date.parse(afterDisable.last_updated_at)).toBeGreaterThan(Date.parse(created.last_updated_at));

    expect((await call(emulator.url, "PATCH", `/api/v3.1/auth_configs/${id}/ENABLED`)).status).toBe(200);
    const afterEnable = await read(emulator.url, id);
    expect(afterEnable.status).toBe("ENABLED");
    expect(Date.parse(afterEnable.last_updated_at)).toBeGreaterThan(Date.parse(afterDisable.last_updated_at));
    // Nothing but status and last_updated_at moved.
    expect({ ...afterEnable, last_updated_at: "" }).toEqual({ ...created, last_updated_at: "" });
  });

  it("moves last_updated_at even when the status does not change", async () => {
    const id = await create(emulator.url, customCreateBody());
    const before = (await read(emulator.url, id)).last_updated_at;
    expect((await setStatus(id, "ENABLED")).status).toBe(200);
    expect(Date.parse((await read(emulator.url, id)).last_updated_at)).toBeGreaterThan(Date.parse(before));
  });

  it("accepts only ENABLED and DISABLED, spelled exactly", async () => {
    const id = await create(emulator.url, customCreateBody());
    const before = await read(emulator.url, id);
    for (const status of ["disabled", "PAUSED", "Enabled", "ACTIVE"]) expect400Naming(await setStatus(id, status), "status", "invalid_field_value");
    expect(await read(emulator.url, id)).toEqual(before);
  });

  it("takes no body", async () => {
    const id = await create(emulator.url, customCreateBody());
    expect400Naming(await setStatus(id, "DISABLED", { body: { status: "DISABLED" } }), "body", "body_not_allowed");
    expect((await read(emulator.url, id)).status).toBe("ENABLED");
    // An empty body with a JSON content type is no body.
    expect((await setStatus(id, "DISABLED", { headers: { "content-type": "application/json" } })).status).toBe(200);
  });

  it("answers 404 for an unknown id", async () => {
    expect404(await setStatus("ac_unknown00000", "DISABLED"), "ac_unknown00000");
  });
});

describe("delete", () => {
  it("soft-deletes: 200 {}, then GET, PATCH, status and DELETE of the id answer 404", async () => {
    const id = await create(emulator.url, customCreateBody({ name: "to-delete" }));
    const res = await call(emulator.url, "DELETE", `/api/v3/auth_configs/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect404(await call(emulator.url, "GET", `/api/v3/auth_configs/${id}`), id);
    expect404(await patch(emulator.url, id, { type: "custom", name: "x" }), id);
    expect404(await setStatus(id, "DISABLED"), id);
    expect404(await call(emulator.url, "DELETE", `/api/v3/auth_configs/${id}`), id);
    expect404(await call(emulator.url, "GET", `/api/v3.1/auth_configs/${id}`), id);
  });

  it("hides deleted configs from the list, disabled ones shown or not", async () => {
    const id = await create(emulator.url, customCreateBody({ name: "listed-then-deleted" }));
    const search = "/api/v3/auth_configs?search=listed-then-deleted&show_disabled=true";
    expect((await call(emulator.url, "GET", search)).body.items.map((item: any) => item.id)).toEqual([id]);
    await call(emulator.url, "DELETE", `/api/v3.1/auth_configs/${id}`);
    expect((await call(emulator.url, "GET", search)).body).toMatchObject({ items: [], total_items: 0 });
  });

  it("answers a revoke job id with ?revoke_on_delete=true, and {} with false", async () => {
    const revoked = await create(emulator.url, customCreateBody());
    const res = await call(emulator.url, "DELETE", `/api/v3/auth_configs/${revoked}?revoke_on_delete=true`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["revoke_job_id"]);
    expect(res.body.revoke_job_id).toMatch(/^\S+$/);
    expect((await call(emulator.url, "GET", `/api/v3/auth_configs/${revoked}`)).status).toBe(404);

    const kept = await create(emulator.url, customCreateBody());
    const plain = await call(emulator.url, "DELETE", `/api/v3/auth_configs/${kept}?revoke_on_delete=false`);
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({});
  });

  it("takes an empty revoke_on_delete (a null option in Composio's client) as absent", async () => {
    const id = await create(emulator.url, customCreateBody());
    const res = await call(emulator.url, "DELETE", `/api/v3/auth_configs/${id}?revoke_on_delete=`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    expect((await call(emulator.url, "GET", `/api/v3/auth_configs/${id}`)).status).toBe(404);
  });

  it("refuses other query parameters on delete, deleting nothing", async () => {
    const id = await create(emulator.url, customCreateBody());
    expect400Naming(await call(emulator.url, "DELETE", `/api/v3/auth_configs/${id}?revoke=true`), "revoke", "unknown_query_parameter");
    expect((await call(emulator.url, "GET", `/api/v3/auth_configs/${id}`)).status).toBe(200);
  });

  it("refuses a revoke_on_delete that is not true or false, deleting nothing", async () => {
    const id = await create(emulator.url, customCreateBody());
    expect400Naming(await call(emulator.url, "DELETE", `/api/v3/auth_configs/${id}?revoke_on_delete=yes`), "revoke_on_delete");
    expect((await call(emulator.url, "GET", `/api/v3/auth_configs/${id}`)).status).toBe(200);
  });

  it("answers 404 for an id that never existed", async () => {
    expect404(await call(emulator.url, "DELETE", "/api/v3/auth_configs/ac_neverexisted"), "ac_neverexisted");
  });
});
