import { afterEach, describe, expect, it } from "vitest";
import { composioAuthConfig } from "../../provider/composio/definition";
import { describeApiKey, resolveConnection, setStackConfig } from "../../provider/core/settings";

const composioConnection = () => resolveConnection(composioAuthConfig.settings);
const DEFAULT_BASE_URL = composioAuthConfig.settings.defaultBaseUrl;

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
    expect(composioConnection()).toEqual({
      apiKey: "from-config",
      baseUrl: DEFAULT_BASE_URL,
      maxRequestsPerMinute: 50,
      timeoutMs: 30_000,
      maxRetries: 8,
      apiKeySource: "stack config composio:apiKey",
      baseUrlSource: "default",
    });
  });

  it("says where the key came from, with a fingerprint and never the key", () => {
    process.env.COMPOSIO_API_KEY = "canary-env-key-0d9e";
    const connection = composioConnection();
    expect(connection.apiKeySource).toBe("environment variable COMPOSIO_API_KEY");
    const text = describeApiKey(connection, composioAuthConfig.settings);
    expect(text).toMatch(/environment variable COMPOSIO_API_KEY \(sha256 fingerprint [0-9a-f]{8}\)/);
    expect(text).not.toContain("canary-env-key-0d9e");
    setStackConfig(config({ "composio:apiKey": "canary-config-key-77f1" }));
    expect(describeApiKey(composioConnection(), composioAuthConfig.settings)).toMatch(/stack config composio:apiKey .*--run-program/);
  });

  it.each([
    ["stack config composio:baseUrl", () => setStackConfig(config({ "composio:apiKey": "k", "composio:baseUrl": "" }))],
    ["environment variable COMPOSIO_BASE_URL", () => Object.assign(process.env, { COMPOSIO_API_KEY: "k", COMPOSIO_BASE_URL: "" })],
    ["stack config composio:apiKey", () => setStackConfig(config({ "composio:apiKey": "" }))],
    ["environment variable COMPOSIO_API_KEY", () => Object.assign(process.env, { COMPOSIO_API_KEY: " " })],
  ])("an explicitly empty %s is an error, never the default", (source, set) => {
    set();
    expect(() => composioConnection()).toThrow(`${source} is set but empty`);
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
