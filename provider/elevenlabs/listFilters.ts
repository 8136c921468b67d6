import type { ListFilter } from "../core/definition";
import type { ElevenLabsConnectionObject } from "./wire";

/**
 * The filters of `elevenlabs.listAuthConnections`. The list takes no query (spec: Endpoints), so each
 * is a test of the listed connections, which are read once whatever the filters.
 */
export const ELEVENLABS_LIST_FILTERS: readonly ListFilter<ElevenLabsConnectionObject>[] = [
  {
    name: "authType",
    type: "string",
    description: "Only connections of this auth type: one this package manages (e.g. `bearer_auth`) or one made elsewhere (e.g. `slack_bot_auth`).",
    pattern: { regex: /^[a-z0-9_]+$/, example: "bearer_auth" },
    matches: (connection, authType) => connection.auth_type === authType,
  },
  {
    name: "provider",
    type: "string",
    description: "Only connections to this third-party provider (exactly, e.g. `salesforce`).",
    matches: (connection, provider) => connection.provider === provider,
  },
  {
    name: "name",
    type: "string",
    description: "Only connections with exactly this name.",
    matches: (connection, name) => connection.name === name,
  },
  {
    name: "status",
    type: "string",
    description: "Only connections with this status.",
    values: ["active", "refresh_failed", "revoked", "credential_invalid"],
    matches: (connection, status) => connection.status === status,
  },
];
