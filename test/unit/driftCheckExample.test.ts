import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain .mjs script without type declarations: the example ships as users copy it.
import { differingPaths, parseArgs, summarize } from "../../examples/drift-check/drift-check.mjs";

/**
 * examples/drift-check: the CI files parse and run the script as the README says; the script's
 * reading of `pulumi preview --json` for the steps the engine test does not make (a resource no
 * longer declared, one never deployed, a replacement), and its arguments.
 * (test/engine/driftCheckExample.test.ts runs the script itself against the emulator.)
 */

const { load } = createRequire(__filename)("js-yaml") as { load(text: string): unknown };
const EXAMPLE = join(__dirname, "../../examples/drift-check");
const read = (file: string) => readFileSync(join(EXAMPLE, file), "utf8");
const RUN_SCRIPT = /^node ci\/drift-check\.mjs --stack "\$STACK" --cwd "\$PROGRAM_DIR"$/;

describe("the CI files", () => {
  it("github-actions.yml: a nightly schedule, the CLI installed, a login, the script run with the keys from secrets", () => {
    const workflow = load(read("github-actions.yml")) as any;
    expect(workflow.on.schedule[0].cron.split(" ")).toHaveLength(5);
    const steps = workflow.jobs["drift-check"].steps as any[];
    expect(steps.some((s) => s.uses?.startsWith("pulumi/actions@") && s.with?.["pulumi-version"])).toBe(true);
    expect(steps.some((s) => s.run === "pulumi login")).toBe(true);
    const check = steps.find((s) => RUN_SCRIPT.test(s.run ?? ""));
    expect(check, "a step running the script").toBeDefined();
    expect(check.env.COMPOSIO_API_KEY).toBe("${{ secrets.COMPOSIO_API_KEY }}");
    expect(workflow.jobs["drift-check"].env.PULUMI_CONFIG_PASSPHRASE).toBe("${{ secrets.PULUMI_CONFIG_PASSPHRASE }}");
  });

  it("gitlab-ci.yml: a job for scheduled pipelines that installs the CLI, logs in and runs the script", () => {
    const job = (load(read("gitlab-ci.yml")) as any)["drift-check"];
    expect(job.rules.map((r: { if: string }) => r.if)).toContain('$CI_PIPELINE_SOURCE == "schedule"');
    expect(job.before_script.join("\n")).toContain("get.pulumi.com");
    expect(job.before_script).toContain("pulumi login");
    expect(job.script.filter((line: string) => RUN_SCRIPT.test(line))).toHaveLength(1);
  });

  it("neither shows secrets (--show-secrets) nor turns on Pulumi's logs that print them (--debug, -v, --logflow)", () => {
    for (const file of ["github-actions.yml", "gitlab-ci.yml"]) expect(read(file)).not.toMatch(/--show-secrets|--debug|\s-v[= ]?\d|--logflow|--verbose/);
  });
});

const STACK = "urn:pulumi:prod::infra::";
const step = (op: string, name: string, oldInputs?: object, newInputs?: object) => ({
  op,
  urn: `${STACK}pulumi-nodejs:dynamic/composio:AuthConfig::${name}`,
  ...(oldInputs && { oldState: { id: `ac_${name}`, inputs: oldInputs } }),
  ...(newInputs && { newState: { inputs: newInputs } }),
});

describe("summarize(pulumi preview --json)", () => {
  it("a resource in the stack that the program no longer declares, and one declared but never deployed", () => {
    const { drifted } = summarize({ steps: [step("refresh", "old", {}), step("delete", "old", {}), step("create", "new", undefined, {})] });
    expect(drifted.map((r: { name: string; what: string }) => `${r.name}: ${r.what}`)).toEqual([
      "old: in the stack but no longer declared in the program",
      "new: declared in the program but not in the stack (never deployed)",
    ]);
  });

  it("a replacement names the fields, once for its several steps, and says it needs replacement", () => {
    const before = { toolkit: "slack", __provider: "text" };
    const after = { toolkit: "github", __provider: "other text" };
    const steps = [step("refresh", "r", before), step("create-replacement", "r", before, after), step("replace", "r", before, after), step("delete-replaced", "r", before, after)];
    const { drifted } = summarize({ steps });
    expect(drifted).toHaveLength(1);
    expect(drifted[0].what).toBe("changed outside Pulumi (needs replacement): toolkit (changed)");
  });

  it("the engine's errors, without its closing 'preview failed'", () => {
    const diagnostics = [
      { severity: "info#err", message: "    at stack frame\n" },
      { severity: "error", urn: `${STACK}x::y`, message: "error: Preview failed: it broke\n" },
      { severity: "error", message: "error: preview failed\n" },
    ];
    expect(summarize({ steps: [], diagnostics }).errors).toEqual(["Preview failed: it broke"]);
  });
});

describe("differingPaths(as refreshed, as declared)", () => {
  it("names paths by what happened outside Pulumi, and marks those holding a secret", () => {
    const refreshed = { credentials: { client_id: "[secret]", extra: "[secret]" }, scopes: ["a", "b"], name: "n" };
    const declared = { credentials: { client_id: "[secret]", client_secret: "[secret]" }, scopes: ["a"], name: "n" };
    expect(differingPaths(refreshed, declared, "")).toEqual([
      { path: "credentials.client_secret", how: "removed", secret: true },
      { path: "credentials.extra", how: "added", secret: true },
      { path: "scopes", how: "changed", secret: false },
    ]);
  });
});

describe("parseArgs", () => {
  it("takes --stack and --cwd (with a space or =), passes what follows -- to pulumi, and falls back to PULUMI_STACK", () => {
    expect(parseArgs(["--stack=prod", "--cwd", "infra", "--", "--parallel", "4"], {})).toEqual({ stack: "prod", cwd: "infra", extra: ["--parallel", "4"] });
    expect(parseArgs([], { PULUMI_STACK: "dev" }).stack).toBe("dev");
  });

  it("refuses no stack and unknown arguments", () => {
    expect(() => parseArgs([], {})).toThrow(/which stack/);
    expect(() => parseArgs(["--stack", "x", "--show-secrets"], {})).toThrow(/unknown argument "--show-secrets"/);
    expect(() => parseArgs(["--stack"], {})).toThrow(/--stack needs a value/);
  });
});
