import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPatchBody } from "../../provider/elevenlabs/patchBody";
import type { AuthConnectionInputs } from "../../provider/elevenlabs/state";

/**
 * The spec's PATCH rules (elevenlabs-v1.md, Update, and the emulator's decisions), written out
 * independently of the builder: what the API does to a stored connection when it receives a body.
 * A scalar present replaces; `null` resets an optional field to its default; `extra_params` and
 * `custom_headers` merge key by key (`null` removes a key).
 */
const DEFAULTS: Record<string, unknown> = {
  scopes: [],
  extra_params: {},
  custom_headers: {},
  basic_auth_in_header: false,
  algorithm: "HS256",
  expiration_seconds: 3600,
  key_id: null,
  token_response_field: null,
};
const MAPS = new Set(["extra_params", "custom_headers"]);
const NOT_UPDATABLE = new Set(["name", "token_url"]);

function applyPatch(stored: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> {
  expect(body.auth_type).toBe(stored.auth_type);
  const next = structuredClone(stored);
  for (const [key, value] of Object.entries(body)) {
    if (key === "auth_type") continue;
    expect(NOT_UPDATABLE.has(key), `${key} sent`).toBe(false);
    if (value === null) next[key] = structuredClone(DEFAULTS[key] ?? null);
    else if (MAPS.has(key)) {
      const merged = { ...(next[key] as Record<string, string>) };
      for (const [k, v] of Object.entries(value as Record<string, string | null>)) v === null ? delete merged[k] : (merged[k] = v);
      next[key] = merged;
    } else next[key] = value;
  }
  return next;
}

/** Argument → wire field, written out here rather than taken from the code under test. */
const WIRE: Record<string, string> = {
  provider: "provider",
  clientId: "client_id",
  clientSecret: "client_secret",
  tokenUrl: "token_url",
  scopes: "scopes",
  extraParams: "extra_params",
  basicAuthInHeader: "basic_auth_in_header",
  customHeaders: "custom_headers",
  username: "username",
  password: "password",
  token: "token",
  issuer: "issuer",
  audience: "audience",
  subject: "subject",
  secretKey: "secret_key",
  algorithm: "algorithm",
  keyId: "key_id",
  expirationSeconds: "expiration_seconds",
  tokenResponseField: "token_response_field",
};

/** Each updatable type's fields and whether they are required. */
const TYPES: Record<string, Record<string, boolean>> = {
  oauth2_client_credentials: { clientId: true, clientSecret: true, tokenUrl: true, scopes: false, extraParams: false, basicAuthInHeader: false, customHeaders: false },
  basic_auth: { username: true, password: true },
  bearer_auth: { token: true },
  oauth2_jwt: {
    issuer: true,
    audience: true,
    subject: true,
    tokenUrl: true,
    secretKey: true,
    algorithm: false,
    keyId: false,
    expirationSeconds: false,
    extraParams: false,
    scopes: false,
    tokenResponseField: false,
  },
};

/** The connection the API holds once it matches `inputs`: undeclared optional fields at their defaults. */
function wireView(inputs: AuthConnectionInputs): Record<string, unknown> {
  const view: Record<string, unknown> = { auth_type: inputs.authType, name: inputs.name, provider: inputs.provider };
  for (const field of Object.keys(TYPES[inputs.authType])) {
    const wire = WIRE[field];
    const value = inputs[field as keyof AuthConnectionInputs];
    view[wire] = value === undefined ? structuredClone(DEFAULTS[wire] ?? null) : structuredClone(value);
  }
  return view;
}

// Small domains, so that before and after often share values: the interesting case for a diff.
const VALUES: Record<string, fc.Arbitrary<unknown>> = {
  provider: fc.constantFrom("google", "acme"),
  clientId: fc.constantFrom("c1", "c2"),
  clientSecret: fc.constantFrom("s1", "s2"),
  tokenUrl: fc.constant("https://auth.example/token"),
  scopes: fc.array(fc.constantFrom("read", "write"), { maxLength: 2 }),
  extraParams: fc.dictionary(fc.constantFrom("audience", "resource", "tenant"), fc.constantFrom("v1", "v2"), { maxKeys: 3 }),
  customHeaders: fc.dictionary(fc.constantFrom("X-Tenant", "X-Region"), fc.constantFrom("a", "b"), { maxKeys: 2 }),
  basicAuthInHeader: fc.boolean(),
  username: fc.constantFrom("u1", "u2"),
  password: fc.constantFrom("p1", "p2"),
  token: fc.constantFrom("t1", "t2"),
  issuer: fc.constantFrom("i1", "i2"),
  audience: fc.constantFrom("a1", "a2"),
  subject: fc.constantFrom("s1", "s2"),
  secretKey: fc.constantFrom("k1", "k2"),
  algorithm: fc.constantFrom("HS256", "RS256"),
  keyId: fc.constantFrom("kid1", "kid2"),
  expirationSeconds: fc.constantFrom(60, 3600),
  tokenResponseField: fc.constantFrom("access_token", "id_token"),
};

function inputsOf(authType: string): fc.Arbitrary<AuthConnectionInputs> {
  const record: Record<string, fc.Arbitrary<unknown>> = { authType: fc.constant(authType), name: fc.constant("conn"), provider: VALUES.provider };
  for (const [field, required] of Object.entries(TYPES[authType])) record[field] = required ? VALUES[field] : fc.option(VALUES[field], { nil: undefined });
  return fc.record(record).map((r) => JSON.parse(JSON.stringify(r)) as AuthConnectionInputs); // no undefined keys, as in state
}

const pairs = fc.constantFrom(...Object.keys(TYPES)).chain((authType) => fc.tuple(inputsOf(authType), inputsOf(authType)));

describe("buildPatchBody (ElevenLabs)", () => {
  it("property: applying the body with the spec's rules to the stored connection yields the desired one", () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const body = buildPatchBody(before, after) ?? { auth_type: after.authType };
        expect(applyPatch(wireView(before), body)).toEqual(wireView(after));
      }),
      { numRuns: 3000 },
    );
  });

  it("property: an unchanged field or map key is never sent; a changed one always is", () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const body = (buildPatchBody(before, after) ?? {}) as Record<string, unknown>;
        for (const field of ["provider", ...Object.keys(TYPES[after.authType])]) {
          if (field === "extraParams" || field === "customHeaders") continue; // key by key, below
          const changed = JSON.stringify(before[field as keyof AuthConnectionInputs]) !== JSON.stringify(after[field as keyof AuthConnectionInputs]);
          expect(WIRE[field] in body, field).toBe(changed && field !== "tokenUrl");
        }
        expect(Object.keys(body).filter((key) => key !== "auth_type" && !Object.values(WIRE).includes(key))).toEqual([]);
        for (const map of ["extraParams", "customHeaders"] as const) {
          const sent = (body[WIRE[map]] ?? {}) as Record<string, unknown>;
          const keys = new Set([...Object.keys(before[map] ?? {}), ...Object.keys(after[map] ?? {})]);
          for (const key of keys) {
            const [old, next] = [before[map]?.[key], after[map]?.[key]];
            expect(sent[key], `${map}.${key}`).toEqual(old === next ? undefined : (next ?? null));
          }
          expect(Object.keys(sent).every((key) => keys.has(key))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("property: no body at all when nothing changed", () => {
    fc.assert(
      fc.property(pairs, ([before]) => {
        expect(buildPatchBody(before, structuredClone(before))).toBeUndefined();
      }),
    );
  });

  it("a rotated secret is the only field sent, with auth_type", () => {
    const before: AuthConnectionInputs = { authType: "oauth2_client_credentials", provider: "google", clientId: "c", clientSecret: "old", tokenUrl: "https://t.example", scopes: ["a"] };
    expect(buildPatchBody(before, { ...before, clientSecret: "new" })).toEqual({ auth_type: "oauth2_client_credentials", client_secret: "new" });
  });

  it("a removed map key goes as null; a removed optional field as null; the name and token URL never", () => {
    const before: AuthConnectionInputs = {
      authType: "oauth2_jwt",
      provider: "acme",
      name: "n",
      issuer: "i",
      audience: "a",
      subject: "s",
      tokenUrl: "https://t.example",
      secretKey: "k",
      keyId: "kid",
      extraParams: { keep: "1", drop: "2" },
    };
    const after: AuthConnectionInputs = { ...before, name: "other", tokenUrl: "https://other.example", keyId: undefined, extraParams: { keep: "1" } };
    expect(buildPatchBody(before, JSON.parse(JSON.stringify(after)))).toEqual({ auth_type: "oauth2_jwt", key_id: null, extra_params: { drop: null } });
  });
});
