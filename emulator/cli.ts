#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator } from "./index";

const USAGE = `Usage: pulumi-authconfig-emulator [options]

Serves the Composio v3 auth-config API (/api/v3, /api/v3.1) on loopback, with control
endpoints under /_emulator/. Prints its URL as the first line of standard output.

Options:
  --port <port>          TCP port; 0 picks a free one (default 0)
  --host <host>          interface to listen on (default 127.0.0.1)
  --api-key <key>        the only API key accepted (default: any non-empty key)
  --rate-limit <n>       requests per API key per minute (default 10000)
  --faults '<json>'      faults to inject, as for POST /_emulator/faults
  -h, --help             show this help`;

/** Reports a usage error without echoing option values (one of them may be an API key). */
function fail(message: string): never {
  process.stderr.write(`pulumi-authconfig-emulator: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) fail(`--${name} must be an integer from ${min} to ${max}`);
  return number;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "api-key": { type: "string" },
        "rate-limit": { type: "string" },
        faults: { type: "string" },
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
  if (values["api-key"] === "") fail("--api-key must not be empty");
  let faults;
  if (values.faults !== undefined) {
    try {
      faults = JSON.parse(values.faults);
    } catch {
      fail("--faults must be JSON, e.g. '{\"rate\":0.2,\"kinds\":[\"503\"],\"seed\":7}'");
    }
  }

  let emulator;
  try {
    emulator = await startEmulator({
      port: integerOption(values.port, "port", 0, 65535) ?? 0,
      host: values.host,
      apiKey: values["api-key"],
      rateLimitPerMinute: integerOption(values["rate-limit"], "rate-limit", 1, Number.MAX_SAFE_INTEGER),
      faults,
    });
  } catch (error) {
    // Validation messages name the bad setting, never a value.
    fail(error instanceof Error ? error.message : "could not start");
  }
  process.stdout.write(`${emulator.url}\n`);
  process.stderr.write(
    `Composio v3 emulator listening (${values["api-key"] ? "one API key accepted" : "any non-empty API key accepted"}). Control: ${emulator.url}/_emulator/. Stop with Ctrl-C.\n`,
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
