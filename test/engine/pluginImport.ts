import { expect } from "vitest";
import { PACKAGE_RESOURCES } from "../../provider/plugin/resourceTypes";
import type { EngineWorld, ResourceKind } from "./harness";
import type { LifecycleRow } from "./lifecycleTable";

/**
 * What the import steps of the native plugin's programs share (plugin.test.ts for TypeScript,
 * lifecycle.test.ts for YAML): a config made by hand, the command that imports it, the inputs the
 * import put in state, and the real secret a program then declares over it.
 */

/** The plugin's type token of each kind. */
export const TOKENS = Object.fromEntries(PACKAGE_RESOURCES.map((r) => [r.module, r.token])) as Record<ResourceKind, string>;

/**
 * A config made by hand holds a secret the API masks (Composio, Flowra) or never returns
 * (ElevenLabs): per kind, how a program declares its real value over what was imported, and the
 * one PATCH that then sends it.
 */
export const REAL_SECRET: Record<ResourceKind, { canary: string; declare(args: Record<string, unknown>, canary: string): Record<string, unknown>; patch(canary: string): unknown }> = {
  composio: {
    canary: "canary-plugin-import-composio-1f3a",
    declare: (args, canary) => ({ ...args, credentials: { ...(args.credentials as object), client_secret: canary } }),
    patch: (canary) => ({ type: "custom", credentials: { client_secret: canary } }),
  },
  flowra: {
    canary: "canary-plugin-import-flowra-8c24",
    declare: (args, canary) => ({ ...args, credentials: { ...(args.credentials as object), client_secret: canary } }),
    patch: (canary) => ({ credentials: { client_secret: canary } }),
  },
  elevenlabs: {
    canary: "canary-plugin-import-elevenlabs-3e90",
    declare: (args, canary) => ({ ...args, clientSecret: canary }),
    patch: (canary) => ({ auth_type: "oauth2_client_credentials", client_secret: canary }),
  },
};

/** Makes a config through the API, as a person would in the dashboard: the row's by-hand body under this label. Returns its id. */
export async function makeByHand(world: EngineWorld, row: LifecycleRow, label: string): Promise<string> {
  const body = JSON.parse(JSON.stringify(row.byHand.createBody).replace(JSON.stringify(row.byHand.label), JSON.stringify(label)));
  const made = await world.api("POST", row.collectionPath, body);
  expect([200, 201], `POST ${row.collectionPath}`).toContain(made.status);
  return row.byHand.idOf(made.body);
}

/** `pulumi import <type> <name> <id>` as a user types it, without code generation; fails the test unless it succeeds. */
export async function pulumiImport(world: EngineWorld, kind: ResourceKind, name: string, id: string): Promise<void> {
  const imported = await world.run(["import", TOKENS[kind], name, id, "--yes", "--protect=false", "--generate-code=false"]);
  expect(imported.code, imported.output).toBe(0);
}

/** A value of an exported deployment with its secrets as plain values (the export gives `{<sig>, plaintext: "<json>"}`). */
function decrypted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decrypted);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (typeof record.plaintext === "string" && Object.keys(record).length === 2) return JSON.parse(record.plaintext);
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decrypted(inner)]));
}

/** The inputs the state holds for a resource, decrypted, without the provider's own (`__...`): what `pulumi import` would write as code. */
export async function importedArgs(world: EngineWorld, name: string): Promise<Record<string, unknown>> {
  const deployment = (await world.stack.exportStack()).deployment as { resources: { urn: string; inputs?: Record<string, unknown> }[] };
  const resource = deployment.resources.find((r) => r.urn.endsWith(`::${name}`));
  expect(resource, `${name} in state`).toBeDefined();
  return decrypted(Object.fromEntries(Object.entries(resource!.inputs ?? {}).filter(([key]) => !key.startsWith("__")))) as Record<string, unknown>;
}
