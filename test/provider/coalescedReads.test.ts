import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import * as composioProvider from "../../provider/composio/authConfigProvider";
import { ComposioApi } from "../../provider/composio/client";
import { composioAuthConfig } from "../../provider/composio/definition";
import { forgetApiClients } from "../../provider/core/apiClients";
import { CoalescedReads } from "../../provider/core/coalescedReads";
import type { CallContext, ResourceApi, ResourceDefinition } from "../../provider/core/definition";
import { HttpClient } from "../../provider/core/httpClient";
import { RateLimiter } from "../../provider/core/rateLimiter";
import { DEFAULT_RETRY_POLICY } from "../../provider/core/retry";
import * as elevenlabsProvider from "../../provider/elevenlabs/authConnectionProvider";
import { ElevenLabsApi } from "../../provider/elevenlabs/client";
import { elevenLabsAuthConnection } from "../../provider/elevenlabs/definition";
import * as flowraProvider from "../../provider/flowra/authConfigProvider";
import { FlowraApi } from "../../provider/flowra/client";
import { flowraAuthConfig } from "../../provider/flowra/definition";

/**
 * Coalesced reads against the real emulator over HTTP, for each API: whatever the project (its
 * size, disabled, deleted and managed configs, masked secrets, connections made elsewhere) and
 * however the reads arrive (together, a few ticks apart, in groups with writes of this process
 * between them), each read gives exactly what a read by id gives at that moment; and the requests
 * never exceed one per read, plus the first page once, plus one per read of a config that is gone.
 */

const KEY = "coalesced-reads-test-key";
const ctx: CallContext = { resource: 'x.Test "reads"', operation: "read", secrets: [] };
const tick = () => new Promise((resolve) => setImmediate(resolve));

interface ProjectEntry {
  /** Composio/Flowra: a managed config; ElevenLabs: a connection type made elsewhere. */
  readonly special: boolean;
  readonly disabled: boolean;
  readonly deleted: boolean;
  readonly secret: string;
}

