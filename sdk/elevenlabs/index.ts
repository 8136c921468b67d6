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
