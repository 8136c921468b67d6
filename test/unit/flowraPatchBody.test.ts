import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StoredFlowraConfig } from "../../emulator/flowra/authConfig";
import { patchedSettings } from "../../emulator/flowra/patchBody";
import { buildPatchBody } from "../../provider/flowra/patchBody";
import type { FlowraAuthConfigInputs } from "../../provider/flowra/state";

/** What the API holds of the fields a PATCH can change (spec: flowra-v1.md, PATCH body). */
interface WireSettings {
  displayName: string | null;
  credentials: Record<string, unknown>;
  proxyConfig: { proxyUrl: string; proxyAuthKey?: string } | null;
  toolAccessConfig: { toolsForConnectedAccountCreation: string[] };
  restrictToFollowingTools: string[];
  isDisabled: boolean;
}

/**
 * The spec's true-PATCH rules, written out independently of the builder: `displayName` set;
 * `credentials` merged key by key (`null` removes a key); `proxyConfig` replaced, `null` clears;
 * `toolAccessConfig` merged key by key; `restrictToFollowingTools` replaced; `isDisabled` set.
 */
function applyTruePatch(stored: WireSettings, body: Record<string, unknown>): WireSettings {
  const next = structuredClone(stored);
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case "displayName":
        next.displayName = value as string | null;
        break;
      case "credentials":
        if (value === null) next.credentials = {};
        else for (const [k, v] of Object.entries(value as object)) v === null ? delete next.credentials[k] : (next.credentials[k] = v);
        break;
      case "proxyConfig":
        next.proxyConfig = value as WireSettings["proxyConfig"];
        break;
      case "toolAccessConfig":
        for (const [k, v] of Object.entries((value ?? { toolsForConnectedAccountCreation: null }) as object)) {
          (next.toolAccessConfig as Record<string, unknown>)[k] = v ?? [];
        }
        break;
      case "restrictToFollowingTools":
        next.restrictToFollowingTools = (value as string[] | null) ?? [];
        break;
      case "isDisabled":
        next.isDisabled = value as boolean;
        break;
      default:
        throw new Error(`${key} is not a field the PATCH may carry`);
    }
  }
  return next;
}

/** The settings the API holds once it matches `inputs` (undeclared fields at the API's defaults). */
function wireView(inputs: FlowraAuthConfigInputs): WireSettings {
  return {
    displayName: inputs.displayName ?? null,
    credentials: { ...(inputs.credentials ?? {}) },
    proxyConfig: inputs.proxyConfig ? { ...inputs.proxyConfig } : null,
    toolAccessConfig: { toolsForConnectedAccountCreation: inputs.toolAccessConfig?.toolsForConnectedAccountCreation ?? [] },
    restrictToFollowingTools: inputs.restrictToFollowingTools ?? [],
    isDisabled: !inputs.enabled,
  };
}

