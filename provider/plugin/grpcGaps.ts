/**
 * Two gaps of @pulumi/pulumi's Node plugin server (3.248; still in 3.260's source), closed by wrapping
 * its gRPC service implementation before the server registers it (shared/notes/pulumi-native-plugin.md):
 * - `Configure` ignores the provider's configuration: the request's args (or, from older engines,
 *   its variables) are handed to `configure` here;
 * - `Read` during an import carries no properties, and the server crashes reading them
 *   (`Cannot read properties of undefined (reading 'toJavaScript')`): it gets an empty set instead.
 */
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ProviderConfiguration } from "./providerConfig";

type Handler = (call: { request: any }, callback: (...args: unknown[]) => void) => unknown;
type Implementation = Record<string, Handler>;

export function closeServerGaps(configure: (configuration: ProviderConfiguration) => void): void {
  const server = grpc.Server.prototype as unknown as { addService(service: unknown, implementation: Implementation): void };
  const addService = server.addService;
  server.addService = function (this: unknown, service: unknown, implementation: Implementation) {
    // Only the resource provider service has both.
    if ("configure" in implementation && "read" in implementation) {
      const configureCall = implementation.configure.bind(implementation);
      implementation.configure = (call, callback) => {
        try {
          configure(configurationOf(call.request));
        } catch (error) {
          return callback(error);
        }
        return configureCall(call, callback);
      };
      const readCall = implementation.read.bind(implementation);
      implementation.read = (call, callback) => {
        if (!call.request.getProperties()) call.request.setProperties(Struct.fromJavaScript({}));
        return readCall(call, callback);
      };
    }
    return addService.call(this, service, implementation);
  };
}

function configurationOf(request: any): ProviderConfiguration {
  const args = request.getArgs()?.toJavaScript() as Record<string, unknown> | undefined;
  const values: Record<string, unknown> = { ...args };
  if (!args) {
    // `authconfig:composioApiKey` → `composioApiKey`.
    for (const [key, value] of request.getVariablesMap().entries()) values[String(key).slice(String(key).indexOf(":") + 1)] = value;
  }
  return { values, providerName: request.getName() ?? "" };
}
