import { afterEach, describe, expect, it } from "vitest";
import { composioAuthConfig } from "../../provider/composio/definition";
import { describeApiKey, resolveConnection, setSettingsSource, setStackConfig } from "../../provider/core/settings";
import { pluginSettingKey, providerSettingsSource } from "../../provider/plugin/providerConfig";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const secret = (value: unknown) => ({ [SIG]: SECRET_SIG, value });
const connection = () => resolveConnection(composioAuthConfig.settings);

describe("the plugin's provider configuration as the core's settings source", () => {
  afterEach(() => {
    setStackConfig(undefined);
    delete process.env.COMPOSIO_API_KEY;
  });

  it("names each setting authconfig:<api><Setting>", () => {
    expect(pluginSettingKey("composio", "apiKey")).toBe("authconfig:composioApiKey");
    expect(pluginSettingKey("elevenlabs", "requestTimeoutMs")).toBe("authconfig:elevenlabsRequestTimeoutMs");
  });

  it("reads Configure's values (secrets unwrapped, numbers as given) and says they came from stack config for the default provider", () => {
    setSettingsSource(providerSettingsSource({ providerName: "default_0_1_0", values: { composioApiKey: secret("k-from-config"), composioMaxRequestsPerMinute: 42, composioBaseUrl: "http://127.0.0.1:1" } }));
    expect(connection()).toMatchObject({ apiKey: "k-from-config", maxRequestsPerMinute: 42, baseUrl: "http://127.0.0.1:1", apiKeySource: "stack config authconfig:composioApiKey" });
    expect(describeApiKey(connection(), composioAuthConfig.settings)).toMatch(/stack config authconfig:composioApiKey .*--run-program/);
  });

  it("names an explicit provider's property as the source", () => {
    setSettingsSource(providerSettingsSource({ providerName: "second", values: { composioApiKey: secret("k2") } }));
    expect(connection().apiKeySource).toBe('property composioApiKey of provider "second"');
    expect(describeApiKey(connection(), composioAuthConfig.settings)).toMatch(/provider configuration recorded at the last `pulumi up`/);
  });

  it("falls back to the environment for what the provider leaves unset", () => {
    process.env.COMPOSIO_API_KEY = "k-from-env";
    setSettingsSource(providerSettingsSource({ providerName: "default", values: {} }));
    expect(connection().apiKeySource).toBe("environment variable COMPOSIO_API_KEY");
  });

  it("tells how to set a missing key, with the plugin's names", () => {
    setSettingsSource(providerSettingsSource({ providerName: "default", values: {} }));
    expect(() => connection()).toThrow("No Composio API key: set it with `pulumi config set --secret authconfig:composioApiKey <key>` (or composioApiKey on an explicit provider) or the COMPOSIO_API_KEY environment variable");
    setSettingsSource(providerSettingsSource({ providerName: "second", values: {} }));
    expect(() => connection()).toThrow('No Composio API key: set it with the property composioApiKey of provider "second" or the COMPOSIO_API_KEY environment variable');
  });

  it("an empty value is an error naming the plugin's key, never the default", () => {
    setSettingsSource(providerSettingsSource({ providerName: "default", values: { composioApiKey: "k", composioBaseUrl: "" } }));
    expect(() => connection()).toThrow("stack config authconfig:composioBaseUrl is set but empty");
  });
});
