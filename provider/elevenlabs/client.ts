import { CoalescedList } from "../core/coalescedList";
import type { AppliedChanges, CallContext, ListedPage, ResourceApi } from "../core/definition";
import { ApiErrorBody, AuthConfigError, NotFoundError } from "../core/errors";
import type { HttpClient } from "../core/httpClient";
import { logLine } from "../core/log";
import { FIELDS, isUpdatable } from "./authTypes";
import { buildPatchBody, changedFields } from "./patchBody";
import type { AuthConnectionInputs } from "./state";
import { ElevenLabsConnectionObject, createBody } from "./wire";

const BASE = "/v1/workspace/auth-connections";

/**
 * The ElevenLabs workspace auth-connection endpoints (spec: elevenlabs-v1.md, Endpoints). There is
 * no GET by id: every read lists all connections, and the reads of one provider process share list
 * requests (core/coalescedReads.ts for reads by id, core/coalescedList.ts for lookups by name). The
 * list holds types this project never creates; they are passed over, never judged.
 */
export class ElevenLabsApi implements ResourceApi<AuthConnectionInputs, ElevenLabsConnectionObject> {
  /** The list is never paged. */
  readonly listPageSize = Number.POSITIVE_INFINITY;
  private readonly connections: CoalescedList<ElevenLabsConnectionObject>;

  constructor(private readonly http: HttpClient) {
    this.connections = new CoalescedList((ctx) => this.listAll(ctx));
  }

  async create(inputs: AuthConnectionInputs, name: string, ctx: CallContext): Promise<string> {
    const res = await this.http.request<{ id?: unknown }>({ method: "POST", path: BASE, body: createBody(inputs, name), context: ctx, secrets: ctx.secrets });
    const id = res.body?.id;
    if (typeof id !== "string" || id === "") {
      throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: POST ${BASE} answered ${res.status} without an auth connection id`);
    }
    return id;
  }

  /** Every connection of the workspace, as one page. */
  async listPage(_cursor: string | undefined, ctx: CallContext): Promise<ListedPage<ElevenLabsConnectionObject>> {
    const items = await this.listAll(ctx);
    return { items, total: items.length };
  }

  /** The connections of the same type named exactly `name`: what a POST of `inputs` under that name could have made. */
  async findByLabel(name: string, inputs: AuthConnectionInputs, ctx: CallContext): Promise<ElevenLabsConnectionObject[]> {
    return (await this.connections.list(ctx)).filter((connection) => connection.name === name && connection.auth_type === inputs.authType);
  }

  /**
   * One PATCH of what differs, for the types the API can update. A type it cannot update never gets
   * here with a change the API shows (diff replaces it); when adopting one, the declared write-only
   * values cannot be compared nor sent, and the user is told so.
   */
  async applyChanges(id: string, before: AuthConnectionInputs, after: AuthConnectionInputs, ctx: CallContext): Promise<AppliedChanges<ElevenLabsConnectionObject>> {
    if (!isUpdatable(after.authType)) {
      const changed = changedFields(before, after);
      const unseen = changed.filter((field) => "writeOnly" in FIELDS[field as keyof typeof FIELDS]);
      const seen = changed.filter((field) => !unseen.includes(field));
      if (seen.length > 0) {
        throw new AuthConfigError(
          "AUTHCONFIG_NOT_UPDATABLE",
          `${ctx.resource}: ${ctx.operation} failed: ${after.authType} connections cannot be updated, and ${seen.join(", ")} differ${seen.length === 1 ? "s" : ""}; replace the connection (\`pulumi up --replace <urn>\`)`,
        );
      }
      if (unseen.length > 0) {
        await logLine(
          `${ctx.resource}: ${id} is a ${after.authType} connection, which cannot be updated, and the API never returns ${unseen.join(", ")}: ` +
            "the declared values were not compared nor sent. If they may differ from the connection's, replace it (`pulumi up --replace <urn>`)",
          "warning",
        );
      }
      return { changed: [] };
    }
    const body = buildPatchBody(before, after);
    if (!body) return { changed: [] };
    // The API answers a PATCH with the updated connection: no read back needed.
    const res = await this.http.request<ElevenLabsConnectionObject>({ method: "PATCH", path: `${BASE}/${encodeURIComponent(id)}`, body, context: ctx, secrets: ctx.secrets });
    return { changed: Object.keys(body).filter((key) => key !== "auth_type"), remote: res.body };
  }

  async delete(id: string, ctx: CallContext): Promise<void> {
    try {
      await this.http.request({ method: "DELETE", path: `${BASE}/${encodeURIComponent(id)}`, context: ctx, secrets: ctx.secrets });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  /** Every connection of the workspace (no pagination, no query: spec). */
  private async listAll(ctx: CallContext): Promise<ElevenLabsConnectionObject[]> {
    const res = await this.http.request<{ auth_connections?: unknown }>({ method: "GET", path: BASE, context: ctx, secrets: ctx.secrets });
    const items = res.body?.auth_connections;
    if (!Array.isArray(items) || !items.every((item) => typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string")) {
      throw new AuthConfigError("AUTHCONFIG_INVALID_RESPONSE", `${ctx.resource}: ${ctx.operation} failed: GET ${BASE} answered ${res.status} without a list of auth connections`);
    }
    return items as ElevenLabsConnectionObject[];
  }
}

/** ElevenLabs' errors: FastAPI's 422 `{"detail":[{loc,msg,type}]}` and `{"detail":{status,message}}` for the rest. */
export function parseElevenLabsError(status: number, body: unknown): ApiErrorBody {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (Array.isArray(detail)) {
    const errors = detail.map((item) => {
      const { loc, msg } = (item ?? {}) as { loc?: unknown; msg?: unknown };
      const where = Array.isArray(loc) ? loc.filter((part) => part !== "body").map(String).map(argumentName).join(".") : "";
      return `${where ? `${where}: ` : ""}${String(msg ?? "invalid")}`;
    });
    return { message: "the request was refused", errors };
  }
  if (detail && typeof detail === "object") {
    const { status: slug, message } = detail as { status?: unknown; message?: unknown };
    return { message: typeof message === "string" ? message : `HTTP ${status}`, slug: typeof slug === "string" ? slug : undefined };
  }
  if (typeof detail === "string") return { message: detail };
  return { message: typeof body === "string" && body.length > 0 ? body.slice(0, 500) : `HTTP ${status}` };
}

/** `client_secret` → `clientSecret`: errors name the argument the user wrote. */
function argumentName(wire: string): string {
  const field = Object.entries(FIELDS).find(([, spec]) => spec.wire === wire);
  if (field) return field[0];
  return wire === "auth_type" ? "authType" : wire;
}
