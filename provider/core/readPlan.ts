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
  /** Configs already received in the pass that a page would continue (0 for a new pass). */
  readonly listed: number;
  /** Configs per page (as the API really serves them, once seen). */
  readonly pageSize: number;
  /**
   * Requests this process may still send beyond one GET per unread config, so that all its reads
   * together cost at most one request each plus one: the reads asked so far, plus one, less the
   * requests sent so far and the unread configs. Reads that list pages answered add to it.
   */
  readonly spare: number;
}

/**
 * The cheaper way to read a batch: GETs by id cost one request per config, the list one per page.
 * - The rest of the list, when its pages cost no more than the GETs plus what is spare: it answers
 *   this batch and later reads too (a refresh reads the whole project once).
 * - Else one more page while a request is spare: the first page says how big the project is, and
 *   since the engine refreshes resources in the order they were created, which is the list's, each
 *   page tends to answer the next reads, and what it answers is spare again.
 * - Else a GET per config. A process's first read, when alone (one update's read-back), is one GET.
 * So a process's reads never cost more than one request each, plus one (plus a GET for each config
 * the list shows as gone without proving it).
 */
export function nextReadStep(situation: ReadSituation): ReadStep {
  const { unread, firstRead, total, listed, pageSize, spare } = situation;
  if (total === undefined) return (unread === 1 && firstRead) || spare < 1 ? "get-each" : "next-page";
  const pagesLeft = Math.max(1, Math.ceil((total - listed) / pageSize));
  if (pagesLeft <= unread + spare) return "all-pages";
  return spare >= 1 ? "next-page" : "get-each";
}
