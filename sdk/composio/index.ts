export { AuthConfig } from "./authConfig";
export type { AuthConfigArgs, AuthScheme, ProxyConfigArgs, ToolAccessConfigArgs } from "./authConfig";
export { getAuthConfig, getAuthConfigOutput, listAuthConfigs, listAuthConfigsOutput } from "./lookups";
export type { AuthConfigLookupResult, GetAuthConfigArgs, ListAuthConfigsArgs, ListAuthConfigsResult } from "./lookups";
