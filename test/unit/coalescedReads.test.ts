import { describe, expect, it } from "vitest";
import { CoalescedReads } from "../../provider/core/coalescedReads";
import type { CallContext, ListedPage } from "../../provider/core/definition";
import { AuthConfigError } from "../../provider/core/errors";
import { nextReadStep } from "../../provider/core/readPlan";

/**
 * CoalescedReads against an in-memory API whose answers the test can hold back: which requests a
 * batch sends, and what each caller gets. test/provider/coalescedReads.test.ts proves the same
 * against the emulator over HTTP.
 */

interface Config {
  id: string;
  value: string;
  deleted?: boolean;
}

const ctx = (name: string, secrets: string[] = []): CallContext => ({ resource: `x.Thing "${name}"`, operation: "read", secrets });
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A project of configs behind a GET by id (unless `listOnly`) and a paged list, oldest first. */
class FakeApi {
  readonly configs: Config[] = [];
  /** Every request, as `GET <id>` or `LIST <page>`. */
  readonly log: string[] = [];
  readonly contexts: CallContext[] = [];
  /** Requests wait for this while it is set. */
  private gate: Promise<void> | undefined;
  failLists: Error | undefined;
  get?: (id: string, ctx: CallContext) => Promise<Config | undefined>;

  constructor(
    size: number,
    readonly listPageSize: number,
    options: { listOnly?: boolean; listShowsDeleted?: boolean } = {},
  ) {
    for (let i = 0; i < size; i++) this.configs.push({ id: `c${i}`, value: `v${i}` });
    if (!options.listOnly) {
      this.get = (id, requestCtx) =>
        this.answer(`GET ${id}`, requestCtx, () => {
          const found = this.configs.find((config) => config.id === id && !config.deleted);
          return found && { ...found };
        });
    }
    if (options.listShowsDeleted) this.isDeletedInList = (remote) => remote.deleted === true;
  }

  isDeletedInList?: (remote: Config) => boolean;

  listPage(cursor: string | undefined, requestCtx: CallContext): Promise<ListedPage<Config>> {
    const page = Number(cursor ?? "1");
    return this.answer(`LIST ${page}`, requestCtx, () => {
      if (this.failLists) throw this.failLists;
      const listed = this.isDeletedInList ? this.configs : this.configs.filter((config) => !config.deleted);
      const size = Number.isFinite(this.listPageSize) ? this.listPageSize : listed.length || 1;
      const items = listed.slice((page - 1) * size, page * size).map((config) => ({ ...config }));
      return { items, next: page * size < listed.length ? String(page + 1) : undefined, total: listed.length };
    });
  }

