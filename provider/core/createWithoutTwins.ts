import type { CallContext, CoreInputs, ResourceApi, ResourceDefinition } from "./definition";
import { AuthConfigError, ConnectionError, ServerError } from "./errors";
import { isHeld } from "./heldConfigs";
import { logLine } from "./log";

const MAX_ATTEMPTS = 4;
/** Waits before looking for the config, after attempt 1, 2, ...: the server may still be working on it. */
const LOOKUP_DELAYS_MS = [500, 1_000, 2_000, 4_000];

/**
 * POSTs a new config under its create marker (a label only this resource's create carries) and
 * never makes two. The APIs have no idempotency keys, so when a POST may have been processed but no
 * clear answer came back (reset or timeout after sending, a 5xx, an unreadable 2xx), configs carrying
 * the marker are looked up before anything is sent again: one found was made by this resource's own
 * request, and is taken. Nothing else is ever taken: not a config that merely shares a name, and not
 * one another resource of the run holds. No clock is compared with another.
 *
 * An API that cannot rename a config gets the declared label in the POST instead (`postedLabel`); a
 * config found under it after an unclear failure cannot be proven ours, so the create stops and lists
 * the candidates for the user to adopt or delete, rather than guess.
 *
 * Returns the id; configs the marker finds beyond it are the caller's to clean up (see `create`).
 */
export async function createWithoutTwins<I extends CoreInputs>(
  def: ResourceDefinition<I, any, any>,
  api: ResourceApi<I, unknown>,
  inputs: I,
  postedLabel: string,
  ctx: CallContext,
): Promise<string> {
  const marked = postedLabel === inputs.__marker;
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.create(inputs, postedLabel, ctx);
    } catch (error) {
      const why = ambiguity(error);
      if (!why) throw error;
      await logLine(`${ctx.resource}: create: the POST may have been processed (${why}); looking for configs named "${postedLabel}" before ${attempt < MAX_ATTEMPTS ? "trying again" : "giving up"}`);
      await sleep(LOOKUP_DELAYS_MS[Math.min(attempt, LOOKUP_DELAYS_MS.length) - 1]);
      const found = (await api.findByLabel(postedLabel, inputs, ctx)).filter((remote) => !isHeld(def.kind, def.idOf(remote)));
      if (found.length > 0 && marked) {
        await logLine(`${ctx.resource}: create: found ${def.idOf(found[0])}, created by the interrupted request (it carries this resource's marker); taking it`);
        return def.idOf(found[0]);
      }
      if (found.length > 0) {
        const ids = found.map((remote) => def.idOf(remote)).join(", ");
        throw new AuthConfigError(
          "AUTHCONFIG_AMBIGUOUS_CREATE",
          `${ctx.resource}: create failed: the create request was interrupted (${why}), and ${ids} named "${postedLabel}" exist that no resource of this run holds. ` +
            `The provider cannot prove which, if any, its request made. Adopt the right one with importId on this resource, or delete them, then run \`pulumi up\` again`,
        );
      }
      if (attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Why a failed POST may still have created the config, or undefined when it surely did not. */
function ambiguity(error: unknown): string | undefined {
  if (error instanceof ConnectionError) return error.maybeProcessed ? error.reason : undefined;
  if (error instanceof ServerError) return `answered ${error.status}`;
  if (error instanceof AuthConfigError && error.code === "AUTHCONFIG_INVALID_RESPONSE") return "an unreadable answer";
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
