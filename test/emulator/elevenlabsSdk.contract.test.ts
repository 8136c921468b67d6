import { ElevenLabs, ElevenLabsClient, ElevenLabsError } from "@elevenlabs/elevenlabs-js";
import { beforeEach, describe, expect, it } from "vitest";
import { storeOf, useEmulator } from "./helpers";

/*
 * Fidelity against ElevenLabs' official SDK: it parses every answer with its own schema and throws
 * on a mismatch, so each call that returns proves the emulator's answer has the vendor's shape.
 */

const KEY = "elevenlabs-contract-key";
const emulator = useEmulator({ apiKey: KEY });
const client = () => new ElevenLabsClient({ apiKey: KEY, baseUrl: emulator.url, maxRetries: 0 });
const connections = () => client().workspace.authConnections;

beforeEach(async () => {
  await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
});

/** Secrets sent on create: none may come back in any answer. */
const SECRET = {
  clientSecret: "el-canary-client-secret-31",
  token: "el-canary-token-42",
  password: "el-canary-password-53",
  secretKey: "el-canary-secret-key-64",
  clientKey: "el-canary-client-key-75",
  passphrase: "el-canary-passphrase-86",
  certificate: "el-canary-certificate-97",
  caCertificate: "el-canary-ca-certificate-08",
};

/** A create request of each of the 7 creatable types, as a user of the SDK writes it. */
const CREATES: ElevenLabs.workspace.AuthConnectionsCreateRequestBody[] = [
  {
    authType: "oauth2_client_credentials",
    name: "crm",
    provider: "salesforce",
    clientId: "crm-client",
    tokenUrl: "https://login.example/token",
    clientSecret: SECRET.clientSecret,
    scopes: ["api", "refresh_token"],
    extraParams: { audience: "crm" },
    customHeaders: { "x-team": "voice" },
  },
  { authType: "custom_header_auth", name: "weather", provider: "weather", headerName: "x-weather-key", token: SECRET.token },
  { authType: "basic_auth", name: "legacy", provider: "legacy", username: "agent", password: SECRET.password },
  { authType: "bearer_auth", name: "tickets", provider: "zendesk", token: SECRET.token },
  {
    authType: "oauth2_jwt",
    name: "gcp",
    provider: "google",
    issuer: "svc@example",
    audience: "https://oauth2.example/token",
    subject: "agent@example",
    tokenUrl: "https://oauth2.example/token",
    secretKey: SECRET.secretKey,
    algorithm: "RS256",
    keyId: "key-1",
    expirationSeconds: 600,
    tokenResponseField: "id_token",
  },
  { authType: "private_key_jwt", name: "bank", provider: "bank", issuer: "iss", audience: "aud", subject: "sub", secretKey: SECRET.secretKey },
  {
    authType: "mtls",
    name: "mtls",
    provider: "partner",
    clientCertificate: SECRET.certificate,
    clientKey: SECRET.clientKey,
    caCertificate: SECRET.caCertificate,
    keyPassphrase: SECRET.passphrase,
  },
];

/** What the SDK reads back for each create above: the non-secret fields, defaults filled in. */
const EXPECTED: Record<string, Record<string, unknown>> = {
  oauth2_client_credentials: {
    name: "crm",
    provider: "salesforce",
    clientId: "crm-client",
    tokenUrl: "https://login.example/token",
    scopes: ["api", "refresh_token"],
    extraParams: { audience: "crm" },
    basicAuthInHeader: false,
    customHeaders: { "x-team": "voice" },
  },
  custom_header_auth: { name: "weather", provider: "weather", headerName: "x-weather-key" },
  basic_auth: { name: "legacy", provider: "legacy", username: "agent" },
  bearer_auth: { name: "tickets", provider: "zendesk" },
  oauth2_jwt: {
    name: "gcp",
    provider: "google",
    issuer: "svc@example",
    audience: "https://oauth2.example/token",
    subject: "agent@example",
    tokenUrl: "https://oauth2.example/token",
    algorithm: "RS256",
    keyId: "key-1",
    expirationSeconds: 600,
    extraParams: {},
    scopes: [],
    tokenResponseField: "id_token",
  },
  private_key_jwt: { name: "bank", provider: "bank", issuer: "iss", audience: "aud", subject: "sub", algorithm: "HS256", expirationSeconds: 3600, extraParams: {} },
  mtls: { name: "mtls", provider: "partner" },
};