// Small domains, so that before and after often share values: the interesting case for a diff.
const credentialValue = fc.oneof(fc.constantFrom("s1", "s2", "rotated"), fc.constantFrom(1, 2), fc.boolean());
const credentials = fc.dictionary(fc.constantFrom("client_id", "client_secret", "api_key", "token"), credentialValue, { maxKeys: 4 });
const tools = fc.array(fc.constantFrom("T1", "T2", "T3"), { maxLength: 3 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const inputsArbitrary: fc.Arbitrary<FlowraAuthConfigInputs> = fc
  .record({
    toolkit: fc.constant("github"),
    displayName: fc.constantFrom("d1", "d2"),
    managed: fc.constant(false),
    authScheme: fc.constant("OAUTH2" as const),
    enabled: fc.boolean(),
    credentials: maybe(credentials),
    proxyConfig: maybe(fc.record({ proxyUrl: fc.constantFrom("https://p1", "https://p2"), proxyAuthKey: maybe(fc.constantFrom("k1", "k2")) })),
    toolAccessConfig: maybe(fc.record({ toolsForConnectedAccountCreation: maybe(tools) })),
    restrictToFollowingTools: maybe(tools),
  })
  .map((r) => JSON.parse(JSON.stringify(r)) as FlowraAuthConfigInputs); // drop undefined keys, as state has none

const pairs = fc.tuple(inputsArbitrary, inputsArbitrary);

/** The emulator's stored config for `inputs`: a second reading of the spec's rules. */
function storedConfig(inputs: FlowraAuthConfigInputs): StoredFlowraConfig {
  return { ...wireView(inputs), id: "id", name: "github-abc123", toolkitSlug: "github", managed: false, authScheme: "OAUTH2", provider: "flowra", createdAt: 0, updatedAt: 0, sequence: 0 } as StoredFlowraConfig;
}

describe("Flowra buildPatchBody", () => {
  it("property: applying the body with the spec's rules to the stored object yields the desired object", () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        expect(applyTruePatch(wireView(before), buildPatchBody(before, after) ?? {})).toEqual(wireView(after));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: the emulator's PATCH handler accepts every body and arrives at the desired settings", () => {
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const body = buildPatchBody(before, after) ?? {};
        expect(patchedSettings(storedConfig(before), structuredClone(body))).toEqual(wireView(after));
      }),
      { numRuns: 1000 },
    );
  });

  it("property: an unchanged field or credential key never appears; immutable fields never do", () => {
    const wireKey: Record<string, string> = { displayName: "displayName", credentials: "credentials", proxyConfig: "proxyConfig", restrictToFollowingTools: "restrictToFollowingTools" };
    fc.assert(
      fc.property(pairs, ([before, after]) => {
        const body = buildPatchBody(before, after) ?? {};
        for (const key of ["type", "authScheme", "toolkit", "name", "managed", "enabled"]) expect(body).not.toHaveProperty(key);
        for (const [arg, wire] of Object.entries(wireKey)) {
          if (JSON.stringify(before[arg as keyof FlowraAuthConfigInputs]) === JSON.stringify(after[arg as keyof FlowraAuthConfigInputs])) expect(body).not.toHaveProperty(wire);
        }
        const sent = (body.credentials ?? {}) as Record<string, unknown>;
        for (const [key, value] of Object.entries(after.credentials ?? {})) {
          if (before.credentials && key in before.credentials && before.credentials[key] === value) expect(sent).not.toHaveProperty(key);
        }
        if (JSON.stringify(before.toolAccessConfig?.toolsForConnectedAccountCreation) === JSON.stringify(after.toolAccessConfig?.toolsForConnectedAccountCreation)) {
          expect(body).not.toHaveProperty("toolAccessConfig");
        }
        if (before.enabled === after.enabled) expect(body).not.toHaveProperty("isDisabled");
      }),
      { numRuns: 2000 },
    );
  });

  it("property: equal inputs give no body at all", () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        expect(buildPatchBody(inputs, structuredClone(inputs))).toBeUndefined();
      }),
    );
  });

  const base: FlowraAuthConfigInputs = {
    toolkit: "github",
    displayName: "GitHub prod",
    managed: false,
    enabled: true,
    authScheme: "OAUTH2",
    credentials: { client_id: "id-1", client_secret: "secret-1" },
    proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: "pk-1" },
    toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
    restrictToFollowingTools: ["GITHUB_GET_USER"],
  };

  it("rotating one secret sends only that key", () => {
    expect(buildPatchBody(base, { ...base, credentials: { ...base.credentials, client_secret: "rotated" } })).toEqual({ credentials: { client_secret: "rotated" } });
  });

  it("removing a credential key sends it as null; dropping credentials removes only the declared keys", () => {
    expect(buildPatchBody(base, { ...base, credentials: { client_id: "id-1" } })).toEqual({ credentials: { client_secret: null } });
    const { credentials: _c, ...noCredentials } = base;
    expect(buildPatchBody(base, noCredentials)).toEqual({ credentials: { client_id: null, client_secret: null } });
  });

  it("the proxy is replaced whole, and removing it sends null", () => {
    expect(buildPatchBody(base, { ...base, proxyConfig: { proxyUrl: "https://other.example", proxyAuthKey: "pk-1" } })).toEqual({
      proxyConfig: { proxyUrl: "https://other.example", proxyAuthKey: "pk-1" },
    });
    const { proxyConfig: _p, ...noProxy } = base;
    expect(buildPatchBody(base, noProxy)).toEqual({ proxyConfig: null });
  });

  it("tool lists: the connected-account list alone as a merge, the restriction replaced ([] when dropped)", () => {
    expect(buildPatchBody(base, { ...base, toolAccessConfig: { toolsForConnectedAccountCreation: ["A", "B"] } })).toEqual({ toolAccessConfig: { toolsForConnectedAccountCreation: ["A", "B"] } });
    expect(buildPatchBody(base, { ...base, toolAccessConfig: {} })).toEqual({ toolAccessConfig: { toolsForConnectedAccountCreation: null } });
    const { restrictToFollowingTools: _r, ...unrestricted } = base;
    expect(buildPatchBody(base, unrestricted)).toEqual({ restrictToFollowingTools: [] });
  });

  it("enabled goes in the same PATCH, as isDisabled", () => {
    expect(buildPatchBody(base, { ...base, enabled: false })).toEqual({ isDisabled: true });
    expect(buildPatchBody({ ...base, enabled: false }, { ...base, displayName: "new" })).toEqual({ displayName: "new", isDisabled: false });
  });

  it("an adopted config without a declared display name keeps its own", () => {
    const { displayName: _d, ...unnamed } = base;
    expect(buildPatchBody(base, unnamed)).toBeUndefined();
  });
});
