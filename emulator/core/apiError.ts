/**
 * A request an emulated API refuses. Routes throw it; the server renders it in the format of the
 * API that was called (each platform has its own error body).
 *
 * Messages name the offending field and never include a submitted value: values may be secrets.
 */
export class ApiError extends Error {
  constructor(
    /** The HTTP status to answer with. */
    readonly status: number,
    /** A stable machine-readable reason, e.g. `field_not_allowed`. */
    readonly slug: string,
    message: string,
    /** One sentence telling the caller how to fix the request, when there is an obvious fix. */
    readonly suggestedFix?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A 400 for a request body or query that breaks the contract. */
export function invalidRequest(slug: string, message: string, suggestedFix?: string): ApiError {
  return new ApiError(400, slug, message, suggestedFix);
}
