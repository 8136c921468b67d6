import { expect } from "vitest";
import { startEmulator } from "../../emulator";
import type { EngineWorld, RecordedRequest, ScenarioProvider, ScenarioResource } from "./harness";
import type { LifecycleRow } from "./lifecycleTable";

/** The key of the second account (the explicit provider's): never in state or output either. */
export const SECOND_KEY = "canary-second-account-key-5a7d";

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET");

/**
 * The native plugin's explicit provider, as plugin.test.ts (TypeScript) and lifecycle.test.ts (YAML)
 * declare it: a provider resource with its own key and URL (a second emulator: another account)
 * manages one more resource there while the default provider keeps the stack's; taken out of the
 * program, that resource is deleted through the provider that made it, in its account.
 * `declared` is what the program declares besides; `expectNoPlaintextSecrets` must know SECOND_KEY.
 */
export async function expectExplicitProviderUsesItsOwnAccount(world: EngineWorld, row: LifecycleRow, declared: () => ScenarioResource[], expectNoPlaintextSecrets: () => void): Promise<void> {
  const second = await startEmulator({ port: 0, apiKey: SECOND_KEY });
  const secondWrites = async () => writes((await (await fetch(`${second.url}/_emulator/requests`)).json()) as RecordedRequest[]);
  try {
    const provider: ScenarioProvider = { name: "second", args: { [`${row.kind}ApiKey`]: SECOND_KEY, [`${row.kind}BaseUrl`]: second.url } };
    world.declare([...declared(), { kind: row.kind, name: "other", args: row.args, provider: "second" }], [provider]);
    await world.clearRequests();
    await world.up();
    expect((await secondWrites()).map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${row.collectionPath}`]);
    expect(writes(await world.requests())).toEqual([]);
    expectNoPlaintextSecrets();

    world.declare(declared());
    await fetch(`${second.url}/_emulator/requests`, { method: "DELETE" });
    await world.up();
    expect((await secondWrites()).map((r) => r.method)).toEqual(["DELETE"]);
    expect(writes(await world.requests())).toEqual([]);
    expectNoPlaintextSecrets();
  } finally {
    await second.close();
  }
}
