import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { API_KEY, RecordedRequest } from "./harness";
import { expectSucceeds, inWorld } from "./inspect";

/**
 * The README's Pulumi YAML quickstart ("Two ways in"), as written: its Pulumi.yaml and its
 * `pulumi config set` lines, run through the real CLI with the plugin of the installed package.
 * If the README's snippet stops working, this fails.
 */

const README = readFileSync(join(__dirname, "../../README.md"), "utf8");
const section = README.slice(README.indexOf("## Two ways in"), README.indexOf("## Quickstart"));

/** The first fenced block of a language in the section, without the list item's indentation. */
function block(language: string): string {
  const match = section.match(new RegExp("```" + language + "\\n([\\s\\S]*?)```"));
  if (!match) throw new Error(`no ${language} block in the README's "Two ways in"`);
  return match[1].replace(/^ {2}/gm, "");
}

const CANARY = "canary-readme-yaml-secret-5e1d";

describe("the README's Pulumi YAML quickstart", () => {
  it("runs as written: its config set lines and its Pulumi.yaml create the config with one POST, the secret encrypted", async () => {
    const programDir = mkdtempSync(join(tmpdir(), "authconfig-readme-yaml-"));
    try {
      writeFileSync(join(programDir, "Pulumi.yaml"), block("yaml"));
      // Where `npm install pulumi-authconfig` would put the package.
      symlinkSync(join(inject("programDir"), "node_modules"), join(programDir, "node_modules"));
      const configLines = block("sh")
        .split("\n")
        .filter((line) => line.startsWith("pulumi config set"));
      expect(configLines.length, "the README sets the API key and the program's secret").toBeGreaterThanOrEqual(2);

      await inWorld("readme-yaml", { plugin: true, programDir }, async (world) => {
        for (const line of configLines) {
          const [, , , ...rest] = line.replace(/#.*$/, "").trim().split(/\s+/);
          const secret = rest[0] === "--secret";
          const key = secret ? rest[1] : rest[0];
          // The README's placeholders get the emulator's key and a canary.
          const value = key.endsWith("ApiKey") ? API_KEY : CANARY;
          await world.stack.setConfig(key, { value, secret });
        }
        await expectSucceeds(world, "up", () => world.up());
        const sent = (await world.requests()).filter((r: RecordedRequest) => r.method !== "GET");
        expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/v3/auth_configs"]);
        expect((sent[0].body as { auth_config: { credentials: Record<string, string> } }).auth_config.credentials.client_secret).toBe(CANARY);
        const outputs = await world.stack.outputs();
        expect(Object.values(outputs).map((o) => o.value)).toEqual([expect.stringMatching(/^ac_/)]);
        expect(world.persistedState()).not.toContain(CANARY);
        expect(world.output).not.toContain(CANARY);
        await expectSucceeds(world, "destroy", () => world.destroy());
      });
    } finally {
      rmSync(programDir, { recursive: true, force: true });
    }
  });
});
