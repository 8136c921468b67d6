import { jsonEqual } from "../core/equality";
import { mergePatchOf } from "../core/recordDiff";
import { FlowraAuthConfigInputs } from "./state";
import { proxyConfigToWire } from "./wire";

/**
 * Turns a change between two sets of inputs into the smallest true-PATCH body (camelCase) that makes
 * the API's object match `after`, or undefined when nothing changed. The rules are the spec's
 * (flowra-v1.md, PATCH body): `credentials` merged key by key, so only changed keys are sent and
 * removed ones go as `null`; `proxyConfig` replaced whole, `null` clears it; `toolAccessConfig`
 * merged key by key; `restrictToFollowingTools` replaced; `enabled` is `isDisabled`.
 * `toolkit`, `managed` and `authScheme` are not here: Flowra refuses them (400), a change replaces.
 */
export function buildPatchBody(before: FlowraAuthConfigInputs, after: FlowraAuthConfigInputs): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  const changed = <K extends keyof FlowraAuthConfigInputs>(key: K) => !jsonEqual(before[key], after[key]);

  // Without a display name (adopted by importId without one), the config keeps the one it has.
  if (after.displayName !== undefined && changed("displayName")) body.displayName = after.displayName;

  if (changed("credentials")) {
    // Dropping `credentials` removes the keys it declared, not keys set elsewhere (`null` would).
    const credentials = mergePatchOf(before.credentials, after.credentials ?? {});
    if (credentials !== undefined) body.credentials = credentials;
  }
  if (changed("proxyConfig")) body.proxyConfig = after.proxyConfig ? proxyConfigToWire(after.proxyConfig) : null;

  const beforeTools = before.toolAccessConfig?.toolsForConnectedAccountCreation;
  const afterTools = after.toolAccessConfig?.toolsForConnectedAccountCreation;
  if (!jsonEqual(beforeTools, afterTools)) body.toolAccessConfig = { toolsForConnectedAccountCreation: afterTools ?? null };

  // Dropped from the program: back to the default, no restriction.
  if (changed("restrictToFollowingTools")) body.restrictToFollowingTools = after.restrictToFollowingTools ?? [];
  if (before.enabled !== after.enabled) body.isDisabled = !after.enabled;

  return Object.keys(body).length > 0 ? body : undefined;
}
