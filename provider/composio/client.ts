import type { AppliedChanges, CallContext, ListQuery, ListedPage, ResourceApi } from "../core/definition";
import { ApiErrorBody, AuthConfigError, NotFoundError } from "../core/errors";
import type { HttpClient } from "../core/httpClient";
import { buildPatchBody, statusChange } from "./patchBody";
import type { AuthConfigInputs } from "./state";
import { ComposioAuthConfigObject, createBody } from "./wire";

const BASE = "/api/v3/auth_configs";
/** The largest `limit` the list serves (spec: List); the real one may serve fewer, so `next_cursor` is followed. */
const PAGE_SIZE = 200;

interface ListPage {
  items: ComposioAuthConfigObject[];
  next_cursor: string | null;
  total_items?: number;
}

/** The Composio v3 auth-config endpoints (spec: composio-v3.md, Endpoints). */
export class ComposioApi implements ResourceApi<AuthConfigInputs, ComposioAuthConfigObject> {
  readonly listPageSize: number;

  /** `pageSize`: the list's `limit` (tests use small pages to page through few configs). */
  constructor(
    private readonly http: HttpClient,
    options: { pageSize?: number } = {},
  ) {
    this.listPageSize = options.pageSize ?? PAGE_SIZE;
  }

  async create(inputs: AuthConfigInputs, name: string, ctx: CallContext): Promise<string> {
    const body = createBody({ ...inputs, name });
    const res = await this.http.request<{ auth_config?: { id?: unknown } }>({ method: "POST", path: BASE, body, context: ctx, secrets: ctx.secrets });
    const id = res.body?.auth_config?.id;
    if (typeof id !== "string" || id === "") {
      throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: POST ${BASE} answered ${res.status} without an auth config id`);
    }
    return id;
  }

  async get(id: string, ctx: CallContext): Promise<ComposioAuthConfigObject | undefined> {
    try {
      const res = await this.http.request<ComposioAuthConfigObject>({ method: "GET", path: `${BASE}/${encodeURIComponent(id)}`, context: ctx, secrets: ctx.secrets });
      return res.body;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * One page of every auth config, disabled ones included (deleted ones the list leaves out), oldest
   * first; `query` (the lookup's filters) narrows it, and may hide disabled ones (`show_disabled`).
   */
  async listPage(cursor: string | undefined, ctx: CallContext, query: ListQuery = {}): Promise<ListedPage<ComposioAuthConfigObject>> {
    const res = await this.http.request<ListPage>({ method: "GET", path: BASE, query: { show_disabled: true, ...query, limit: this.listPageSize, cursor }, context: ctx, secrets: ctx.secrets });
    const items = res.body?.items;
    if (!Array.isArray(items) || !items.every((item) => typeof item?.id === "string")) {
      throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: GET ${BASE} answered ${res.status} without a list of auth configs`);
    }
    const total = res.body.total_items;
    return { items, next: res.body.next_cursor ?? undefined, total: typeof total === "number" ? total : undefined };
  }

  /** Every auth config of the toolkit whose name is exactly `name`, disabled ones included. */
  async findByLabel(name: string, inputs: AuthConfigInputs, ctx: CallContext): Promise<ComposioAuthConfigObject[]> {
    const found: ComposioAuthConfigObject[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.http.request<ListPage>({
        method: "GET",
        path: BASE,
        query: { search: name, toolkit_slug: inputs.toolkit, show_disabled: true, limit: PAGE_SIZE, cursor },
        context: ctx,
        secrets: ctx.secrets,
      });
      found.push(...res.body.items.filter((item) => item.name === name && item.toolkit.slug === inputs.toolkit));
      cursor = res.body.next_cursor ?? undefined;
    } while (cursor);
    return found;
  }

  /** One PATCH of what differs, then the status endpoint if `enabled` changed. Neither answers with the config: the core reads it back. */
  async applyChanges(id: string, before: AuthConfigInputs, after: AuthConfigInputs, ctx: CallContext): Promise<AppliedChanges<ComposioAuthConfigObject>> {
    const body = buildPatchBody(before, after);
    if (body) await this.http.request({ method: "PATCH", path: `${BASE}/${encodeURIComponent(id)}`, body, context: ctx, secrets: ctx.secrets });
    const status = statusChange(before, after);
    if (status) await this.http.request({ method: "PATCH", path: `${BASE}/${encodeURIComponent(id)}/${status}`, context: ctx, secrets: ctx.secrets });
    return { changed: [...Object.keys(body ?? {}).filter((key) => key !== "type"), ...(status ? ["status"] : [])] };
  }

  async delete(id: string, ctx: CallContext): Promise<void> {
    try {
      await this.http.request({ method: "DELETE", path: `${BASE}/${encodeURIComponent(id)}`, context: ctx, secrets: ctx.secrets });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
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
