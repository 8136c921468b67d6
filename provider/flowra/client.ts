import type { AppliedChanges, CallContext, ListQuery, ListedPage, ResourceApi } from "../core/definition";
import { ApiErrorBody, AuthConfigError, NotFoundError } from "../core/errors";
import type { HttpClient } from "../core/httpClient";
import { buildPatchBody } from "./patchBody";
import type { FlowraAuthConfigInputs } from "./state";
import { FlowraAuthConfigObject, createBody } from "./wire";

const BASE = "/api/v1/auth_configs";
/** The largest page the list endpoint serves (spec: List query). */
const PAGE_SIZE = 100;

/** Flowra's success wrapper `{"success":true,"message","data":{...}}`. */
interface SuccessWrapper {
  data?: FlowraAuthConfigObject;
}

/** Flowra's paginated wrapper. */
interface PageWrapper {
  data?: FlowraAuthConfigObject[];
  hasNextPage?: boolean;
  total?: number;
}

/** The Flowra v1 auth-config endpoints (spec: flowra-v1.md, Endpoints). */
export class FlowraApi implements ResourceApi<FlowraAuthConfigInputs, FlowraAuthConfigObject> {
  readonly listPageSize: number;

  /** `pageSize`: the list's `limit` (tests use small pages to page through few configs). */
  constructor(
    private readonly http: HttpClient,
    options: { pageSize?: number } = {},
  ) {
    this.listPageSize = options.pageSize ?? PAGE_SIZE;
  }

  async create(inputs: FlowraAuthConfigInputs, displayName: string, ctx: CallContext): Promise<string> {
    const res = await this.http.request<SuccessWrapper>({ method: "POST", path: BASE, body: createBody(inputs, displayName), context: ctx, secrets: ctx.secrets });
    return configOf(res, `POST ${BASE}`, ctx).id;
  }

  async get(id: string, ctx: CallContext): Promise<FlowraAuthConfigObject | undefined> {
    const path = `${BASE}/${encodeURIComponent(id)}`;
    try {
      return configOf(await this.http.request<SuccessWrapper>({ method: "GET", path, context: ctx, secrets: ctx.secrets }), `GET ${path}`, ctx);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * One page of every auth config, disabled ones included, oldest first (so that configs made
   * meanwhile land on later pages). The cursor is the page number. A deleted config is gone from the list.
   * `query` (the lookup's filters) narrows it, and may hide disabled ones (`showDisabled`).
   */
  async listPage(cursor: string | undefined, ctx: CallContext, query: ListQuery = {}): Promise<ListedPage<FlowraAuthConfigObject>> {
    const page = cursor === undefined ? 1 : Number(cursor);
    const res = await this.http.request<PageWrapper>({
      method: "GET",
      path: BASE,
      query: { showDisabled: true, ...query, sortBy: "createdAt", sortOrder: "ASC", limit: this.listPageSize, page },
      context: ctx,
      secrets: ctx.secrets,
    });
    const items = res.body?.data;
    if (!Array.isArray(items) || !items.every((item) => typeof item?.id === "string")) {
      throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: GET ${BASE} answered ${res.status} without a list of auth configs`);
    }
    const last = res.body.hasNextPage !== true || items.length === 0;
    return { items, next: last ? undefined : String(page + 1), total: typeof res.body.total === "number" ? res.body.total : undefined };
  }

  /**
   * Every auth config of the toolkit whose display name is exactly `displayName`, disabled ones
   * included. The list's `search` matches only the allocated `name`, so every page of the toolkit's
   * configs is read (oldest first, so that configs made meanwhile land on later pages) and filtered here.
   */
  async findByLabel(displayName: string, inputs: FlowraAuthConfigInputs, ctx: CallContext): Promise<FlowraAuthConfigObject[]> {
    const found = new Map<string, FlowraAuthConfigObject>();
    const toolkit = inputs.toolkit.toLowerCase();
    for (let page = 1; ; page++) {
      const res = await this.http.request<PageWrapper>({
        method: "GET",
        path: BASE,
        query: { toolkitSlug: inputs.toolkit, showDisabled: true, sortBy: "createdAt", sortOrder: "ASC", limit: PAGE_SIZE, page },
        context: ctx,
        secrets: ctx.secrets,
      });
      const items = res.body.data;
      if (!Array.isArray(items)) {
        throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: GET ${BASE} answered ${res.status} without a list of auth configs`);
      }
      for (const item of items) {
        // The toolkit filter ignores case on the server; so does this one.
        if (item.displayName === displayName && item.toolkit?.slug?.toLowerCase() === toolkit) found.set(item.id, item);
      }
      if (res.body.hasNextPage !== true || items.length === 0) return [...found.values()];
    }
  }

  /**
   * One PATCH of what differs (`enabled` included, as `isDisabled`). Flowra answers with the updated
   * config, which saves the core a read back; an answer without one is read back instead.
   */
  async applyChanges(id: string, before: FlowraAuthConfigInputs, after: FlowraAuthConfigInputs, ctx: CallContext): Promise<AppliedChanges<FlowraAuthConfigObject>> {
    const body = buildPatchBody(before, after);
    if (!body) return { changed: [] };
    const res = await this.http.request<SuccessWrapper>({ method: "PATCH", path: `${BASE}/${encodeURIComponent(id)}`, body, context: ctx, secrets: ctx.secrets });
    const config = res.body?.data;
    const answered = config !== null && typeof config === "object" && config.id === id;
    return { changed: Object.keys(body), remote: answered ? config : undefined };
  }

  async delete(id: string, ctx: CallContext): Promise<void> {
    try {
      await this.http.request({ method: "DELETE", path: `${BASE}/${encodeURIComponent(id)}`, context: ctx, secrets: ctx.secrets });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}

/** The config in a success wrapper; an answer without one is unreadable (after a POST: maybe created). */
function configOf(res: { status: number; body: SuccessWrapper }, request: string, ctx: CallContext): FlowraAuthConfigObject {
  const config = res.body?.data;
  if (!config || typeof config !== "object" || typeof config.id !== "string" || config.id === "") {
    throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: ${request} answered ${res.status} without an auth config`);
  }
  return config;
}

/**
 * Flowra's error envelope `{"success":false,"message","statusCode","error"}` (NestJS's): `message`
 * may also be a list (validation errors), and `error` is the HTTP reason phrase, not a slug.
 */
export function parseFlowraError(status: number, body: unknown): ApiErrorBody {
  const envelope = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const code = typeof envelope?.statusCode === "number" ? envelope.statusCode : undefined;
  const message = envelope?.message;
  if (typeof message === "string" && message !== "") return { message, code };
  if (Array.isArray(message) && message.length > 0) {
    const errors = message.map(String);
    return { message: errors.join("; "), code };
  }
  if (typeof envelope?.error === "string") return { message: envelope.error, code };
  return { message: typeof body === "string" && body.length > 0 ? body.slice(0, 500) : `HTTP ${status}` };
}
