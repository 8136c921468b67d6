import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { UNKNOWN, isUnknownAtPath, valueAtPath } from "../core/unknown";
import { COMPOSIO_AUTH_SCHEMES } from "./authSchemes";
import { authConfigArgsSchema } from "./argsSchema";
import { AuthConfigInputs, INPUT_KEYS, REPLACE_KEYS } from "./state";

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/**
 * Validates and normalises `composio.AuthConfig` arguments: every failure names its field, no
 * failure quotes a secret, and values still unknown during preview are never judged.
 */
export function checkInputs(olds: Record<string, unknown>, news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const { __provider: _ignored, ...args } = news;
  const failures: CheckFailure[] = [];

  const parsed = authConfigArgsSchema().safeParse(args);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (isUnknownAtPath(args, issue.path)) continue;
      failures.push(describeIssue(issue, args));
    }
  }
  failures.push(...crossFieldFailures(args));

  const inputs: Record<string, unknown> = { ...args };
  if (inputs.managed === undefined) inputs.managed = false;
  if (inputs.enabled === undefined) inputs.enabled = true;
  if (inputs.name !== undefined) {
    delete inputs.__autoNamed;
    delete inputs.__nameUnmanaged;
  } else if (inputs.importId !== undefined || (olds.__nameUnmanaged === true && !isReplacing(olds, inputs))) {
    // Adopted without a name: the config keeps the name it has, now and after importId is dropped.
    delete inputs.__autoNamed;
    inputs.__nameUnmanaged = true;
  } else {
    delete inputs.__nameUnmanaged;
    Object.assign(inputs, chooseAutoName(olds, inputs));
  }
  return { inputs, failures };
}

/** The rules that depend on `managed`: managed auth is Composio's app, custom auth is the user's. */
function crossFieldFailures(args: Record<string, unknown>): CheckFailure[] {
  const managed = args.managed;
  if (managed === UNKNOWN) return [];
  const failures: CheckFailure[] = [];
  const present = (key: string) => args[key] !== undefined;
  if (managed === true) {
    for (const key of ["authScheme", "credentials", "proxyConfig"]) {
      if (present(key)) failures.push({ property: key, reason: `${key} is only allowed when managed is false` });
    }
  } else {
    if (!present("authScheme")) {
      failures.push({ property: "authScheme", reason: `authScheme is required when managed is false (one of ${COMPOSIO_AUTH_SCHEMES.join(", ")})` });
    }
    for (const key of ["scopes", "userScopes"]) {
      if (present(key)) failures.push({ property: key, reason: `${key} is only allowed when managed is true` });
    }
  }
  return failures;
}

/**
 * Keeps a generated name across updates (Pulumi auto-naming style), but picks a new one when the
 * resource is being replaced, so that the old and new configs can be told apart by name.
 */
function chooseAutoName(olds: Record<string, unknown>, inputs: Record<string, unknown>): Record<string, unknown> {
  if (olds.__autoNamed === true && typeof olds.name === "string" && !isReplacing(olds, inputs)) {
    return { name: olds.name, __autoNamed: true };
  }
  const base = typeof inputs.__logicalName === "string" && inputs.__logicalName !== UNKNOWN ? inputs.__logicalName : String(inputs.toolkit ?? "authconfig");
  const prefix = base.slice(0, 247);
  return { name: `${prefix}-${randomBytes(4).toString("hex").slice(0, 7)}`, __autoNamed: true };
}

const KIND_OF_VALUE: Record<string, string> = { string: "a string", number: "a number", boolean: "a boolean", object: "an object", array: "a list", record: "an object" };

/** Whether the change replaces the config (a new one is created). */
function isReplacing(olds: Record<string, unknown>, inputs: Record<string, unknown>): boolean {
  return REPLACE_KEYS.some((key) => olds[key] !== undefined && olds[key] !== inputs[key]);
}

/** Turns a zod issue into a sentence that starts with the field's path and never quotes a secret. */
function describeIssue(issue: z.core.$ZodIssue, args: Record<string, unknown>): CheckFailure {
  const property = issue.path.map(String).join(".");
  const field = property || "arguments";
  switch (issue.code) {
    case "invalid_type":
      if (valueAtPath(args, issue.path) === undefined) return { property, reason: `${field} is required` };
      return { property, reason: `${field} must be ${KIND_OF_VALUE[issue.expected] ?? issue.expected}${describeReceived(args, issue.path)}` };
    case "unrecognized_keys":
      return {
        property: issue.keys.map((k) => (property ? `${property}.${k}` : k)).join(", "),
        reason: issue.keys.map((k) => `${property ? `${property}.` : ""}${k} is not a known field${suggestion(k)}`).join("; "),
      };
    case "invalid_value":
      if (property === "authScheme") {
        return { property, reason: `authScheme ${JSON.stringify(String(args.authScheme))} is not one of ${COMPOSIO_AUTH_SCHEMES.join(", ")}` };
      }
      return { property, reason: `${field} has a value that is not allowed` };
    case "too_small":
      return { property, reason: `${field} ${issue.origin === "string" ? (issue.minimum === 1 ? "must not be empty" : `must be at least ${issue.minimum} characters`) : `must have at least ${issue.minimum} items`}` };
    case "too_big":
      return { property, reason: `${field} is too long: at most ${issue.maximum} ${issue.origin === "string" ? "characters" : "items"}` };
    case "invalid_key":
      return { property, reason: `${field} has a key that is empty or longer than 100 characters` };
    case "invalid_union":
      return { property, reason: `${field} must be a string, a number or a boolean${describeReceived(args, issue.path)}` };
    default:
      return { property, reason: `${field} ${issue.message}` };
  }
}

/** `auth_scheme` → ` (did you mean authScheme?)`: the API's snake_case is a common slip. */
function suggestion(key: string): string {
  const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return camel !== key && (INPUT_KEYS as readonly string[]).includes(camel) ? ` (did you mean ${camel}?)` : "";
}

function describeReceived(args: Record<string, unknown>, path: readonly PropertyKey[]): string {
  const value = valueAtPath(args, path);
  if (value === undefined) return "";
  const kind = value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`;
  return `, got ${kind}`;
}

/** Narrows checked inputs to their type once `checkInputs` found no failure. */
export function asInputs(inputs: Record<string, unknown>): AuthConfigInputs {
  return inputs as unknown as AuthConfigInputs;
}
