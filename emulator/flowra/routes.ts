import type { FastifyInstance } from "fastify";
import { parseCreateBody } from "./createBody";
import { flowraListPage, parseFlowraListQuery } from "./listQuery";
import { patchedSettings } from "./patchBody";
import type { FlowraConfigStore } from "./store";
import { flowraConfigObject } from "./view";

export const FLOWRA_PATH_PREFIX = "/api/v1";

type IdParams = { id: string };

/** The auth-config endpoints of the spec's table, answered in Flowra's wrappers. */
export function registerFlowraRoutes(app: FastifyInstance, store: FlowraConfigStore): void {
  const base = `${FLOWRA_PATH_PREFIX}/auth_configs`;

  app.post(base, async (request, reply) => {
    const config = store.create(parseCreateBody(request.body));
    reply.code(201);
    return { success: true, message: "Auth config created successfully", data: flowraConfigObject(config) };
  });

  app.get(base, async (request) => {
    const page = flowraListPage(store.all(), parseFlowraListQuery(request.query as Record<string, unknown>));
    return { success: true, message: "Auth configs retrieved successfully", ...page, data: page.data.map(flowraConfigObject) };
  });

  app.get<{ Params: IdParams }>(`${base}/:id`, async (request) => ({
    success: true,
    message: "Auth config retrieved successfully",
    data: flowraConfigObject(store.get(request.params.id)),
  }));

  app.patch<{ Params: IdParams }>(`${base}/:id`, async (request) => {
    const config = store.get(request.params.id);
    store.update(config, patchedSettings(config, request.body));
    return { success: true, message: "Auth config updated successfully", data: flowraConfigObject(config) };
  });

  app.delete<{ Params: IdParams }>(`${base}/:id`, async (request) => {
    store.delete(request.params.id);
    return { success: true, message: "Auth config deleted successfully" };
  });
}
