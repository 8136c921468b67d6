import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/**
 * The plugin as the npm package ships it (dist/plugin of the installed tarball), copied alone into an
 * empty folder and started as the engine starts it: it prints its port, and answers GetPluginInfo
 * with package.json's version and GetSchema with pulumi-schema.json plus that version.
 */

const repo = join(__dirname, "../..");
const { version } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { version: string };

describe("pulumi-resource-authconfig, alone in a folder", () => {
  let folder = "";
  let plugin: ChildProcess | undefined;
  let client: ResourceProviderClient;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "authconfig-plugin-alone-"));
    cpSync(join(inject("programDir"), "node_modules", "pulumi-authconfig", "dist", "plugin"), folder, { recursive: true });
    plugin = spawn(join(folder, "pulumi-resource-authconfig"), [], { cwd: folder, stdio: ["ignore", "pipe", "pipe"] });
    const port = await new Promise<string>((resolve, reject) => {
      let out = "";
      plugin!.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) resolve(out.trim());
      });
      plugin!.on("exit", (code) => reject(new Error(`the plugin exited (${code}) before printing its port`)));
    });
    expect(port).toMatch(/^\d+$/);
    client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  }, 120_000);

  afterAll(() => {
    client?.close();
    plugin?.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it("reports package.json's version", async () => {
    const info = await new Promise<{ getVersion(): string }>((resolve, reject) => client.getPluginInfo(new Empty(), (error, response) => (error ? reject(error) : resolve(response))));
    expect(info.getVersion()).toBe(version);
  });

  it("serves pulumi-schema.json, with that version", async () => {
    const request = new providerProto.GetSchemaRequest();
    request.setVersion(0);
    const response = await new Promise<providerProto.GetSchemaResponse>((resolve, reject) => client.getSchema(request, (error, answer) => (error ? reject(error) : resolve(answer))));
    const served = JSON.parse(response.getSchema());
    const committed = JSON.parse(readFileSync(join(repo, "pulumi-schema.json"), "utf8"));
    expect(served).toEqual({ ...committed, version });
    expect(Object.keys(served).slice(0, 2)).toEqual(["name", "version"]);
  });
});
