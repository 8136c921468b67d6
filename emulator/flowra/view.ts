import type { CredentialValue, StoredFlowraConfig } from "./authConfig";

/** The only credential key reads show as stored (spec: "credential values other than client_id are returned masked"). */
const PASSTHROUGH_KEYS = ["client_id"];

const REDACTED = "REDACTED";

/** The auth config object as reads return it: secrets masked (spec: The auth config object). */
export function flowraConfigObject(config: StoredFlowraConfig): Record<string, unknown> {
  return wireObject(config, false);
}

/** What `GET /_emulator/store` shows: the same object with every secret as stored (a test tool). */
export function revealedFlowraConfigObject(config: StoredFlowraConfig): Record<string, unknown> {
  return wireObject(config, true);
}

function wireObject(config: StoredFlowraConfig, reveal: boolean): Record<string, unknown> {
  return {
    id: config.id,
    name: config.name,
    displayName: config.displayName,
    toolkit: { slug: config.toolkitSlug },
    provider: config.provider,
    authScheme: config.authScheme,
    isProviderManaged: config.managed,
    isDisabled: config.isDisabled,
    credentials: reveal ? structuredClone(config.credentials) : maskedCredentials(config.credentials),
    proxyConfig: config.proxyConfig && {
      proxyUrl: config.proxyConfig.proxyUrl,
      ...(config.proxyConfig.proxyAuthKey !== undefined && { proxyAuthKey: reveal ? config.proxyConfig.proxyAuthKey : REDACTED }),
    },
    toolAccessConfig: { toolsForConnectedAccountCreation: [...config.toolAccessConfig.toolsForConnectedAccountCreation] },
    restrictToFollowingTools: [...config.restrictToFollowingTools],
    createdAt: new Date(config.createdAt).toISOString(),
    updatedAt: new Date(config.updatedAt).toISOString(),
  };
}

function maskedCredentials(credentials: Record<string, CredentialValue>): Record<string, CredentialValue> {
  const masked: Record<string, CredentialValue> = {};
  for (const [key, value] of Object.entries(credentials)) {
    masked[key] = PASSTHROUGH_KEYS.includes(key) ? value : obfuscated(value);
  }
  return masked;
}

/**
 * The first 4 characters and `...` (spec); values of 4 characters or fewer become `...` so that no
 * secret is ever shown whole. Lists (scopes) are masked as their comma-joined text.
 */
function obfuscated(value: CredentialValue): string {
  const text = String(value);
  return text.length > 4 ? `${text.slice(0, 4)}...` : "...";
}
