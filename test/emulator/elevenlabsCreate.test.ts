import { describe, expect, it } from "vitest";
import { CANARY, elevenLabsCall, elevenLabsCreate, expect422, expectNoCanary, storeOf, useEmulator } from "./helpers";

const emulator = useEmulator();
const create = (body: unknown) => elevenLabsCall(emulator.url, "POST", "", { body });

const COMMON = { name: "conn", provider: "acme" };

/** Each creatable type with only its required fields, and the object the API answers (defaults filled in). */
const MINIMAL: Record<string, { body: Record<string, unknown>; shown: Record<string, unknown> }> = {
  oauth2_client_credentials: {
    body: { client_id: "cid", token_url: "https://t.example", client_secret: CANARY.clientSecret },
    shown: { client_id: "cid", token_url: "https://t.example", scopes: [], extra_params: {}, basic_auth_in_header: false, custom_headers: {} },
  },
  custom_header_auth: { body: { header_name: "x-key", token: CANARY.clientSecret }, shown: { header_name: "x-key" } },
  basic_auth: { body: { username: "u", password: CANARY.clientSecret }, shown: { username: "u" } },
  bearer_auth: { body: { token: CANARY.clientSecret }, shown: {} },
  oauth2_jwt: {
    body: { issuer: "i", audience: "a", subject: "s", token_url: "https://t.example", secret_key: CANARY.clientSecret },
    shown: {
      issuer: "i",
      audience: "a",
      subject: "s",
      token_url: "https://t.example",
      algorithm: "HS256",
      key_id: null,
      expiration_seconds: 3600,
      extra_params: {},
      scopes: [],
      token_response_field: null,
    },
  },
  private_key_jwt: {
    body: { issuer: "i", audience: "a", subject: "s", secret_key: CANARY.clientSecret },
    shown: { issuer: "i", audience: "a", subject: "s", algorithm: "HS256", key_id: null, expiration_seconds: 3600, extra_params: {} },
  },
  mtls: { body: { client_certificate: CANARY.proxyKey, client_key: CANARY.clientSecret }, shown: {} },
};

