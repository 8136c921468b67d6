import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPatchBody, statusChange } from "../../provider/composio/patchBody";
import { AuthConfigInputs } from "../../provider/composio/state";

/**
 * The spec's true-PATCH rules (composio-v3.md, Update), written out independently of the builder:
 * what the API does to a stored object when it receives a PATCH body.
 */
function applyTruePatch(stored: WireObject, body: Record<string, unknown>): WireObject {
  const next: WireObject = structuredClone(stored);
  for (const [key, value] of Object.entries(body)) {
    if (key === "type") continue;
    if (key === "credentials") {
      if (value === null) next.credentials = {};
      else for (const [k, v] of Object.entries(value as object)) v === null ? delete next.credentials[k] : (next.credentials[k] = v);
    } else if (key === "tool_access_config") {
      for (const [k, v] of Object.entries(value as object)) (next.tool_access_config as Record<string, unknown>)[k] = v ?? [];
    } else if (key === "scopes" || key === "user_scopes") {
      next[key] = value ?? [];
    } else if (key === "proxy_config") {
      next.proxy_config = (value as WireObject["proxy_config"]) ?? null;
    } else if (key === "shared_credentials") {
      next.shared_credentials = (value as Record<string, string>) ?? {};
    } else {
      (next as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return next;
}

interface WireObject {
  name: string;
  credentials: Record<string, unknown>;
  scopes: string[];
  user_scopes: string[];
  proxy_config: { proxy_url: string; proxy_auth_key?: string } | null;
  tool_access_config: { tools_available_for_execution: string[]; tools_for_connected_account_creation: string[] };
  shared_credentials: Record<string, string>;
  is_enabled_for_tool_router: boolean;
}

/** The object the API holds once it matches `inputs` (undeclared fields at the API's defaults). */
function wireView(inputs: AuthConfigInputs): WireObject {
  return {
    name: inputs.name!,
    credentials: { ...(inputs.credentials ?? {}) },
    scopes: inputs.scopes ?? [],
    user_scopes: inputs.userScopes ?? [],
    proxy_config: inputs.proxyConfig
      ? { proxy_url: inputs.proxyConfig.proxyUrl, ...(inputs.proxyConfig.proxyAuthKey !== undefined && { proxy_auth_key: inputs.proxyConfig.proxyAuthKey }) }
      : null,
    tool_access_config: {
      tools_available_for_execution: inputs.toolAccessConfig?.toolsAvailableForExecution ?? [],
      tools_for_connected_account_creation: inputs.toolAccessConfig?.toolsForConnectedAccountCreation ?? [],
    },
    shared_credentials: inputs.sharedCredentials ?? {},
    is_enabled_for_tool_router: inputs.isEnabledForToolRouter ?? false,
  };
}

// Small domains, so that before and after often share values: the interesting case for a diff.
const word = fc.constantFrom("a", "b", "slack", "SLACK_SEND_MESSAGE", "x y", "");
const credentialValue = fc.oneof(fc.constantFrom("s1", "s2", "rotated"), fc.constantFrom(1, 2), fc.boolean());
const credentials = fc.dictionary(fc.constantFrom("client_id", "client_secret", "api_key", "token"), credentialValue, { maxKeys: 4 });
const tools = fc.array(fc.constantFrom("T1", "T2", "T3"), { maxLength: 3 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function inputsArbitrary(managed: boolean): fc.Arbitrary<AuthConfigInputs> {
  return fc.record({
    toolkit: fc.constant("slack"),
    name: fc.constantFrom("n1", "n2"),
    managed: fc.constant(managed),
    enabled: fc.boolean(),
    authScheme: managed ? fc.constant(undefined) : fc.constant("OAUTH2" as const),
    credentials: managed ? fc.constant(undefined) : maybe(credentials),
    scopes: managed ? maybe(fc.array(word, { maxLength: 2 })) : fc.constant(undefined),
    userScopes: managed ? maybe(fc.array(word, { maxLength: 2 })) : fc.constant(undefined),
    proxyConfig: managed ? fc.constant(undefined) : maybe(fc.record({ proxyUrl: fc.constantFrom("https://p1", "https://p2"), proxyAuthKey: maybe(fc.constantFrom("k1", "k2")) })),
    toolAccessConfig: maybe(fc.record({ toolsAvailableForExecution: maybe(tools), toolsForConnectedAccountCreation: maybe(tools) })),
    sharedCredentials: maybe(fc.dictionary(fc.constantFrom("bot_token", "team"), fc.constantFrom("v1", "v2"), { maxKeys: 2 })),
    isEnabledForToolRouter: maybe(fc.boolean()),
  }).map((r) => JSON.parse(JSON.stringify(r)) as AuthConfigInputs); // drop undefined keys, as state has none
}

const pairs = fc.boolean().chain((managed) => fc.tuple(inputsArbitrary(managed), inputsArbitrary(managed)));

/** Top-level argument → the wire key the PATCH body uses for it. */
const WIRE_KEY: Record<string, string> = {
  name: "name",
  credentials: "credentials",
  scopes: "scopes",
  userScopes: "user_scopes",
  proxyConfig: "proxy_config",
  sharedCredentials: "shared_credentials",
  isEnabledForToolRouter: "is_enabled_for_tool_router",
};

describe("buildPatchBody", () => {
  it("property: applying the body with the spec's rules to the stored object yields the desired object", () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const body = buildPatchBody(before, after) ?? { type: after.managed ? "default" : "custom" };
        expect(applyTruePatch(wireView(before), body)).toEqual(wireView(after));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: an unchanged field, credential key or tool list never appears in the body", () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const body = buildPatchBody(before, after) ?? {};
        for (const [arg, wire] of Object.entries(WIRE_KEY)) {
          if (JSON.stringify(before[arg as keyof AuthConfigInputs]) === JSON.stringify(after[arg as keyof AuthConfigInputs])) {
            expect(body).not.toHaveProperty(wire);
          }
        }
        const sentCredentials = (body.credentials ?? {}) as Record<string, unknown>;
        for (const [key, value] of Object.entries(after.credentials ?? {})) {
          if (before.credentials && key in before.credentials && before.credentials[key] === value) expect(sentCredentials).not.toHaveProperty(key);
        }
        const sentTools = (body.tool_access_config ?? {}) as Record<string, unknown>;
        const beforeTools = before.toolAccessConfig ?? {};
        const afterTools = after.toolAccessConfig ?? {};
        if (JSON.stringify(beforeTools.toolsAvailableForExecution) === JSON.stringify(afterTools.toolsAvailableForExecution)) {
          expect(sentTools).not.toHaveProperty("tools_available_for_execution");
        }
        if (JSON.stringify(beforeTools.toolsForConnectedAccountCreation) === JSON.stringify(afterTools.toolsForConnectedAccountCreation)) {
          expect(sentTools).not.toHaveProperty("tools_for_connected_account_creation");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("property: equal inputs give no body at all", () => {
    fc.assert(
      fc.property(fc.boolean().chain(inputsArbitrary), (inputs) => {
        expect(buildPatchBody(inputs, structuredClone(inputs))).toBeUndefined();
      }),
    );
  });

  const base: AuthConfigInputs = {
    toolkit: "slack",
    name: "slack-prod",
    managed: false,
    enabled: true,
    authScheme: "OAUTH2",
    credentials: { client_id: "id-1", client_secret: "secret-1" },
    proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: "pk-1" },
    toolAccessConfig: { toolsAvailableForExecution: ["SLACK_SEND_MESSAGE"], toolsForConnectedAccountCreation: [] },
    sharedCredentials: { bot_token: "bt-1" },
  };

  it("rotating one secret sends only that key (the spec's seed example)", () => {
    const after = { ...base, credentials: { ...base.credentials, client_secret: "new_rotated_secret" } };
    expect(buildPatchBody(base, after)).toEqual({ type: "custom", credentials: { client_secret: "new_rotated_secret" } });
  });

  it("removing the proxy sends proxy_config null and nothing else (the spec's seed example)", () => {
    const { proxyConfig: _removed, ...after } = base;
    expect(buildPatchBody(base, after as AuthConfigInputs)).toEqual({ type: "custom", proxy_config: null });
  });

  it("a removed credential key goes as null; removing the whole map removes only its keys", () => {
    expect(buildPatchBody(base, { ...base, credentials: { client_id: "id-1" } })).toEqual({ type: "custom", credentials: { client_secret: null } });
    const { credentials: _c, ...noCredentials } = base;
    expect(buildPatchBody(base, noCredentials as AuthConfigInputs)).toEqual({ type: "custom", credentials: { client_id: null, client_secret: null } });
  });

  it("a fields-only change never resends credentials, and one changed tool list is sent alone", () => {
    const after = { ...base, name: "renamed", toolAccessConfig: { ...base.toolAccessConfig, toolsAvailableForExecution: ["SLACK_LIST_CHANNELS"] } };
    expect(buildPatchBody(base, after)).toEqual({ type: "custom", name: "renamed", tool_access_config: { tools_available_for_execution: ["SLACK_LIST_CHANNELS"] } });
  });

  it("shared credentials go whole when any of them changed", () => {
    const before = { ...base, sharedCredentials: { bot_token: "bt-1", team: "T1" } };
    const after = { ...base, sharedCredentials: { bot_token: "bt-2", team: "T1" } };
    expect(buildPatchBody(before, after)).toEqual({ type: "custom", shared_credentials: { bot_token: "bt-2", team: "T1" } });
  });

  it("managed configs PATCH with type default and top-level scopes", () => {
    const managed: AuthConfigInputs = { toolkit: "gmail", name: "g", managed: true, enabled: true, scopes: ["a"] };
    expect(buildPatchBody(managed, { ...managed, scopes: ["a", "b"] })).toEqual({ type: "default", scopes: ["a", "b"] });
    expect(buildPatchBody(managed, { ...managed, scopes: undefined })).toEqual({ type: "default", scopes: null });
  });

  it("enabled is not in the body: it goes to the status endpoint", () => {
    expect(buildPatchBody(base, { ...base, enabled: false })).toBeUndefined();
    expect(statusChange(base, { ...base, enabled: false })).toBe("DISABLED");
    expect(statusChange({ ...base, enabled: false }, base)).toBe("ENABLED");
    expect(statusChange(base, base)).toBeUndefined();
  });
});
