import type { ResourceApi, ResourceDefinition } from "./definition";
import { HttpClient } from "./httpClient";
import { logLine } from "./log";
import { sharedRateLimiter } from "./rateLimiter";
import { DEFAULT_RETRY_POLICY } from "./retry";
import { Connection, describeApiKey, describeBaseUrl } from "./settings";

const clients = new Map<string, ResourceApi<any, any>>();

/** One API client per resource type and connection, shared by every resource in this provider process. */
export function apiClientFor<I, R>(def: ResourceDefinition<any, any, R>, connection: Connection): ResourceApi<I, R> {
  const key = JSON.stringify([def.kind, connection]);
  let client = clients.get(key);
  if (!client) {
    client = def.api(
      new HttpClient({
        baseUrl: connection.baseUrl,
        headers: { ...def.authHeaders(connection.apiKey), "user-agent": "pulumi-authconfig" },
        timeoutMs: connection.timeoutMs,
        retry: { ...DEFAULT_RETRY_POLICY, maxRetries: connection.maxRetries },
        rateLimiter: sharedRateLimiter(new URL(connection.baseUrl).origin, connection.maxRequestsPerMinute),
        parseErrorBody: def.parseErrorBody,
        authFailureHint: describeApiKey(connection, def.settings),
        connectionFailureHint: describeBaseUrl(connection, def.settings),
        log: logLine,
      }),
    );
    clients.set(key, client);
  }
  return client as ResourceApi<I, R>;
}
