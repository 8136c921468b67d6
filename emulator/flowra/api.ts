import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorClock } from "../core/clock";
import { EmulatedApi, singleHeader } from "../core/emulatedApi";
import { flowraErrorBody, flowraRateLimitBody } from "./errors";
import { FLOWRA_PATH_PREFIX, registerFlowraRoutes } from "./routes";
import { FlowraConfigStore } from "./store";
import { revealedFlowraConfigObject } from "./view";

export interface FlowraApiOptions {
  readonly clock: EmulatorClock;
}

/** Flowra v1 auth configs (spec: /work/shared/spec/flowra-v1.md). */
export function createFlowraApi(options: FlowraApiOptions): EmulatedApi {
  const store = new FlowraConfigStore(options.clock);
  return {
    name: "flowra",
    pathPrefixes: [`${FLOWRA_PATH_PREFIX}/`],
    keyHint: "Send your API key in the x-api-key header or as Authorization: Bearer <key>.",
    presentedApiKey,
    errorResponse: (error) => ({ status: error.status, body: flowraErrorBody(error) }),
    rateLimitBody: flowraRateLimitBody,
    // NestJS throttler's headers (emulator decision); X-RateLimit-Reset is in seconds.
    rateLimitHeaders: (window) => ({
      "X-RateLimit-Limit": String(window.limit),
      "X-RateLimit-Remaining": String(window.remaining),
      "X-RateLimit-Reset": String(window.resetInSeconds),
    }),
    registerRoutes: (app) => registerFlowraRoutes(app, store),
    dump: () => store.all().map(revealedFlowraConfigObject),
    reset: () => store.clear(),
  };
}

/**
 * `x-api-key: <key>` or `Authorization: Bearer <key>` (spec). Both with different keys is no key
 * (a 401, emulator decision); an Authorization header of another scheme carries no key.
 */
function presentedApiKey(headers: IncomingHttpHeaders): string | undefined {
  const headerKey = singleHeader(headers["x-api-key"]);
  const bearerKey = singleHeader(headers.authorization)?.match(/^Bearer +(\S+) *$/i)?.[1];
  if (headerKey !== undefined && bearerKey !== undefined && headerKey !== bearerKey) return undefined;
  return headerKey ?? bearerKey;
}
