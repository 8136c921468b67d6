import { z } from "zod";
import { COMPOSIO_AUTH_SCHEMES } from "./authSchemes";

/**
 * The shape and limits of `composio.AuthConfig` arguments. Cross-field rules (what `managed`
 * allows) live in `checkInputs.ts`, where preview-time unknowns can be taken into account.
 * Built once per provider process, on first use (see core/checkArgs.ts). `importId` and the provider's
 * own inputs are the core's to check.
 */
export function authConfigArgsSchema() {
  const slug = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: "must be a slug: letters, digits, '_' and '-'" });
  const toolName = z.string().min(1).max(200);
  const toolList = z.array(toolName).max(1000);
  const scopeList = z.array(z.string().min(1).max(500)).max(200);
  const credentialKey = z.string().min(1).max(100);
  const credentialValue = z.union([z.string().max(16_384), z.number(), z.boolean()], {
    error: "must be a string, a number or a boolean",
  });

  return z.strictObject({
    toolkit: slug,
    name: z.string().min(1).max(255).optional(),
    managed: z.boolean().optional(),
    authScheme: z.enum(COMPOSIO_AUTH_SCHEMES).optional(),
    credentials: z.record(credentialKey, credentialValue).refine((r) => Object.keys(r).length <= 100, { error: "must have at most 100 keys" }).optional(),
    scopes: scopeList.optional(),
    userScopes: scopeList.optional(),
    proxyConfig: z
      .strictObject({
        proxyUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048),
        proxyAuthKey: z.string().min(1).max(16_384).optional(),
      })
      .optional(),
    toolAccessConfig: z
      .strictObject({
        toolsAvailableForExecution: toolList.optional(),
        toolsForConnectedAccountCreation: toolList.optional(),
      })
      .optional(),
    sharedCredentials: z
      .record(credentialKey, z.string().max(16_384))
      .refine((r) => Object.keys(r).length <= 100, { error: "must have at most 100 keys" })
      .optional(),
    isEnabledForToolRouter: z.boolean().optional(),
    enabled: z.boolean().optional(),
  });
}
