import { beforeEach, describe, expect, it } from "vitest";
import { composioAuthConfig } from "../../provider/composio/definition";
import { checkArgs } from "../../provider/core/checkArgs";
import { forgetHeldConfigs } from "../../provider/core/heldConfigs";
import { UNKNOWN } from "../../provider/core/unknown";

const checkInputs = (olds: Record<string, unknown>, news: Record<string, unknown>) => checkArgs(composioAuthConfig, olds, news);
import { BAD_INPUTS, BAD_INPUT_CANARIES } from "../fixtures/badInputs";

describe("check of composio.AuthConfig", () => {
  beforeEach(() => forgetHeldConfigs());

  it.each(BAD_INPUTS.map((b) => [b.what, b] as const))("rejects %s, naming the field", (_what, bad) => {
    const { failures } = checkInputs({}, { ...bad.args, __logicalName: "bad" });
    expect(failures.length).toBeGreaterThan(0);
    const text = failures.map((f) => `${f.property}: ${f.reason}`).join("\n");
    expect(failures.some((f) => f.reason.includes(bad.field))).toBe(true);
    for (const canary of BAD_INPUT_CANARIES) expect(text).not.toContain(canary);
  });

  it("has at least 40 bad inputs", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
  });

  it("accepts a valid custom config and applies defaults", () => {
    const { inputs, failures } = checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", credentials: { client_id: "a", client_secret: "b" }, __logicalName: "slack" });
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ managed: false, enabled: true, __autoNamed: true });
    expect(inputs.name).toMatch(/^slack-[0-9a-f]{7}$/);
  });

  it("keeps an auto-generated name across updates, and picks a new one on replacement", () => {
    const first = checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", __logicalName: "s" }).inputs;
    const second = checkInputs(first, { toolkit: "slack", authScheme: "API_KEY", __logicalName: "s" }).inputs;
    expect(second.name).not.toBe(first.name);
    const third = checkInputs(second, { toolkit: "slack", authScheme: "API_KEY", credentials: { api_key: "k" }, __logicalName: "s" }).inputs;
    expect(third.name).toBe(second.name);
  });

  it("replaceOnChanges naming every field keeps a generated name while nothing changes (no replacement every up)", () => {
    const args = { toolkit: "slack", authScheme: "OAUTH2", __logicalName: "s", __urn: "urn:x::s", __replaceOnChanges: ["*"] };
    const first = checkInputs({}, args).inputs;
    const again = checkInputs(first, args).inputs;
    expect(again.name).toBe(first.name);
    const changed = checkInputs(first, { ...args, authScheme: "API_KEY" }).inputs;
    expect(changed.name).not.toBe(first.name);
  });

  it("an explicit name wins and is not marked auto-named", () => {
    const { inputs } = checkInputs({ name: "old", __autoNamed: true }, { toolkit: "slack", authScheme: "OAUTH2", name: "mine" });
    expect(inputs.name).toBe("mine");
    expect(inputs).not.toHaveProperty("__autoNamed");
  });

  it("derives a generated name from the URN: the same in preview and up, different for another resource", () => {
    const urn = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/composio:AuthConfig::slack";
    const args = { toolkit: "slack", authScheme: "OAUTH2", __logicalName: "slack" };
    const preview = checkInputs({}, { ...args, __urn: urn }).inputs;
    const up = checkInputs({}, { ...args, __urn: urn }).inputs;
    expect(up.name).toBe(preview.name);
    expect(up.__marker).toBe(up.name);
    expect(up).not.toHaveProperty("__urn");
    const other = checkInputs({}, { ...args, __urn: urn.replace("dev", "prod") }).inputs;
    expect(other.name).not.toBe(up.name);
  });

  it("an explicitly named resource still gets a marker of its own for its create", () => {
    const { inputs } = checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", name: "Linear", __logicalName: "ops", __urn: "urn:x::ops" });
    expect(inputs.name).toBe("Linear");
    expect(inputs.__marker).toMatch(/^ops-[0-9a-f]{7}$/);
  });

  it("a replacement checked again without olds (as the engine does) gets a marker other than the old name", () => {
    const urn = "urn:x::s";
    const first = checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", __logicalName: "s", __urn: urn }).inputs;
    checkInputs(first, { toolkit: "slack", authScheme: "API_KEY", __logicalName: "s", __urn: urn });
    const recheck = checkInputs({}, { toolkit: "slack", authScheme: "API_KEY", __logicalName: "s", __urn: urn }).inputs;
    expect(recheck.name).not.toBe(first.name);
    expect(recheck.__marker).toBe(recheck.name);
  });

  it("importId cannot change on an existing resource, nor be added to one", () => {
    const adopted = checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", importId: "ac_aaaaaaaaaaaa", __logicalName: "a" }).inputs;
    const same = checkInputs(adopted, { toolkit: "slack", authScheme: "OAUTH2", importId: "ac_aaaaaaaaaaaa", __logicalName: "a" });
    expect(same.failures).toEqual([]);
    expect(same.inputs.__adoptionDone).toBe(true);
    const changed = checkInputs(adopted, { toolkit: "slack", authScheme: "OAUTH2", importId: "ac_bbbbbbbbbbbb", __logicalName: "a" });
    expect(changed.failures.map((f) => f.property)).toEqual(["importId"]);
    const plain = checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", __logicalName: "p" }).inputs;
    const added = checkInputs(plain, { toolkit: "slack", authScheme: "OAUTH2", importId: "ac_cccccccccccc", __logicalName: "p" });
    expect(added.failures[0].reason).toContain("importId can only be set when a resource is first created");
  });

  it("two resources declaring one importId: the second is refused, naming the first", () => {
    expect(checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", importId: "ac_dddddddddddd", __logicalName: "one" }).failures).toEqual([]);
    const second = checkInputs({}, { toolkit: "slack", authScheme: "OAUTH2", importId: "ac_dddddddddddd", __logicalName: "two" });
    expect(second.failures).toEqual([{ property: "importId", reason: expect.stringContaining('composio.AuthConfig "one"') }]);
  });

  it("does not judge values unknown during preview", () => {
    const { failures } = checkInputs({}, { toolkit: UNKNOWN, managed: UNKNOWN, credentials: UNKNOWN, enabled: UNKNOWN, proxyConfig: { proxyUrl: UNKNOWN } });
    expect(failures).toEqual([]);
  });
});
