import { Agent } from "undici";
import { ApiErrorBody, AuthConfigError, ConnectionError, FailureContext, apiErrorFor } from "./errors";
import { firstHeader, RateLimiter, rateLimitHeaders } from "./rateLimiter";
import { redactSecrets } from "./redact";
import { AttemptOutcome, RetryPolicy, backoffDelayMs, isRetryable, parseRetryAfter } from "./retry";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, e.g. `/api/v3/auth_configs/ac_123`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON when present. */
  readonly body?: unknown;
  /** Which resource and operation this request serves: named in errors and retry logs. */
  readonly context: FailureContext;
  /** Values to scrub from any error message built from the answer. */
  readonly secrets?: readonly string[];
}

export interface HttpResponse<T> {
  readonly status: number;
  readonly body: T;
}

export interface HttpClientOptions {
  readonly baseUrl: string;
  /** Authentication and any other fixed headers. Their values are never logged. */
  readonly headers: Readonly<Record<string, string>>;
  /** How long to wait for an answer before giving up on one attempt. */
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly rateLimiter: RateLimiter;
  /** Turns an API's error envelope into the common shape. */
  readonly parseErrorBody: (status: number, body: unknown) => ApiErrorBody;
  /** Added to the message of a 401: where the key came from (never the key). */
  readonly authFailureHint?: string;
  /** Added to the message of a request that got no answer: where the base URL came from. */
  readonly connectionFailureHint?: string;
  /** Where retry notices go. */
  readonly log: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * JSON over HTTP with keep-alive, per-attempt timeouts, retries and the shared rate limit. Every
 * failure becomes an AuthConfigError naming the resource and operation, with secrets redacted.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: HttpClientOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, "");
    this.agent = new Agent({ keepAliveTimeout: 10_000, connect: { timeout: Math.min(options.timeoutMs, 10_000) } });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const { retry } = this.options;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      await this.options.rateLimiter.acquire();
      const { outcome, error, response } = await this.attempt<T>(req).finally(() => this.options.rateLimiter.release());
      if (response) return response;
      const retryAfter = outcome.kind === "status" ? outcome.retryAfterSeconds : undefined;
      if (outcome.kind === "status" && outcome.status === 429 && retryAfter !== undefined) {
        // The limit is the organisation's: hold back every request of this process, not only this one.
        this.options.rateLimiter.pause(Math.min(retryAfter, retry.maxRetryAfterSeconds));
      }
      if (attempt > retry.maxRetries || !isRetryable(req.method, outcome)) throw error;
      const delay = backoffDelayMs(retry, attempt, retryAfter);
      const honoursRetryAfter = retryAfter !== undefined && retryAfter <= retry.maxRetryAfterSeconds;
      if (Date.now() - started + delay > retry.maxElapsedMs && !honoursRetryAfter) throw error;
      const why = outcome.kind === "status" ? `answered ${outcome.status}` : `got no answer (${redactSecrets(outcome.reason, req.secrets ?? [])})`;
      this.options.log(
        `${req.context.resource}: ${req.context.operation}: ${req.method} ${req.path} ${why}; retry ${attempt} of ${retry.maxRetries} in ${(delay / 1000).toFixed(1)}s`,
      );
      await this.sleep(delay);
    }
  }

  /** Releases the pooled connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async attempt<T>(req: HttpRequest): Promise<{ outcome: AttemptOutcome; error?: AuthConfigError; response?: HttpResponse<T> }> {
    const path = this.basePath + req.path + queryString(req.query);
    const secrets = req.secrets ?? [];
    let status: number;
    let text: string;
    let headers: Record<string, string | string[] | undefined>;
    try {
      const res = await this.agent.request({
        origin: this.origin,
        path,
        method: req.method,
        headers: {
          ...this.options.headers,
          accept: "application/json",
          ...(req.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      status = res.statusCode;
      headers = res.headers;
      text = await res.body.text();
    } catch (cause) {
      const failure = classifyNetworkError(cause, this.options.timeoutMs);
      const error = new ConnectionError({
        context: req.context,
        method: req.method,
        url: this.origin + path,
        reason: redactSecrets(failure.reason, secrets),
        maybeProcessed: failure.maybeProcessed,
        code: failure.code,
        hint: this.options.connectionFailureHint,
      });
      return { outcome: { kind: "no-answer", maybeProcessed: failure.maybeProcessed, reason: failure.reason }, error };
    }

    this.options.rateLimiter.observe(rateLimitHeaders(headers));

    const parsed = parseJson(text);
    if (status < 400) {
      if (parsed === INVALID_JSON) {
        const error = new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${req.context.resource}: ${req.context.operation} failed: ${req.method} ${req.path} answered ${status} with a body that is not JSON`);
        return { outcome: { kind: "status", status: 502 }, error };
      }
      return { outcome: { kind: "status", status }, response: { status, body: (parsed ?? {}) as T } };
    }

    const retryAfterSeconds = parseRetryAfter(firstHeader(headers["retry-after"]));
    // Scrubbed before the API's parser reads it: a parser shortens a text answer, and a secret it cut
    // in two would no longer be found. Scrubbed again after: parsing unescapes what JSON escaped.
    const scrubbedText = redactSecrets(text, secrets);
    const scrubbed = parseJson(scrubbedText);
    const body = this.options.parseErrorBody(status, scrubbed === INVALID_JSON ? scrubbedText : scrubbed);
    const error = apiErrorFor({
      context: req.context,
      status,
      method: req.method,
      path: req.path,
      body: redactErrorBody(body, secrets),
      retryAfterSeconds,
      hint: status === 401 ? this.options.authFailureHint : undefined,
    });
    return { outcome: { kind: "status", status, retryAfterSeconds }, error };
  }
}

const INVALID_JSON = Symbol("invalid json");

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

function queryString(query: HttpRequest["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function redactErrorBody(body: ApiErrorBody, secrets: readonly string[]): ApiErrorBody {
  const scrub = (text: string | undefined) => (text === undefined ? undefined : redactSecrets(text, secrets));
  return {
    ...body,
    message: scrub(body.message) ?? "",
    suggestedFix: scrub(body.suggestedFix),
    errors: body.errors?.map((e) => redactSecrets(e, secrets)),
  };
}

/** Codes of failures that happen before a single byte of the request reaches the server. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Names a network failure and says whether the server may have acted on the request. */
export function classifyNetworkError(cause: unknown, timeoutMs: number): { code: string; reason: string; maybeProcessed: boolean } {
  const err = cause as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.code ?? err?.cause?.code ?? "UNKNOWN";
  if (NOT_SENT_CODES.has(code)) {
    const reason = code === "ECONNREFUSED" ? "connection refused" : code === "UND_ERR_CONNECT_TIMEOUT" ? "connect timed out" : `cannot reach host (${code})`;
    return { code: "AUTHCONFIG_CONNECTION_FAILED", reason, maybeProcessed: false };
  }
  if (TIMEOUT_CODES.has(code)) {
    return { code: "AUTHCONFIG_TIMEOUT", reason: `no answer within ${timeoutMs} ms`, maybeProcessed: true };
  }
  const detail = code !== "UNKNOWN" ? code : (err?.message ?? "unknown error");
  return { code: "AUTHCONFIG_CONNECTION_LOST", reason: `connection lost (${detail})`, maybeProcessed: true };
}
