"use strict";
// The benchmark's program: declares what the benchmark wrote into scenario.<stack>.json, with this
// package's resources or with one of the baselines (baselineProviders.js), as dynamic resources or as
// the resources of a native plugin (`plugin-<kind>`: the package's plugin, or the floor plugin of
// bench/floorPlugin), which the program's Pulumi.yaml names (plugins.providers[].path).
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

/** The schema the package ships with its plugin: each type's output names. Read once, by the plugin's kinds only. */
let pluginSchema;
const pluginOutputNames = (type) => {
  pluginSchema ??= JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("pulumi-authconfig/package.json")), "pulumi-schema.json"), "utf8"));
  return Object.keys(pluginSchema.resources[type].properties);
};

/** A resource of the package's native plugin, declared without a generated SDK, as a user of the plugin would. */
function pluginResource(type) {
  return class extends pulumi.CustomResource {
    constructor(name, args, opts) {
      // Every output must be a key of the props, or the resource gets no property for it.
      const props = Object.fromEntries(pluginOutputNames(type).map((key) => [key, undefined]));
      super(type, name, { ...props, ...args }, opts);
    }
  };
}

/** A resource of the floor plugin: it stores what it is given. */
class PluginFloor extends pulumi.CustomResource {
  constructor(name, args, opts) {
    super("benchfloor:index:Floor", name, args, opts);
  }
}

const KINDS = {
  composio: composio.AuthConfig,
  flowra: flowra.AuthConfig,
  elevenlabs: elevenlabs.AuthConnection,
  floor: Floor,
  naive: NaiveComposio,
  "plugin-composio": pluginResource("authconfig:composio:AuthConfig"),
  "plugin-flowra": pluginResource("authconfig:flowra:AuthConfig"),
  "plugin-elevenlabs": pluginResource("authconfig:elevenlabs:AuthConnection"),
  "plugin-floor": PluginFloor,
};

const scenario = JSON.parse(fs.readFileSync(path.join(__dirname, "scenario." + pulumi.getStack() + ".json"), "utf8"));
for (const r of scenario.resources) new KINDS[r.kind](r.name, r.args, r.options);
