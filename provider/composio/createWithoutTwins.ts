import { jsonEqual } from "../core/equality";
import { AuthConfigError, ConnectionError, ServerError } from "../core/errors";
import { logLine } from "../core/log";
import { CallContext, ComposioClient } from "./client";
import { AuthConfigInputs, DIFFED_KEYS } from "./state";
import { ComposioAuthConfigObject, createBody, stateFromObject } from "./wire";

const MAX_ATTEMPTS = 4;
/** How much earlier than our request the server's clock may date a config we created. */
const CLOCK_SKEW_MS = 5_000;
/** Waits before looking for the config, after attempt 1, 2, ...: the server may still be working on it. */
const LOOKUP_DELAYS_MS = [500, 1_000, 2_000, 4_000];

/**
 * POSTs a new config without ever making two. Composio has no idempotency keys, so when a POST may
 * have been processed but no clear answer came back (reset or timeout after sending, a 5xx, an
 * unreadable 2xx), the config is looked up by name before anything is sent again, and adopted if
 * the interrupted request created it. Only a config that was created after our request went out and
 * shows everything we sent is taken as ours: never a sibling that merely shares the name.
 */
export async function createWithoutTwins(client: ComposioClient, inputs: AuthConfigInputs, ctx: CallContext): Promise<string> {
  const body = createBody(inputs);
  for (let attempt = 1; ; attempt++) {
    const sentAt = Date.now();
    try {
      return await client.create(body, ctx);
    } catch (error) {
      const why = ambiguity(error);
      if (!why) throw error;
      logLine(`${ctx.resource}: create: the POST may have been processed (${why}); looking for "${inputs.name}" before ${attempt < MAX_ATTEMPTS ? "trying again" : "giving up"}`);
      await sleep(LOOKUP_DELAYS_MS[Math.min(attempt, LOOKUP_DELAYS_MS.length) - 1]);
      const ours = (await client.findByName(inputs.name ?? "", inputs.toolkit, ctx)).filter(
        (config) => Date.parse(config.created_at) >= sentAt - CLOCK_SKEW_MS && showsWhatWasSent(config, inputs),
      );
      if (ours.length === 1) {
        logLine(`${ctx.resource}: create: found ${ours[0].id}, created by the interrupted request; adopting it`);
        return ours[0].id;
      }
      if (ours.length > 1) {
        throw new AuthConfigError(
          "AUTHCONFIG_AMBIGUOUS_CREATE",
          `${ctx.resource}: create failed: the create request was interrupted and ${ours.length} matching auth configs named "${inputs.name}" (${ours.map((c) => c.id).join(", ")}) now exist; delete the extra ones or adopt one with importId`,
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

/** Whether a config read back shows every field the create body set (secrets only by their keys). */
function showsWhatWasSent(config: ComposioAuthConfigObject, inputs: AuthConfigInputs): boolean {
  const observed = stateFromObject(config, inputs);
  // The status is set after the POST, so a fresh config is enabled whatever was declared.
  return DIFFED_KEYS.filter((key) => key !== "enabled").every((key) => jsonEqual(observed[key], inputs[key]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
