import { ApiError } from "../core/apiError";
import { isObject } from "../core/fieldChecks";
import type { FieldRule } from "./authTypes";

/** One entry of a 422's `detail` list, as FastAPI (pydantic) spells it. */
export interface ValidationDetail {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

/** A 422 listing every problem of the request (spec: Errors). Messages never quote a value but `auth_type`'s. */
export class ElevenLabsValidationError extends ApiError {
  constructor(readonly details: readonly ValidationDetail[]) {
    super(422, "validation_error", details.map((detail) => `${detail.loc.join(".")}: ${detail.msg}`).join("; "));
  }
}

/** Collects the problems of one body, so that a 422 lists them all as pydantic does. */
export class Problems {
  private readonly details: ValidationDetail[] = [];

  add(loc: readonly (string | number)[], msg: string, type: string): void {
    this.details.push({ loc, msg, type });
  }

  /** Records that `loc` is missing. */
  missing(loc: readonly (string | number)[]): void {
    this.add(loc, "field required", "value_error.missing");
  }

  get any(): boolean {
    return this.details.length > 0;
  }

  throwIfAny(): void {
    if (this.any) throw new ElevenLabsValidationError(this.details);
  }
}

/** The body as an object, or a 422 at `["body"]`. */
export function expectBodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) throw new ElevenLabsValidationError([{ loc: ["body"], msg: "field required", type: "value_error.missing" }]);
  if (!isObject(body)) throw new ElevenLabsValidationError([{ loc: ["body"], msg: "value is not a valid dict", type: "type_error.dict" }]);
  return body;
}

/** `auth_type` when it names one of `allowed`; else a 422 at `["body", "auth_type"]`. */
export function expectAuthType(body: Record<string, unknown>, allowed: readonly string[]): string {
  const authType = body.auth_type;
  const loc = ["body", "auth_type"];
  if (authType === undefined || authType === null) {
    throw new ElevenLabsValidationError([{ loc, msg: "Discriminator 'auth_type' is missing in value", type: "value_error.discriminated_union.missing_discriminator" }]);
  }
  if (typeof authType !== "string" || !allowed.includes(authType)) {
    const shown = typeof authType === "string" ? authType : String(authType);
    throw new ElevenLabsValidationError([
      {
        loc,
        msg: `No match for discriminator 'auth_type' and value '${shown}' (allowed values: ${allowed.map((value) => `'${value}'`).join(", ")})`,
        type: "value_error.discriminated_union.invalid_discriminator",
      },
    ]);
  }
  return authType;
}

/**
 * Checks a present, non-null value against its rule; records what is wrong at `loc` and returns
 * the value to store (a copy), or undefined when it is wrong.
 */
export function checkValue(rule: FieldRule, value: unknown, loc: readonly (string | number)[], problems: Problems): unknown {
  switch (rule.kind) {
    case "string":
      if (typeof value !== "string") return problems.add(loc, "str type expected", "type_error.str");
      if (rule.values && !rule.values.includes(value)) {
        return problems.add(loc, `value is not a valid enumeration member; permitted: ${rule.values.map((v) => `'${v}'`).join(", ")}`, "type_error.enum");
      }
      // Emulator decision: a required string may not be empty.
      if (rule.required && value === "") return problems.add(loc, "ensure this value has at least 1 characters", "value_error.any_str.min_length");
      return value;
    case "boolean":
      if (typeof value !== "boolean") return problems.add(loc, "value could not be parsed to a boolean", "type_error.bool");
      return value;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) return problems.add(loc, "value is not a valid integer", "type_error.integer");
      if (rule.range && value < rule.range[0]) return problems.add(loc, `ensure this value is greater than or equal to ${rule.range[0]}`, "value_error.number.not_ge");
      if (rule.range && value > rule.range[1]) return problems.add(loc, `ensure this value is less than or equal to ${rule.range[1]}`, "value_error.number.not_le");
      return value;
    case "strings":
      if (!Array.isArray(value)) return problems.add(loc, "value is not a valid list", "type_error.list");
      value.forEach((item, i) => {
        if (typeof item !== "string") problems.add([...loc, i], "str type expected", "type_error.str");
      });
      return value.every((item) => typeof item === "string") ? [...value] : undefined;
    case "map":
      if (!isObject(value)) return problems.add(loc, "value is not a valid dict", "type_error.dict");
      for (const [key, item] of Object.entries(value)) {
        if (typeof item !== "string") problems.add([...loc, key], "str type expected", "type_error.str");
      }
      return { ...value };
  }
}

/** What a field holds when it was not given, or was cleared with null: its default, else null. */
export function defaultValue(rule: FieldRule): unknown {
  return rule.default === undefined ? null : structuredClone(rule.default);
}
