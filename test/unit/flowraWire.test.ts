import { describe, expect, it } from "vitest";
import type { FlowraAuthConfigInputs } from "../../provider/flowra/state";
import { createBody, FlowraAuthConfigObject, stateFromObject } from "../../provider/flowra/wire";

const declared: FlowraAuthConfigInputs = {
  toolkit: "github",
  displayName: "GitHub prod",
  managed: false,
  enabled: true,
  authScheme: "OAUTH2",
  credentials: { client_id: "gh-client", client_secret: "s3cret-value", pin: "abc" },
  proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: "proxy-key-1" },
  toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
};

/** The object as Flowra reads it back after a create from `declared`: masked. */
const read: FlowraAuthConfigObject = {
  id: "3f2a9c1e-7b4d-4e8a-9c6f-1d2e3f4a5b6c",
  name: "github-9qmlw6",
  displayName: "GitHub prod",
  toolkit: { slug: "github" },
  provider: "flowra",
  authScheme: "OAUTH2",
  isProviderManaged: false,
  isDisabled: false,
  credentials: { client_id: "gh-client", client_secret: "s3cr...", pin: "..." },
  proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: "REDACTED" },
  toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
  restrictToFollowingTools: ["GITHUB_X"],
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-02T00:00:00.000Z",
};

describe("Flowra wire mapping", () => {
  it("the create body is camelCase, labelled displayName, without name or isDisabled", () => {
    expect(createBody({ ...declared, restrictToFollowingTools: [], __marker: "m" }, "gh-1234567")).toEqual({
      toolkit: { slug: "github" },
      authConfig: {
        type: "use_custom_auth",
        authScheme: "OAUTH2",
        displayName: "gh-1234567",
        credentials: declared.credentials,
        proxyConfig: declared.proxyConfig,
        toolAccessConfig: declared.toolAccessConfig,
        restrictToFollowingTools: [],
      },
    });
    expect(createBody({ toolkit: "gmail", managed: true, enabled: false, credentials: { scopes: "email" } }, "m")).toEqual({
      toolkit: { slug: "gmail" },
      authConfig: { type: "use_provider_managed_auth", displayName: "m", credentials: { scopes: "email" } },
    });
  });

  it("masked reads keep the declared secrets; undeclared fields are not taken", () => {
    const state = stateFromObject(read, declared);
    expect(state.credentials).toEqual(declared.credentials);
    expect(state.proxyConfig).toEqual(declared.proxyConfig);
    expect(state).not.toHaveProperty("restrictToFollowingTools");
    expect(state).toMatchObject({ name: "github-9qmlw6", provider: "flowra", enabled: true, updatedAt: "2025-01-02T00:00:00.000Z" });
  });

  it("drift: client_id (unmasked) changed, a secret masked under another prefix, a removed key, a removed proxy key", () => {
    const drifted = {
      ...read,
      credentials: { client_id: "other-client", client_secret: "zzzz..." },
      proxyConfig: { proxyUrl: "https://proxy.example" },
      isDisabled: true,
    };
    const state = stateFromObject(drifted, declared);
    expect(state.credentials).toEqual({ client_id: "other-client", client_secret: "zzzz..." });
    expect(state.proxyConfig).toEqual({ proxyUrl: "https://proxy.example" });
    expect(state.enabled).toBe(false);
  });

  it("adopting (secrets not known): the read values stay, so the next PATCH resends the declared ones", () => {
    const state = stateFromObject(read, declared, false);
    expect(state.credentials).toEqual({ client_id: "gh-client", client_secret: "s3cr...", pin: "..." });
    expect(state.proxyConfig).toEqual({ proxyUrl: "https://proxy.example", proxyAuthKey: "REDACTED" });
  });

  it("a get (nothing declared) shows everything, masked; a managed config has no authScheme", () => {
    const state = stateFromObject({ ...read, displayName: null }, undefined);
    expect(state).toMatchObject({ credentials: read.credentials, restrictToFollowingTools: ["GITHUB_X"], authScheme: "OAUTH2" });
    expect(state).not.toHaveProperty("displayName");
    const managed = stateFromObject({ ...read, isProviderManaged: true, proxyConfig: null }, undefined);
    expect(managed).not.toHaveProperty("authScheme");
    expect(managed).not.toHaveProperty("proxyConfig");
  });
});