function expectNoSecret(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of Object.values(SECRET)) expect(text, `leaked ${secret}`).not.toContain(secret);
}

/** The SDK's error for a call that must fail. */
async function failure(call: () => Promise<unknown>): Promise<ElevenLabsError> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(ElevenLabsError);
    return error as ElevenLabsError;
  }
  throw new Error("the call succeeded");
}

describe("ElevenLabs SDK against the emulator", { timeout: 30_000 }, () => {
  it("creates each of the 7 creatable types; the SDK parses every answer; no secret comes back, the store holds them", async () => {
    const created = [];
    for (const request of CREATES) {
      const connection = await connections().create(request);
      expect(connection.authType).toBe(request.authType);
      expect(connection).toMatchObject({ ...EXPECTED[request.authType], id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), status: "active" });
      expect(Date.parse(connection.statusUpdatedAt!)).not.toBeNaN();
      expectNoSecret(connection);
      created.push(connection);
    }
    expect(new Set(created.map((c) => c.id)).size).toBe(7);

    const stored = (await storeOf(emulator.url)).elevenlabs;
    const byType = Object.fromEntries(stored.map((c: any) => [c.auth_type, c]));
    expect(byType.oauth2_client_credentials.client_secret).toBe(SECRET.clientSecret);
    expect(byType.custom_header_auth.token).toBe(SECRET.token);
    expect(byType.basic_auth.password).toBe(SECRET.password);
    expect(byType.oauth2_jwt.secret_key).toBe(SECRET.secretKey);
    expect(byType.mtls).toMatchObject({ client_key: SECRET.clientKey, key_passphrase: SECRET.passphrase, client_certificate: SECRET.certificate });
  });

  it("lists all 13 types, seeded ones included, and the SDK parses the list", async () => {
    for (const request of CREATES) await connections().create(request);
    const seeded = await fetch(`${emulator.url}/_emulator/elevenlabs/seed`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { auth_type: "refresh_token_auth", refresh_token: SECRET.token },
        { auth_type: "api_integration_oauth2_auth_code", status: "refresh_failed", status_detail: "invalid_grant" },
        { auth_type: "api_integration_oauth2_custom_app", scope_separator: "," },
        { auth_type: "whatsapp_auth" },
        { auth_type: "slack_bot_auth", used_by: { tools: [{ type: "available", id: "t1", name: "Notify", created_at_unix_secs: 1700000000, access_level: "admin" }] } },
        { auth_type: "url_secret", name: "webhook" },
      ]),
    });
    expect(seeded.status).toBe(200);

    const { authConnections } = await connections().list();
    expect(authConnections.map((c) => c.authType)).toEqual([...CREATES.map((c) => c.authType), "refresh_token_auth", "api_integration_oauth2_auth_code", "api_integration_oauth2_custom_app", "whatsapp_auth", "slack_bot_auth", "url_secret"]);
    expectNoSecret(authConnections);
    const seen = Object.fromEntries(authConnections.map((c) => [c.authType, c as any]));
    expect(seen.api_integration_oauth2_auth_code).toMatchObject({ status: "refresh_failed", statusDetail: "invalid_grant" });
    expect(seen.whatsapp_auth.provider).toBe("whatsapp");
    expect(seen.slack_bot_auth.usedBy.tools[0]).toMatchObject({ type: "available", id: "t1", accessLevel: "admin" });
    expect(seen.url_secret.name).toBe("webhook");
  });

  it("updates each of the 4 updatable types with true-PATCH rules; the answer and the list agree", async () => {
    const [oauth, , basic, bearer, jwt] = await Promise.all(CREATES.map((request) => connections().create(request)));

    const rotated = await connections().update(oauth.id, {
      authType: "oauth2_client_credentials",
      clientSecret: "el-rotated-secret-19",
      extraParams: { audience: null, resource: "crm-api" },
      basicAuthInHeader: true,
    });
    expect(rotated).toMatchObject({ ...EXPECTED.oauth2_client_credentials, extraParams: { resource: "crm-api" }, basicAuthInHeader: true });
    expect(JSON.stringify(rotated)).not.toContain("el-rotated-secret-19");

    expect(await connections().update(basic.id, { authType: "basic_auth", username: "agent-2" })).toMatchObject({ username: "agent-2", provider: "legacy" });
    expect(await connections().update(bearer.id, { authType: "bearer_auth", provider: "zendesk-eu" })).toMatchObject({ provider: "zendesk-eu", name: "tickets" });
    expect(await connections().update(jwt.id, { authType: "oauth2_jwt", expirationSeconds: 1200, scopes: ["openid"] })).toMatchObject({
      ...EXPECTED.oauth2_jwt,
      expirationSeconds: 1200,
      scopes: ["openid"],
    });

    const listed = (await connections().list()).authConnections.find((c) => c.id === oauth.id);
    expect(listed).toEqual(rotated);
    const stored = (await storeOf(emulator.url)).elevenlabs.find((c: any) => c.id === oauth.id);
    expect(stored).toMatchObject({ client_secret: "el-rotated-secret-19", client_id: "crm-client", extra_params: { resource: "crm-api" } });
  });

  it("deletes: the answer is {}, and the connection leaves the list", async () => {
    const connection = await connections().create(CREATES[3]);
    expect(await connections().delete(connection.id)).toEqual({});
    expect((await connections().list()).authConnections).toEqual([]);
  });

  it("401: a wrong key, with the detail envelope", async () => {
    const wrong = new ElevenLabsClient({ apiKey: "not-the-key", baseUrl: emulator.url, maxRetries: 0 });
    const error = await failure(() => wrong.workspace.authConnections.list());
    expect(error.statusCode).toBe(401);
    expect(error.body).toEqual({ detail: { status: "invalid_api_key", message: expect.any(String) } });
  });

  it("404: update and delete of an unknown id", async () => {
    const calls = [() => connections().update("NoSuchConnection0000", { authType: "bearer_auth", token: "x" }), () => connections().delete("NoSuchConnection0000")];
    for (const call of calls) {
      const error = await failure(call);
      expect(error.statusCode).toBe(404);
      expect(error.body).toMatchObject({ detail: { status: "not_found" } });
    }
  });

  it("422: the SDK raises UnprocessableEntityError with FastAPI's detail list", async () => {
    const bearer = await connections().create(CREATES[3]);
    const headerAuth = await connections().create(CREATES[1]);
    const cases: [() => Promise<unknown>, unknown[]][] = [
      // name cannot be updated; the SDK drops unknown keys, so it is sent as an additional body parameter.
      [() => connections().update(bearer.id, { authType: "bearer_auth" }, { additionalBodyParameters: { name: "renamed" } }), ["body", "name"]],
      // Out of the emulator's range for expiration_seconds.
      [() => connections().create({ ...(CREATES[4] as ElevenLabs.workspace.AuthConnectionsCreateRequestBody.Oauth2Jwt), expirationSeconds: 10 }), ["body", "expiration_seconds"]],
      // custom_header_auth cannot be updated at all: its type is no updatable one.
      [() => connections().update(headerAuth.id, { authType: "bearer_auth", token: "x" }), ["body", "auth_type"]],
    ];
    for (const [call, loc] of cases) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(ElevenLabs.UnprocessableEntityError);
      expect(error.statusCode).toBe(422);
      expect((error.body as any).detail).toEqual([{ loc, msg: expect.any(String), type: expect.any(String) }]);
    }
    expect((await connections().list()).authConnections.map((c) => c.name)).toEqual(["tickets", "weather"]);
  });
});
