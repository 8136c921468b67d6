import type { FastifyInstance } from "fastify";
import { ApiError } from "../core/apiError";
import { parseCreateBody } from "./createBody";
import { patchedFields } from "./patchBody";
import type { ConnectionStore } from "./store";
import { Problems } from "./validation";
import { connectionObject } from "./view";

export const ELEVENLABS_PATH_PREFIX = "/v1";

type IdParams = { auth_connection_id: string };

/** The workspace auth-connection endpoints of the spec's table. */
export function registerElevenLabsRoutes(app: FastifyInstance, store: ConnectionStore): void {
  const base = `${ELEVENLABS_PATH_PREFIX}/workspace/auth-connections`;

  // No pagination and no query: a parameter is a client bug (emulator decision: 422).
  app.get(base, async (request) => {
    const problems = new Problems();
    for (const name of Object.keys(request.query as object)) problems.add(["query", name], "extra fields not permitted", "value_error.extra");
    problems.throwIfAny();
    return { auth_connections: store.all().map(connectionObject) };
  });

  app.post(base, async (request) => {
    const { authType, fields } = parseCreateBody(request.body);
    return connectionObject(store.create(authType, fields));
  });

  app.patch<{ Params: IdParams }>(`${base}/:auth_connection_id`, async (request) => {
    const connection = store.get(request.params.auth_connection_id);
    connection.fields = patchedFields(connection, request.body);
    return connectionObject(connection);
  });

  app.delete<{ Params: IdParams }>(`${base}/:auth_connection_id`, async (request) => {
    store.delete(request.params.auth_connection_id);
    return {};
  });

  // There is no GET by id (spec): reading one connection means listing them all.
  app.get(`${base}/:auth_connection_id`, async () => {
    throw new ApiError(405, "method_not_allowed", "Method Not Allowed: there is no GET by id; list the auth connections instead");
  });
}
