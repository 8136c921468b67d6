import type { FastifyInstance } from "fastify";

/** A body that arrived but cannot be used: the server answers 400 once the request is authenticated. */
export class UnreadableBody {
  constructor(readonly reason: string) {}
}

/**
 * Replaces fastify's body parsers with one that never fails on its own. A bad body becomes an
 * `UnreadableBody` so that authentication, rate limiting and faults still come first, the request
 * log still records the request, and error messages never quote the body (it may hold secrets).
 * An empty body counts as no body, whatever its content type.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (request, text, done) => {
    done(null, parseBody(request.headers["content-type"], text as string));
  });
}

function parseBody(contentType: string | undefined, text: string): unknown {
  if (text.trim() === "") return undefined;
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json" && !mediaType.endsWith("+json")) {
    return new UnreadableBody("The request body must be JSON sent with content-type: application/json");
  }
  try {
    return JSON.parse(text, rejectPrototypeKeys);
  } catch {
    return new UnreadableBody("The request body is not valid JSON");
  }
}

/** A `__proto__` key would replace an object's prototype when merged into stored state. */
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === "__proto__") throw new Error("__proto__ key");
  return value;
}
