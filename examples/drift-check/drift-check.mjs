#!/usr/bin/env node
// The nightly drift check as a CI step: what changed outside Pulumi, one line per resource, by field
// name and never by value. Needs only node (20+) and the pulumi CLI on PATH, logged in to the backend.
//
//   node drift-check.mjs --stack <stack> [--cwd <program folder>] [-- <more pulumi preview options>]
//
// Exit codes: 0 no drift, 1 drift (the summary says what), 2 the check could not run (the error says why).
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";

const USAGE = "usage: node drift-check.mjs --stack <stack> [--cwd <program folder>] [-- <more pulumi preview options>]";
export const EXIT = { clean: 0, drift: 1, failed: 2 };

/** Steps that change nothing: the refresh itself, and resources that match (or are only read with `get`). */
const QUIET_OPS = new Set(["same", "refresh", "read"]);
/** Pulumi's JSON shows every secret value as this, unless run with --show-secrets (which this script never does). */
const SECRET_PLACEHOLDER = "[secret]";

/** The stack and folder from the arguments (the stack may come from PULUMI_STACK instead). */
export function parseArgs(argv, env = process.env) {
  const options = { stack: env.PULUMI_STACK || undefined, cwd: undefined, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      options.extra = argv.slice(i + 1);
      break;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag !== "--stack" && flag !== "--cwd") throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (!value) throw new Error(`${flag} needs a value\n${USAGE}`);
    options[flag.slice(2)] = value;
  }
  if (!options.stack) throw new Error(`which stack? Give --stack <stack> or set PULUMI_STACK\n${USAGE}`);
  return options;
}

/**
 * `pulumi preview --refresh --run-program --json`: refresh every resource, then plan what `up` would do.
 * --run-program makes the refresh use the stack config as it is now (a rotated API key), not the one
 * recorded at the last `up`. No --expect-no-changes: the JSON's steps say whether anything would
 * change, so a failing exit code means only that the check could not run.
 */
export function runPreview({ stack, cwd, extra }, env = process.env) {
  const args = ["preview", "--refresh", "--run-program", "--json", "--non-interactive", "--stack", stack, ...(cwd ? ["--cwd", cwd] : []), ...extra];
  return new Promise((resolve) => {
    const child = spawn("pulumi", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (error) => resolve({ code: null, stdout: "", stderr: "", startError: error }));
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }));
  });
}

/** Where two values of Pulumi's JSON differ, as paths below `path`: objects key by key, anything else whole. */
export function differingPaths(recorded, declared, path) {
  if (JSON.stringify(recorded) === JSON.stringify(declared)) return [];
  const secret = recorded === SECRET_PLACEHOLDER || declared === SECRET_PLACEHOLDER;
  // `recorded` is what the API holds now (the refresh), `declared` what the program says.
  if (declared === undefined || declared === null) return [{ path, how: "added", secret }];
  if (recorded === undefined || recorded === null) return [{ path, how: "removed", secret }];
  if (isPlainObject(recorded) && isPlainObject(declared)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(declared)])].sort();
    return keys.flatMap((key) => differingPaths(recorded[key], declared[key], path ? `${path}.${key}` : key));
  }
  return [{ path, how: "changed", secret }];
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The input fields that differ between a step's old state (as refreshed) and new one (as declared); the provider's own `__` keys left out. */
function driftedFields(step) {
  const recorded = withoutInternalKeys(step.oldState?.inputs);
  const declared = withoutInternalKeys(step.newState?.inputs);
  return differingPaths(recorded, declared, "").map(({ path, how, secret }) => `${path} (${how}${secret ? ", secret" : ""})`);
}

function withoutInternalKeys(inputs) {
  return Object.fromEntries(Object.entries(inputs ?? {}).filter(([key]) => !key.startsWith("__")));
}

/** A resource's type token and logical name, from its URN (`urn:pulumi:<stack>::<project>::<parent$>type::<name>`). */
export function typeAndName(urn) {
  const parts = urn.split("::");
  return { type: parts[2].split("$").pop(), name: parts.slice(3).join("::") };
}

/**
 * The provider's name for a resource in its log lines (`composio.AuthConfig "slack"`), from the type
 * token's last two parts: `pulumi-nodejs:dynamic/composio:AuthConfig` and `authconfig:composio:AuthConfig` alike.
 */
function providerLabel({ type, name }) {
  const [, module = "", kind = ""] = type.split(":");
  return `${module.split("/").pop()}.${kind} "${name}"`;
}

