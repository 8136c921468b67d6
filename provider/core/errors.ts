/**
 * The errors a user can meet, after stripe-node's hierarchy: one class per kind of failure, each
 * carrying what the API said (message, slug, status, request id, suggested fix) and a stable `code`.
 * Messages never hold a secret: callers pass the resource's secret values and they are redacted.
 */

/** Where a failure happened: which resource, doing what. Shown at the start of every message. */
export interface FailureContext {
  /** The resource, e.g. `composio.AuthConfig "slack-prod"`. */
  readonly resource: string;
  /** The provider operation, e.g. `create`, `update`, `read`, `delete`. */
  readonly operation: string;
}

/** What an API's error body said, normalised across the three APIs' envelopes. */
export interface ApiErrorBody {
  readonly message: string;
  readonly slug?: string;
  readonly code?: number | string;
  readonly requestId?: string;
  readonly suggestedFix?: string;
  readonly errors?: readonly string[];
}

/** What an ApiError is made from. */
export interface ApiErrorInit {
  readonly context: FailureContext;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: ApiErrorBody;
  readonly retryAfterSeconds?: number;
  /** A sentence added to the message, e.g. where a refused API key came from. */
  readonly hint?: string;
}

/** Base class of every error this package raises. */
export class AuthConfigError extends Error {
  /** A stable machine-readable code, e.g. `AUTHCONFIG_API_NOT_FOUND`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Raised when the API answered with an error status. */
export class ApiError extends AuthConfigError {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: ApiErrorBody;
  /** Seconds the API asked us to wait (429 and some 503 answers), if it said. */
  readonly retryAfterSeconds?: number;

  constructor(code: string, init: ApiErrorInit) {
    super(code, describeApiError(init) + (init.hint ? ` ${init.hint}` : ""));
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** The request was malformed or failed validation (400, 422). */
export class InvalidRequestError extends ApiError {}
/** The API key is missing or wrong (401). */
export class AuthenticationError extends ApiError {}
/** The API key may not do this (403). */
export class PermissionError extends ApiError {}
/** The object does not exist, or was deleted (404). */
export class NotFoundError extends ApiError {}
/** The request conflicts with the object's current state (409). */
export class ConflictError extends ApiError {}
/** Too many requests (429), after our retries gave up. */
export class RateLimitError extends ApiError {}
/** The API failed (5xx), after our retries gave up. */
export class ServerError extends ApiError {}

/** Raised when no answer came back: refused, reset, timed out. */
export class ConnectionError extends AuthConfigError {
  /** False only when the request provably never reached the server (e.g. connection refused). */
  readonly maybeProcessed: boolean;
  /** What happened, e.g. `connection refused` or `no answer within 30000 ms`. */
  readonly reason: string;
  constructor(init: { context: FailureContext; method: string; url: string; reason: string; maybeProcessed: boolean; code: string; hint?: string }) {
    super(init.code, `${prefix(init.context)}: ${init.method} ${init.url} got no answer: ${init.reason}${init.hint ? `. ${init.hint}` : ""}`);
    this.maybeProcessed = init.maybeProcessed;
    this.reason = init.reason;
  }
}

const CLASS_BY_STATUS: Record<number, [typeof ApiError, string]> = {
  400: [InvalidRequestError, "AUTHCONFIG_API_INVALID_REQUEST"],
  401: [AuthenticationError, "AUTHCONFIG_API_AUTHENTICATION"],
  403: [PermissionError, "AUTHCONFIG_API_PERMISSION"],
  404: [NotFoundError, "AUTHCONFIG_API_NOT_FOUND"],
  409: [ConflictError, "AUTHCONFIG_API_CONFLICT"],
  422: [InvalidRequestError, "AUTHCONFIG_API_INVALID_REQUEST"],
  429: [RateLimitError, "AUTHCONFIG_API_RATE_LIMITED"],
};

/** Builds the right ApiError subclass for an HTTP status. */
export function apiErrorFor(init: ApiErrorInit): ApiError {
  const [ErrorClass, code] = CLASS_BY_STATUS[init.status] ?? (init.status >= 500 ? [ServerError, "AUTHCONFIG_API_SERVER_ERROR"] : [ApiError, "AUTHCONFIG_API_ERROR"]);
  return new ErrorClass(code, init);
}

function prefix(context: FailureContext): string {
  return `${context.resource}: ${context.operation} failed`;
}

function describeApiError({ context, status, method, path, body }: ApiErrorInit): string {
  const slug = body.slug ? ` ${body.slug}` : "";
  let text = `${prefix(context)}: ${method} ${path} answered ${status}${slug}: ${body.message}`;
  const details = (body.errors ?? []).filter((e) => e !== body.message);
  if (details.length > 0) text += ` (${details.join("; ")})`;
  if (body.requestId) text += ` [request_id: ${body.requestId}]`;
  if (body.suggestedFix) text += `. Suggested fix: ${body.suggestedFix}`;
  return text;
}
