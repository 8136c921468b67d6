import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { composioAuthConfig } from "../../provider/composio/definition";
import type { ResourceDefinition } from "../../provider/core/definition";
import { HttpClient } from "../../provider/core/httpClient";
import { RateLimiter } from "../../provider/core/rateLimiter";
import { DEFAULT_RETRY_POLICY } from "../../provider/core/retry";
import { elevenLabsAuthConnection } from "../../provider/elevenlabs/definition";
import { flowraAuthConfig } from "../../provider/flowra/definition";

/**
 * The provider's HTTP client and its default rate limit (no ceiling) against the emulator over
 * real HTTP: with quota left nothing waits; with the API's limit set low, a burst far larger than
 * the limit all succeeds without a 429 storm. Each API as its headers are: Composio's X-RateLimit
 * and window size, Flowra's limit, remaining and reset, ElevenLabs' none (its 429s alone).
 */

const KEY = "rate-limit-test-key";
const LIMIT = 40;
const BURST = 70;

const APIS: { name: string; def: ResourceDefinition<any, any, any>; path: string }[] = [
  { name: "composio", def: composioAuthConfig, path: "/api/v3/auth_configs" },
  { name: "flowra", def: flowraAuthConfig, path: "/api/v1/auth_configs" },
  { name: "elevenlabs", def: elevenLabsAuthConnection, path: "/v1/workspace/auth-connections" },
];

function clientFor(url: string, def: ResourceDefinition<any, any, any>, limiter: RateLimiter): HttpClient {
  return new HttpClient({
    baseUrl: url,
    headers: def.authHeaders(KEY),
    timeoutMs: 10_000,
    retry: DEFAULT_RETRY_POLICY,
    rateLimiter: limiter,
    parseErrorBody: def.parseErrorBody,
    log: () => {},
  });
}

const context = { resource: "rate limit test", operation: "read" };

describe("the default rate limit over real HTTP", () => {
  let roomy: Awaited<ReturnType<typeof startEmulator>>;
  let tight: Awaited<ReturnType<typeof startEmulator>>;

  beforeAll(async () => {
    roomy = await startEmulator({ port: 0, apiKey: KEY });
    tight = await startEmulator({ port: 0, apiKey: KEY, rateLimitPerMinute: LIMIT });
  });

  afterAll(async () => {
    await roomy?.close();
    await tight?.close();
  });

  it.concurrent.each(APIS)("$name: with quota left, 100 concurrent requests wait for nothing", async ({ def, path }) => {
    const limiter = new RateLimiter(undefined);
    const client = clientFor(roomy.url, def, limiter);
    // The first request goes alone: it learns whether the API sends rate-limit headers.
    await client.request({ method: "GET", path, context });
    limiter.waitedMs = 0;
    await Promise.all(Array.from({ length: 100 }, () => client.request({ method: "GET", path, context })));
    expect(limiter.waitedMs).toBe(0);
    await client.close();
  });

  it.concurrent.each(APIS)(`$name: ${BURST} concurrent requests against a limit of ${LIMIT} a minute all succeed: with rate-limit headers at most one 429, without them at most one per request over the limit`, async ({ name, def, path }) => {
    const client = clientFor(tight.url, def, new RateLimiter(undefined));
    const answers = await Promise.all(Array.from({ length: BURST }, () => client.request({ method: "GET", path, context })));
    expect(answers).toHaveLength(BURST);
    const log = (await (await fetch(`${tight.url}/_emulator/requests`)).json()) as { api: string | null; path: string; status: number | null }[];
    const mine = log.filter((r) => r.path === path);
    const tooMany = mine.filter((r) => r.status === 429).length;
    expect(mine.filter((r) => r.status === 200)).toHaveLength(BURST);
    if (name === "elevenlabs") {
      // No headers to go by: the first burst meets the limit once, then the 429's Retry-After pauses everyone.
      expect(tooMany).toBeLessThanOrEqual(BURST - LIMIT);
    } else {
      // The headers say how much is left: the limiter never sends past it.
      expect(tooMany).toBeLessThanOrEqual(1);
    }
    await client.close();
  }, 300_000);
});
