import { ApiErrorBody, AuthConfigError, FailureContext, NotFoundError } from "../core/errors";
import { HttpClient } from "../core/httpClient";
import { logLine } from "../core/log";
import { sharedRateLimiter } from "../core/rateLimiter";
import { DEFAULT_RETRY_POLICY } from "../core/retry";
import { ComposioConnection } from "./connection";
import { ComposioPatchBody } from "./patchBody";
import { ComposioAuthConfigObject } from "./wire";

const BASE = "/api/v3/auth_configs";

/** What one call needs besides its arguments: whom it is for, and which values to keep out of errors. */
export interface CallContext extends FailureContext {
  readonly secrets: readonly string[];
}

interface ListPage {
  items: ComposioAuthConfigObject[];
  next_cursor: string | null;
}

/** The Composio v3 auth-config endpoints (spec: composio-v3.md, Endpoints). */
export class ComposioClient {
  constructor(private readonly http: HttpClient) {}

  async create(body: Record<string, unknown>, ctx: CallContext): Promise<string> {
    const res = await this.http.request<{ auth_config?: { id?: unknown } }>({ method: "POST", path: BASE, body, context: ctx, secrets: ctx.secrets });
    const id = res.body?.auth_config?.id;
    if (typeof id !== "string" || id === "") {
      throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: POST ${BASE} answered ${res.status} without an auth config id`);
    }
    return id;
  }

  /** The auth config, or undefined when it does not exist (or was deleted). */
  async get(id: string, ctx: CallContext): Promise<ComposioAuthConfigObject | undefined> {
    try {
      const res = await this.http.request<ComposioAuthConfigObject>({ method: "GET", path: `${BASE}/${encodeURIComponent(id)}`, context: ctx, secrets: ctx.secrets });
      return res.body;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async patch(id: string, body: ComposioPatchBody, ctx: CallContext): Promise<void> {
    await this.http.request({ method: "PATCH", path: `${BASE}/${encodeURIComponent(id)}`, body, context: ctx, secrets: ctx.secrets });
  }

  async setStatus(id: string, status: "ENABLED" | "DISABLED", ctx: CallContext): Promise<void> {
    await this.http.request({ method: "PATCH", path: `${BASE}/${encodeURIComponent(id)}/${status}`, context: ctx, secrets: ctx.secrets });
  }

  /** Deletes the auth config; one that is already gone counts as deleted. */
  async delete(id: string, ctx: CallContext): Promise<void> {
    try {
      await this.http.request({ method: "DELETE", path: `${BASE}/${encodeURIComponent(id)}`, context: ctx, secrets: ctx.secrets });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  /** Every auth config of `toolkit` whose name is exactly `name`, disabled ones included. */
  async findByName(name: string, toolkit: string, ctx: CallContext): Promise<ComposioAuthConfigObject[]> {
    const found: ComposioAuthConfigObject[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.http.request<ListPage>({
        method: "GET",
        path: BASE,
        query: { search: name, toolkit_slug: toolkit, show_disabled: true, limit: 200, cursor },
        context: ctx,
        secrets: ctx.secrets,
      });
      found.push(...res.body.items.filter((item) => item.name === name && item.toolkit.slug === toolkit));
      cursor = res.body.next_cursor ?? undefined;
    } while (cursor);
    return found;
  }
}

/** Composio's error envelope `{"error":{...}}`, and the bare `{"message"}` of its 429s. */
export function parseComposioError(status: number, body: unknown): ApiErrorBody {
  const envelope = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (envelope && typeof envelope === "object") {
    return {
      message: String(envelope.message ?? `HTTP ${status}`),
      slug: typeof envelope.slug === "string" ? envelope.slug : undefined,
      code: typeof envelope.code === "number" || typeof envelope.code === "string" ? envelope.code : undefined,
      requestId: typeof envelope.request_id === "string" ? envelope.request_id : undefined,
      suggestedFix: typeof envelope.suggested_fix === "string" ? envelope.suggested_fix : undefined,
      errors: Array.isArray(envelope.errors) ? envelope.errors.map(String) : undefined,
    };
  }
  const message = (body as { message?: unknown } | undefined)?.message;
  if (typeof message === "string") return { message };
  return { message: typeof body === "string" && body.length > 0 ? body.slice(0, 500) : `HTTP ${status}` };
}

const clients = new Map<string, ComposioClient>();

/** One client per connection, shared by every resource in this provider process. */
export function composioClient(connection: ComposioConnection): ComposioClient {
  const key = JSON.stringify(connection);
  let client = clients.get(key);
  if (!client) {
    client = new ComposioClient(
      new HttpClient({
        baseUrl: connection.baseUrl,
        headers: { "x-api-key": connection.apiKey, "user-agent": "pulumi-authconfig" },
        timeoutMs: connection.timeoutMs,
        retry: { ...DEFAULT_RETRY_POLICY, maxRetries: connection.maxRetries },
        rateLimiter: sharedRateLimiter(new URL(connection.baseUrl).origin, connection.maxRequestsPerMinute),
        parseErrorBody: parseComposioError,
        log: logLine,
      }),
    );
    clients.set(key, client);
  }
  return client;
}
