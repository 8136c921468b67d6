import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EngineWorld, ResourceKind, ScenarioResource } from "./harness";
import { failureOf, writes } from "./inspect";

/**
 * Every secret field of flowra.AuthConfig and of each elevenlabs.AuthConnection type carries a
 * canary of its own, through create, drift check, rotation, a failed update and destroy: no canary
 * may ever appear in the state files, the CLI output (which carries the provider's log lines) or an
 * error, while each really reaches the API (the emulator's unmasked store holds it).
 */

interface SecretCase {
  readonly kind: ResourceKind;
  readonly name: string;
  /** The arguments, with `v` in every secret value: v1 at create, v2 after the rotation. */
  args(v: string): Record<string, unknown>;
  /** Where each secret sits in the emulator's stored object. */
  readonly storedSecrets: readonly string[];
  /** The API can PATCH it: a rotation is one PATCH; otherwise it replaces. */
  readonly updatable: boolean;
}

/** Every canary starts so: one search finds any of them. */
const MARK = "cnry";
const canary = (resource: string, field: string, v: string) => `${MARK}-${resource}-${field}-${v}`;
const jwt = { issuer: "iss", audience: "aud", subject: "sub" };

const CASES: readonly SecretCase[] = [
  {
    kind: "flowra",
    name: "flowra-oauth",
    args: (v) => ({
      toolkit: "github",
      authScheme: "OAUTH2",
      credentials: { client_id: canary("fo", "client_id", v), client_secret: canary("fo", "client_secret", v) },
      proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: canary("fo", "proxy_auth_key", v) },
    }),
    storedSecrets: ["credentials.client_id", "credentials.client_secret", "proxyConfig.proxyAuthKey"],
    updatable: true,
  },
  {
    kind: "flowra",
    name: "flowra-apikey",
    args: (v) => ({ toolkit: "linear", authScheme: "API_KEY", credentials: { api_key: canary("fa", "api_key", v) } }),
    storedSecrets: ["credentials.api_key"],
    updatable: true,
  },
  {
    kind: "elevenlabs",
    name: "el-oauth2",
    args: (v) => ({ authType: "oauth2_client_credentials", provider: "crm", clientId: "id", clientSecret: canary("eo", "client_secret", v), tokenUrl: "https://auth.example/token" }),
    storedSecrets: ["client_secret"],
    updatable: true,
  },
  {
    kind: "elevenlabs",
    name: "el-header",
    args: (v) => ({ authType: "custom_header_auth", provider: "crm", headerName: "X-Key", token: canary("eh", "token", v) }),
    storedSecrets: ["token"],
    updatable: false,
  },
  {
    kind: "elevenlabs",
    name: "el-basic",
    args: (v) => ({ authType: "basic_auth", provider: "crm", username: "user", password: canary("eb", "password", v) }),
    storedSecrets: ["password"],
    updatable: true,
  },
  {
    kind: "elevenlabs",
    name: "el-bearer",
    args: (v) => ({ authType: "bearer_auth", provider: "crm", token: canary("ebr", "token", v) }),
    storedSecrets: ["token"],
    updatable: true,
  },
  {
    kind: "elevenlabs",
    name: "el-jwt",
    args: (v) => ({ authType: "oauth2_jwt", provider: "crm", ...jwt, tokenUrl: "https://auth.example/token", secretKey: canary("ej", "secret_key", v) }),
    storedSecrets: ["secret_key"],
    updatable: true,
  },
  {
    kind: "elevenlabs",
    name: "el-pkjwt",
    args: (v) => ({ authType: "private_key_jwt", provider: "crm", ...jwt, secretKey: canary("ep", "secret_key", v) }),
    storedSecrets: ["secret_key"],
    updatable: false,
  },
  {
    kind: "elevenlabs",
    name: "el-mtls",
    args: (v) => ({ authType: "mtls", provider: "crm", clientCertificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", clientKey: `-----BEGIN PRIVATE KEY-----\n${canary("em", "client_key", v)}\n-----END PRIVATE KEY-----`, keyPassphrase: canary("em", "key_passphrase", v) }),
    storedSecrets: ["client_key", "key_passphrase"],
    updatable: false,
  },
];

const pick = (object: unknown, path: string) => path.split(".").reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], object);

