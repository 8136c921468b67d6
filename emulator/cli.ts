#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator } from "./index";
import { API_NAMES } from "./options";

/** `--<api>-api-key`: one option per API the server speaks. */
const apiKeyOption = (api: (typeof API_NAMES)[number]) => `${api}-api-key`;

const USAGE = `Usage: pulumi-authconfig-emulator [options]

Serves, on loopback, the auth-config APIs of Composio v3 (/api/v3, /api/v3.1), Flowra v1
(/api/v1/auth_configs) and ElevenLabs (/v1/workspace/auth-connections), with control endpoints
under /_emulator/. Prints its URL as the first line of standard output.

Options:
  --port <port>                 TCP port; 0 picks a free one (default 0)
  --host <host>                 interface to listen on (default 127.0.0.1)
  --api-key <key>               the only API key accepted, by every API (default: any non-empty key)
${API_NAMES.map((api) => `  --${apiKeyOption(api)} <key>`.padEnd(32) + `the only key ${api} accepts (overrides --api-key for it)`).join("\n")}
  --rate-limit <n>              requests per API key per minute, for each API (default 10000)
  --faults '<json>'             faults to inject, as for POST /_emulator/faults
  --latency-ms <n>              delay before every API request is processed (default 0)
  --clock-offset-ms <n>         the server's clock minus the real one, may be negative (default 0)
  --unique-names                Composio: a name another live config of the toolkit has is a 409
  -h, --help                    show this help`;

/** Reports a usage error without echoing option values (one of them may be an API key). */
function fail(message: string): never {
  process.stderr.write(`pulumi-authconfig-emulator: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < min || number > max) fail(`--${name} must be an integer from ${min} to ${max}`);
  return number;
}

/** `--clock-offset-ms -10000` would read as an option: join a negative value to its flag. */
function joinNegativeValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--clock-offset-ms" && /^-\d+$/.test(args[i + 1] ?? "")) joined.push(`--clock-offset-ms=${args[++i]}`);
    else joined.push(args[i]);
  }
  return joined;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(process.argv.slice(2)),
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "api-key": { type: "string" },
        ...Object.fromEntries(API_NAMES.map((api) => [apiKeyOption(api), { type: "string" as const }])),
        "rate-limit": { type: "string" },
        faults: { type: "string" },
        "latency-ms": { type: "string" },
        "clock-offset-ms": { type: "string" },
        "unique-names": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    fail("unknown option or missing value");
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const option = (name: string) => (values as Record<string, string | boolean | undefined>)[name];
  for (const name of ["api-key", ...API_NAMES.map(apiKeyOption)]) {
    if (option(name) === "") fail(`--${name} must not be empty`);
  }
  let faults;
  if (values.faults !== undefined) {
    try {
      faults = JSON.parse(values.faults);
    } catch {
      fail("--faults must be JSON, e.g. '{\"rate\":0.2,\"kinds\":[\"503\"],\"seed\":7}'");
    }
  }
  const apiKeys = Object.fromEntries(API_NAMES.filter((api) => option(apiKeyOption(api)) !== undefined).map((api) => [api, option(apiKeyOption(api)) as string]));

  let emulator;
  try {
    emulator = await startEmulator({
      port: integerOption(values.port, "port", 0, 65535) ?? 0,
      host: values.host,
      apiKey: values["api-key"],
      apiKeys,
      rateLimitPerMinute: integerOption(values["rate-limit"], "rate-limit", 1, Number.MAX_SAFE_INTEGER),
      faults,
      latencyMs: integerOption(values["latency-ms"], "latency-ms", 0, 600_000),
      clockOffsetMs: integerOption(values["clock-offset-ms"], "clock-offset-ms", -315_360_000_000, 315_360_000_000),
      uniqueNames: values["unique-names"] ?? false,
    });
  } catch (error) {
    // Validation messages name the bad setting, never a value.
    fail(error instanceof Error ? error.message : "could not start");
  }
  process.stdout.write(`${emulator.url}\n`);
  const keyed = [values["api-key"], ...Object.values(apiKeys)].some((key) => key !== undefined);
  process.stderr.write(
    `Auth-config API emulator (Composio, Flowra, ElevenLabs) listening (${keyed ? "API keys as configured" : "any non-empty API key accepted"}). Control: ${emulator.url}/_emulator/. Stop with Ctrl-C.\n`,
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
