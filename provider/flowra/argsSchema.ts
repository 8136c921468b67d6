import { z } from "zod";
import { FLOWRA_AUTH_SCHEMES } from "./authSchemes";

/**
 * The shape and limits of `flowra.AuthConfig` arguments. Rules between fields (what `managed`
 * allows) are `crossFieldFailures` in definition.ts, where preview-time unknowns are taken into
 * account. Built once per provider process (see core/checkArgs.ts); `importId` and the provider's
 * own inputs are the core's to check.
 */
export function flowraAuthConfigArgsSchema() {
  const slug = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: "must be a slug: letters, digits, '_' and '-'" });
  const toolList = z.array(z.string().min(1).max(200)).max(1000);
  const credentialValue = z.union([z.string().max(16_384), z.number(), z.boolean()], {
    error: "must be a string, a number or a boolean",
  });

  return z.strictObject({
    toolkit: slug,
    // Flowra refuses a display name of only spaces.
    displayName: z.string().min(1).max(255).regex(/\S/, { error: "must not be blank" }).optional(),
    managed: z.boolean().optional(),
    authScheme: z.enum(FLOWRA_AUTH_SCHEMES).optional(),
    credentials: z
      .record(z.string().min(1).max(100), credentialValue)
      .refine((r) => Object.keys(r).length <= 100, { error: "must have at most 100 keys" })
      .optional(),
    proxyConfig: z
      .strictObject({
        proxyUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048),
        proxyAuthKey: z.string().min(1).max(16_384).optional(),
      })
      .optional(),
    toolAccessConfig: z.strictObject({ toolsForConnectedAccountCreation: toolList.optional() }).optional(),
    restrictToFollowingTools: toolList.optional(),
    enabled: z.boolean().optional(),
  });
}
