import type { z } from "zod";
import { createMarker, markerSeedUrn } from "./createMarker";
import type { CheckFailure, CoreInputs, ResourceDefinition } from "./definition";
import { jsonEqual } from "./equality";
import { claimImportId } from "./heldConfigs";
import { UNKNOWN, isUnknownAtPath, valueAtPath } from "./unknown";

/** The inputs the core owns (see CoreInputs); kept in state, never sent to an API. */
export const CORE_INPUT_KEYS = ["importId", "__logicalName", "__autoNamed", "__nameUnmanaged", "__marker", "__adoptionDone", "__replaceOnChanges"] as const;

/** Inputs the SDK passes that are read by `check` and not stored. */
const TRANSIENT_KEYS = ["__provider", "__urn"];

/** Schemas are built once per definition and process: `check` runs once per resource. */
const schemas = new WeakMap<object, z.ZodType>();

/**
 * `check` for any resource: validates the arguments (every failure names its field, none quotes a
 * secret, values unknown at preview are never judged), applies defaults, and settles the resource's
 * identity: its label (generated, declared or left as adopted), its create marker, and the rules of
 * `importId` (adoption happens once, by one resource).
 */
export function checkArgs<I extends CoreInputs>(
  def: ResourceDefinition<I, any, any>,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const args: Record<string, unknown> = { ...news };
  for (const key of TRANSIENT_KEYS) delete args[key];

  let schema = schemas.get(def);
  if (!schema) schemas.set(def, (schema = def.argsSchema()));
  const failures: CheckFailure[] = [];
  // The definition's schema knows its own arguments; the core's inputs are checked here.
  const declared = Object.fromEntries(Object.entries(args).filter(([key]) => !(CORE_INPUT_KEYS as readonly string[]).includes(key)));
  const parsed = schema.safeParse(declared);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (!isUnknownAtPath(args, issue.path)) failures.push(describeIssue(issue, args, def.diffedKeys));
    }
  }
  failures.push(...def.crossFieldFailures(args));
  const importId = args.importId;
  if (importId !== undefined && importId !== UNKNOWN && (typeof importId !== "string" || !def.importIdPattern.regex.test(importId))) {
    failures.push({ property: "importId", reason: `importId must be an id such as ${def.importIdPattern.example}` });
  }

  const inputs: Record<string, unknown> = { ...args };
  def.applyDefaults(inputs);
  const existing = Object.keys(olds).length > 0;
  const logicalName = typeof inputs.__logicalName === "string" ? inputs.__logicalName : String(inputs[def.labelField] ?? def.kind);
  const urn = markerSeedUrn(news, logicalName);
  const resource = `${def.kind} "${logicalName}"`;

  failures.push(...importIdFailures(def, olds, inputs, existing, resource));
  if (existing && inputs.importId !== undefined && inputs.importId === olds.importId) inputs.__adoptionDone = true;
  else delete inputs.__adoptionDone;

  const replacing = existing && isReplacing(def, olds, inputs);
  if (replacing) replacedNames.set(urn, String(olds[def.labelField] ?? olds.__marker ?? ""));
  // The engine checks a replacement again without olds: it then learns what is replaced from the first check.
  const replacedName = existing ? String(olds[def.labelField] ?? olds.__marker ?? "") : replacedNames.get(urn);
  inputs.__marker = createMarker({ urn, logicalName, replacing: replacedName });

  const label = def.labelField;
  if (inputs[label] !== undefined) {
    delete inputs.__autoNamed;
    delete inputs.__nameUnmanaged;
  } else if ((inputs.importId !== undefined && !inputs.__adoptionDone) || (existing && olds.__nameUnmanaged === true && !replacing)) {
    // Adopted without a label: the config keeps the one it has, now and after importId is dropped.
    delete inputs.__autoNamed;
    inputs.__nameUnmanaged = true;
  } else {
    delete inputs.__nameUnmanaged;
    inputs.__autoNamed = true;
    const kept = existing && olds.__autoNamed === true && typeof olds[label] === "string" && !replacing;
    inputs[label] = kept ? olds[label] : inputs.__marker;
  }
  return { inputs, failures };
}

/** Names of configs being replaced in this process, by resource URN: the re-check of a replacement has no olds. */
const replacedNames = new Map<string, string>();

/** Whether the change replaces the config: a replace-only field changed, or one named in `replaceOnChanges`. */
export function isReplacing(def: ResourceDefinition<any, any, any>, olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  return replacedKeys(def, olds, news).length > 0;
}

/** The changed keys that make this change a replacement. */
export function replacedKeys(def: ResourceDefinition<any, any, any>, olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  return def.diffedKeys.filter((key) => olds[key] !== undefined && !jsonEqual(olds[key], news[key]) && !labelKept(def, key, olds, news) && replacesOnChange(def, key, olds, news));
}

/** A label the program leaves out that `check` keeps as it was: generated earlier, or the adopted config's own. */
function labelKept(def: ResourceDefinition<any, any, any>, key: string, olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  return key === def.labelField && news[key] === undefined && (olds.__autoNamed === true || olds.__nameUnmanaged === true);
}

