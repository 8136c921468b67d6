import type { Provider } from "@pulumi/pulumi/provider";
import { dynamicProviderFor, DynamicProviderMethods } from "../core/dynamicProvider";
import { LookupInputError, lookupById, lookupList } from "../core/lookups";
import { setSettingsSource } from "../core/settings";
import { ProviderConfiguration, providerSettingsSource } from "./providerConfig";
import { PACKAGE, PACKAGE_RESOURCES, PackageResource } from "./resourceTypes";
import { unwrapSecrets, wrapSecretPaths } from "./secretValues";

type Props = Record<string, unknown>;

/** The plugin's provider object, plus the Configure the SDK's server does not pass on (see grpcGaps.ts). */
export type PluginProvider = Provider & { configure(configuration: ProviderConfiguration): void };

/**
 * The plugin's provider: a thin adapter over the same core the dynamic resources run. It picks the
 * resource's definition by the URN's type, unwraps secrets going in, wraps the definition's secret
 * paths going out, and gives the core what the dynamic SDK classes would (the logical name and URN).
 */
export function pluginProvider(version: string, schema: string): PluginProvider {
  const served = new Map<string, { resource: PackageResource; methods: DynamicProviderMethods }>(
    PACKAGE_RESOURCES.map((resource) => [resource.token, { resource, methods: dynamicProviderFor(resource.definition) }]),
  );
  const forUrn = (urn: string) => {
    const type = urn.split("::")[2]?.split("$").pop() ?? "";
    const found = served.get(type);
    if (!found) throw new Error(`pulumi-resource-${PACKAGE} does not serve ${type}; it serves ${[...served.keys()].join(", ")}`);
    return found;
  };
  /** Values leaving for the engine: the secret paths wrapped, so that the engine encrypts them in state. */
  const out = (urn: string, props: unknown) => (props === undefined ? undefined : wrapSecretPaths(props as Props, forUrn(urn).resource.definition.secretPaths));
  const plain = (props: unknown) => unwrapSecrets(props ?? {}) as Props;
  /** The functions, by token: each resource's lookups, with the settings Configure gave. */
  const functions = new Map<string, (inputs: Props) => Promise<object>>(
    PACKAGE_RESOURCES.flatMap(({ definition, getFunctionToken, listFunctionToken }) => [
      [getFunctionToken, (inputs: Props) => lookupById(definition, inputs)],
      [listFunctionToken, (inputs: Props) => lookupList(definition, inputs)],
    ]),
  );

  return {
    version,
    getSchema: async () => schema,

    configure(configuration) {
      setSettingsSource(providerSettingsSource(configuration));
    },

    async check(urn, olds, news) {
      const logicalName = urn.slice(urn.lastIndexOf("::") + 2);
      const result = await forUrn(urn).methods.check(plain(olds), { ...plain(news), __logicalName: logicalName, __urn: urn });
      return { inputs: out(urn, result.inputs), failures: result.failures };
    },

    async diff(id, urn, olds, news) {
      return forUrn(urn).methods.diff(id, plain(olds), plain(news));
    },

    async create(urn, inputs) {
      const result = await forUrn(urn).methods.create(plain(inputs));
      return { id: result.id, outs: out(urn, result.outs) };
    },

    async read(id, urn, props) {
      const known = Object.keys(props ?? {}).length > 0 ? plain(props) : undefined;
      // Without properties this is an import (or a `get`): the core then also says the inputs.
      const result = await forUrn(urn).methods.read(id, known, { importing: known === undefined });
      if (!result.id) return { id: "", props: {} };
      return { id: result.id, props: out(urn, result.props), inputs: out(urn, result.inputs) };
    },

    async update(id, urn, olds, news) {
      const result = await forUrn(urn).methods.update(id, plain(olds), plain(news));
      return { outs: out(urn, result.outs) };
    },

    async delete(id, urn, props) {
      await forUrn(urn).methods.delete(id, plain(props));
    },

    /** A lookup (`fn::invoke` in YAML). Results hold no secret, so nothing is wrapped. */
    async invoke(token, inputs) {
      const lookup = functions.get(token);
      if (!lookup) throw new Error(`pulumi-resource-${PACKAGE} has no function ${token}; it has ${[...functions.keys()].join(", ")}`);
      try {
        return { outputs: await lookup(plain(inputs)) };
      } catch (error) {
        // Wrong arguments are check failures, each naming its field: the engine reports them as such.
        if (error instanceof LookupInputError) return { outputs: {}, failures: [...error.failures] };
        throw error;
      }
    },
  };
}
