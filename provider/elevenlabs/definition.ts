import type { ResourceDefinition } from "../core/definition";
import { authConnectionArgsSchema, authTypeFailures } from "./argsSchema";
import { ElevenLabsApi, parseElevenLabsError } from "./client";
import { ELEVENLABS_LIST_FILTERS } from "./listFilters";
import {
  AuthConnectionInputs,
  AuthConnectionState,
  DIFFED_KEYS,
  REPLACE_KEYS,
  SECRET_KEYS,
  SECRET_PATHS,
  WRITE_ONLY_KEYS,
  replaceKeysFor,
} from "./state";
import { ElevenLabsConnectionObject, stateFromConnection } from "./wire";

/** `elevenlabs.AuthConnection`: an ElevenLabs workspace auth connection (spec: elevenlabs-v1.md). */
export const elevenLabsAuthConnection: ResourceDefinition<AuthConnectionInputs, AuthConnectionState, ElevenLabsConnectionObject> = {
  kind: "elevenlabs.AuthConnection",
  settings: {
    namespace: "elevenlabs",
    envPrefix: "ELEVENLABS",
    product: "ElevenLabs",
    defaultBaseUrl: "https://api.elevenlabs.io",
  },
  authHeaders: (apiKey) => ({ "xi-api-key": apiKey }),
  parseErrorBody: parseElevenLabsError,

  argsSchema: authConnectionArgsSchema,
  crossFieldFailures: authTypeFailures,
  // The API's defaults are left to the API: an argument not declared is not managed.
  applyDefaults: () => {},
  labelField: "name",
  // The API cannot rename a connection: a declared name is posted as declared.
  labelRenamable: false,
  diffedKeys: DIFFED_KEYS,
  replaceKeys: REPLACE_KEYS,
  // Three types cannot be updated at all: for them every change replaces.
  replaceKeysOf: replaceKeysFor,
  secretKeys: SECRET_KEYS,
  secretPaths: SECRET_PATHS,
  writeOnlyKeys: WRITE_ONLY_KEYS,
  importIdPattern: { regex: /^[A-Za-z0-9_-]{1,128}$/, example: "aBcD1234eFgH5678iJkL" },
  listFilters: ELEVENLABS_LIST_FILTERS,

  api: (http) => new ElevenLabsApi(http),
  idOf: (object) => object.id,
  labelOf: (object) => object.name,
  // status_updated_at moves with the status only, not with edits: the API says nothing of when a connection last changed.
  stateFromRemote: stateFromConnection,
  asCreated: (inputs, postedName) => ({ ...inputs, name: postedName }),
  partialState: () => ({ status: "active" }),
  manualDeleteHint: (id, baseUrl) => `curl -X DELETE -H "xi-api-key: $ELEVENLABS_API_KEY" ${baseUrl}/v1/workspace/auth-connections/${id}`,
};
