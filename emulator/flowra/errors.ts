import { STATUS_CODES } from "node:http";
import type { ApiError } from "../core/apiError";

/**
 * Flowra's error envelope (spec: Errors, an emulator decision): NestJS's, with `success: false`.
 * `error` is the HTTP reason phrase. There is no request id and no machine slug on the wire; the
 * suggested fix, when there is one, follows the message.
 */
export function flowraErrorBody(error: ApiError): unknown {
  const message = error.suggestedFix ? `${error.message}. ${error.suggestedFix}` : error.message;
  return { success: false, message, statusCode: error.status, error: STATUS_CODES[error.status] ?? "Error" };
}

/** The 429 body: the same envelope, with NestJS throttler's message (emulator decision). */
export function flowraRateLimitBody(): unknown {
  return { success: false, message: "ThrottlerException: Too Many Requests", statusCode: 429, error: "Too Many Requests" };
}