  /** Holds every answer until the returned function is called. */
  hold(): () => void {
    let release = () => {};
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  /** Processes the request when it arrives; the answer comes a tick later, or once released. */
  private async answer<T>(line: string, requestCtx: CallContext, process: () => T): Promise<T> {
    this.log.push(line);
    this.contexts.push(requestCtx);
    let outcome: { value: T } | { error: unknown };
    try {
      outcome = { value: process() };
    } catch (error) {
      outcome = { error };
    }
    await tick();
    while (this.gate) await this.gate;
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  }
}

const reads = (api: FakeApi) => new CoalescedReads<Config>(api, (config) => config.id);
const values = (results: (Config | undefined)[]) => results.map((config) => config?.value);

describe("CoalescedReads", () => {
  it("a process's first read, alone, is one GET by id", async () => {
    const api = new FakeApi(500, 200);
    expect((await reads(api).get("c7", ctx("a")))?.value).toBe("v7");
    expect(api.log).toEqual(["GET c7"]);
  });

  it("reads of one tick that are most of the project page through it once: ceil(N / page) requests", async () => {
    const api = new FakeApi(450, 200);
    const batch = reads(api);
    const ids = api.configs.slice(0, 400).map((config) => config.id);
    const results = await Promise.all(ids.map((id) => batch.get(id, ctx(id))));
    expect(values(results)).toEqual(api.configs.slice(0, 400).map((config) => config.value));
    expect(api.log).toEqual(["LIST 1", "LIST 2", "LIST 3"]);
  });

  it("a few reads in a big project: the first page tells its size, then one GET each, never every page", async () => {
    const api = new FakeApi(2000, 200);
    const batch = reads(api);
    const ids = ["c1500", "c1600", "c1700", "c1800", "c1900"];
    expect(values(await Promise.all(ids.map((id) => batch.get(id, ctx(id)))))).toEqual(["v1500", "v1600", "v1700", "v1800", "v1900"]);
    expect(api.log).toEqual(["LIST 1", ...ids.map((id) => `GET ${id}`)]);
    // The size is known now: the next few reads go straight to GETs.
    api.log.length = 0;
    await Promise.all(["c1000", "c1100"].map((id) => batch.get(id, ctx(id))));
    expect(api.log).toEqual(["GET c1000", "GET c1100"]);
  });

  it("reads handed over a few at a time (as the engine's --parallel does) share one pass through the list", async () => {
    const api = new FakeApi(300, 200);
    const batch = reads(api);
    const results: (Config | undefined)[] = [];
    for (let start = 0; start < 300; start += 8) {
      const ids = api.configs.slice(start, start + 8).map((config) => config.id);
      results.push(...(await Promise.all(ids.map((id) => batch.get(id, ctx(id))))));
    }
    expect(values(results)).toEqual(api.configs.map((config) => config.value));
    expect(api.log).toEqual(["LIST 1", "LIST 2"]);
  });

  it("most of a big project, read in the order it was made, a few at a time: each page once, ceil(N / page) requests", async () => {
    const api = new FakeApi(2000, 200);
    const batch = reads(api);
    const results: (Config | undefined)[] = [];
    for (let start = 0; start < 1900; start += 8) {
      const ids = api.configs.slice(start, Math.min(start + 8, 1900)).map((config) => config.id);
      results.push(...(await Promise.all(ids.map((id) => batch.get(id, ctx(id))))));
    }
    expect(values(results)).toEqual(api.configs.slice(0, 1900).map((config) => config.value));
    expect(api.log).toEqual(Array.from({ length: 10 }, (_, i) => `LIST ${i + 1}`));
  });

  it("any project, any order, any handfuls: never more than one request per read, plus one", async () => {
    for (const [size, pageSize, seed] of [[2000, 200, 1], [450, 200, 2], [90, 7, 3], [1000, 100, 4]]) {
      const api = new FakeApi(size, pageSize);
      const batch = reads(api);
      let state = seed;
      const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
      const wanted = api.configs.filter(() => random(3) > 0).map((config) => config.id);
      for (let i = wanted.length - 1; i > 0; i--) {
        const j = random(i + 1);
        [wanted[i], wanted[j]] = [wanted[j], wanted[i]];
      }
      for (let start = 0; start < wanted.length; ) {
        const handful = wanted.slice(start, start + 1 + random(8));
        start += handful.length;
        expect(values(await Promise.all(handful.map((id) => batch.get(id, ctx(id)))))).toEqual(handful.map((id) => `v${id.slice(1)}`));
      }
      expect(api.log.length, `${size} configs, pages of ${pageSize}`).toBeLessThanOrEqual(wanted.length + 1);
    }
  });

  it("after a write of this process, a read gets a new request, and sees the write", async () => {
    const api = new FakeApi(10, 200);
    const batch = reads(api);
    await Promise.all(["c1", "c2"].map((id) => batch.get(id, ctx(id))));
    expect(api.log).toEqual(["LIST 1"]);
    await batch.write(async () => {
      api.configs[3].value = "written";
    });
    expect((await batch.get("c3", ctx("c3")))?.value).toBe("written");
    expect(api.log).toEqual(["LIST 1", "LIST 1"]);
  });

  it("a pass begun while a write was under way never serves a later read", async () => {
    const api = new FakeApi(10, 200);
    const batch = reads(api);
    let finishWrite = () => {};
    const writing = batch.write(() => new Promise<void>((resolve) => (finishWrite = resolve)));
    await Promise.all(["c1", "c2"].map((id) => batch.get(id, ctx(id))));
    api.configs[3].value = "written";
    finishWrite();
    await writing;
    expect((await batch.get("c3", ctx("c3")))?.value).toBe("written");
    expect(api.log).toEqual(["LIST 1", "LIST 1"]);
  });

  it("a caller that asks while a pass is in flight is not served by that pass", async () => {
    const api = new FakeApi(10, 200);
    const batch = reads(api);
    const release = api.hold();
    const early = Promise.all(["c1", "c2"].map((id) => batch.get(id, ctx(id))));
    await tick();
    expect(api.log).toEqual(["LIST 1"]);
    // A write lands, then a read of it asks, while the pass sent before the write is still unanswered.
    await batch.write(async () => {
      api.configs[1].value = "written";
    });
    const late = batch.get("c1", ctx("late"));
    release();
    expect(values(await early)).toEqual(["v1", "v2"]);
    expect((await late)?.value).toBe("written");
    expect(api.log).toEqual(["LIST 1", "LIST 1"]);
  });

  it("a clean pass answers once for each config: reading it again sends a new request", async () => {
    const api = new FakeApi(10, 200);
    const batch = reads(api);
    await Promise.all(["c1", "c2"].map((id) => batch.get(id, ctx(id))));
    api.configs[1].value = "changed elsewhere";
    expect((await batch.get("c2", ctx("c2")))?.value).toBe("v2");
    expect((await batch.get("c1", ctx("c1 again")))?.value).toBe("changed elsewhere");
    expect(api.log).toEqual(["LIST 1", "LIST 1"]);
  });

  it("missing from one page requested after the callers asked: deleted, with no more requests", async () => {
    const api = new FakeApi(10, 200);
    api.configs[4].deleted = true;
    const batch = reads(api);
    expect(values(await Promise.all(["c3", "c4", "nope"].map((id) => batch.get(id, ctx(id)))))).toEqual(["v3", undefined, undefined]);
    expect(api.log).toEqual(["LIST 1"]);
  });

  it("missing from a list of several pages: confirmed by id (a page boundary may have moved)", async () => {
    const api = new FakeApi(30, 10);
    api.configs[4].deleted = true;
    const batch = reads(api);
    const ids = ["c4", ...api.configs.slice(10, 20).map((config) => config.id)];
    const results = await Promise.all(ids.map((id) => batch.get(id, ctx(id))));
    expect(results[0]).toBeUndefined();
    expect(values(results.slice(1))).toEqual(api.configs.slice(10, 20).map((config) => config.value));
    expect(api.log).toEqual(["LIST 1", "LIST 2", "LIST 3", "GET c4"]);
  });

  it("a list that shows deleted configs marked: marked is deleted", async () => {
    const api = new FakeApi(10, 200, { listShowsDeleted: true });
    api.configs[2].deleted = true;
    const batch = reads(api);
    expect(values(await Promise.all(["c1", "c2"].map((id) => batch.get(id, ctx(id)))))).toEqual(["v1", undefined]);
    expect(api.log).toEqual(["LIST 1"]);
  });

  it("an API without a GET by id: every batch is one list; a config missing from an earlier pass is looked for in a new one", async () => {
    const api = new FakeApi(10, Number.POSITIVE_INFINITY, { listOnly: true });
    const batch = reads(api);
    expect((await batch.get("c1", ctx("first")))?.value).toBe("v1");
    expect(values(await Promise.all(["c2", "c3"].map((id) => batch.get(id, ctx(id)))))).toEqual(["v2", "v3"]);
    expect(api.log).toEqual(["LIST 1"]);
    api.configs.push({ id: "c10", value: "made elsewhere meanwhile" });
    expect((await batch.get("c10", ctx("new")))?.value).toBe("made elsewhere meanwhile");
    expect(api.log).toEqual(["LIST 1", "LIST 1"]);
  });

  it("a shared page that fails reaches each caller naming its own resource, and the request carried every caller's secrets", async () => {
    const api = new FakeApi(10, 200);
    const batch = reads(api);
    api.failLists = new AuthConfigError("AUTHCONFIG_API_SERVER", 'x.Thing "c1": read failed: GET /things answered 500');
    const results = await Promise.allSettled(["c1", "c2"].map((id) => batch.get(id, ctx(id, [`secret-of-${id}`]))));
    const messages = results.map((result) => (result.status === "rejected" ? (result.reason as Error).message : "resolved"));
    expect(messages).toEqual(['x.Thing "c1": read failed: GET /things answered 500', 'x.Thing "c2": read failed: GET /things answered 500']);
    expect(results.map((result) => (result.status === "rejected" ? (result.reason as AuthConfigError).code : ""))).toEqual(["AUTHCONFIG_API_SERVER", "AUTHCONFIG_API_SERVER"]);
    expect(api.contexts[0].secrets).toEqual(["secret-of-c1", "secret-of-c2"]);
  });
});

describe("nextReadStep", () => {
  const base = { unread: 1, firstRead: false, total: undefined, listed: 0, pageSize: 200, spare: 1 };

  it("before the project's size is known: one GET for a process's lone first read, else the first page while a request is spare", () => {
    expect(nextReadStep({ ...base, firstRead: true })).toBe("get-each");
    expect(nextReadStep(base)).toBe("next-page");
    expect(nextReadStep({ ...base, unread: 2, firstRead: true })).toBe("next-page");
    expect(nextReadStep({ ...base, unread: 5, spare: 0 })).toBe("get-each");
  });

  it("once known: the pages left when they cost no more than the GETs plus what is spare; else a page while one is spare; else GETs", () => {
    expect(nextReadStep({ ...base, total: 2000, unread: 9, spare: 0 })).toBe("get-each");
    expect(nextReadStep({ ...base, total: 2000, unread: 10, spare: 0 })).toBe("all-pages");
    expect(nextReadStep({ ...base, total: 2000, unread: 4, spare: 6 })).toBe("all-pages");
    expect(nextReadStep({ ...base, total: 2000, unread: 4, spare: 5 })).toBe("next-page");
    expect(nextReadStep({ ...base, total: 2000, listed: 1800, unread: 1, spare: 0 })).toBe("all-pages");
    expect(nextReadStep({ ...base, total: 0, unread: 1, spare: 0 })).toBe("all-pages");
    expect(nextReadStep({ ...base, total: 5000, pageSize: Number.POSITIVE_INFINITY, spare: 0 })).toBe("all-pages");
  });
});
