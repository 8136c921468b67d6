import { errorFor } from "./coalescedList";
import type { CallContext, ResourceApi } from "./definition";
import { nextReadStep } from "./readPlan";

/** The endpoints as the core calls them: the API's own, with `get` coalesced. */
export interface ApiClient<I, R> extends ResourceApi<I, R> {
  get(id: string, ctx: CallContext): Promise<R | undefined>;
}

/** The API's endpoints with reads coalesced, and its writes noted so that a read after a write sees it. */
export function withCoalescedReads<I, R>(api: ResourceApi<I, R>, idOf: (remote: R) => string): ApiClient<I, R> {
  const reads = new CoalescedReads<R>(api, idOf);
  return {
    create: (inputs, label, ctx) => reads.write(() => api.create(inputs, label, ctx)),
    get: (id, ctx) => reads.get(id, ctx),
    listPage: (cursor, ctx, query) => api.listPage(cursor, ctx, query),
    listPageSize: api.listPageSize,
    isDeletedInList: api.isDeletedInList?.bind(api),
    findByLabel: (label, inputs, ctx) => api.findByLabel(label, inputs, ctx),
    applyChanges: (id, before, after, ctx) => reads.write(() => api.applyChanges(id, before, after, ctx)),
    delete: (id, ctx) => reads.write(() => api.delete(id, ctx)),
  };
}

/** The endpoints the reads use. */
type ReadEndpoints<R> = Pick<ResourceApi<unknown, R>, "get" | "listPage" | "listPageSize" | "isDeletedInList">;

interface Waiter<R> {
  readonly id: string;
  readonly ctx: CallContext;
  /** How many requests had been sent when it asked: a request with a higher number was sent after. */
  readonly askedAfter: number;
  resolve(remote: R | undefined): void;
  reject(error: unknown): void;
}

/** The pages of one pass through the list, as far as it got. */
interface Listing<R> {
  readonly items: Map<string, R>;
  /** Configs the list shows as deleted (APIs whose list keeps them). */
  readonly deleted: Set<string>;
  /** Configs it answered for: to callers that asked before it began, it answers for each once (see the class comment). */
  readonly answered: Set<string>;
  /** Where the next page starts. */
  next: string | undefined;
  pages: number;
  /** Configs received so far, over all pages. */
  received: number;
  complete: boolean;
  /** The number of its first request. */
  readonly firstRequest: number;
  /** The write count when its first page was requested; undefined if a write of this process was in flight then. */
  readonly writesAtStart: number | undefined;
}

/**
 * Reads of configs by id, coalesced: the reads of one provider process (a refresh, the read-backs
 * after many updates) share list pages where that is cheaper than a GET per config, and the results
 * are the same as GETs by id would give. readPlan.ts decides, batch by batch, within a budget: all
 * the reads of a process cost at most one request each, plus one.
 *
 * Read after write. Each caller gets a config from a request sent after it asked, with one
 * exception: a pass through the list that began when no write of this process was under way, and
 * after which this process has written nothing, answers once for each config it holds. Such a pass
 * shows every write this process made, so a read after a write still sees the write; what it may
 * miss is a change made elsewhere while this process runs, which a read by id sent a moment earlier
 * would miss too; and a config read again gets a new request. It is what lets a refresh, whose
 * reads the engine hands over a few at a time (`--parallel`), read the whole project once instead
 * of once per handful.
 *
 * Deleted configs. A config missing from the list is taken as deleted only when the list was one
 * page requested after the caller asked; otherwise (a page boundary may have moved while paging,
 * or the config may be newer than the pass) it is read by id, or, for an API without a GET by id,
 * from a new pass through the list.
 *
 * Failures. A shared request names the first caller; each other caller gets a copy naming itself,
 * and every caller's secrets are scrubbed from it.
 */