describe("canary secrets of every secret field", () => {
  let world: EngineWorld;
  const declare = (v: (c: SecretCase) => string) => world.declare(CASES.map((c): ScenarioResource => ({ kind: c.kind, name: c.name, args: c.args(v(c)) })));
  const idOf = async (name: string) => ((await world.stack.outputs())[name].value as { id: string }).id;

  beforeAll(async () => {
    world = await EngineWorld.create("secret-fields");
  });
  afterAll(async () => {
    await world?.dispose();
  });

  /** No canary in the state files or anything the CLI printed, and none in `extra` (an error's text). */
  function expectNoCanary(extra = ""): void {
    for (const [where, text] of [["state files", world.persistedState()], ["CLI output", world.output], ["error", extra]]) {
      const leaked = text.match(new RegExp(`${MARK}-[\\w-]+`, "g"));
      expect(leaked, `${where} shows a secret`).toBeNull();
      expect(text).not.toContain(API_KEY);
    }
  }

  /** Each secret of each resource, as the emulator really holds it, equals the declared version. */
  async function expectStored(v: (c: SecretCase) => string): Promise<void> {
    const store = (await (await fetch(`${world.emulatorUrl}/_emulator/store`)).json()) as Record<string, { id: string; deleted?: boolean }[]>;
    for (const c of CASES) {
      const id = await idOf(c.name);
      const object = store[c.kind].find((o) => o.id === id && !o.deleted);
      expect(object, `${c.name} exists`).toBeDefined();
      for (const path of c.storedSecrets) expect(pick(object, path), `${c.name}: ${path}`).toContain(`-${v(c)}`);
    }
  }

  it("create: every secret reaches the API, none is in state or output, each is a Pulumi secret in state", async () => {
    declare(() => "v1");
    await world.up();
    await expectStored(() => "v1");
    expectNoCanary();
    // The secret fields are stored encrypted: state holds ciphertexts where the values would be.
    const stored = await world.storedResources();
    for (const c of CASES) {
      const resource = stored.find((r) => r.type.includes(c.kind === "flowra" ? "flowra:AuthConfig" : "elevenlabs:AuthConnection") && (r as { urn?: string }).urn?.endsWith(`::${c.name}`));
      expect(JSON.stringify(resource?.inputs), `${c.name} inputs hold ciphertext`).toContain("ciphertext");
      expect(JSON.stringify(resource?.outputs), `${c.name} outputs hold ciphertext`).toContain("ciphertext");
    }
  });

  it("the drift check sends no secret and shows none", async () => {
    await world.preview({ refresh: true, expectNoChanges: true });
    expectNoCanary();
  });

  it("a failed rotation (wrong key) shows no secret in its error", async () => {
    declare(() => "v2");
    await world.stack.setConfig("flowra:apiKey", { value: "wrong-key", secret: true });
    await world.stack.setConfig("elevenlabs:apiKey", { value: "wrong-key", secret: true });
    try {
      const text = await failureOf(world, () => world.up());
      expect(text, "up must fail").toBeDefined();
      expect(text).toMatch(/answered 401/);
      expectNoCanary(text);
    } finally {
      await world.stack.setConfig("flowra:apiKey", { value: API_KEY, secret: true });
      await world.stack.setConfig("elevenlabs:apiKey", { value: API_KEY, secret: true });
    }
    await expectStored(() => "v1");
  });

  it("rotation: one PATCH per updatable resource, a replacement otherwise; the API holds the new values", async () => {
    const before = new Map(await Promise.all(CASES.map(async (c) => [c.name, await idOf(c.name)] as const)));
    declare(() => "v2");
    await world.clearRequests();
    await world.up();
    const sent = writes(await world.requests());
    for (const c of CASES) {
      const id = before.get(c.name)!;
      const mine = sent.filter((r) => r.path.endsWith(`/${id}`));
      if (c.updatable) {
        expect(mine.map((r) => r.method), c.name).toEqual(["PATCH"]);
        expect(await idOf(c.name)).toBe(id);
      } else {
        expect(mine.map((r) => r.method), c.name).toEqual(["DELETE"]);
        expect(await idOf(c.name)).not.toBe(id);
      }
    }
    await expectStored(() => "v2");
    expectNoCanary();
  });

  it("a secret changed by hand cannot be seen (the API never returns it); a visible field can", async () => {
    const id = await idOf("el-bearer");
    expect((await world.api("PATCH", `/v1/workspace/auth-connections/${id}`, { auth_type: "bearer_auth", token: "changed-by-hand" })).status).toBe(200);
    // The documented limit: the drift check passes, as nothing it can read changed.
    await world.preview({ refresh: true, expectNoChanges: true });
    const basic = await idOf("el-basic");
    expect((await world.api("PATCH", `/v1/workspace/auth-connections/${basic}`, { auth_type: "basic_auth", username: "someone-else" })).status).toBe(200);
    const text = await failureOf(world, () => world.preview({ refresh: true, expectNoChanges: true }));
    expect(text, "the drift check must fail").toBeDefined();
    expect(text).toContain("username");
    expect(text).not.toContain("changed-by-hand");
    expectNoCanary();
  });

  it("destroy removes everything and shows no secret", async () => {
    await world.destroy();
    const store = (await (await fetch(`${world.emulatorUrl}/_emulator/store`)).json()) as Record<string, unknown[]>;
    expect(store.flowra).toEqual([]);
    expect(store.elevenlabs).toEqual([]);
    expectNoCanary();
  });
});
