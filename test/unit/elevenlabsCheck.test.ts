import { beforeEach, describe, expect, it } from "vitest";
import { checkArgs, isReplacing } from "../../provider/core/checkArgs";
import { forgetHeldConfigs } from "../../provider/core/heldConfigs";
import { UNKNOWN } from "../../provider/core/unknown";
import { elevenLabsAuthConnection } from "../../provider/elevenlabs/definition";
import * as provider from "../../provider/elevenlabs/authConnectionProvider";
import { ELEVENLABS_BAD_INPUTS, ELEVENLABS_BAD_INPUT_CANARIES } from "../fixtures/elevenlabsBadInputs";

const checkInputs = (olds: Record<string, unknown>, news: Record<string, unknown>) => checkArgs(elevenLabsAuthConnection, olds, news);

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----";

/** Each type with its required fields only. */
const MINIMAL: Record<string, Record<string, unknown>> = {
  oauth2_client_credentials: { clientId: "cid", clientSecret: "s3cret", tokenUrl: "https://auth.example/token" },
  custom_header_auth: { headerName: "X-Api-Key", token: "t0ken" },
  basic_auth: { username: "u", password: "passw0rd" },
  bearer_auth: { token: "t0ken" },
  oauth2_jwt: { issuer: "i", audience: "a", subject: "s", tokenUrl: "https://auth.example/token", secretKey: "k3y" },
  private_key_jwt: { issuer: "i", audience: "a", subject: "s", secretKey: "k3y" },
  mtls: { clientCertificate: CERT, clientKey: KEY },
};

describe("check of elevenlabs.AuthConnection", () => {
  beforeEach(() => forgetHeldConfigs());

  it.each(ELEVENLABS_BAD_INPUTS.map((b) => [b.what, b] as const))("rejects %s, naming the field", (_what, bad) => {
    const { failures } = checkInputs({}, { ...bad.args, __logicalName: "bad" });
    expect(failures.length).toBeGreaterThan(0);
    const text = failures.map((f) => `${f.property}: ${f.reason}`).join("\n");
    expect(failures.some((f) => f.reason.includes(bad.field)), text).toBe(true);
    for (const canary of ELEVENLABS_BAD_INPUT_CANARIES) expect(text).not.toContain(canary);
  });

  it("has at least 30 bad inputs", () => {
    expect(ELEVENLABS_BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  it("accepts each of the 7 types with its required fields, and generates a name", () => {
    for (const [authType, fields] of Object.entries(MINIMAL)) {
      const { inputs, failures } = checkInputs({}, { authType, provider: "acme", ...fields, __logicalName: "conn" });
      expect(failures, authType).toEqual([]);
      expect(inputs.name).toMatch(/^conn-[0-9a-f]{7}$/);
      expect(inputs.name).toBe(inputs.__marker);
      expect(inputs.__autoNamed).toBe(true);
    }
  });

  it("names the missing field and the type that requires it", () => {
    const { failures } = checkInputs({}, { authType: "basic_auth", provider: "acme", username: "u" });
    expect(failures).toEqual([{ property: "password", reason: "password is required when authType is basic_auth" }]);
  });

  it("names the types a misplaced field belongs to", () => {
    const { failures } = checkInputs({}, { authType: "bearer_auth", provider: "acme", token: "t0ken", headerName: "X-Key" });
    expect(failures).toEqual([{ property: "headerName", reason: "headerName is not a field of bearer_auth connections (only of custom_header_auth)" }]);
  });

  it("does not judge values unknown during preview", () => {
    expect(checkInputs({}, { authType: UNKNOWN, provider: UNKNOWN, token: UNKNOWN, headerName: "X-Key" }).failures).toEqual([]);
    expect(checkInputs({}, { authType: "oauth2_client_credentials", provider: "p", clientId: UNKNOWN, clientSecret: UNKNOWN, tokenUrl: UNKNOWN, extraParams: UNKNOWN }).failures).toEqual([]);
  });

  it("keeps a generated name across updates, since the API cannot rename: a change that does not replace keeps it", () => {
    const args = { authType: "bearer_auth", provider: "acme", token: "t0ken", __logicalName: "b", __urn: "urn:x::b" };
    const first = checkInputs({}, args).inputs;
    const rotated = checkInputs(first, { ...args, token: "r0tated" }).inputs;
    expect(rotated.name).toBe(first.name);
    const unchanged = checkInputs(rotated, args).inputs;
    expect(unchanged.name).toBe(first.name);
  });

  it("a change of a type that cannot be updated replaces, and so gets a new generated name", () => {
    const args = { authType: "custom_header_auth", provider: "acme", headerName: "X-Key", token: "t0ken", __logicalName: "c", __urn: "urn:x::c" };
    const first = checkInputs({}, args).inputs;
    const rotated = checkInputs(first, { ...args, token: "r0tated" }).inputs;
    expect(rotated.name).not.toBe(first.name);
  });

  it("a declared name dropped from the program becomes a generated one: a replacement, as the API cannot rename", () => {
    const args = { authType: "bearer_auth", provider: "acme", token: "t0ken", __logicalName: "b", __urn: "urn:x::b" };
    const named = checkInputs({}, { ...args, name: "mine" }).inputs;
    expect(isReplacing(elevenLabsAuthConnection, named, { ...args })).toBe(true);
    const generated = checkInputs(named, args).inputs;
    expect(generated.name).toMatch(/^b-[0-9a-f]{7}$/);
  });
});

describe("diff of elevenlabs.AuthConnection", () => {
  const state = (authType: string, extra: Record<string, unknown> = {}) => ({ authType, provider: "acme", name: "n", ...MINIMAL[authType], ...extra, status: "active" });

  it("replaces on authType, name or tokenUrl; updates the rest of an updatable type in place", async () => {
    const olds = state("oauth2_client_credentials", { scopes: ["a"] });
    expect(await provider.diff("id", olds, { ...olds })).toMatchObject({ changes: false });
    expect(await provider.diff("id", olds, { ...olds, clientSecret: "r0tated" })).toMatchObject({ changes: true, replaces: [] });
    expect(await provider.diff("id", olds, { ...olds, scopes: ["a", "b"], provider: "other" })).toMatchObject({ changes: true, replaces: [] });
    expect(await provider.diff("id", olds, { ...olds, tokenUrl: "https://other.example/token" })).toMatchObject({ replaces: ["tokenUrl"] });
    expect(await provider.diff("id", olds, { ...olds, name: "renamed" })).toMatchObject({ replaces: ["name"] });
    expect(await provider.diff("id", olds, { ...state("bearer_auth"), name: "n" })).toMatchObject({ replaces: expect.arrayContaining(["authType"]) });
  });

  it("replaces on any change of custom_header_auth, private_key_jwt and mtls", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["custom_header_auth", { token: "r0tated" }],
      ["private_key_jwt", { expirationSeconds: 120 }],
      ["mtls", { caCertificate: CERT }],
      ["mtls", { provider: "other" }],
    ];
    for (const [authType, change] of cases) {
      const olds = state(authType);
      const key = Object.keys(change)[0];
      expect(await provider.diff("id", olds, { ...olds, ...change }), `${authType} ${key}`).toMatchObject({ changes: true, replaces: [key] });
    }
  });
});
