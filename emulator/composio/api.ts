import type { IncomingHttpHeaders } from "node:http";
import type { EmulatedApi } from "../core/emulatedApi";
import { composioErrorBody, composioRateLimitBody } from "./errors";
import { COMPOSIO_PATH_PREFIXES, registerComposioRoutes } from "./routes";
import { AuthConfigStore } from "./store";

/** Composio v3 auth configs (spec: /work/shared/spec/composio-v3.md). */
export function createComposioApi(): EmulatedApi {
  const store = new AuthConfigStore();
  return {
    name: "composio",
    pathPrefixes: COMPOSIO_PATH_PREFIXES.map((prefix) => `${prefix}/`),
    presentedApiKey: (headers: IncomingHttpHeaders) => nonEmpty(headers["x-api-key"]) ?? nonEmpty(headers["x-user-api-key"]),
    errorBody: composioErrorBody,
    rateLimitBody: composioRateLimitBody,
    rateLimitHeaders: (window) => ({
      "X-RateLimit": String(window.limit),
      "X-RateLimit-Remaining": String(window.remaining),
      "X-RateLimit-Window-Size": "60",
    }),
    registerRoutes: (app) => registerComposioRoutes(app, store),
    reset: () => store.clear(),
  };
}

function nonEmpty(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value ? value : undefined;
}
