import { describe, expect, it } from "vitest";
import { CANARY, control, elevenLabsCall, elevenLabsCreate, expect422, expectNoCanary, storeOf, useEmulator } from "./helpers";

const emulator = useEmulator();
const patch = (id: string, body: unknown) => elevenLabsCall(emulator.url, "PATCH", `/${id}`, { body });
const stored = async (id: string) => (await storeOf(emulator.url)).elevenlabs.find((connection) => connection.id === id);
const listed = async (id: string) => (await elevenLabsCall(emulator.url, "GET", "")).body.auth_connections.find((c: any) => c.id === id);

const oauth = () =>
  elevenLabsCreate(emulator.url, {
    auth_type: "oauth2_client_credentials",
    name: "crm",
    provider: "salesforce",
    client_id: "cid",
    token_url: "https://t.example",
    client_secret: CANARY.clientSecret,
    scopes: ["api"],
    extra_params: { audience: "crm", resource: "r1" },
    custom_headers: { "x-a": "1", "x-b": "2" },
  });
const jwt = () =>
  elevenLabsCreate(emulator.url, {
    auth_type: "oauth2_jwt",
    name: "gcp",
    provider: "google",
    issuer: "i",
    audience: "a",
    subject: "s",
    token_url: "https://t.example",
    secret_key: CANARY.clientSecret,
    algorithm: "RS256",
    key_id: "k1",
    expiration_seconds: 900,
  });

describe("ElevenLabs PATCH: only the fields present change", () => {
  it("replaces scalars and lists, rotates a secret, and answers the updated object, as the list shows it", async () => {
    const created = await oauth();
    const res = await patch(created.id, { auth_type: "oauth2_client_credentials", client_id: "cid-2", scopes: ["api", "refresh"], client_secret: CANARY.rotatedSecret });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ ...created, client_id: "cid-2", scopes: ["api", "refresh"] });
    expect(await listed(created.id)).toEqual(res.body);
    expectNoCanary(res.text);
    expect((await stored(created.id)).client_secret).toBe(CANARY.rotatedSecret);
  });

  it("merges extra_params and custom_headers key by key: a string sets, null removes; the whole map null clears it", async () => {
    const created = await oauth();
    const res = await patch(created.id, { auth_type: "oauth2_client_credentials", extra_params: { resource: null, tenant: "t1" }, custom_headers: null });
    expect(res.body).toMatchObject({ extra_params: { audience: "crm", tenant: "t1" }, custom_headers: {} });
    expect((await patch(created.id, { auth_type: "oauth2_client_credentials", extra_params: {} })).body.extra_params).toEqual({ audience: "crm", tenant: "t1" });
  });

  it("resets an optional field given null to its default, and changes provider", async () => {
    const created = await jwt();
    const res = await patch(created.id, { auth_type: "oauth2_jwt", key_id: null, algorithm: null, expiration_seconds: null, scopes: null, provider: "google-2" });
    expect(res.body).toEqual({ ...created, key_id: null, algorithm: "HS256", expiration_seconds: 3600, scopes: [], provider: "google-2" });
    const basic = await elevenLabsCreate(emulator.url, { auth_type: "basic_auth", name: "b", provider: "p", username: "u", password: CANARY.clientSecret });
    expect((await patch(basic.id, { auth_type: "basic_auth", username: "u2", password: CANARY.rotatedSecret })).body).toEqual({ ...basic, username: "u2" });
    expect((await stored(basic.id)).password).toBe(CANARY.rotatedSecret);
  });

  it("takes a body with only auth_type, changing nothing", async () => {
    const created = await jwt();
    const res = await patch(created.id, { auth_type: "oauth2_jwt" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
  });
});

describe("ElevenLabs PATCH: refusals change nothing", () => {
  it("answers 422 for name and token_url, null for a required field, wrong types and unknown fields, all listed at once", async () => {
    const created = await oauth();
    const storedBefore = await stored(created.id);
    const res = await patch(created.id, {
      auth_type: "oauth2_client_credentials",
      client_secret: CANARY.rotatedSecret,
      name: "renamed",
      token_url: "https://other.example",
      client_id: null,
      scopes: "api",
      custom_headers: { "x-a": 5 },
      header_name: "x",
    });
    expect422(
      res,
      [["body", "name"], "value_error.not_updatable"],
      [["body", "token_url"], "value_error.not_updatable"],
      [["body", "client_id"], "type_error.none.not_allowed"],
      [["body", "scopes"], "type_error.list"],
      [["body", "custom_headers", "x-a"], "type_error.str"],
      [["body", "header_name"], "value_error.extra"],
    );
    expectNoCanary(res.text);
    expect(await stored(created.id)).toEqual(storedBefore);
    expect422(await patch((await jwt()).id, { auth_type: "oauth2_jwt", expiration_seconds: 100_000 }), [["body", "expiration_seconds"], "value_error.number.not_le"]);
  });

  it("answers 422 at auth_type when it is missing, not the connection's own, or a type that cannot be updated", async () => {
    const bearer = await elevenLabsCreate(emulator.url, { auth_type: "bearer_auth", name: "t", provider: "p", token: CANARY.clientSecret });
    expect422(await patch(bearer.id, { token: "x" }), [["body", "auth_type"], "value_error.discriminated_union.missing_discriminator"]);
    expect422(await patch(bearer.id, { auth_type: "basic_auth", username: "u" }), [["body", "auth_type"], "value_error.auth_type_mismatch"]);
    const notUpdatable = [
      await elevenLabsCreate(emulator.url, { auth_type: "custom_header_auth", name: "h", provider: "p", header_name: "x", token: "t" }),
      await elevenLabsCreate(emulator.url, { auth_type: "private_key_jwt", name: "k", provider: "p", issuer: "i", audience: "a", subject: "s", secret_key: "k" }),
      await elevenLabsCreate(emulator.url, { auth_type: "mtls", name: "m", provider: "p", client_certificate: "c", client_key: "k" }),
      ...(await control(emulator.url, "POST", "elevenlabs/seed", [{ auth_type: "refresh_token_auth" }, { auth_type: "url_secret" }])).body.auth_connections,
    ];
    for (const connection of notUpdatable) {
      const res = await patch(connection.id, { auth_type: connection.auth_type, provider: "other" });
      expect422(res, [["body", "auth_type"], "value_error.discriminated_union.invalid_discriminator"]);
      expect(await listed(connection.id)).toEqual(connection);
    }
  });

  it("answers 404 for an unknown id, before looking at the body", async () => {
    for (const body of [{ auth_type: "bearer_auth" }, { name: "x" }]) {
      const res = await patch("Unknown0000000000000", body);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: { status: "not_found", message: expect.stringContaining("Unknown0000000000000") } });
    }
  });
});
