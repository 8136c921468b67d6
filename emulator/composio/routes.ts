import type { FastifyInstance } from "fastify";
import { randomBytes } from "node:crypto";
import { invalidRequest } from "../core/apiError";
import { booleanParameter, presentQueryParameters } from "../core/queryParameters";
import { parseCreateBody } from "./createBody";
import { listPage, parseListQuery } from "./listQuery";
import { authConfigObject } from "./masking";
import { patchedSettings } from "./patchBody";
import type { AuthConfigStore } from "./store";

/** Both API versions serve the same auth-config endpoints (spec: Base). */
export const COMPOSIO_PATH_PREFIXES = ["/api/v3", "/api/v3.1"];

type IdParams = { id: string };

/** The auth-config endpoints of the spec's table, under every prefix. */
export function registerComposioRoutes(app: FastifyInstance, store: AuthConfigStore): void {
  for (const prefix of COMPOSIO_PATH_PREFIXES) {
    const base = `${prefix}/auth_configs`;

    app.post(base, async (request, reply) => {
      const config = store.create(parseCreateBody(request.body));
      reply.code(201);
      return {
        toolkit: { slug: config.toolkitSlug },
        auth_config: {
          id: config.id,
          auth_scheme: config.authScheme,
          is_composio_managed: config.managed,
          restrict_to_following_tools: [...config.restrictToFollowingTools],
        },
      };
    });

    app.get(base, async (request) => {
      const page = listPage(store.live(), parseListQuery(request.query as Record<string, unknown>));
      return { ...page, items: page.items.map(authConfigObject) };
    });

    app.get<{ Params: IdParams }>(`${base}/:id`, async (request) => authConfigObject(store.get(request.params.id)));

    app.patch<{ Params: IdParams }>(`${base}/:id`, async (request) => {
      const config = store.get(request.params.id);
      store.update(config, patchedSettings(config, request.body));
      return {};
    });

    app.patch<{ Params: IdParams & { status: string } }>(`${base}/:id/:status`, async (request) => {
      const status = request.params.status;
      if (status !== "ENABLED" && status !== "DISABLED") throw invalidRequest("invalid_field_value", "status must be ENABLED or DISABLED");
      if (request.body !== undefined) throw invalidRequest("body_not_allowed", "This endpoint takes no request body", "Send the status in the path only.");
      const config = store.get(request.params.id);
      config.status = status;
      store.touch(config);
      return {};
    });

    app.delete<{ Params: IdParams; Querystring: Record<string, unknown> }>(`${base}/:id`, async (request) => {
      // `?revoke_on_delete=` (empty) is absent: Composio's generated client sends a null option so.
      const revoke = booleanParameter(presentQueryParameters(request.query, ["revoke_on_delete"]).revoke_on_delete, "revoke_on_delete");
      store.delete(request.params.id);
      return revoke ? { revoke_job_id: `rj_${randomBytes(9).toString("base64url")}` } : {};
    });
  }
}
