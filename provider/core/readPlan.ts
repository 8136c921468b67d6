/** What the reads of one batch do next (see coalescedReads.ts). */
export type ReadStep =
  /** One GET by id for each config still unread. */
  | "get-each"
  /** One more page of the list: the first page also says how many configs the project holds. */
  | "next-page"
  /** Every page of the list that is not read yet. */
  | "all-pages";

/** What the choice rests on. */
export interface ReadSituation {
  /** Configs of the batch not read yet. */
  readonly unread: number;
  /** No other read came before this batch in this process: a single read is then most likely alone (one update's read-back). */
  readonly firstRead: boolean;
  /** How many configs the project's list holds, once a page has said; undefined before. */
  readonly total: number | undefined;
  /** Configs already read in the listing that "all-pages" would continue (0 for a new one). */
  readonly listed: number;
  /** Configs per page (as the API really serves them, once seen). */
  readonly pageSize: number;
}

/**
 * The cheaper way to read a batch: GETs by id cost one request per config, the list one per page.
 * Until a page has said how big the project is, the first page is read (and serves the configs it
 * holds), except for a process's first read when it is alone: then one GET, as without batching.
 * Once the size is known, the list is paged through when that costs no more requests than the GETs
 * (and serves later reads too); otherwise each config is read by id. So a batch never costs more
 * than its GETs, plus that first page once per process.
 */
export function nextReadStep(situation: ReadSituation): ReadStep {
  const { unread, firstRead, total, listed, pageSize } = situation;
  if (total === undefined) return unread === 1 && firstRead ? "get-each" : "next-page";
  const pagesLeft = Math.max(1, Math.ceil((total - listed) / pageSize));
  return unread >= pagesLeft ? "all-pages" : "get-each";
}
