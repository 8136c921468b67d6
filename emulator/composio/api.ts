import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorClock } from "../core/clock";
import { EmulatedApi, singleHeader } from "../core/emulatedApi";
import { composioErrorBody, composioRateLimitBody } from "./errors";
import { revealedAuthConfigObject } from "./masking";
import { COMPOSIO_PATH_PREFIXES, registerComposioRoutes } from "./routes";
import { AuthConfigStore } from "./store";

export interface ComposioApiOptions {
  readonly clock: EmulatorClock;
  /** Names unique per toolkit among live configs (409 `duplicate_name`); off by default, as in the spec. */
  readonly uniqueNames?: boolean;
}

/** Composio v3 auth configs (spec: /work/shared/spec/composio-v3.md). */
export function createComposioApi(options: ComposioApiOptions): EmulatedApi {
  const store = new AuthConfigStore({ clock: options.clock, uniqueNames: options.uniqueNames ?? false });
  return {
    name: "composio",
    pathPrefixes: COMPOSIO_PATH_PREFIXES.map((prefix) => `${prefix}/`),
    keyHint: "Send your project API key in the x-api-key header (or x-user-api-key, not both).",
    presentedApiKey,
    errorResponse: (error, requestId) => ({ status: error.status, body: composioErrorBody(error, requestId) }),
    rateLimitBody: composioRateLimitBody,
    rateLimitHeaders: (window) => ({
      "X-RateLimit": String(window.limit),
      "X-RateLimit-Remaining": String(window.remaining),
      "X-RateLimit-Window-Size": "60",
    }),
    registerRoutes: (app) => registerComposioRoutes(app, store),
    dump: () => store.all().map(revealedAuthConfigObject),
    reset: () => store.clear(),
  };
}

/** Either header carries the key; both in one request is a 401 (spec: Base and authentication). */
function presentedApiKey(headers: IncomingHttpHeaders): string | undefined {
  const projectKey = singleHeader(headers["x-api-key"]);
  const userKey = singleHeader(headers["x-user-api-key"]);
  if (projectKey !== undefined && userKey !== undefined) return undefined;
  return projectKey ?? userKey;
}
