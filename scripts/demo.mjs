#!/usr/bin/env node
// `npm run demo`: the root Pulumi project (examples/demo) against the embedded emulator, step by step.
// Needs `npm install` and `npm run build` (the npm script does the build); builds the Pulumi CLI on first use.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const started = Date.now();

const say = (text = "") => console.log(text);
/** The secrets the demo declares (before and after rotation): it must never print one. */
const DEMO_SECRETS = JSON.parse(readFileSync(join(repo, "examples/demo/secrets.json"), "utf8"));
const step = (n, title) => say(`\n━━ Step ${n}: ${title}`);
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

/** The wire names of secret values in the three APIs' bodies. */
const SECRET_KEYS = new Set(["client_secret", "api_key", "bot_token", "token", "password", "secret_key", "client_key", "key_passphrase", "proxy_auth_key", "proxyAuthKey"]);

/** Shows a request body with its secret values hidden, as the demo must never print a secret. */
function masked(body) {
  const hide = (value, key) => {
    if (SECRET_KEYS.has(key) && typeof value === "string") return `<secret, ${value.length} chars>`;
    if (value && typeof value === "object" && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(v, k)]));
    return value;
  };
  return JSON.stringify(hide(body ?? {}, ""));
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
  say(`Emulator of the Composio, Flowra and ElevenLabs APIs listening on ${emulator.url}`);
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
  // The emulator serves all three APIs on one port; each reads its own key header.
  for (const api of ["composio", "flowra", "elevenlabs"]) {
    await stack.setConfig(`${api}:baseUrl`, { value: emulator.url });
    await stack.setConfig(`${api}:apiKey`, { value: "demo-api-key", secret: true });
  }
  await stack.setConfig("slackClientId", { value: "1234567890.demo" });
  await stack.setConfig("slackClientSecret", { value: DEMO_SECRETS.slack[0], secret: true });
  await stack.setConfig("githubClientId", { value: "Iv1.demo" });
  await stack.setConfig("githubClientSecret", { value: DEMO_SECRETS.github[0], secret: true });
  await stack.setConfig("crmClientId", { value: "crm-demo" });
  await stack.setConfig("crmClientSecret", { value: DEMO_SECRETS.crm[0], secret: true });

  const requests = async () => (await fetch(`${emulator.url}/_emulator/requests`)).json();
  const clear = () => fetch(`${emulator.url}/_emulator/requests`, { method: "DELETE" });
  const showWrites = async () => {
    for (const r of (await requests()).filter((r) => r.method !== "GET")) say(`   ${r.method} ${r.path} ${r.body ? masked(r.body) : ""}  → ${r.status}`);
  };
  /** A change made outside Pulumi, as someone in a dashboard would: a direct API call. */
  const byHand = (path, body) =>
    fetch(`${emulator.url}${path}`, {
      method: "PATCH",
      headers: { [path.startsWith("/v1/workspace") ? "xi-api-key" : "x-api-key"]: "someone-else", "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  step(1, "pulumi up: Composio (a Slack app, Composio's Gmail), Flowra (a GitHub app), ElevenLabs (a CRM connection)");
  await clear();
  const up = await stack.up();
  say(`   resources: ${JSON.stringify(up.summary.resourceChanges)}`);
  await showWrites();
  const outputs = await stack.outputs();
  const ids = { slack: outputs.slackAuthConfigId.value, github: outputs.githubAuthConfigId.value, crm: outputs.crmConnectionId.value };
  say(`   slack = ${ids.slack} (name ${outputs.slackName.value}), gmail = ${outputs.gmailAuthConfigId.value}`);
  say(`   github = ${ids.github} (name ${outputs.githubName.value}, allocated by Flowra), crm = ${ids.crm}`);

  step(2, "rotate the three client secrets: one PATCH each, carrying only that key");
  await stack.setConfig("slackClientSecret", { value: DEMO_SECRETS.slack[1], secret: true });
  await stack.setConfig("githubClientSecret", { value: DEMO_SECRETS.github[1], secret: true });
  await stack.setConfig("crmClientSecret", { value: DEMO_SECRETS.crm[1], secret: true });
  await clear();
  await stack.up();
  await showWrites();

  step(3, "someone edits each of them in a dashboard (direct API calls)");
  await byHand(`/api/v3/auth_configs/${ids.slack}`, { type: "custom", tool_access_config: { tools_available_for_execution: ["SLACK_DELETE_CHANNEL"] } });
  say('   Composio:   tool_access_config.tools_available_for_execution = ["SLACK_DELETE_CHANNEL"]');
  await byHand(`/api/v1/auth_configs/${ids.github}`, { restrictToFollowingTools: ["GITHUB_DELETE_REPO"] });
  say('   Flowra:     restrictToFollowingTools = ["GITHUB_DELETE_REPO"]');
  await byHand(`/v1/workspace/auth-connections/${ids.crm}`, { auth_type: "oauth2_client_credentials", scopes: ["contacts.write"] });
  say('   ElevenLabs: scopes = ["contacts.write"]');

  step(4, "the nightly drift check: pulumi preview --refresh --expect-no-changes");
  let previewOutput = "";
  try {
    await stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: (t) => (previewOutput += t) });
    say("   no drift found (unexpected!)");
    exitCode = 1;
  } catch (error) {
    // With --diff the CLI prints diagnostics (the provider's drift report among them) on stderr, which the error carries.
    previewOutput += `\n${error?.message ?? ""}`;
    say("   drift found, the check fails as it should:");
    // The provider's own report: one line per resource, by field name, never by value (the CLI may print it twice).
    const reports = new Set(previewOutput.split("\n").filter((l) => l.includes("changed outside Pulumi")).map((l) => l.slice(Math.max(0, l.indexOf("warning:"))).trim()));
    for (const line of reports) say(`   ${line}`);
  }

  step(5, "the fix: pulumi up --refresh puts back only the drifted fields");
  await clear();
  await stack.up({ refresh: true });
  await showWrites();
  await stack.preview({ refresh: true, expectNoChanges: true });
  say("   the drift check passes again");

  step(6, "pulumi destroy");
  await clear();
  await stack.destroy();
  await showWrites();
  const left = (await (await fetch(`${emulator.url}/_emulator/store`)).json());
  const live = (objects) => objects.filter((o) => !o.deleted).length;
  say(`   left in the emulator: ${live(left.composio)} Composio auth configs, ${live(left.flowra)} Flowra auth configs, ${live(left.elevenlabs)} ElevenLabs connections`);
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
