"use strict";
// The benchmark's program: declares what the benchmark wrote into scenario.<stack>.json, with this
// package's resources or with one of the baselines (baselineProviders.js).
const fs = require("fs");
const path = require("path");
const pulumi = require("@pulumi/pulumi");
const { composio, flowra, elevenlabs } = require("pulumi-authconfig");
const { floorProvider, naiveComposioProvider } = require("./baselineProviders");

class Floor extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    super(floorProvider, name, args, opts, "bench", "Floor");
  }
}

class NaiveComposio extends pulumi.dynamic.Resource {
  constructor(name, args, opts) {
    const composioConfig = new pulumi.Config("composio");
    const connection = pulumi.secret({ baseUrl: composioConfig.require("baseUrl"), apiKey: composioConfig.requireSecret("apiKey") });
    super(naiveComposioProvider, name, { ...args, connection }, opts, "bench", "NaiveComposio");
  }
}

const KINDS = { composio: composio.AuthConfig, flowra: flowra.AuthConfig, elevenlabs: elevenlabs.AuthConnection, floor: Floor, naive: NaiveComposio };

const scenario = JSON.parse(fs.readFileSync(path.join(__dirname, "scenario." + pulumi.getStack() + ".json"), "utf8"));
for (const r of scenario.resources) new KINDS[r.kind](r.name, r.args, r.options);
