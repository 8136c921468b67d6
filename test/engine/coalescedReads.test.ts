import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineWorld, RecordedRequest, ResourceKind, ScenarioResource } from "./harness";
import { setFaults } from "./inspect";

/**
 * What reads cost through the real engine (issue 10), for each API in its own world: a refresh and a
 * drift check (`preview --refresh`) of a stack that is most of the project, and of a small stack in
 * a big project; and which reads creates and updates send. Request counts come from the emulator's
 * log. The engine hands a provider its reads a few at a time (`--parallel`, 4 per CPU by default),
 * so these counts hold only because reads share list passes across those handfuls.
 */

interface ReadsRow {
  readonly kind: ResourceKind;
  readonly collectionPath: string;
  /** Configs per list page, as the provider asks for them. */
  readonly pageSize: number;
  /** Resource i of a fleet, auto-named; `tool` is what an update changes. */
  args(i: number, tool: string): Record<string, unknown>;
  /** Makes `count` configs by hand, straight through the API or the emulator's control endpoints. */
  fill(world: EngineWorld, count: number): Promise<void>;
  /** How many configs make the project big: ten pages. */
  readonly bigProject: number;
}

/** Sends `count` POSTs, 25 at a time. */
async function postMany(world: EngineWorld, path: string, count: number, body: (i: number) => unknown): Promise<void> {
  for (let start = 0; start < count; start += 25) {
    const answers = await Promise.all(Array.from({ length: Math.min(25, count - start) }, (_, k) => world.api("POST", path, body(start + k))));
    expect(answers.every((answer) => answer.status < 300)).toBe(true);
  }
}

const ROWS: readonly ReadsRow[] = [
  {
    kind: "composio",
    collectionPath: "/api/v3/auth_configs",
    pageSize: 200,
    args: (i, tool) => ({
      toolkit: "slack",
      authScheme: "OAUTH2",
      credentials: { client_id: `client-${i}`, client_secret: `canary-coalesce-${i}` },
      toolAccessConfig: { toolsAvailableForExecution: [tool] },
      // Half are disabled: Composio's status endpoint answers {}, so their create reads the config back.
      ...(i % 2 === 1 && { enabled: false }),
    }),
    fill: (world, count) =>
      postMany(world, "/api/v3/auth_configs", count, (i) => ({ toolkit: { slug: "slack" }, auth_config: { type: "use_custom_auth", authScheme: "API_KEY", name: `by-hand-${i}`, credentials: { api_key: `k-${i}` } } })),
    bigProject: 2000,
  },
  {
    kind: "flowra",
    collectionPath: "/api/v1/auth_configs",
    pageSize: 100,
    args: (i, tool) => ({
      toolkit: "github",
      authScheme: "OAUTH2",
      credentials: { client_id: `client-${i}`, client_secret: `canary-coalesce-${i}` },
      restrictToFollowingTools: [tool],
      // Flowra's PATCH answers with the config: disabling after the POST needs no read back.
      ...(i % 2 === 1 && { enabled: false }),
    }),
    fill: (world, count) =>
      postMany(world, "/api/v1/auth_configs", count, (i) => ({ toolkit: { slug: "github" }, authConfig: { type: "use_custom_auth", authScheme: "API_KEY", displayName: `by-hand-${i}`, credentials: { api_key: `k-${i}` } } })),
    bigProject: 1000,
  },
  {
    kind: "elevenlabs",
    collectionPath: "/v1/workspace/auth-connections",
    pageSize: Number.POSITIVE_INFINITY,
    args: (i, tool) => ({ authType: "oauth2_client_credentials", provider: "acme-crm", clientId: `client-${i}`, clientSecret: `canary-coalesce-${i}`, tokenUrl: "https://auth.acme.example/token", scopes: [tool] }),
    fill: async (world, count) => {
      const seeds = Array.from({ length: count }, (_, i) => ({ auth_type: "bearer_auth", name: `by-hand-${i}`, provider: "acme", token: `t-${i}` }));
      const res = await fetch(`${world.emulatorUrl}/_emulator/elevenlabs/seed`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(seeds) });
      expect(res.status).toBe(200);
    },
    bigProject: 500,
  },
];

const gets = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method === "GET");
const count = (requests: readonly RecordedRequest[], method: string) => requests.filter((r) => r.method === method).length;