/** What differs between the APIs for this test. */
interface Kind {
  readonly name: string;
  readonly def: ResourceDefinition<any, any, any>;
  readonly provider: { read(id: string, props: undefined): Promise<{ id?: string; props?: Record<string, unknown> }> };
  readonly envPrefix: string;
  api(http: HttpClient, pageSize: number): ResourceApi<any, any>;
  /** Makes the entry's config; returns its id and whether this test may PATCH it. */
  make(entry: ProjectEntry, i: number): Promise<{ id: string; writable: boolean }>;
  disable?(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** A PATCH by this process that changes what reads show. */
  write(id: string, n: number): Promise<void>;
  /** An id no config has. */
  readonly unknownId: string;
  /** A read of one config by id, as the API offers it (ElevenLabs: from a new list). */
  readById(api: ResourceApi<any, any>, id: string): Promise<unknown>;
}

let url = "";
let close = async () => {};

async function call(method: string, path: string, body?: unknown): Promise<any> {
  const keyHeader = path.startsWith("/v1/workspace") ? "xi-api-key" : "x-api-key";
  const res = await fetch(url + path, { method, headers: { [keyHeader]: KEY, ...(body !== undefined && { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}
const control = (method: string, path: string, body?: unknown) =>
  fetch(url + path, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }).then((res) => res.json());
const requestsSent = async () => ((await control("GET", "/_emulator/requests")) as unknown[]).length;
const clearRequests = () => control("DELETE", "/_emulator/requests");

function httpClient(def: ResourceDefinition<any, any, any>): HttpClient {
  return new HttpClient({
    baseUrl: url,
    headers: def.authHeaders(KEY),
    timeoutMs: 10_000,
    retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 2 },
    rateLimiter: new RateLimiter(100_000),
    parseErrorBody: def.parseErrorBody,
    log: () => {},
  });
}

const COMPOSIO = "/api/v3/auth_configs";
const FLOWRA = "/api/v1/auth_configs";
const ELEVENLABS = "/v1/workspace/auth-connections";

const composio: Kind = {
  name: "composio",
  def: composioAuthConfig,
  provider: composioProvider,
  envPrefix: "COMPOSIO",
  api: (http, pageSize) => new ComposioApi(http, { pageSize }),
  make: async (entry, i) => {
    const auth_config = entry.special
      ? { type: "use_composio_managed_auth", name: `managed-${i}`, credentials: { scopes: "email" }, shared_credentials: { bot: entry.secret } }
      : { type: "use_custom_auth", authScheme: "OAUTH2", name: `custom-${i}`, credentials: { client_id: `client-${i}`, client_secret: entry.secret }, proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: entry.secret } };
    const made = await call("POST", COMPOSIO, { toolkit: { slug: entry.special ? "gmail" : "slack" }, auth_config });
    return { id: made.auth_config.id, writable: !entry.special };
  },
  disable: (id) => call("PATCH", `${COMPOSIO}/${id}/DISABLED`),
  remove: (id) => call("DELETE", `${COMPOSIO}/${id}`),
  write: (id, n) => call("PATCH", `${COMPOSIO}/${id}`, { type: "custom", name: `written-${n}`, credentials: { client_id: `written-client-${n}` } }),
  unknownId: "ac_000000000000",
  readById: (api, id) => api.get!(id, ctx),
};

const flowra: Kind = {
  name: "flowra",
  def: flowraAuthConfig,
  provider: flowraProvider,
  envPrefix: "FLOWRA",
  api: (http, pageSize) => new FlowraApi(http, { pageSize }),
  make: async (entry, i) => {
    const authConfig = entry.special
      ? { type: "use_provider_managed_auth", displayName: `managed-${i}`, credentials: { scopes: "email" } }
      : { type: "use_custom_auth", authScheme: "OAUTH2", displayName: `custom-${i}`, credentials: { client_id: `client-${i}`, client_secret: entry.secret }, proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: entry.secret } };
    const made = await call("POST", FLOWRA, { toolkit: { slug: entry.special ? "gmail" : "github" }, authConfig });
    return { id: made.data.id, writable: true };
  },
  disable: (id) => call("PATCH", `${FLOWRA}/${id}`, { isDisabled: true }),
  remove: (id) => call("DELETE", `${FLOWRA}/${id}`),
  write: (id, n) => call("PATCH", `${FLOWRA}/${id}`, { displayName: `written-${n}`, isDisabled: n % 2 === 0 }),
  unknownId: "00000000-0000-4000-8000-000000000000",
  readById: (api, id) => api.get!(id, ctx),
};

const elevenlabs: Kind = {
  name: "elevenlabs",
  def: elevenLabsAuthConnection,
  provider: elevenlabsProvider,
  envPrefix: "ELEVENLABS",
  api: () => new ElevenLabsApi(httpClient(elevenLabsAuthConnection)),
  make: async (entry, i) => {
    if (entry.special) {
      const seeded = await control("POST", "/_emulator/elevenlabs/seed", { auth_type: "slack_bot_auth", name: `elsewhere-${i}`, bot_token: entry.secret });
      return { id: seeded.auth_connections[0].id, writable: false };
    }
    const made = await call("POST", ELEVENLABS, { auth_type: "bearer_auth", name: `bearer-${i}`, provider: "acme", token: entry.secret });
    return { id: made.id, writable: true };
  },
  remove: (id) => call("DELETE", `${ELEVENLABS}/${id}`),
  write: (id, n) => call("PATCH", `${ELEVENLABS}/${id}`, { auth_type: "bearer_auth", provider: `written-${n}` }),
  unknownId: "conn_doesnotexist",
  readById: async (api, id) => (await api.listPage(undefined, ctx)).items.find((item: { id: string }) => item.id === id),
};

const projectArb = fc.array(
  fc.record({ special: fc.boolean(), disabled: fc.boolean(), deleted: fc.boolean(), secret: fc.stringMatching(/^[a-z0-9]{8}$/).map((s) => `canary-${s}`) }),
  { maxLength: 24 },
);
const groupsArb = fc.array(
  fc.record({
    reads: fc.array(fc.record({ pick: fc.nat(), ticksLate: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 16 }),
    writeBefore: fc.option(fc.nat(), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 4 },
);

beforeAll(async () => {
  ({ url, close } = await startEmulator({ port: 0, apiKey: KEY }));
});
afterAll(async () => {
  await close();
});

describe.each([composio, flowra, elevenlabs])("$name: coalesced reads over HTTP", (kind) => {
  it("give what reads by id give, for any project and any batch, and never cost more requests than they save", async () => {
    await fc.assert(
      fc.asyncProperty(projectArb, groupsArb, fc.integer({ min: 1, max: 8 }), async (project, groups, pageSize) => {
        await control("POST", "/_emulator/reset");
        const made: { id: string; writable: boolean; live: boolean }[] = [];
        for (const [i, entry] of project.entries()) {
          const { id, writable } = await kind.make(entry, i);
          if (entry.disabled && kind.disable) await kind.disable(id);
          if (entry.deleted) await kind.remove(id);
          made.push({ id, writable, live: !entry.deleted });
        }
        const api = kind.api(httpClient(kind.def), pageSize);
        const reads = new CoalescedReads<any>(api, (remote) => kind.def.idOf(remote));
        const candidates = [...made.map((config) => config.id), kind.unknownId];
        const writable = made.filter((config) => config.writable && config.live);
        const secrets = project.map((entry) => entry.secret);
        let calls = 0;
        let callsOfGone = 0;
        let sent = 0;
        for (const [n, group] of groups.entries()) {
          if (group.writeBefore !== undefined && writable.length > 0) await reads.write(() => kind.write(writable[group.writeBefore! % writable.length].id, n));
          const ids = group.reads.map((read) => candidates[read.pick % candidates.length]);
          // Reads by id now: nothing changes the project until the batch below has been answered.
          const expected = new Map(await Promise.all([...new Set(ids)].map(async (id) => [id, await kind.readById(api, id)] as const)));
          await clearRequests();
          const results = await Promise.all(
            group.reads.map(async (read, i) => {
              for (let t = 0; t < read.ticksLate; t++) await tick();
              return reads.get(ids[i], ctx);
            }),
          );
          sent += await requestsSent();
          ids.forEach((id, i) => expect(results[i], `read of ${id} in group ${n}`).toEqual(expected.get(id)));
          const shown = JSON.stringify(results);
          for (const secret of secrets) expect(shown).not.toContain(secret);
          calls += ids.length;
          callsOfGone += ids.filter((id) => expected.get(id) === undefined).length;
        }
        expect(sent).toBeLessThanOrEqual(calls + 1 + callsOfGone);
      }),
      { numRuns: 20 },
    );
  }, 240_000);
});

describe.each([composio, flowra, elevenlabs])("$name: reads through the provider", (kind) => {
  it("30 reads at once cost one list request, and each equals the read of that config alone", async () => {
    await control("POST", "/_emulator/reset");
    Object.assign(process.env, { [`${kind.envPrefix}_BASE_URL`]: url, [`${kind.envPrefix}_API_KEY`]: KEY });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const { id } = await kind.make({ special: i % 3 === 0, disabled: false, deleted: false, secret: `canary-secret-${i}` }, i);
        if (i % 4 === 0 && kind.disable) await kind.disable(id);
        ids.push(id);
      }
      forgetApiClients();
      await clearRequests();
      const together = await Promise.all(ids.map((id) => kind.provider.read(id, undefined)));
      expect(await requestsSent()).toBe(1);
      for (const [i, id] of ids.entries()) {
        forgetApiClients(); // a new provider process: its one read is a read by id
        expect(await kind.provider.read(id, undefined)).toEqual(together[i]);
      }
    } finally {
      forgetApiClients();
      delete process.env[`${kind.envPrefix}_BASE_URL`];
      delete process.env[`${kind.envPrefix}_API_KEY`];
    }
  }, 120_000);
});

describe("a shared list request that fails", () => {
  it("fails each read naming its own resource, and no caller's secret", async () => {
    await control("POST", "/_emulator/reset");
    Object.assign(process.env, { COMPOSIO_BASE_URL: url, COMPOSIO_API_KEY: KEY, COMPOSIO_MAX_RETRIES: "0" });
    try {
      const names = ["alpha", "beta", "gamma"];
      const made = await Promise.all(names.map((name, i) => composio.make({ special: false, disabled: false, deleted: false, secret: `canary-own-${name}` }, i)));
      await control("POST", "/_emulator/faults", { rate: 1, kinds: ["500"], methods: ["GET"] });
      forgetApiClients();
      await clearRequests();
      const props = (name: string, i: number) => ({ __logicalName: name, toolkit: "slack", authScheme: "OAUTH2", name: `custom-${i}`, credentials: { client_id: `client-${i}`, client_secret: `canary-own-${name}` } });
      const results = await Promise.allSettled(made.map(({ id }, i) => composioProvider.read(id, props(names[i], i))));
      const messages = results.map((result) => (result.status === "rejected" ? String((result.reason as Error).message) : "read succeeded"));
      names.forEach((name, i) => {
        expect(messages[i]).toContain(`composio.AuthConfig "${name}": read failed: GET /api/v3/auth_configs answered 500`);
        for (const secret of names.map((other) => `canary-own-${other}`)) expect(messages[i]).not.toContain(secret);
      });
      // One list request, shared by the three reads.
      const sent = (await control("GET", "/_emulator/requests")) as { method: string; path: string }[];
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v3/auth_configs"]);
    } finally {
      await control("DELETE", "/_emulator/faults");
      forgetApiClients();
      for (const key of ["COMPOSIO_BASE_URL", "COMPOSIO_API_KEY", "COMPOSIO_MAX_RETRIES"]) delete process.env[key];
    }
  });
});
