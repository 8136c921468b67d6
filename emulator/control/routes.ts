import type { FastifyInstance } from "fastify";
import { parseFaultSettings } from "../core/faults";
import { UnreadableBody } from "../core/jsonBody";
import { invalidRequest } from "../core/apiError";
import type { EmulatorState } from "../server";

/**
 * The `/_emulator/*` endpoints tests and pipelines use to watch and steer the emulator.
 * They need no API key and are never rate limited, faulted or logged.
 */
export function registerControlRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.get("/_emulator/health", async () => ({ ok: true }));

  app.get("/_emulator/requests", async () => state.log.all());

  app.delete("/_emulator/requests", async () => {
    state.log.clear();
    return {};
  });

  app.get("/_emulator/faults", async () => ({ faults: state.faults.current() }));

  app.post("/_emulator/faults", async (request) => {
    if (request.body instanceof UnreadableBody) throw invalidRequest("invalid_request_body", request.body.reason);
    state.faults.set(parseFaultSettings(request.body));
    return { faults: state.faults.current() };
  });

  app.delete("/_emulator/faults", async () => {
    state.faults.clear();
    return { faults: null };
  });

  // A fresh emulator, as if just started: no objects, no log, no faults, fresh rate-limit windows.
  app.post("/_emulator/reset", async () => {
    for (const api of state.apis) api.reset();
    state.log.clear();
    state.faults.clear();
    state.limiter.reset();
    return {};
  });
}
