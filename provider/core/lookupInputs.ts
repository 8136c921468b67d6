import type { CheckFailure, ListFilter } from "./definition";
import { AuthConfigError } from "./errors";

/** An argument of a lookup: a list filter, or the lookup by id's `id` (required). */
type Argument = Pick<ListFilter<unknown>, "name" | "type" | "values" | "pattern"> & { readonly required?: boolean };

/** Lookup arguments that are wrong: each failure names its field. Raised before any request is sent. */
export class LookupInputError extends AuthConfigError {
  constructor(
    fn: string,
    readonly failures: readonly CheckFailure[],
  ) {
    super("AUTHCONFIG_BAD_LOOKUP_INPUT", `${fn}: ${failures.map((failure) => failure.reason).join("; ")}`);
  }
}

/** Longest part of a wrong value quoted back. */
const QUOTED = 80;

/**
 * Checks a lookup's arguments against what it takes, every one before any request: an unknown
 * name, a wrong type, a value not allowed. Returns the arguments that are set (null counts as not
 * set); throws a LookupInputError naming each wrong field.
 */
export function checkLookupInputs(fn: string, args: readonly Argument[], inputs: unknown): Record<string, unknown> {
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
    throw new LookupInputError(fn, [{ property: "", reason: `the arguments must be an object, got ${describe(inputs)}` }]);
  }
  const given = inputs as Record<string, unknown>;
  const known = new Map(args.map((arg) => [arg.name, arg]));
  const failures: CheckFailure[] = [];
  const set: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    const arg = known.get(name);
    if (!arg) {
      failures.push({ property: name, reason: `${name} is not an argument of ${fn}; it takes ${args.map((a) => a.name).join(", ") || "none"}` });
      continue;
    }
    if (value === undefined || value === null) continue;
    const problem = problemWith(arg, value);
    if (problem) failures.push({ property: name, reason: `${name} ${problem}` });
    else set[name] = value;
  }
  for (const arg of args) {
    if (arg.required && (given[arg.name] === undefined || given[arg.name] === null)) failures.push({ property: arg.name, reason: `${arg.name} is required` });
  }
  if (failures.length > 0) throw new LookupInputError(fn, failures);
  return set;
}

function problemWith(arg: Argument, value: unknown): string | undefined {
  if (arg.type === "boolean") return typeof value === "boolean" ? undefined : `must be true or false, got ${describe(value)}`;
  if (typeof value !== "string") return `must be a string, got ${describe(value)}`;
  if (value.trim() === "") return "must not be empty";
  if (arg.values && !arg.values.includes(value)) return `must be one of ${arg.values.join(", ")}, got ${describe(value)}`;
  if (arg.pattern && !arg.pattern.regex.test(value)) return `must look like ${arg.pattern.example}, got ${describe(value)}`;
  return undefined;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text;
}