/**
 * What drifted, from the preview's JSON: one entry per resource, and the errors that stopped the check.
 * The provider (pulumi-authconfig) also logs a warning per drifted resource, by field name; one that
 * changes nothing in the plan (a secret rewritten by hand moves only the API's timestamp) is drift too.
 */
export function summarize(preview) {
  const steps = preview.steps ?? [];
  const diagnostics = preview.diagnostics ?? [];
  const refreshed = new Set(steps.filter((s) => s.op === "refresh" && s.oldState?.id).map((s) => s.urn));
  const byUrn = new Map();
  for (const step of steps) {
    if (QUIET_OPS.has(step.op) || byUrn.has(step.urn)) continue;
    const resource = typeAndName(step.urn);
    if (step.op === "create") {
      byUrn.set(step.urn, { ...resource, what: refreshed.has(step.urn) ? "deleted outside Pulumi" : "declared in the program but not in the stack (never deployed)" });
    } else if (step.op === "delete") {
      byUrn.set(step.urn, { ...resource, what: "in the stack but no longer declared in the program" });
    } else {
      const replaced = step.op !== "update";
      const fields = driftedFields(step);
      const what = `changed outside Pulumi${replaced ? " (needs replacement)" : ""}`;
      byUrn.set(step.urn, { ...resource, what: fields.length > 0 ? `${what}: ${fields.join(", ")}` : what });
    }
  }
  const reports = providerReports(diagnostics);
  const drifted = [...byUrn.values()];
  for (const [label, text] of reports) {
    if (drifted.some((r) => providerLabel(r) === label)) continue;
    const urn = [...refreshed].find((u) => providerLabel(typeAndName(u)) === label);
    if (urn) drifted.push({ ...typeAndName(urn), what: `may have changed outside Pulumi: ${text}` });
  }
  const errors = [...new Set(diagnostics.filter((d) => d.severity === "error").map((d) => oneLine(d.message)))].filter((m) => m !== "preview failed");
  return { drifted, errors };
}

/** The provider's drift warnings, by the resource they name: `pulumi-authconfig: <label>: changed outside Pulumi: <what>`. */
function providerReports(diagnostics) {
  const reports = new Map();
  for (const d of diagnostics) {
    const match = /pulumi-authconfig: (\S+ "[^"]*"): changed outside Pulumi: (.*)/s.exec(d.severity === "warning" ? d.message : "");
    if (match) reports.set(match[1], oneLine(match[2]));
  }
  return reports;
}

function oneLine(message) {
  return message.replace(/^error: /, "").replace(/\s+/g, " ").trim();
}

/** The summary line of one drifted resource. */
export function describe(resource) {
  return `${resource.type} "${resource.name}": ${resource.what}`;
}

/** Runs the check; returns the exit code. */
export async function main(argv = process.argv.slice(2), env = process.env, out = process.stdout, err = process.stderr) {
  let options;
  try {
    options = parseArgs(argv, env);
  } catch (error) {
    err.write(`drift-check: ${error.message}\n`);
    return EXIT.failed;
  }
  const where = `stack "${options.stack}"`;
  const result = await runPreview(options, env);
  if (result.startError) {
    err.write(`drift-check: could not check ${where}: cannot run the pulumi CLI (${result.startError.code ?? result.startError.message}); put it on PATH\n`);
    return EXIT.failed;
  }
  let preview;
  try {
    preview = JSON.parse(result.stdout);
  } catch {
    preview = undefined;
  }
  if (result.code !== 0 || !preview) {
    const errors = preview ? summarize(preview).errors : [];
    // Before the engine starts (no stack, no login), the CLI says why on stderr and prints no JSON.
    const reasons = errors.length > 0 ? errors : result.stderr.split("\n").map(oneLine).filter(Boolean);
    err.write(`drift-check: could not check ${where} (pulumi preview exited with ${result.code}):\n`);
    for (const reason of reasons.length > 0 ? reasons : ["no error message"]) err.write(`  ${reason}\n`);
    return EXIT.failed;
  }
  const { drifted } = summarize(preview);
  if (drifted.length === 0) {
    out.write(`drift-check: ${where}: no drift\n`);
    return EXIT.clean;
  }
  out.write(`drift-check: ${where}: drift in ${drifted.length} resource${drifted.length === 1 ? "" : "s"}:\n`);
  for (const resource of drifted) out.write(`  ${describe(resource)}\n`);
  out.write("drift-check: to see the plan: pulumi preview --refresh --run-program --diff; to put back what the program declares: pulumi up --refresh\n");
  return EXIT.drift;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main();
}
