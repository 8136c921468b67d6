import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const script = join(__dirname, "../../scripts/ensure-pulumi.mjs");

describe("scripts/ensure-pulumi.mjs", () => {
  it("prints, as its last line of stdout, a folder holding a Pulumi CLI of v3.216 or later and the YAML language host", () => {
    // `npm test` runs the script before the tests, so this finds the CLI on PATH or in the cache.
    const run = spawnSync("node", [script], { encoding: "utf8" });
    expect(run.status).toBe(0);
    const dir = run.stdout.trim().split("\n").pop()!;
    expect(() => accessSync(join(dir, "pulumi"), constants.X_OK)).not.toThrow();
    const version = spawnSync(join(dir, "pulumi"), ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
    const [major, minor] = /v(\d+)\.(\d+)/.exec(version.stdout)!.slice(1).map(Number);
    expect(major > 3 || (major === 3 && minor >= 216)).toBe(true);
    // The YAML language host beside it, so that Pulumi YAML programs run.
    expect(() => accessSync(join(dir, "pulumi-language-yaml"), constants.X_OK)).not.toThrow();
  });

  it("without a CLI and without Go, fails saying how to install the CLI", () => {
    const emptyCache = mkdtempSync(join(tmpdir(), "ensure-pulumi-empty-"));
    try {
      const run = spawnSync(process.execPath, [script], {
        encoding: "utf8",
        env: { PATH: "/nonexistent", HOME: emptyCache, PULUMI_AUTHCONFIG_CACHE: emptyCache },
      });
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/install the Pulumi CLI/);
      expect(run.stderr).toMatch(/install Go/);
    } finally {
      rmSync(emptyCache, { recursive: true, force: true });
    }
  });
});
