export { AuthConnection } from "./authConnection";
export type {
  AuthConnectionArgs,
  AuthConnectionCommonArgs,
  AuthType,
  BasicAuthArgs,
  BearerAuthArgs,
  CustomHeaderAuthArgs,
  JwtAlgorithm,
  JwtArgs,
  MtlsArgs,
  OAuth2ClientCredentialsArgs,
  OAuth2JwtArgs,
  PrivateKeyJwtArgs,
} from "./authConnection";
export { getAuthConnection, getAuthConnectionOutput, listAuthConnections, listAuthConnectionsOutput } from "./lookups";
export type { AuthConnectionLookupResult, GetAuthConnectionArgs, ListAuthConnectionsArgs, ListAuthConnectionsResult } from "./lookups";
