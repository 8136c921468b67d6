import { beforeEach, describe, expect, it } from "vitest";
import { checkArgs } from "../../provider/core/checkArgs";
import { forgetHeldConfigs } from "../../provider/core/heldConfigs";
import { UNKNOWN } from "../../provider/core/unknown";
import { flowraAuthConfig } from "../../provider/flowra/definition";
import { FLOWRA_BAD_INPUTS, FLOWRA_BAD_INPUT_CANARIES } from "../fixtures/flowraBadInputs";

const checkInputs = (olds: Record<string, unknown>, news: Record<string, unknown>) => checkArgs(flowraAuthConfig, olds, news);
const UUID = "3f2a9c1e-7b4d-4e8a-9c6f-1d2e3f4a5b6c";

describe("check of flowra.AuthConfig", () => {
  beforeEach(() => forgetHeldConfigs());

  it.each(FLOWRA_BAD_INPUTS.map((b) => [b.what, b] as const))("rejects %s, naming the field", (_what, bad) => {
    const { failures } = checkInputs({}, { ...bad.args, __logicalName: "bad" });
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((f) => f.reason.includes(bad.field))).toBe(true);
    const text = failures.map((f) => `${f.property}: ${f.reason}`).join("\n");
    for (const canary of FLOWRA_BAD_INPUT_CANARIES) expect(text).not.toContain(canary);
  });

  it("has at least 30 bad inputs, each carrying a secret the messages must not quote", () => {
    expect(FLOWRA_BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  it("accepts a full custom config and applies defaults; the generated marker becomes the display name", () => {
    const { inputs, failures } = checkInputs(
      {},
      {
        __logicalName: "github",
        toolkit: "github",
        authScheme: "OAUTH2",
        credentials: { client_id: "a", client_secret: "b" },
        proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: "k" },
        toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
        restrictToFollowingTools: [],
      },
    );
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ managed: false, enabled: true, __autoNamed: true });
    expect(inputs.displayName).toMatch(/^github-[0-9a-f]{7}$/);
    expect(inputs.displayName).toBe(inputs.__marker);
    expect(inputs).not.toHaveProperty("name");
  });

  it("accepts a managed config with scopes, and every scheme of Flowra's list", () => {
    expect(checkInputs({}, { toolkit: "gmail", managed: true, credentials: { scopes: "email", user_scopes: "profile" } }).failures).toEqual([]);
    for (const authScheme of ["COOKIE", "WHATSAPP_QR", "DCR_OAUTH", "NO_AUTH"]) {
      expect(checkInputs({}, { toolkit: "x", authScheme }).failures).toEqual([]);
    }
  });

  it("a declared display name is kept, with a create marker of its own", () => {
    const { inputs } = checkInputs({}, { toolkit: "github", authScheme: "OAUTH2", displayName: "GitHub prod", __logicalName: "gh", __urn: "urn:x::gh" });
    expect(inputs.displayName).toBe("GitHub prod");
    expect(inputs.__marker).toMatch(/^gh-[0-9a-f]{7}$/);
    expect(inputs).not.toHaveProperty("__autoNamed");
  });

  it("importId must be a UUID, and adoption happens once", () => {
    const adopted = checkInputs({}, { toolkit: "github", authScheme: "OAUTH2", importId: UUID, __logicalName: "a" }).inputs;
    expect(adopted.__nameUnmanaged).toBe(true);
    expect(adopted.displayName).toBeUndefined();
    const again = checkInputs(adopted, { toolkit: "github", authScheme: "OAUTH2", importId: UUID, __logicalName: "a" });
    expect(again.failures).toEqual([]);
    expect(again.inputs.__adoptionDone).toBe(true);
    const other = checkInputs(adopted, { toolkit: "github", authScheme: "OAUTH2", importId: UUID.replace("3f", "4f"), __logicalName: "a" });
    expect(other.failures.map((f) => f.property)).toEqual(["importId"]);
  });

  it("does not judge values unknown during preview", () => {
    const { failures } = checkInputs({}, { toolkit: UNKNOWN, managed: UNKNOWN, credentials: UNKNOWN, enabled: UNKNOWN, displayName: UNKNOWN, proxyConfig: { proxyUrl: UNKNOWN } });
    expect(failures).toEqual([]);
    expect(checkInputs({}, { toolkit: "gmail", managed: true, credentials: { scopes: UNKNOWN } }).failures).toEqual([]);
  });
});