export class CoalescedReads<R> {
  private waiting: Waiter<R>[] | undefined;
  /** Settles (never rejects) when the batch being read has been handed out. */
  private inFlight: Promise<void> | undefined;
  private listing: Listing<R> | undefined;
  /** How many configs the project's list holds, as its last page read said. */
  private total: number | undefined;
  /** Configs per page: as asked, until a page that is not the last shows what the API really serves. */
  private pageSize: number;
  private requestsSent = 0;
  /** Reads asked so far: those answered at once, and those of batches begun. */
  private readsCounted = 0;
  /** Counts each start and each end of a write by this process. */
  private writeEvents = 0;
  private writesInFlight = 0;

  constructor(
    private readonly api: ReadEndpoints<R>,
    private readonly idOf: (remote: R) => string,
  ) {
    this.pageSize = api.listPageSize;
  }

  /** The config, or undefined when it does not exist (or was deleted). */
  get(id: string, ctx: CallContext): Promise<R | undefined> {
    const listing = this.listing;
    const listed = listing && this.isClean(listing) && !listing.answered.has(id) ? listing.items.get(id) : undefined;
    if (listing && listed) {
      this.readsCounted++;
      listing.answered.add(id);
      return Promise.resolve(structuredClone(listed));
    }
    return new Promise<R | undefined>((resolve, reject) => {
      const waiter: Waiter<R> = { id, ctx, askedAfter: this.requestsSent, resolve, reject };
      if (this.waiting) {
        this.waiting.push(waiter);
        return;
      }
      this.waiting = [waiter];
      const start = () => this.start();
      if (this.inFlight) void this.inFlight.then(start);
      else setImmediate(start);
    });
  }

  /** Runs a write of this process (create, update, delete): list passes begun before it no longer serve later reads. */
  async write<T>(run: () => Promise<T>): Promise<T> {
    this.writesInFlight++;
    this.writeEvents++;
    try {
      return await run();
    } finally {
      this.writesInFlight--;
      this.writeEvents++;
    }
  }

  private start(): void {
    const waiters = this.waiting ?? [];
    this.waiting = undefined;
    this.readsCounted += waiters.length;
    this.inFlight = this.read(waiters).then(() => {
      this.inFlight = undefined;
    });
  }

  /** Reads one batch and settles every waiter of it; never rejects. */
  private async read(waiters: Waiter<R>[]): Promise<void> {
    const byId = new Map<string, Waiter<R>[]>();
    for (const waiter of waiters) byId.set(waiter.id, [...(byId.get(waiter.id) ?? []), waiter]);
    const firstRead = this.readsCounted === waiters.length && waiters.length === 1;
    const settle = (id: string, remote: R | undefined) => {
      for (const waiter of byId.get(id) ?? []) waiter.resolve(remote === undefined ? undefined : structuredClone(remote));
      byId.delete(id);
    };
    try {
      for (;;) {
        this.takeFromListing(byId, settle);
        if (byId.size === 0) return;
        const open = [...byId.values()].flat();
        const listing = this.listing && this.servesAll(this.listing, byId) ? this.listing : undefined;
        if (listing?.complete || (!this.api.get && listing && listing.pages > 0)) {
          // Missing from a list that cannot prove them deleted: read them again by id, or from a new pass.
          if (this.api.get) return await this.getEach(byId, settle);
          this.listing = undefined;
          continue;
        }
        if (!this.api.get) {
          await this.readAllPages(this.newListing(), this.shared(open));
          continue;
        }
        const spare = this.readsCounted + 1 - this.requestsSent - byId.size;
        const step = nextReadStep({ unread: byId.size, firstRead, total: this.total, listed: listing?.received ?? 0, pageSize: this.pageSize, spare });
        if (step === "get-each") return await this.getEach(byId, settle);
        const pass = listing ?? this.newListing();
        if (step === "next-page") await this.readPage(pass, this.shared(open));
        else await this.readAllPages(pass, this.shared(open));
      }
    } catch (error) {
      // A shared page failed: every caller still waiting gets the failure, naming itself.
      const open = [...byId.values()].flat();
      if (open.length === 0) return;
      const shared = this.shared(open);
      for (const waiter of open) waiter.reject(errorFor(error, shared, waiter.ctx));
    }
  }

