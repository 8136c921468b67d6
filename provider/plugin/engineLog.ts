import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import type { EngineLog } from "../core/log";

/**
 * The provider's log lines as engine diagnostics (warnings as warnings), through the engine address
 * the plugin was started with. The core finds Pulumi's client from the program's @pulumi/pulumi;
 * the bundled plugin has its own, and no program beside it.
 */
export function engineLog(address: string): EngineLog {
  const client = new EngineClient(address, grpc.credentials.createInsecure());
  return {
    log: (severity, message) =>
      new Promise<void>((resolve, reject) => {
        const request = new engineProto.LogRequest();
        request.setSeverity(severity === "warning" ? engineProto.LogSeverity.WARNING : engineProto.LogSeverity.INFO);
        request.setMessage(message);
        request.setUrn("");
        request.setEphemeral(false);
        client.log(request, (error) => (error ? reject(error) : resolve()));
      }),
  };
}
