import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { randomUUID } from "node:crypto";
import { createComposioApi } from "./composio/api";
import { registerControlRoutes } from "./control/routes";
import { ApiError, invalidRequest } from "./core/apiError";
import { EmulatorClock, parseClockOffset } from "./core/clock";
import type { EmulatedApi } from "./core/emulatedApi";
import { API_NAMES, ApiName, EmulatorServerOptions } from "./options";
import { FaultInjector, FaultKind, FaultSettings, parseFaultSettings } from "./core/faults";
import { registerJsonBodyParser, UnreadableBody } from "./core/jsonBody";
import { FixedWindowRateLimiter, RateWindow } from "./core/rateLimiter";
import { LoggedRequest, RequestLog } from "./core/requestLog";
import { createElevenLabsApi } from "./elevenlabs/api";
import { createFlowraApi } from "./flowra/api";

/** How the emulator behaves. Every field is optional. */
export type { EmulatorServerOptions } from "./options";

/** Everything the emulator holds besides each API's own objects. */
export interface EmulatorState {
  readonly apis: readonly EmulatedApi[];
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly limiter: FixedWindowRateLimiter;
  readonly clock: EmulatorClock;
  /** The clock offset the server started with, restored by `POST /_emulator/reset`. */
  readonly startClockOffsetMs: number;
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
const MAX_LATENCY_MS = 600_000;

/** Builds the emulator's fastify app (not listening yet): every API, plus the `/_emulator/*` control endpoints. */
export function buildEmulatorServer(options: EmulatorServerOptions = {}): FastifyInstance {
  const limit = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(limit) || limit < 1) throw new Error("rateLimitPerMinute must be a positive integer");
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) throw new Error(`latencyMs must be an integer from 0 to ${MAX_LATENCY_MS}`);
  const acceptedKey = acceptedKeys(options);
  const clockOffsetMs = options.clockOffsetMs === undefined ? 0 : parseClockOffset(options.clockOffsetMs, "clockOffsetMs");
  const clock = new EmulatorClock(clockOffsetMs);
  const state: EmulatorState = {
    apis: [createComposioApi({ clock, uniqueNames: options.uniqueNames }), createFlowraApi({ clock }), createElevenLabsApi({ clock })],
    log: new RequestLog(),
    faults: new FaultInjector(),
    limiter: new FixedWindowRateLimiter(limit, options.now),
    clock,
    startClockOffsetMs: clockOffsetMs,
  };
  if (options.faults) state.faults.set(parseFaultSettings(options.faults));

  const app = Fastify({ logger: false });
  registerJsonBodyParser(app);
  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  const isAuthorized = (api: EmulatedApi, key: string | undefined) => {
    const expected = acceptedKey[api.name];
    return expected === undefined ? !!key : key === expected;
  };

  const sendError = (reply: FastifyReply, context: RequestContext | undefined, error: ApiError) => {
    if (!context?.api) return reply.code(error.status).send(controlErrorBody(error));
    const { status, body } = context.api.errorResponse(error, context.requestId);
    return reply.code(status).send(body);
  };

  app.addHook("onRequest", async (request) => {
    if (isControlPath(request.url)) return;
    const path = request.url.split("?")[0];
    const api = state.apis.find((candidate) => candidate.pathPrefixes.some((prefix) => path.startsWith(prefix)));
    contexts.set(request, { api, entry: state.log.start(request, api?.name ?? null), requestId: `req_${randomUUID()}`, dropped: false });
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
    // The network's share of every answer, before anything happens: a client that gives up during it changed nothing.
    if (latencyMs > 0) await sleep(latencyMs);

    // Faults come first: they stand for the network and the platform's front door failing.
    context.faultSettings = state.faults.current() ?? undefined;
    context.fault = state.faults.draw(request.method, context.entry.path);
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

    if (!isAuthorized(api, context.presentedKey)) {
      return sendError(reply, context, new ApiError(401, "unauthorized", "Missing or invalid API key", api.keyHint));
    }
    const taken = state.limiter.take(rateLimitKey(api, context.presentedKey!));
    context.window = taken.window;
    if (!taken.allowed) {
      return reply.code(429).header("retry-after", String(taken.window.resetInSeconds)).send(api.rateLimitBody(limit));
    }
    if (body instanceof UnreadableBody) return sendError(reply, context, invalidRequest("invalid_request_body", body.reason));
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const context = contexts.get(request);
    if (!context?.api) return payload;
    reply.headers(context.api.rateLimitHeaders(context.window ?? state.limiter.peek(rateLimitKey(context.api, context.presentedKey ?? ""))));
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

/** The key each API accepts (undefined: any non-empty key), checked once at start-up. */
function acceptedKeys(options: EmulatorServerOptions): Partial<Record<ApiName, string>> {
  if (options.apiKey !== undefined && options.apiKey === "") throw new Error("apiKey must not be empty");
  const accepted: Partial<Record<ApiName, string>> = {};
  for (const name of Object.keys(options.apiKeys ?? {})) {
    if (!(API_NAMES as readonly string[]).includes(name)) throw new Error(`apiKeys.${name} is not an emulated API (${API_NAMES.join(", ")})`);
  }
  for (const name of API_NAMES) {
    const key = options.apiKeys?.[name] ?? options.apiKey;
    if (key === "") throw new Error(`apiKeys.${name} must not be empty`);
    if (key !== undefined) accepted[name] = key;
  }
  return accepted;
}

/** Each API counts its own requests: one platform's limit says nothing about another's. */
function rateLimitKey(api: EmulatedApi, key: string): string {
  return `${api.name}\n${key}`;
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
