import type { ApiError } from "../core/apiError";

/**
 * Composio's error envelope (spec: Errors). `code` repeats the HTTP status: Composio's own codes
 * are not published. Validation errors also list their message in `errors`.
 */
export function composioErrorBody(error: ApiError, requestId: string): unknown {
  return {
    error: {
      message: error.message,
      code: error.status,
      slug: error.slug,
      status: error.status,
      request_id: requestId,
      ...(error.suggestedFix !== undefined && { suggested_fix: error.suggestedFix }),
      ...(error.status === 400 && { errors: [error.message] }),
    },
  };
}

/** Composio's 429 is not an envelope, just a message (spec: Errors). */
export function composioRateLimitBody(limitPerMinute: number): unknown {
  return { message: `Rate limit exceeded. Limit: ${limitPerMinute} requests per 1 minutes` };
}
