#!/usr/bin/env node
// `npm run demo`: the root Pulumi project (examples/demo) against the embedded emulator, step by step.
// Needs `npm install` and `npm run build` (the npm script does the build); builds the Pulumi CLI on first use.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const started = Date.now();

const say = (text = "") => console.log(text);
const step = (n, title) => say(`\n━━ Step ${n}: ${title}`);
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

/** Shows a request body with its secret values hidden, as the demo must never print a secret. */
function masked(body) {
  const hide = (value) => (typeof value === "string" ? `<secret, ${value.length} chars>` : value);
  const copy = structuredClone(body ?? {});
  const creds = copy.credentials ?? copy.auth_config?.credentials;
  if (creds) for (const key of Object.keys(creds)) if (key !== "client_id" && key !== "scopes") creds[key] = hide(creds[key]);
  return JSON.stringify(copy);
}

// 1. The Pulumi CLI: on PATH, cached, or built once from its Go modules.
say("Looking for the Pulumi CLI (the first run builds it from source, which takes a while)...");
const ensured = execFileSync("node", [join(repo, "scripts/ensure-pulumi.mjs")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const pulumiBin = ensured.trim().split("\n").pop().trim();
say(`Pulumi CLI: ${pulumiBin}`);

// 2. The demo program imports "pulumi-authconfig" by name, as a user's program does, so the package
// must sit in node_modules as a real copy: Pulumi serializes a provider module found in node_modules
// as a `require`, but one anywhere else (a symlink, the repository) by value.
installSelfCopy();

const { startEmulator } = require(join(repo, "dist/emulator/index.js"));
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");

const emulator = await startEmulator({ port: 0 });
const stateDir = mkdtempSync(join(tmpdir(), "authconfig-demo-"));
mkdirSync(join(stateDir, "backend"));
let stack;
let exitCode = 0;
try {
  say(`Emulator of the Composio API listening on ${emulator.url}`);
  const pulumiCommand = await PulumiCommand.get({ root: dirname(pulumiBin), skipVersionCheck: true });
  stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "demo", workDir: repo },
    {
      pulumiCommand,
      pulumiHome: join(stateDir, "home"),
      envVars: {
        PATH: `${pulumiBin}:${process.env.PATH}`,
        PULUMI_BACKEND_URL: `file://${join(stateDir, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "demo",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        // The build has type-checked the program already.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      },
    },
  );
  await stack.setConfig("composio:baseUrl", { value: emulator.url });
  await stack.setConfig("composio:apiKey", { value: "demo-api-key", secret: true });
  await stack.setConfig("slackClientId", { value: "1234567890.demo" });
  await stack.setConfig("slackClientSecret", { value: "first-secret-d3m0", secret: true });

  const requests = async () => (await fetch(`${emulator.url}/_emulator/requests`)).json();
  const clear = () => fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
  const showWrites = async () => {
    for (const r of (await requests()).filter((r) => r.method !== "GET")) say(`   ${r.method} ${r.path} ${r.body ? masked(r.body) : ""}  → ${r.status}`);
  };

  step(1, "pulumi up: create a Slack config (your app's credentials) and a Gmail config (Composio-managed)");
  await clear();
  const up = await stack.up();
  say(`   resources: ${JSON.stringify(up.summary.resourceChanges)}`);
  await showWrites();
  const outputs = await stack.outputs();
  const slackId = outputs.slackAuthConfigId.value;
  say(`   slack = ${slackId} (name ${outputs.slackName.value}), gmail = ${outputs.gmailAuthConfigId.value}`);

  step(2, "rotate the Slack client secret: one PATCH carrying only that key");
  await stack.setConfig("slackClientSecret", { value: "rotated-secret-r0t4", secret: true });
  await clear();
  await stack.up();
  await showWrites();

  step(3, "someone edits the Slack config in the dashboard (a direct API call)");
  await fetch(`${emulator.url}/api/v3/auth_configs/${slackId}`, {
    method: "PATCH",
    headers: { "x-api-key": "someone-else", "content-type": "application/json" },
    body: JSON.stringify({ type: "custom", tool_access_config: { tools_available_for_execution: ["SLACK_DELETE_CHANNEL"] } }),
  });
  say("   PATCH tool_access_config.tools_available_for_execution = [\"SLACK_DELETE_CHANNEL\"]");

  step(4, "the nightly drift check: pulumi preview --refresh --expect-no-changes");
  let previewOutput = "";
  try {
    await stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: (t) => (previewOutput += t) });
    say("   no drift found (unexpected!)");
    exitCode = 1;
  } catch {
    say("   drift found, the check fails as it should:");
    for (const line of previewOutput.split("\n").filter((l) => /toolAccessConfig|toolsAvailableForExecution|SLACK_/.test(l))) say(`   ${line.trimEnd()}`);
  }

  step(5, "the fix: pulumi up --refresh puts back only the drifted field");
  await clear();
  await stack.up({ refresh: true });
  await showWrites();
  await stack.preview({ refresh: true, expectNoChanges: true });
  say("   the drift check passes again");

  step(6, "pulumi destroy");
  await clear();
  await stack.destroy();
  await showWrites();
  const left = await (await fetch(`${emulator.url}/api/v3/auth_configs?show_disabled=true`, { headers: { "x-api-key": "k" } })).json();
  say(`   auth configs left in the emulator: ${left.total_items}`);
  say(`\nDone in ${seconds()}. Nothing is left running.`);
} catch (error) {
  exitCode = 1;
  console.error(`\nThe demo failed: ${error?.message ?? error}`);
} finally {
  if (stack) await stack.workspace.removeStack("demo", { force: true }).catch(() => {});
  rmSync(join(repo, "Pulumi.demo.yaml"), { force: true });
  await emulator.close();
  rmSync(stateDir, { recursive: true, force: true });
}
process.exit(exitCode);

/** Packs the package as npm would publish it and unpacks it into node_modules/pulumi-authconfig. */
function installSelfCopy() {
  const packDir = mkdtempSync(join(tmpdir(), "authconfig-demo-pack-"));
  try {
    execFileSync("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(packDir).find((f) => f.endsWith(".tgz"));
    const target = join(repo, "node_modules", "pulumi-authconfig");
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", join(packDir, tarball), "-C", target, "--strip-components=1"]);
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}
