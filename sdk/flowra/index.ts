export { AuthConfig } from "./authConfig";
export type { AuthConfigArgs, AuthScheme, ProxyConfigArgs, ToolAccessConfigArgs } from "./authConfig";
