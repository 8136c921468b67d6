import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { beforeAll, describe, expect, it } from "vitest";
import { CANARY, call, customCreateBody, expectNoCanary } from "./helpers";

const repo = resolve(__dirname, "../..");
const cli = join(repo, "dist/emulator/cli.js");

/** A running CLI: its URL (first line of stdout), and everything it printed. */
interface CliRun {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startCli(args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const lines = createInterface({ input: child.stdout! });
  const [firstLine] = (await once(lines, "line")) as [string];
  lines.close();
  return { child, url: firstLine, output: () => output };
}

async function stop(run: CliRun, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(run.child, "exit");
  run.child.kill(signal);
  const [code] = (await exited) as [number | null];
  return code;
}

/** True when every emulator source has a compiled file in dist/ at least as new. */
function distIsFresh(): boolean {
  const sources = readdirSync(join(repo, "emulator"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  return sources.every((file) => {
    const compiled = join(repo, "dist/emulator", file.replace(/\.ts$/, ".js"));
    return existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(join(repo, "emulator", file)).mtimeMs;
  });
}

beforeAll(() => {
  // Compiles only the emulator, so this test does not depend on the rest of the tree building;
  // skipped when `npm run build` already did it (and so as not to rewrite dist/ under other tests).
  if (distIsFresh()) return;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "test/emulator/tsconfig.emulator.json"], { cwd: repo, stdio: "pipe" });
}, 120_000);

// Each test starts node processes: generous limits, so that a busy machine never fails them.
describe("pulumi-authconfig-emulator", { timeout: 60_000 }, () => {
  it("prints its URL first, serves the API with the given key and limit, leaks nothing, and stops on SIGTERM", async () => {
    const faults = JSON.stringify({ rate: 0, kinds: ["500"], seed: 5 });
    const run = await startCli(["--port", "0", "--api-key", CANARY.apiKey, "--rate-limit", "5", "--faults", faults]);
    try {
      expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${run.url}/_emulator/health`)).json()).toEqual({ ok: true });
      const created = await call(run.url, "POST", "/api/v3/auth_configs", { key: CANARY.apiKey, body: customCreateBody() });
      expect(created.status).toBe(201);
      expect(created.headers.get("x-ratelimit")).toBe("5");
      expect((await call(run.url, "GET", "/api/v3/auth_configs", { key: "another-key" })).status).toBe(401);
      expect(((await (await fetch(`${run.url}/_emulator/faults`)).json()) as { faults: unknown }).faults).toMatchObject({ rate: 0, seed: 5 });
    } finally {
      expect(await stop(run, "SIGTERM")).toBe(0);
    }
    expect(run.output()).toContain(run.url);
    expectNoCanary(run.output());
  });

  it("stops cleanly on SIGINT", async () => {
    const run = await startCli(["--port", "0", "--host", "127.0.0.1"]);
    expect((await call(run.url, "GET", "/api/v3/auth_configs", { key: "any" })).status).toBe(200);
    expect(await stop(run, "SIGINT")).toBe(0);
  });

  it("applies --faults from the first request", async () => {
    const run = await startCli(["--faults", JSON.stringify({ rate: 1, kinds: ["503"], retryAfterSeconds: 4 })]);
    try {
      const res = await call(run.url, "GET", "/api/v3/auth_configs");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("4");
    } finally {
      await stop(run, "SIGTERM");
    }
  });

  it("takes per-API keys, --latency-ms, a negative --clock-offset-ms and --unique-names", async () => {
    const run = await startCli([
      "--composio-api-key", CANARY.apiKey,
      "--flowra-api-key", "flowra-cli-key",
      "--elevenlabs-api-key", "elevenlabs-cli-key",
      "--latency-ms", "300",
      "--clock-offset-ms", "-10000",
      "--unique-names",
    ]);
    try {
      expect((await call(run.url, "GET", "/api/v1/auth_configs", { key: "flowra-cli-key" })).status).toBe(200);
      expect((await call(run.url, "GET", "/api/v1/auth_configs", { key: CANARY.apiKey })).status).toBe(401);
      const elevenlabs = await call(run.url, "GET", "/v1/workspace/auth-connections", { key: null, headers: { "xi-api-key": "elevenlabs-cli-key" } });
      expect(elevenlabs.status).toBe(200);
      const started = Date.now();
      const first = await call(run.url, "POST", "/api/v3/auth_configs", { key: CANARY.apiKey, body: customCreateBody({ name: "cli-unique" }) });
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(first.status).toBe(201);
      expect((await call(run.url, "POST", "/api/v3/auth_configs", { key: CANARY.apiKey, body: customCreateBody({ name: "cli-unique" }) })).status).toBe(409);
      expect(((await (await fetch(`${run.url}/_emulator/clock`)).json()) as { offsetMs: number }).offsetMs).toBe(-10000);
    } finally {
      expect(await stop(run, "SIGTERM")).toBe(0);
    }
    expectNoCanary(run.output());
  });

  it("exits with status 2 and a message naming the problem on bad options, without echoing values", () => {
    const fail = (args: string[]) => {
      try {
        execFileSync(process.execPath, [cli, ...args], { stdio: "pipe" });
      } catch (error) {
        const { status, stderr, stdout } = error as { status: number; stderr: Buffer; stdout: Buffer };
        return { status, output: stderr.toString() + stdout.toString() };
      }
      throw new Error("the CLI accepted bad options");
    };
    const badFaults = fail(["--api-key", CANARY.apiKey, "--faults", JSON.stringify({ rate: 3, kinds: ["500"] })]);
    expect(badFaults.status).toBe(2);
    expect(badFaults.output).toContain("rate");
    expectNoCanary(badFaults.output);
    expect(fail(["--faults", "{not json"]).output).toContain("--faults");
    expect(fail(["--port", "abc"]).output).toContain("--port");
    expect(fail(["--rate-limit", "0"]).output).toContain("--rate-limit");
    expect(fail(["--latency-ms", "-5"]).output).toContain("--latency-ms");
    expect(fail(["--clock-offset-ms", "soon"]).output).toContain("--clock-offset-ms");
    const emptyKey = fail(["--flowra-api-key="]);
    expect(emptyKey.output).toContain("--flowra-api-key");
    const unknown = fail(["--api-kye", CANARY.apiKey]);
    expect(unknown.status).toBe(2);
    expectNoCanary(unknown.output);
  });
});
