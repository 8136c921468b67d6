import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * `npm run demo`, the README's first command, as a user runs it (the build is the engine tests'
 * global set-up): it ends well, shows each API's requests, and never prints a secret.
 */

const repo = resolve(__dirname, "../..");

describe("the demo", () => {
  it("creates, rotates, catches drift, fixes it and destroys, for all three APIs, without printing a secret", async () => {
    const { stdout, stderr } = await promisify(execFile)("node", [join(repo, "scripts/demo.mjs")], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
    const output = `${stdout}\n${stderr}`;
    // Created: one POST per config or connection, on each API's path.
    expect(output).toMatch(/POST \/api\/v3\/auth_configs .*→ 20\d/);
    expect(output).toMatch(/POST \/api\/v1\/auth_configs .*→ 20\d/);
    expect(output).toMatch(/POST \/v1\/workspace\/auth-connections .*→ 20\d/);
    // The rotation: a PATCH per API carrying only the secret, shown hidden.
    expect(output).toMatch(/PATCH \/api\/v3\/auth_configs\/\S+ \{"type":"custom","credentials":\{"client_secret":"<secret, \d+ chars>"\}\}/);
    expect(output).toMatch(/PATCH \/api\/v1\/auth_configs\/\S+ \{"credentials":\{"client_secret":"<secret, \d+ chars>"\}\}/);
    expect(output).toMatch(/PATCH \/v1\/workspace\/auth-connections\/\S+ \{"auth_type":"oauth2_client_credentials","client_secret":"<secret, \d+ chars>"\}/);
    expect(output).toContain("drift found, the check fails as it should");
    // The drift report names each resource and field.
    expect(output).toMatch(/composio\.AuthConfig "slack".*changed outside Pulumi: .*toolsAvailableForExecution/);
    expect(output).toMatch(/flowra\.AuthConfig "github".*changed outside Pulumi: .*restrictToFollowingTools/);
    expect(output).toMatch(/elevenlabs\.AuthConnection "crm".*changed outside Pulumi: .*scopes/);
    expect(output).toContain("the drift check passes again");
    expect(output).toContain("left in the emulator: 0 Composio auth configs, 0 Flowra auth configs, 0 ElevenLabs connections");
    const secrets = JSON.parse(readFileSync(join(repo, "examples/demo/secrets.json"), "utf8")) as Record<string, string[] | string>;
    for (const values of Object.entries(secrets).filter(([key]) => key !== "//").map(([, v]) => v as string[])) {
      for (const secret of values) expect(output, "the demo printed a secret").not.toContain(secret);
    }
  });
});
