import type { FastifyInstance } from "fastify";
import { invalidRequest } from "../core/apiError";
import type { EmulatorClock } from "../core/clock";
import { isObject } from "../core/fieldChecks";
import { UnreadableBody } from "../core/jsonBody";
import { ALL_AUTH_TYPES, AUTH_TYPES, seededProvider } from "./authTypes";
import type { ConnectionStore, SeedDetails } from "./store";
import { checkValue, defaultValue, ElevenLabsValidationError, expectAuthType, Problems } from "./validation";
import { connectionObject } from "./view";

/** Keys a seed may give besides the type's fields: what only the platform sets. */
const SEED_KEYS = ["auth_type", "id", "status", "status_detail", "status_updated_at", "used_by"];

/**
 * `POST <base>/seed`: stores auth connections of any of the 13 types as if made elsewhere
 * (integrations, the dashboard), so that clients can be tested against a list holding types this
 * project never creates. The body is one connection or an array of them, spelled as the API lists
 * them (`auth_type`, the type's fields, optionally `id`, `status`, `status_detail`,
 * `status_updated_at`, `used_by`). Required fields left out get placeholders; other keys are kept
 * as secrets (stored, never returned). Answers `{"auth_connections": [...]}` as the list shows them.
 */
export function registerSeedRoute(app: FastifyInstance, base: string, store: ConnectionStore, clock: EmulatorClock): void {
  app.post(`${base}/seed`, async (request) => {
    const body = request.body;
    if (body instanceof UnreadableBody) throw invalidRequest("invalid_request_body", body.reason);
    const seeds = Array.isArray(body) ? body : [body];
    // All checked before any is stored.
    const parsed = seeds.map((seed, i) => parseSeed(seed, Array.isArray(body) ? `[${i}]` : "", clock.now()));
    return { auth_connections: parsed.map((seed) => connectionObject(store.create(seed.authType, seed.fields, seed.details))) };
  });
}

interface ParsedSeed {
  authType: string;
  fields: Record<string, unknown>;
  details: SeedDetails;
}

function parseSeed(seed: unknown, at: string, nowMs: number): ParsedSeed {
  if (!isObject(seed)) throw invalidRequest("invalid_request_body", `seed${at} must be a JSON object (or send an array of them)`);
  let authType: string;
  try {
    authType = expectAuthType(seed, ALL_AUTH_TYPES);
  } catch (error) {
    throw seedError(error, at);
  }
  const rules = AUTH_TYPES[authType].fields;
  const problems = new Problems();
  const fields: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const value = seed[name];
    if (value !== undefined && value !== null) fields[name] = checkValue(rule, value, [name], problems);
    else if (name === "name") fields.name = `${authType}-seeded`;
    else if (name === "provider") fields.provider = seededProvider(authType);
    else if (rule.seedDefault) fields[name] = rule.seedDefault(nowMs);
    else if (rule.required) problems.missing([name]);
    else fields[name] = defaultValue(rule);
  }
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(seed)) if (!SEED_KEYS.includes(key) && !(key in rules)) extras[key] = value;
  const details: SeedDetails = {
    id: optionalString(seed.id, "id", problems),
    status: optionalString(seed.status, "status", problems),
    statusDetail: seed.status_detail === null ? null : optionalString(seed.status_detail, "status_detail", problems),
    statusUpdatedAt: optionalDate(seed.status_updated_at, problems),
    usedBy: optionalUsedBy(seed.used_by, problems),
    extras,
  };
  try {
    problems.throwIfAny();
  } catch (error) {
    throw seedError(error, at);
  }
  return { authType, fields, details };
}

function optionalString(value: unknown, name: string, problems: Problems): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") return void problems.add([name], "must be a non-empty string", "type_error.str");
  return value;
}

/** `used_by` as given: an object, null, or absent (the empty dependencies). */
function optionalUsedBy(value: unknown, problems: Problems): unknown {
  if (value === undefined || value === null || isObject(value)) return value;
  return void problems.add(["used_by"], "value is not a valid dict", "type_error.dict");
}

function optionalDate(value: unknown, problems: Problems): number | undefined {
  if (value === undefined) return undefined;
  const time = typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) return void problems.add(["status_updated_at"], "must be an ISO 8601 date", "type_error.datetime");
  return time;
}

/** A control endpoint answers a bad body with a 400 naming the field. */
function seedError(error: unknown, at: string): unknown {
  if (!(error instanceof ElevenLabsValidationError)) return error;
  const where = error.details.map((detail) => `seed${at}.${detail.loc.filter((part) => part !== "body").join(".")}: ${detail.msg}`);
  return invalidRequest("invalid_seed", where.join("; "));
}
