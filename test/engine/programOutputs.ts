import type { ResourceKind } from "./harness";

/**
 * What every test program exports per resource, besides its id: the label and the change timestamp
 * each kind has. The JS programs (globalSetup.ts) and the YAML program (yamlProgram.ts) read this one
 * list, so a table's assertions on `stack.outputs()` hold for all of them.
 */
export const OUTPUT_FIELDS: Record<ResourceKind, readonly string[]> = {
  composio: ["name", "status", "lastUpdatedAt"],
  flowra: ["name", "displayName", "updatedAt"],
  elevenlabs: ["name", "statusUpdatedAt"],
};
