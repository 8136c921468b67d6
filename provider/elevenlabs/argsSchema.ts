import { z } from "zod";
import type { CheckFailure } from "../core/definition";
import { UNKNOWN } from "../core/unknown";
import { AUTH_TYPE_NAMES, AUTH_TYPES, FieldName, JWT_ALGORITHMS, TOKEN_RESPONSE_FIELDS, fieldsOf, isAuthType, typesWith } from "./authTypes";

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The shape and limits of every argument an `elevenlabs.AuthConnection` may have, whatever its
 * `authType`; which fields a type requires and allows is checked by `authTypeFailures`, which can
 * name the type in its message and leave preview-time unknowns alone. Built once per provider
 * process (see core/checkArgs.ts); `importId` is the core's to check.
 */
export function authConnectionArgsSchema() {
  const text = z.string().min(1).max(1024);
  const secret = z.string().min(1).max(16_384);
  const pem = z.string().min(1).max(65_536).regex(/-----BEGIN [A-Z0-9 ]+-----/, { error: "must be PEM text (-----BEGIN ...-----)" });
  const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048);
  const stringMap = (key: z.ZodString) =>
    z.record(key, z.string().max(4096)).refine((map) => Object.keys(map).length <= 100, { error: "must have at most 100 keys" });
  const headerName = z.string().min(1).max(256).regex(HEADER_NAME, { error: "must be an HTTP header name (letters, digits and !#$%&'*+.^_`|~-, no spaces)" });

  const fields: Record<FieldName, z.ZodType> = {
    clientId: text,
    clientSecret: secret,
    tokenUrl: url,
    scopes: z.array(z.string().min(1).max(500)).max(200),
    extraParams: stringMap(z.string().min(1).max(100)),
    basicAuthInHeader: z.boolean(),
    customHeaders: stringMap(headerName),
    headerName,
    token: secret,
    username: text,
    password: secret,
    issuer: text,
    audience: text,
    subject: text,
    secretKey: secret,
    algorithm: z.enum(JWT_ALGORITHMS),
    keyId: text,
    expirationSeconds: z.int().min(60).max(86_400),
    tokenResponseField: z.enum(TOKEN_RESPONSE_FIELDS),
    clientCertificate: pem,
    clientKey: pem,
    caCertificate: pem,
    keyPassphrase: secret,
  };
  return z.strictObject({
    authType: z.enum(AUTH_TYPE_NAMES as [string, ...string[]]),
    name: z.string().min(1).max(255).optional(),
    provider: z.string().min(1).max(255),
    ...Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, schema.optional()])),
  });
}

/** The fields `authType` requires and allows: each missing one, and each one of another type, by name. */
export function authTypeFailures(args: Record<string, unknown>): CheckFailure[] {
  const authType = args.authType;
  // Unknown at preview, or not a type (the schema says so): nothing to judge the fields by.
  if (authType === UNKNOWN || !isAuthType(authType)) return [];
  const failures: CheckFailure[] = [];
  const own = fieldsOf(authType);
  for (const field of AUTH_TYPES[authType].required) {
    if (args[field] === undefined) failures.push({ property: field, reason: `${field} is required when authType is ${authType}` });
  }
  for (const field of Object.keys(args)) {
    const types = typesWith(field as FieldName);
    if (args[field] !== undefined && types.length > 0 && !own.includes(field as FieldName)) {
      failures.push({ property: field, reason: `${field} is not a field of ${authType} connections (only of ${types.join(", ")})` });
    }
  }
  return failures;
}
