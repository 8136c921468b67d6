import { describe, expect, it } from "vitest";
import { composioAuthConfig } from "../../provider/composio/definition";
import { describeDrift, differingPaths, isSecretPath } from "../../provider/core/driftReport";

const SECRET = "canary-drift-secret-6b0f";

describe("drift reports name fields, never values", () => {
  it("names each differing key of a map, and how it differs", () => {
    expect(differingPaths({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 4 }, "credentials")).toEqual([
      { path: "credentials.b", how: "changed" },
      { path: "credentials.c", how: "removed" },
      { path: "credentials.d", how: "added" },
    ]);
    expect(differingPaths(["x"], ["y"], "list")).toEqual([{ path: "list", how: "changed" }]);
    expect(differingPaths({ a: 1 }, { a: 1 }, "same")).toEqual([]);
  });

  it("knows which paths are secret: every credential, the proxy's key but not its URL", () => {
    const paths = composioAuthConfig.secretPaths;
    expect(isSecretPath(paths, "credentials.client_secret")).toBe(true);
    expect(isSecretPath(paths, "proxyConfig.proxyAuthKey")).toBe(true);
    expect(isSecretPath(paths, "proxyConfig.proxyUrl")).toBe(false);
    expect(isSecretPath(paths, "toolAccessConfig.toolsAvailableForExecution")).toBe(false);
  });

  it("a removed secret key and a redirected proxy are named in one line without their values", () => {
    const recorded = { credentials: { client_id: "id", client_secret: SECRET }, proxyConfig: { proxyUrl: "https://a.example", proxyAuthKey: SECRET }, lastUpdatedAt: "t1" };
    const refreshed = { credentials: { client_id: "id" }, proxyConfig: { proxyUrl: "https://b.example", proxyAuthKey: SECRET }, lastUpdatedAt: "t2" };
    const line = describeDrift(composioAuthConfig, 'composio.AuthConfig "x"', recorded, refreshed)!;
    expect(line).toBe('composio.AuthConfig "x": changed outside Pulumi: credentials.client_secret (removed, secret), proxyConfig.proxyUrl (changed)');
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain("b.example");
  });

  it("a moved last-updated time with nothing visible changed says a secret may have been changed by hand", () => {
    const line = describeDrift(composioAuthConfig, 'composio.AuthConfig "x"', { name: "n", lastUpdatedAt: "t1" }, { name: "n", lastUpdatedAt: "t2" });
    expect(line).toContain("a secret may have been changed by hand");
    expect(describeDrift(composioAuthConfig, 'composio.AuthConfig "x"', { name: "n", lastUpdatedAt: "t1" }, { name: "n", lastUpdatedAt: "t1" })).toBeUndefined();
  });
});
