import { createHash } from "node:crypto";
import { UNKNOWN } from "./unknown";

/**
 * The create marker: a name that only one resource's create can carry, so that the provider can
 * recognise the config its own request made (after an interrupted POST, or a `pulumi` killed
 * mid-create) and never mistake another config for it. It is derived, not random, so that
 * `preview` and `up` agree and a later run finds what a killed one left:
 *
 *     <logical name>-<7 hex of sha256(resource URN, the name of the config it replaces, if any)>
 *
 * A resource without an explicit name simply keeps its marker as its name (Pulumi-style auto-naming).
 * A resource with one is created under its marker and renamed right after.
 */
export function createMarker(seed: { urn: string; logicalName: string; replacing?: string }): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([seed.urn, seed.replacing ?? ""]))
    .digest("hex")
    .slice(0, 7);
  // The API's names have a length limit (255 for Composio); leave room for the suffix.
  return `${seed.logicalName.slice(0, 200)}-${digest}`;
}

/** The URN the SDK passed (known at preview, as URNs always are), or the logical name when it did not. */
export function markerSeedUrn(news: Record<string, unknown>, logicalName: string): string {
  const urn = news.__urn;
  return typeof urn === "string" && urn !== UNKNOWN ? urn : logicalName;
}
