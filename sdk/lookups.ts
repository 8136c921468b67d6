import * as pulumi from "@pulumi/pulumi";
import type { ResourceDefinition } from "../provider/core/definition";
import type { LookupResult } from "../provider/core/lookups";
import type { LookupFunctions } from "./lookupTypes";

/**
 * The SDK's lookups (`composio.getAuthConfig`, `composio.listAuthConfigs`...): the core's lookups
 * (provider/core/lookups.ts), run right here in the program's process, so that they need no set-up.
 *
 * How this differs from the native plugin's functions (`authconfig:composio:getAuthConfig`, which a
 * YAML program calls with `fn::invoke`): those run in the plugin's process, called by the engine,
 * with the settings the engine configured the plugin with (`authconfig:composioApiKey`, or an
 * explicit provider's). These call the API from the program itself, with the settings the dynamic
 * resources use (stack config `composio:apiKey` and `composio:baseUrl`, else `COMPOSIO_API_KEY`...),
 * read from this run's config: never a copy recorded at an earlier `up`. Neither is recorded in state.
 * Both run in `preview` too: a lookup only reads.
 */

type Definition = ResourceDefinition<any, any, any>;

/** The stack config of this run, as the program sees it (secrets decrypted). */
async function programSettings() {
  const { programConfigSource } = await import("../provider/core/settings");
  return programConfigSource((key) => pulumi.runtime.getConfig(key));
}

/** One config by id, from the definition the loader gives (loaded on first use: a program without lookups never loads it). */
export async function getInProgram(definition: () => Promise<Definition>, args: object): Promise<LookupResult> {
  const { lookupById } = await import("../provider/core/lookups");
  return lookupById(await definition(), args, await programSettings());
}

/** Every config the filters keep, from every page. */
export async function listInProgram(definition: () => Promise<Definition>, args: object | undefined): Promise<{ items: LookupResult[] }> {
  const { lookupList } = await import("../provider/core/lookups");
  return lookupList(await definition(), args ?? {}, await programSettings());
}

/** An Output of a lookup whose arguments may be Outputs: it runs once they are known (not at all in a preview that does not know them). */
export function lookupOutput<A extends object, T>(args: pulumi.Input<A> | undefined, lookup: (plain: A) => Promise<T>): pulumi.Output<T> {
  return pulumi.output(args ?? ({} as A)).apply((plain) => lookup(plain as A)) as pulumi.Output<T>;
}

/** The lookup functions of the definition the loader gives; each API's SDK folder names and documents them. */
export function lookupFunctions<GetArgs extends object, ListArgs extends object, Result>(definition: () => Promise<Definition>): LookupFunctions<GetArgs, ListArgs, Result> {
  const get = (args: GetArgs) => getInProgram(definition, args) as Promise<unknown> as Promise<Result>;
  const list = (args: ListArgs = {} as ListArgs) => listInProgram(definition, args) as Promise<unknown> as Promise<{ items: Result[] }>;
  return {
    get,
    getOutput: (args) => lookupOutput(args as pulumi.Input<GetArgs>, get),
    list,
    listOutput: (args) => lookupOutput(args as pulumi.Input<ListArgs> | undefined, list),
  };
}
