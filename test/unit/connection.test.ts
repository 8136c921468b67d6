import { afterEach, describe, expect, it } from "vitest";
import { composioConnection, DEFAULT_BASE_URL, setStackConfig } from "../../provider/composio/connection";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key], require: (key: string) => values[key] });
const ENV = ["COMPOSIO_API_KEY", "COMPOSIO_BASE_URL", "COMPOSIO_MAX_REQUESTS_PER_MINUTE", "COMPOSIO_REQUEST_TIMEOUT_MS", "COMPOSIO_MAX_RETRIES"];

describe("composio connection settings", () => {
  afterEach(() => {
    setStackConfig(undefined);
    for (const name of ENV) delete process.env[name];
  });

  it("takes stack config over the environment, and defaults the rest", () => {
    process.env.COMPOSIO_API_KEY = "from-env";
    process.env.COMPOSIO_MAX_REQUESTS_PER_MINUTE = "50";
    setStackConfig(config({ "composio:apiKey": "from-config" }));
    expect(composioConnection()).toEqual({ apiKey: "from-config", baseUrl: DEFAULT_BASE_URL, maxRequestsPerMinute: 50, timeoutMs: 30_000, maxRetries: 8 });
  });

  it("explains how to set a missing API key", () => {
    expect(() => composioConnection()).toThrow(/pulumi config set --secret composio:apiKey .*COMPOSIO_API_KEY/);
  });

  it.each([
    ["composio:maxRequestsPerMinute", "0"],
    ["composio:maxRequestsPerMinute", "lots"],
    ["composio:requestTimeoutMs", "-5"],
    ["composio:maxRetries", "2.5"],
    ["composio:baseUrl", "ftp://example.com"],
  ])("names %s when its value %s is wrong", (key, value) => {
    setStackConfig(config({ "composio:apiKey": "k", [key]: value }));
    expect(() => composioConnection()).toThrow(key);
  });

  it("never puts the API key in an error", () => {
    setStackConfig(config({ "composio:apiKey": "canary-key-in-settings", "composio:maxRetries": "x" }));
    expect(() => composioConnection()).toThrow(expect.objectContaining({ message: expect.not.stringContaining("canary-key-in-settings") }));
  });
});
