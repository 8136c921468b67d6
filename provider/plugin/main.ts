#!/usr/bin/env node
// pulumi-resource-authconfig: the native provider plugin. The engine starts it with its own address
// and reads the gRPC port it prints. Everything it does is the core's (see pluginProvider.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "@pulumi/pulumi/provider";
import { closeServerGaps } from "./grpcGaps";
import { pluginProvider } from "./pluginProvider";

const packageRoot = join(__dirname, "..", "..", "..");
const { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
const schema = readFileSync(join(packageRoot, "pulumi-schema.json"), "utf8");

const provider = pluginProvider(version, schema);
closeServerGaps((config) => provider.configure(config));
void main(provider, process.argv.slice(2));
