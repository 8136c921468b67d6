import { describe, expect, it } from "vitest";
import { checkInputs } from "../../provider/composio/checkInputs";
import { UNKNOWN } from "../../provider/core/unknown";
import { BAD_INPUTS, BAD_INPUT_CANARIES } from "../fixtures/badInputs";

describe("checkInputs", () => {
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

  it("an explicit name wins and is not marked auto-named", () => {
    const { inputs } = checkInputs({ name: "old", __autoNamed: true }, { toolkit: "slack", authScheme: "OAUTH2", name: "mine" });
    expect(inputs.name).toBe("mine");
    expect(inputs).not.toHaveProperty("__autoNamed");
  });

  it("does not judge values unknown during preview", () => {
    const { failures } = checkInputs({}, { toolkit: UNKNOWN, managed: UNKNOWN, credentials: UNKNOWN, enabled: UNKNOWN, proxyConfig: { proxyUrl: UNKNOWN } });
    expect(failures).toEqual([]);
  });
});