  /** Settles the waiters whose config the current pass can answer for. */
  private takeFromListing(byId: Map<string, Waiter<R>[]>, settle: (id: string, remote: R | undefined) => void): void {
    const listing = this.listing;
    if (!listing || listing.pages === 0) return;
    for (const [id, waiters] of [...byId]) {
      if (!this.serves(listing, id, waiters)) continue;
      const remote = listing.items.get(id);
      const proven = remote !== undefined || listing.deleted.has(id) || (listing.complete && this.isFreshFor(listing, waiters) && (listing.pages === 1 || !this.api.get));
      if (!proven) continue;
      listing.answered.add(id);
      settle(id, remote);
    }
  }

  /** Whether the pass may answer these callers of one config (see the class comment). */
  private serves(listing: Listing<R>, id: string, waiters: readonly Waiter<R>[]): boolean {
    return this.isFreshFor(listing, waiters) || (this.isClean(listing) && !listing.answered.has(id));
  }

  private servesAll(listing: Listing<R>, byId: Map<string, Waiter<R>[]>): boolean {
    return [...byId].every(([id, waiters]) => this.serves(listing, id, waiters));
  }

  /** Its first page was requested after every one of them asked. */
  private isFreshFor(listing: Listing<R>, waiters: readonly Waiter<R>[]): boolean {
    return waiters.every((waiter) => listing.firstRequest > waiter.askedAfter);
  }

  private isClean(listing: Listing<R>): boolean {
    return listing.writesAtStart !== undefined && listing.writesAtStart === this.writeEvents;
  }

  private newListing(): Listing<R> {
    this.listing = {
      items: new Map(),
      deleted: new Set(),
      answered: new Set(),
      next: undefined,
      pages: 0,
      received: 0,
      complete: false,
      firstRequest: this.requestsSent + 1,
      writesAtStart: this.writesInFlight === 0 ? this.writeEvents : undefined,
    };
    return this.listing;
  }

  private async readAllPages(listing: Listing<R>, ctx: CallContext): Promise<void> {
    while (!listing.complete) await this.readPage(listing, ctx);
  }

  private async readPage(listing: Listing<R>, ctx: CallContext): Promise<void> {
    this.requestsSent++;
    const page = await this.api.listPage(listing.pages === 0 ? undefined : listing.next, ctx);
    for (const item of page.items) {
      const id = this.idOf(item);
      if (this.api.isDeletedInList?.(item)) {
        listing.deleted.add(id);
        listing.items.delete(id);
      } else listing.items.set(id, item);
    }
    listing.pages++;
    listing.received += page.items.length;
    listing.next = page.next;
    if (page.next === undefined) listing.complete = true;
    else if (page.items.length > 0) this.pageSize = Math.min(this.api.listPageSize, page.items.length);
    // An API that never says its total is paged through; a complete pass is its total.
    if (page.total !== undefined) this.total = page.total;
    else if (listing.complete) this.total = listing.received;
  }

  /** One GET per config, each shared by the callers of that config. */
  private async getEach(byId: Map<string, Waiter<R>[]>, settle: (id: string, remote: R | undefined) => void): Promise<void> {
    const get = this.api.get!.bind(this.api);
    await Promise.all(
      [...byId].map(async ([id, waiters]) => {
        const shared = this.shared(waiters);
        this.requestsSent++;
        try {
          settle(id, await get(id, shared));
        } catch (error) {
          for (const waiter of waiters) waiter.reject(errorFor(error, shared, waiter.ctx));
          byId.delete(id);
        }
      }),
    );
  }

  /** The context of a request shared by these callers: the first one's name, every one's secrets. */
  private shared(waiters: readonly Waiter<R>[]): CallContext {
    return { ...waiters[0].ctx, secrets: [...new Set(waiters.flatMap((waiter) => waiter.ctx.secrets))] };
  }
}
