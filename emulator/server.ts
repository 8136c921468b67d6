import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { randomUUID } from "node:crypto";
import { createComposioApi } from "./composio/api";
import { registerControlRoutes } from "./control/routes";
import { ApiError, invalidRequest } from "./core/apiError";
import type { EmulatedApi } from "./core/emulatedApi";
import { FaultInjector, FaultKind, FaultSettings, parseFaultSettings } from "./core/faults";
import { registerJsonBodyParser, UnreadableBody } from "./core/jsonBody";
import { FixedWindowRateLimiter, RateWindow } from "./core/rateLimiter";
import { LoggedRequest, RequestLog } from "./core/requestLog";

export interface EmulatorServerOptions {
  /** The only API key accepted; without it any non-empty key is. */
  readonly apiKey?: string;
  /** Requests per API key per one-minute window. Default 10000. */
  readonly rateLimitPerMinute?: number;
  /** Faults to inject from the first request on. */
  readonly faults?: FaultSettings;
  /** The clock of rate-limit windows (tests pass a fake one). */
  readonly now?: () => number;
}

/** Everything the emulator holds besides each API's own objects. */
export interface EmulatorState {
  readonly apis: readonly EmulatedApi[];
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly limiter: FixedWindowRateLimiter;
}

/** What the server knows about one API request as it goes through the hooks. */
interface RequestContext {
  readonly api: EmulatedApi | undefined;
  readonly entry: LoggedRequest;
  readonly requestId: string;
  presentedKey?: string;
  window?: RateWindow;
  fault?: FaultKind;
  faultSettings?: Required<FaultSettings>;
  dropped: boolean;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 10_000;

/** Builds the emulator's fastify app (not listening yet): every API, plus the `/_emulator/*` control endpoints. */
export function buildEmulatorServer(options: EmulatorServerOptions = {}): FastifyInstance {
  const limit = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(limit) || limit < 1) throw new Error("rateLimitPerMinute must be a positive integer");
  if (options.apiKey !== undefined && options.apiKey === "") throw new Error("apiKey must not be empty");
  const state: EmulatorState = {
    apis: [createComposioApi()],
    log: new RequestLog(),
    faults: new FaultInjector(),
    limiter: new FixedWindowRateLimiter(limit, options.now),
  };
  if (options.faults) state.faults.set(parseFaultSettings(options.faults));

  const app = Fastify({ logger: false });
  registerJsonBodyParser(app);
  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  const isAuthorized = (key: string | undefined) => (options.apiKey === undefined ? !!key : key === options.apiKey);

  const sendError = (reply: FastifyReply, context: RequestContext | undefined, error: ApiError) => {
    const body = context?.api ? context.api.errorBody(error, context.requestId) : controlErrorBody(error);
    return reply.code(error.status).send(body);
  };

  app.addHook("onRequest", async (request) => {
    if (isControlPath(request.url)) return;
    const path = request.url.split("?")[0];
    const api = state.apis.find((candidate) => candidate.pathPrefixes.some((prefix) => path.startsWith(prefix)));
    contexts.set(request, { api, entry: state.log.start(request), requestId: `req_${randomUUID()}`, dropped: false });
  });

  // After body parsing, so that the log holds the body of every request, refused ones included.
  app.addHook("preHandler", async (request, reply) => {
    const context = contexts.get(request);
    if (!context) return;
    const body = request.body;
    context.entry.body = body === undefined || body instanceof UnreadableBody ? null : body;
    const api = context.api;
    if (!api) return; // answered by the not-found handler
    context.presentedKey = api.presentedApiKey(request.headers);

    // Faults come first: they stand for the network and the platform's front door failing.
    context.faultSettings = state.faults.current() ?? undefined;
    context.fault = state.faults.draw(request.method);
    if (context.fault) context.entry.fault = context.fault;
    const retryAfter = String(context.faultSettings?.retryAfterSeconds ?? 1);
    switch (context.fault) {
      case "reset-before":
        reply.hijack();
        dropConnection(request, context);
        return reply;
      case "429":
        return reply.code(429).header("retry-after", retryAfter).send(api.rateLimitBody(limit));
      case "500":
        return sendError(reply, context, new ApiError(500, "internal_server_error", "Internal server error (injected fault)"));
      case "503":
        reply.header("retry-after", retryAfter);
        return sendError(reply, context, new ApiError(503, "service_unavailable", "Service temporarily unavailable (injected fault)"));
    }

    if (!isAuthorized(context.presentedKey)) {
      const error = new ApiError(401, "unauthorized", "Missing or invalid API key", "Send your project API key in the x-api-key header.");
      return sendError(reply, context, error);
    }
    const taken = state.limiter.take(context.presentedKey!);
    context.window = taken.window;
    if (!taken.allowed) {
      return reply.code(429).header("retry-after", String(taken.window.resetInSeconds)).send(api.rateLimitBody(limit));
    }
    if (body instanceof UnreadableBody) return sendError(reply, context, invalidRequest("invalid_request_body", body.reason));
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const context = contexts.get(request);
    if (!context?.api) return payload;
    reply.headers(context.api.rateLimitHeaders(context.window ?? state.limiter.peek(context.presentedKey ?? "")));
    if (context.fault === "delay") await sleep(context.faultSettings?.delayMs ?? 1000);
    // The request was processed; the client never learns how it went.
    if (context.fault === "reset-after") dropConnection(request, context);
    return payload;
  });

  app.addHook("onResponse", async (request, reply) => {
    const context = contexts.get(request);
    if (context && !context.dropped) context.entry.status = reply.statusCode;
  });

  app.setErrorHandler((error, request, reply) => {
    const apiError = error instanceof ApiError ? error : fromFrameworkError(error as { statusCode?: number; code?: string; message?: string });
    return sendError(reply, contexts.get(request), apiError);
  });

  app.setNotFoundHandler(async (request) => {
    throw new ApiError(404, "route_not_found", `No route for ${request.method} ${request.url.split("?")[0]}`);
  });

  for (const api of state.apis) api.registerRoutes(app);
  registerControlRoutes(app, state);
  return app;
}

function isControlPath(url: string): boolean {
  return url === "/_emulator" || url.startsWith("/_emulator/") || url.startsWith("/_emulator?");
}

/** Drops the TCP connection with a reset, as a failing proxy or load balancer would. */
function dropConnection(request: FastifyRequest, context: RequestContext): void {
  context.dropped = true;
  context.entry.status = null;
  request.raw.socket?.resetAndDestroy();
}

/** Errors fastify raises itself (body too large...): their messages never quote the request. */
function fromFrameworkError(error: { statusCode?: number; code?: string; message?: string }): ApiError {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500) return new ApiError(status, "internal_server_error", "Internal server error");
  const message = error.code?.startsWith("FST_") && error.message ? error.message : "Invalid request";
  return new ApiError(status, "invalid_request", message);
}

/** The error body of control endpoints and of paths no emulated API serves. */
export function controlErrorBody(error: ApiError): unknown {
  return { error: { message: error.message, slug: error.slug, status: error.status } };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
