/**
 * Two gaps of @pulumi/pulumi's Node plugin server (3.248), closed by wrapping its gRPC service
 * implementation before the server registers it (shared/notes/pulumi-native-plugin.md):
 * - `Configure` ignores the provider's configuration: we hand the request's args (or variables) to the provider;
 * - `Read` during an import has no properties and the server crashes reading them: we give it an empty set.
 */
import * as grpc from "@grpc/grpc-js";

type Call = { request: any };
type Handler = (call: Call, callback: (...args: unknown[]) => void) => unknown;

export function closeServerGaps(configure: (config: Record<string, unknown>) => void): void {
  const server = grpc.Server.prototype as unknown as { addService(service: unknown, implementation: Record<string, Handler>): void };
  const addService = server.addService;
  server.addService = function (this: unknown, service: unknown, implementation: Record<string, Handler>) {
    if ("configure" in implementation && "read" in implementation) {
      const configureCall = implementation.configure.bind(implementation);
      implementation.configure = (call, callback) => {
        const req = call.request;
        const args = req.getArgs?.()?.toJavaScript?.();
        const variables: Record<string, unknown> = {};
        for (const [key, value] of req.getVariablesMap?.()?.entries?.() ?? []) variables[String(key).split(":").pop()!] = value;
        configure(args && Object.keys(args).length > 0 ? args : variables);
        return configureCall(call, callback);
      };
      const readCall = implementation.read.bind(implementation);
      implementation.read = (call, callback) => {
        const req = call.request;
        if (!req.getProperties()) req.setProperties(structFromJavaScript({}));
        return readCall(call, callback);
      };
    }
    return addService.call(this, service, implementation);
  };
}

function structFromJavaScript(value: Record<string, unknown>): unknown {
  // The protobuf Struct class the SDK's generated code uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
  return Struct.fromJavaScript(value);
}