describe("ElevenLabs create", () => {
  it("makes each of the 7 types from its required fields, answering 200 with the object and the defaults, never a secret", async () => {
    for (const [authType, { body, shown }] of Object.entries(MINIMAL)) {
      const res = await create({ auth_type: authType, ...COMMON, ...body });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
        auth_type: authType,
        ...COMMON,
        ...shown,
        status: "active",
        status_detail: null,
        status_updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        used_by: { tools: [], mcp_servers: [], integration_connections: [] },
      });
      expectNoCanary(res.text);
      const stored = (await storeOf(emulator.url)).elevenlabs.find((connection) => connection.id === res.body.id);
      for (const [field, value] of Object.entries(body)) expect(stored[field], field).toEqual(value);
    }
  });

  it("keeps the optional fields given", async () => {
    const created = await elevenLabsCreate(emulator.url, {
      auth_type: "oauth2_jwt",
      ...COMMON,
      ...MINIMAL.oauth2_jwt.body,
      algorithm: "RS512",
      key_id: "k1",
      expiration_seconds: 60,
      extra_params: { a: "b" },
      scopes: ["x"],
      token_response_field: "access_token",
    });
    expect(created).toMatchObject({ algorithm: "RS512", key_id: "k1", expiration_seconds: 60, extra_params: { a: "b" }, scopes: ["x"], token_response_field: "access_token" });
    const mtls = await elevenLabsCreate(emulator.url, { auth_type: "mtls", ...COMMON, ...MINIMAL.mtls.body, ca_certificate: "ca", key_passphrase: CANARY.botToken });
    expectNoCanary(JSON.stringify(mtls));
    expect(mtls).not.toHaveProperty("ca_certificate");
  });

  it("lists every missing required field in one 422, in FastAPI's shape", async () => {
    expect422(await create({ auth_type: "oauth2_client_credentials" }), ...["name", "provider", "client_id", "token_url", "client_secret"].map((f): [string[], string] => [["body", f], "value_error.missing"]));
    expect422(await create({ auth_type: "mtls", name: "n", provider: "p" }), [["body", "client_certificate"], "value_error.missing"], [["body", "client_key"], "value_error.missing"]);
    const res = await create({ auth_type: "bearer_auth", name: "n" });
    expect(res.body.detail[0]).toEqual({ loc: ["body", "provider"], msg: "field required", type: "value_error.missing" });
  });

  it("refuses wrong types, values out of range, null for required fields and unknown fields, quoting no secret, storing nothing", async () => {
    const storedBefore = (await storeOf(emulator.url)).elevenlabs.length;
    const jwt = { auth_type: "oauth2_jwt", ...COMMON, ...MINIMAL.oauth2_jwt.body };
    const cases: [Record<string, unknown>, [(string | number)[], string][]][] = [
      [{ ...jwt, expiration_seconds: 59 }, [[["body", "expiration_seconds"], "value_error.number.not_ge"]]],
      [{ ...jwt, expiration_seconds: 86_401 }, [[["body", "expiration_seconds"], "value_error.number.not_le"]]],
      [{ ...jwt, expiration_seconds: 1.5 }, [[["body", "expiration_seconds"], "type_error.integer"]]],
      [{ ...jwt, algorithm: "HS1" }, [[["body", "algorithm"], "type_error.enum"]]],
      [{ ...jwt, token_response_field: "refresh_token" }, [[["body", "token_response_field"], "type_error.enum"]]],
      [{ ...jwt, scopes: "openid" }, [[["body", "scopes"], "type_error.list"]]],
      [{ ...jwt, scopes: ["a", 2] }, [[["body", "scopes", 1], "type_error.str"]]],
      [{ ...jwt, extra_params: { a: 1 } }, [[["body", "extra_params", "a"], "type_error.str"]]],
      [{ ...jwt, secret_key: null }, [[["body", "secret_key"], "type_error.none.not_allowed"]]],
      [{ ...jwt, secret_key: 42 }, [[["body", "secret_key"], "type_error.str"]]],
      [{ ...jwt, name: "" }, [[["body", "name"], "value_error.any_str.min_length"]]],
      [{ ...jwt, password: CANARY.rotatedSecret }, [[["body", "password"], "value_error.extra"]]],
      [{ auth_type: "oauth2_client_credentials", ...COMMON, ...MINIMAL.oauth2_client_credentials.body, basic_auth_in_header: "yes" }, [[["body", "basic_auth_in_header"], "type_error.bool"]]],
    ];
    for (const [body, problems] of cases) {
      const res = await create(body);
      expect422(res, ...problems);
      expectNoCanary(res.text);
    }
    expect((await storeOf(emulator.url)).elevenlabs).toHaveLength(storedBefore);
  });

  it("refuses a missing or unknown auth_type, the 6 types made elsewhere, and bodies that are not objects", async () => {
    expect422(await create({ name: "n" }), [["body", "auth_type"], "value_error.discriminated_union.missing_discriminator"]);
    for (const authType of ["oauth2", "refresh_token_auth", "slack_bot_auth", "url_secret"]) {
      const res = await create({ auth_type: authType, ...COMMON });
      expect422(res, [["body", "auth_type"], "value_error.discriminated_union.invalid_discriminator"]);
      expect(res.body.detail[0].msg).toContain("'bearer_auth'");
    }
    expect422(await create([]), [["body"], "type_error.dict"]);
    expect422(await elevenLabsCall(emulator.url, "POST", ""), [["body"], "value_error.missing"]);
    const notJson = await elevenLabsCall(emulator.url, "POST", "", { rawBody: `{"token":"${CANARY.clientSecret}"`, headers: { "content-type": "application/json" } });
    expect422(notJson, [["body"], "value_error.jsondecode"]);
    expectNoCanary(notJson.text);
  });
});
