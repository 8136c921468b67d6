/**
 * Log lines of the provider process. They go to the Pulumi engine's Log service, which the engine
 * shows as diagnostics (warnings as warnings), in order with the operation that wrote them: a line
 * written to stderr instead can reach the display after a short `preview` has ended, and is lost.
 * Without an engine (tests calling the provider directly) they go to stderr. Lines belong to no
 * resource in the engine's eyes, so every line names its resource. Never pass a secret here.
 */

export type Severity = "info" | "warning";

export interface EngineLog {
  log(severity: Severity, message: string): Promise<void>;
}

let engineLog: EngineLog | null | undefined;

/** Sends the lines to this client of the engine instead of finding one (the plugin brings its own, bundled). */
export function setEngineLog(log: EngineLog): void {
  engineLog = log;
}

/** Logs a line; the promise settles once the engine has it (never rejects). */
export function logLine(line: string, severity: Severity = "info"): Promise<void> {
  const message = `pulumi-authconfig: ${line}`;
  const engine = connectedEngine();
  if (!engine) {
    process.stderr.write(`${severity === "warning" ? "warning: " : ""}${message}\n`);
    return Promise.resolve();
  }
  return engine.log(severity, message).catch(() => {
    process.stderr.write(`${message}\n`);
  });
}

/** The engine's address is the dynamic provider process's argument, a loopback host:port. */
function connectedEngine(): EngineLog | null {
  if (engineLog !== undefined) return engineLog;
  engineLog = null;
  const address = process.argv.slice(2).find((arg) => /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(arg));
  if (!address) return engineLog;
  try {
    // Pulumi's own generated client, from the @pulumi/pulumi the program installed (and its grpc-js).
    const pulumiDir = require("node:path").dirname(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
    const proto = require("@pulumi/pulumi/proto/engine_pb");
    const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb");
    const client = new EngineClient(address, grpc.credentials.createInsecure());
    engineLog = {
      log: (severity, message) =>
        new Promise<void>((resolve, reject) => {
          const request = new proto.LogRequest();
          request.setSeverity(severity === "warning" ? proto.LogSeverity.WARNING : proto.LogSeverity.INFO);
          request.setMessage(message);
          request.setUrn("");
          request.setEphemeral(false);
          client.log(request, (error: Error | null) => (error ? reject(error) : resolve()));
        }),
    };
  } catch {
    engineLog = null;
  }
  return engineLog;
}
