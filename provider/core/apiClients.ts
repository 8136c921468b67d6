import { ApiClient, withCoalescedReads } from "./coalescedReads";
import type { ResourceDefinition } from "./definition";
import { HttpClient } from "./httpClient";
import { logLine } from "./log";
import { sharedRateLimiter } from "./rateLimiter";
import { DEFAULT_RETRY_POLICY } from "./retry";
import { Connection, SettingsSource, describeApiKey, describeBaseUrl } from "./settings";

const clients = new Map<string, ApiClient<any, any>>();

/**
 * One API client per resource type and connection, shared by every resource in this provider
 * process: so the reads of a refresh share list requests (coalescedReads.ts). `source`: where the
 * connection's settings came from, when not from what the provider was configured with (the SDK's
 * lookups, in the program's process): its failure hints name it.
 */
export function apiClientFor<I, R>(def: ResourceDefinition<any, any, R>, connection: Connection, source?: SettingsSource): ApiClient<I, R> {
  const key = JSON.stringify([def.kind, connection, source?.current ?? false]);
  let client = clients.get(key);
  if (!client) {
    const api = def.api(
      new HttpClient({
        baseUrl: connection.baseUrl,
        headers: { ...def.authHeaders(connection.apiKey), "user-agent": "pulumi-authconfig" },
        timeoutMs: connection.timeoutMs,
        retry: { ...DEFAULT_RETRY_POLICY, maxRetries: connection.maxRetries },
        // Limits are per API and account: one limiter per API and origin, whatever else shares the host.
        rateLimiter: sharedRateLimiter(`${def.kind} ${new URL(connection.baseUrl).origin}`, connection.maxRequestsPerMinute),
        parseErrorBody: def.parseErrorBody,
        authFailureHint: describeApiKey(connection, def.settings, source),
        connectionFailureHint: describeBaseUrl(connection, def.settings, source),
        log: logLine,
      }),
    );
    client = withCoalescedReads(api, (remote: R) => def.idOf(remote));
    clients.set(key, client);
  }
  return client as ApiClient<I, R>;
}

/** Drops every client, with what its reads learnt (list passes, the project's size): as a new provider process would start. For tests. */
export function forgetApiClients(): void {
  clients.clear();
}
