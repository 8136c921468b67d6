// pulumi-resource-authconfig: the native provider plugin. The engine starts it with its own address and
// reads the gRPC port it prints. Everything it does is the core's (see pluginProvider.ts).
//
// This is the entry of the bundle that scripts/build-plugin.mjs makes: esbuild inlines the two JSON files
// below (paths from this source file), so the bundle runs from any folder, alone.
import { main } from "@pulumi/pulumi/provider";
import { setEngineLog } from "../core/log";
import { engineLog } from "./engineLog";
import { closeServerGaps } from "./grpcGaps";
import { pluginProvider } from "./pluginProvider";
import { PACKAGE } from "./resourceTypes";

const { version } = require("../../package.json") as { version: string };
// The committed schema has no version (it would go stale with every release): it goes second, as in Pulumi's own.
const schema = JSON.stringify({ name: PACKAGE, version, ...(require("../../pulumi-schema.json") as object) });

const args = process.argv.slice(2);
if (args[0]) setEngineLog(engineLog(args[0]));
const provider = pluginProvider(version, schema);
closeServerGaps((configuration) => provider.configure(configuration));
void main(provider, args);
