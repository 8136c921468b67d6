import { join } from "node:path";
// @ts-expect-error: a plain .mjs script, without type declarations
import { bundlePlugin } from "../../scripts/build-plugin.mjs";

/** The floor plugin's package name: its type is `benchfloor:index:Floor`, its executable `pulumi-resource-benchfloor`. */
export const FLOOR_PLUGIN = "benchfloor";

/**
 * Bundles the floor plugin into `outDir` exactly as the package's plugin is bundled, so that both
 * plugins start alike. That folder is what a Pulumi.yaml's plugins.providers[].path names.
 */
export function buildFloorPlugin(outDir: string): string {
  return bundlePlugin({ entry: join(__dirname, "main.ts"), outDir, name: FLOOR_PLUGIN }) as string;
}
