// pulumi-resource-benchfloor: the native-plugin floor of the benchmark. A provider plugin that does no
// work and sends nothing, so that what the bench measures with it is the engine's own cost of N native
// resources: the plugin's start, the gRPC calls and the state. The counterpart of the dynamic `floor`
// (program/baselineProviders.js), with the same behaviour: a change is an update that stores the new
// inputs, and a read answers what it was given. Bench code, not product: bundled by build.ts.
import { randomUUID } from "node:crypto";
import { main, Provider } from "@pulumi/pulumi/provider";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const floorProvider: Provider = {
  version: "0.0.1",
  async check(_urn, _olds, news) {
    return { inputs: news };
  },
  async diff(_id, _urn, olds, news) {
    return { changes: !same(olds, news) };
  },
  async create(_urn, inputs) {
    return { id: randomUUID(), outs: inputs };
  },
  async read(id, _urn, props) {
    return { id, props };
  },
  async update(_id, _urn, _olds, news) {
    return { outs: news };
  },
  async delete() {},
};

void main(floorProvider, process.argv.slice(2));
