import { FIELDS, FieldName, fieldsOf, isAuthType } from "./authTypes";
import { AuthConnectionInputs, AuthConnectionState } from "./state";

/**
 * An auth connection as the API lists it (spec: Response object). The list also holds types made
 * elsewhere (refresh_token_auth, whatsapp_auth, url_secret...), so only the common fields are
 * relied on; the rest is read by name when the type is one of ours.
 */
export interface ElevenLabsConnectionObject {
  id: string;
  name: string;
  auth_type: string;
  provider: string;
  status?: string | null;
  status_detail?: string | null;
  status_updated_at?: string | null;
  [field: string]: unknown;
}

/** The body of `POST /v1/workspace/auth-connections`: `auth_type`, the name, and the type's declared fields. */
export function createBody(inputs: AuthConnectionInputs, name: string): Record<string, unknown> {
  const body: Record<string, unknown> = { auth_type: inputs.authType, name, provider: inputs.provider };
  for (const field of fieldsOf(inputs.authType)) {
    if (inputs[field] !== undefined) body[FIELDS[field].wire] = inputs[field];
  }
  return body;
}

/**
 * The resource state from what the API listed. Write-only fields (secrets and certificates) are
 * never returned, so the stored value (from `known`) is kept, unless adopting a connection we did
 * not write (`secretsKnown` false): then they are left out, and the PATCH sends the declared ones.
 * Only the fields `known` declares are taken, and of a map only its declared keys: what the user
 * does not manage is not theirs to see drift on. Without `known` (a `get`), every field as read.
 */
export function stateFromConnection(object: ElevenLabsConnectionObject, known: AuthConnectionInputs | undefined, secretsKnown = true): AuthConnectionState {
  const state: AuthConnectionState = {
    authType: object.auth_type as AuthConnectionState["authType"],
    name: object.name,
    provider: object.provider,
    ...(typeof object.status === "string" && { status: object.status }),
    ...(typeof object.status_detail === "string" && { statusDetail: object.status_detail }),
    ...(typeof object.status_updated_at === "string" && { statusUpdatedAt: object.status_updated_at }),
  };
  // A type made elsewhere: only the common fields mean anything to us.
  if (!isAuthType(object.auth_type)) return state;
  const fields = fieldsOf(object.auth_type);
  const values = state as unknown as Record<FieldName, unknown>;
  for (const field of fields) {
    const spec = FIELDS[field];
    const declared = known?.[field];
    if (known && declared === undefined) continue;
    if ("writeOnly" in spec) {
      if (secretsKnown && declared !== undefined) values[field] = declared;
      continue;
    }
    const read = object[spec.wire];
    if (read === null || read === undefined) continue; // an optional field without a value: as if left out
    values[field] = known && "mergedMap" in spec ? declaredKeysOf(read as Record<string, string>, declared as Record<string, string>) : read;
  }
  return state;
}

/** The keys of `read` that `declared` has: keys set elsewhere are not ours; a declared key gone is drift. */
function declaredKeysOf(read: Record<string, string>, declared: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of Object.keys(declared)) if (key in read) kept[key] = read[key];
  return kept;
}
