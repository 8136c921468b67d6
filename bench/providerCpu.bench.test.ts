import { describe, expect, it } from "vitest";
import { composioAuthConfig } from "../provider/composio/definition";
import type { ResourceDefinition } from "../provider/core/definition";
import { dynamicProviderFor } from "../provider/core/dynamicProvider";
import { elevenLabsAuthConnection } from "../provider/elevenlabs/definition";
import { flowraAuthConfig } from "../provider/flowra/definition";

/**
 * Figures, not gates: the provider's own CPU per resource in a no-op preview, where the engine calls
 * `check` then `diff` for every resource and nothing is sent. Run in-process on the core (what both
 * the dynamic provider and the plugin run): 500 resources, three rounds, the best one reported.
 */

const N = 500;

const KINDS: { kind: string; def: ResourceDefinition<any, any, any>; args: (i: number) => Record<string, unknown> }[] = [
  { kind: "composio", def: composioAuthConfig, args: (i) => ({ toolkit: "slack", authScheme: "OAUTH2", credentials: { client_id: `c${i}`, client_secret: `s${i}` }, toolAccessConfig: { toolsAvailableForExecution: ["A"] } }) },
  { kind: "flowra", def: flowraAuthConfig, args: (i) => ({ toolkit: "github", authScheme: "OAUTH2", credentials: { client_id: `c${i}`, client_secret: `s${i}` }, restrictToFollowingTools: ["A"] }) },
  {
    kind: "elevenlabs",
    def: elevenLabsAuthConnection,
    args: (i) => ({ authType: "oauth2_client_credentials", provider: "acme-crm", clientId: `c${i}`, clientSecret: `s${i}`, tokenUrl: "https://auth.acme.example/token", scopes: ["a"] }),
  },
];

describe("the provider's CPU per resource in a no-op preview (check + diff)", () => {
  it.each(KINDS)("$kind", async ({ kind, def, args }) => {
    const provider = dynamicProviderFor(def);
    const declared = (i: number) => ({ ...args(i), __logicalName: `r${i}`, __urn: `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/${kind}:X::r${i}` });
    const olds: Record<string, unknown>[] = [];
    for (let i = 0; i < N; i++) olds.push((await provider.check({}, declared(i))).inputs);
    const rounds: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < N; i++) {
        const checked = await provider.check(olds[i], declared(i));
        const diff = await provider.diff(`id-${i}`, { ...olds[i], id: `id-${i}` }, checked.inputs);
        expect(diff.changes).toBe(false);
      }
      rounds.push(Number(process.hrtime.bigint() - started) / 1e6 / N);
    }
    console.log(`provider CPU, ${kind}: ${Math.min(...rounds).toFixed(3)} ms per resource (check + diff, best of 3 rounds of ${N})`);
  });
});
