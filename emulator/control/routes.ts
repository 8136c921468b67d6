import type { FastifyInstance } from "fastify";
import { invalidRequest } from "../core/apiError";
import { parseClockOffset } from "../core/clock";
import { expectObject, rejectUnknownKeys } from "../core/fieldChecks";
import { parseFaultSettings } from "../core/faults";
import { UnreadableBody } from "../core/jsonBody";
import type { EmulatorState } from "../server";

/**
 * The `/_emulator/*` endpoints tests and pipelines use to watch and steer the emulator.
 * They need no API key and are never rate limited, faulted, delayed or logged.
 */
export function registerControlRoutes(app: FastifyInstance, state: EmulatorState): void {
  const jsonBody = (body: unknown): unknown => {
    if (body instanceof UnreadableBody) throw invalidRequest("invalid_request_body", body.reason);
    return body;
  };

  app.get("/_emulator/health", async () => ({ ok: true }));

  app.get("/_emulator/requests", async () => state.log.all());

  app.delete("/_emulator/requests", async () => {
    state.log.clear();
    return {};
  });

  app.get("/_emulator/faults", async () => ({ faults: state.faults.current() }));

  app.post("/_emulator/faults", async (request) => {
    state.faults.set(parseFaultSettings(jsonBody(request.body)));
    return { faults: state.faults.current() };
  });

  app.delete("/_emulator/faults", async () => {
    state.faults.clear();
    return { faults: null };
  });

  const clockView = () => ({ offsetMs: state.clock.offsetMs, now: state.clock.isoNow() });

  app.get("/_emulator/clock", async () => clockView());

  // Moves the server's clock (every timestamp it reports from now on), e.g. 10 s behind the client's.
  app.post("/_emulator/clock", async (request) => {
    const body = expectObject(jsonBody(request.body), "the request body");
    rejectUnknownKeys(body, ["offsetMs"], "");
    state.clock.setOffset(parseClockOffset(body.offsetMs, "offsetMs"));
    return clockView();
  });

  // Every API's stored objects with their secrets (a test tool): which secrets each really holds.
  app.get("/_emulator/store", async () => Object.fromEntries(state.apis.map((api) => [api.name, api.dump()])));

  for (const api of state.apis) api.registerControlRoutes?.(app, `/_emulator/${api.name}`);

  // A fresh emulator, as if just started: no objects, no log, no faults, fresh rate-limit windows,
  // the clock offset it started with.
  app.post("/_emulator/reset", async () => {
    for (const api of state.apis) api.reset();
    state.log.clear();
    state.faults.clear();
    state.limiter.reset();
    state.clock.setOffset(state.startClockOffsetMs);
    return {};
  });
}
