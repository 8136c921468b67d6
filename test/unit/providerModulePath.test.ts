import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every composio.AuthConfig in users' state holds
 * `require("pulumi-authconfig/provider/composio/authConfigProvider")`, and refresh and destroy run it
 * (test/fixtures/state-v0.1.0). That module path and its methods are a public contract: moving or
 * renaming them breaks existing stacks.
 */

const repo = join(__dirname, "../..");
const MODULE_FILE = join(repo, "provider/composio/authConfigProvider.ts");

describe("the provider module that existing state requires", () => {
  it("exists at provider/composio/authConfigProvider.ts", () => {
    expect(existsSync(MODULE_FILE)).toBe(true);
  });

  it("exports the methods Pulumi calls: configure (stack config reaches the provider only through it), check, diff, create, read, update, delete", async () => {
    const provider = (await import(MODULE_FILE)) as Record<string, unknown>;
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      expect(typeof provider[method], method).toBe("function");
    }
  });

  it("is published under that path: package.json maps pulumi-authconfig/provider/* to the built file", () => {
    const pkg = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
    expect(pkg.exports["./provider/*"]).toBe("./dist/provider/*.js");
    expect(pkg.files).toContain("dist/provider");
    const tsconfig = JSON.parse(readFileSync(join(repo, "tsconfig.json"), "utf8"));
    expect({ outDir: tsconfig.compilerOptions.outDir, rootDir: tsconfig.compilerOptions.rootDir }).toEqual({ outDir: "dist", rootDir: "." });
  });
});