/**
 * Whether a change of `key` replaces the config: the API cannot change it in place (for these inputs:
 * some APIs cannot update some kinds at all), or the resource's `replaceOnChanges` names it.
 */
export function replacesOnChange(def: ResourceDefinition<any, any, any>, key: string, olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  if ((def.replaceKeysOf?.(olds, news) ?? def.replaceKeys).includes(key)) return true;
  const onChanges = Array.isArray(news.__replaceOnChanges) ? (news.__replaceOnChanges as string[]) : [];
  return onChanges.some((path) => path === "*" || path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`));
}

/** `importId` adopts once, on create, and by one resource of the program. */
function importIdFailures(def: ResourceDefinition<any, any, any>, olds: Record<string, unknown>, inputs: Record<string, unknown>, existing: boolean, resource: string): CheckFailure[] {
  const importId = inputs.importId;
  if (importId === undefined || importId === UNKNOWN) return [];
  if (existing && olds.importId !== importId) {
    const before = olds.importId === undefined ? "without importId" : `with importId ${JSON.stringify(olds.importId)}`;
    return [
      {
        property: "importId",
        reason:
          `importId can only be set when a resource is first created, and this resource already manages a config (created ${before}). ` +
          `To manage ${JSON.stringify(importId)} instead, declare it on a new resource and remove this one (which deletes this one's config), ` +
          "or run `pulumi state delete <urn>` on this one first to keep its config",
      },
    ];
  }
  if (typeof importId !== "string") return [];
  const other = claimImportId(def.kind, importId, resource);
  if (other !== undefined) {
    return [{ property: "importId", reason: `importId ${JSON.stringify(importId)} is also declared by ${other}: a config can be managed by one resource only; remove it from one of them` }];
  }
  return [];
}

const KIND_OF_VALUE: Record<string, string> = { string: "a string", number: "a number", int: "a whole number", boolean: "a boolean", object: "an object", array: "a list", record: "an object" };

/** Turns a zod issue into a sentence that starts with the field's path and never quotes a secret. */
function describeIssue(issue: z.core.$ZodIssue, args: Record<string, unknown>, knownKeys: readonly string[]): CheckFailure {
  const property = issue.path.map(String).join(".");
  const field = property || "arguments";
  switch (issue.code) {
    case "invalid_type":
      if (valueAtPath(args, issue.path) === undefined) return { property, reason: `${field} is required` };
      return { property, reason: `${field} must be ${KIND_OF_VALUE[issue.expected] ?? issue.expected}${describeReceived(args, issue.path)}` };
    case "unrecognized_keys":
      return {
        property: issue.keys.map((k) => (property ? `${property}.${k}` : k)).join(", "),
        reason: issue.keys.map((k) => `${property ? `${property}.` : ""}${k} is not a known field${suggestion(k, knownKeys)}`).join("; "),
      };
    case "invalid_value":
      // Only enumerations have a list of values, and they are never secret.
      if (valueAtPath(args, issue.path) === undefined) return { property, reason: `${field} is required: one of ${issue.values.join(", ")}` };
      if (issue.values.length > 1) return { property, reason: `${field} ${JSON.stringify(String(valueAtPath(args, issue.path)))} is not one of ${issue.values.join(", ")}` };
      return { property, reason: `${field} has a value that is not allowed` };
    case "too_small":
      if (issue.origin === "number") return { property, reason: `${field} must be at least ${issue.minimum}` };
      return { property, reason: `${field} ${issue.origin === "string" ? (issue.minimum === 1 ? "must not be empty" : `must be at least ${issue.minimum} characters`) : `must have at least ${issue.minimum} items`}` };
    case "too_big":
      if (issue.origin === "number") return { property, reason: `${field} must be at most ${issue.maximum}` };
      return { property, reason: `${field} is too long: at most ${issue.maximum} ${issue.origin === "string" ? "characters" : "items"}` };
    case "invalid_key": {
      // The path ends with the key itself, which is not a value: say what is wrong with it.
      const owner = issue.path.slice(0, -1).map(String).join(".") || "arguments";
      const inner = issue.issues[0];
      const why =
        inner?.code === "too_small" ? "is empty" : inner?.code === "too_big" ? `is longer than ${inner.maximum} characters` : inner?.code === "invalid_format" ? inner.message : "is not allowed";
      return { property, reason: `${owner} has a key that ${why}: ${JSON.stringify(String(issue.path[issue.path.length - 1] ?? ""))}` };
    }
    case "invalid_union":
      return { property, reason: `${field} must be a string, a number or a boolean${describeReceived(args, issue.path)}` };
    default:
      return { property, reason: `${field} ${issue.message}` };
  }
}

/** `auth_scheme` → ` (did you mean authScheme?)`: the API's snake_case is a common slip. */
function suggestion(key: string, knownKeys: readonly string[]): string {
  const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return camel !== key && (knownKeys.includes(camel) || camel === "importId") ? ` (did you mean ${camel}?)` : "";
}

function describeReceived(args: Record<string, unknown>, path: readonly PropertyKey[]): string {
  const value = valueAtPath(args, path);
  if (value === undefined) return "";
  const kind = value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`;
  return `, got ${kind}`;
}