describe.concurrent.each(ROWS)("$kind: reads through the engine", (row: ReadsRow) => {
  describe.sequential("steps", () => {
    let world: EngineWorld;
    const fleet = (size: number, tool: string, prefix = "r"): ScenarioResource[] =>
      Array.from({ length: size }, (_, i) => ({ kind: row.kind, name: `${prefix}${i}`, args: row.args(i, tool) }));
    const lists = (requests: readonly RecordedRequest[]) => gets(requests).filter((r) => r.path === row.collectionPath);
    /** What a refresh and a drift check cost, each on its own. */
    async function refreshAndDriftCheckCost(): Promise<{ refresh: RecordedRequest[]; driftCheck: RecordedRequest[] }> {
      await world.clearRequests();
      await world.refresh();
      const refresh = await world.requests();
      await world.clearRequests();
      await world.preview({ refresh: true, expectNoChanges: true });
      return { refresh, driftCheck: await world.requests() };
    }

    beforeAll(async () => {
      world = await EngineWorld.create(`reads-${row.kind}`);
    });
    afterAll(async () => {
      await world?.dispose();
    });

    const N = 12;
    const byHand = 2;

    it("create: Flowra and ElevenLabs read nothing back; Composio reads back only what its status endpoint left unanswered", async () => {
      await row.fill(world, byHand);
      world.declare(fleet(N, "TOOL_A"));
      await world.clearRequests();
      await world.up();
      const sent = await world.requests();
      expect(count(sent, "POST")).toBe(N);
      // No read of a config by id after a write, for any API...
      if (row.kind !== "composio") expect(gets(sent).filter((r) => r.path !== row.collectionPath)).toEqual([]);
      // ...and each GET of the list is one create's lookup of its marker (ElevenLabs' are shared).
      const lookups = row.kind === "composio" ? lists(sent).filter((r) => r.query.search !== undefined) : lists(sent);
      if (row.kind === "elevenlabs") expect(lookups.length).toBeLessThanOrEqual(N);
      else expect(lookups).toHaveLength(N);
      const readBacks = gets(sent).filter((r) => !lookups.includes(r));
      if (row.kind === "composio") {
        // One PATCH to /DISABLED for each disabled config; their read-backs never more than one each.
        const disabled = sent.filter((r) => r.method === "PATCH" && r.path.endsWith("/DISABLED")).length;
        expect(disabled).toBe(N / 2);
        expect(readBacks.length).toBeGreaterThanOrEqual(1);
        expect(readBacks.length).toBeLessThanOrEqual(disabled);
      } else expect(readBacks).toEqual([]);
    });

    it(`refresh and drift check of a stack that is most of the project: at most ceil(N / page size) + 1 requests`, async () => {
      const { refresh, driftCheck } = await refreshAndDriftCheckCost();
      const bound = Math.ceil(N / row.pageSize) + 1;
      expect(refresh.length, JSON.stringify(refresh.map((r) => `${r.method} ${r.path}`))).toBeLessThanOrEqual(bound);
      expect(driftCheck.length, JSON.stringify(driftCheck.map((r) => `${r.method} ${r.path}`))).toBeLessThanOrEqual(bound);
      expect([...refresh, ...driftCheck].every((r) => r.method === "GET")).toBe(true);
    });

    it("update: Flowra and ElevenLabs send only their PATCHes; Composio's read-backs share requests", async () => {
      // Composio's reads answer slowly here, so that the read-backs of updates that run together
      // meet while one is in flight (the engine hands them over a few at a time).
      if (row.kind === "composio") await setFaults(world, { rate: 1, kinds: ["delay"], delayMs: 3000, methods: ["GET"], paths: [row.collectionPath] });
      world.declare(fleet(N, "TOOL_B"));
      await world.clearRequests();
      try {
        await world.up();
      } finally {
        await setFaults(world, null);
      }
      const sent = await world.requests();
      expect(count(sent, "PATCH")).toBe(N);
      expect(sent.filter((r) => r.method !== "PATCH" && r.method !== "GET")).toEqual([]);
      if (row.kind === "composio") {
        expect(gets(sent).length).toBeGreaterThanOrEqual(1);
        expect(gets(sent).length).toBeLessThanOrEqual(N / 2);
      } else expect(gets(sent)).toEqual([]);
      // What the read-backs (or the PATCH answers) recorded is what the API holds: no drift.
      await world.preview({ refresh: true, expectNoChanges: true });
    });

    it("a small stack in a big project: at most one request per config plus the first page, never every page", async () => {
      world.declare([]);
      await world.up();
      // The project's other configs are older than the stack's: the stack's are not on the first page.
      await row.fill(world, row.bigProject);
      const small = 5;
      world.declare(fleet(small, "TOOL_A", "small"));
      await world.up();
      const { refresh, driftCheck } = await refreshAndDriftCheckCost();
      for (const sent of [refresh, driftCheck]) {
        const shown = JSON.stringify(sent.map((r) => `${r.method} ${r.path}`));
        expect(sent.length, shown).toBeLessThanOrEqual(small + 1);
        expect(lists(sent).length, shown).toBeLessThanOrEqual(Number.isFinite(row.pageSize) ? 1 : 2);
      }
      world.declare([]);
      await world.up();
    });
  });
});
