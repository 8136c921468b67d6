import type { ApiError } from "../core/apiError";
import { ElevenLabsValidationError } from "./validation";

/**
 * ElevenLabs' error answers (spec: Errors). Validation problems are FastAPI's 422 with a `detail`
 * list; a 400 the server raises for every API (a body that is not JSON) is answered the same way.
 * Other errors carry `{"detail": {"status", "message"}}` (emulator decision for 401 and 404, kept
 * for the rest).
 */
export function elevenLabsErrorResponse(error: ApiError): { status: number; body: unknown } {
  if (error instanceof ElevenLabsValidationError) return { status: 422, body: { detail: error.details } };
  if (error.status === 400) {
    const type = error.slug === "invalid_request_body" ? "value_error.jsondecode" : "value_error";
    return { status: 422, body: { detail: [{ loc: ["body"], msg: error.message, type }] } };
  }
  const message = error.suggestedFix ? `${error.message}. ${error.suggestedFix}` : error.message;
  return { status: error.status, body: { detail: { status: detailStatus(error), message } } };
}

function detailStatus(error: ApiError): string {
  if (error.status === 401) return "invalid_api_key";
  if (error.status === 404) return "not_found";
  return error.slug;
}

/** The 429 body (emulator decision): the same `detail` shape. */
export function elevenLabsRateLimitBody(limitPerMinute: number): unknown {
  return { detail: { status: "rate_limit_exceeded", message: `Rate limit exceeded: ${limitPerMinute} requests per minute` } };
}
