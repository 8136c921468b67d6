import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { authConfigArgsSchema } from "../../provider/composio/argsSchema";
import { authConnectionArgsSchema } from "../../provider/elevenlabs/argsSchema";
import { AUTH_TYPES, AUTH_TYPE_NAMES, fieldsOf } from "../../provider/elevenlabs/authTypes";
import { flowraAuthConfigArgsSchema } from "../../provider/flowra/argsSchema";

const repo = join(__dirname, "../..");

describe("schema.json (and pulumi-schema.json, made with it)", () => {
  // Generating runs the TypeScript compiler over the sources: seconds when idle, far more on a busy
  // two-core machine, so this test gets a limit such a machine meets.
  it("is what scripts/generate-schema.mjs makes from the code now", { timeout: 180_000 }, () => {
    expect(() => execFileSync("node", [join(repo, "scripts/generate-schema.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("lists exactly the arguments the provider's validation accepts", () => {
    const schema = JSON.parse(readFileSync(join(repo, "schema.json"), "utf8"));
    const documented = Object.keys(schema.definitions.AuthConfigArgsValues.properties).sort();
    // importId is checked by the core (core/checkArgs.ts), the rest by the resource's own schema.
    const validated = [...Object.keys(authConfigArgsSchema().shape), "importId"].sort();
    expect(documented).toEqual(validated);
    expect(schema.definitions.AuthConfigArgsValues.required).toEqual(["toolkit"]);
  });

  it("lists exactly the flowra.AuthConfig arguments the provider's validation accepts", () => {
    const schema = JSON.parse(readFileSync(join(repo, "schema.json"), "utf8"));
    expect(schema.properties["pulumi-nodejs:dynamic/flowra:AuthConfig"]).toEqual({ $ref: "#/definitions/FlowraAuthConfigArgsValues" });
    const definition = schema.definitions.FlowraAuthConfigArgsValues;
    const validated = [...Object.keys(flowraAuthConfigArgsSchema().shape), "importId"].sort();
    expect(Object.keys(definition.properties).sort()).toEqual(validated);
    expect(definition.required).toEqual(["toolkit"]);
    expect(definition.properties.authScheme.enum).toContain("WHATSAPP_QR");
  });

  it("documents each ElevenLabs auth type with exactly the fields, and required fields, that check enforces", () => {
    const schema = JSON.parse(readFileSync(join(repo, "schema.json"), "utf8"));
    expect(schema.properties["pulumi-nodejs:dynamic/elevenlabs:AuthConnection"]).toEqual({ $ref: "#/definitions/AuthConnectionArgsValues" });
    const variants = schema.definitions.AuthConnectionArgsValues.anyOf.map((ref: { $ref: string }) => schema.definitions[ref.$ref.replace("#/definitions/", "")]);
    const byType = Object.fromEntries(variants.map((variant: any) => [variant.properties.authType.const, variant]));
    expect(Object.keys(byType).sort()).toEqual([...AUTH_TYPE_NAMES].sort());
    for (const type of AUTH_TYPE_NAMES) {
      const variant = byType[type];
      expect(Object.keys(variant.properties).sort(), type).toEqual(["authType", "name", "provider", "importId", ...fieldsOf(type)].sort());
      expect([...variant.required].sort(), type).toEqual(["authType", "provider", ...AUTH_TYPES[type].required].sort());
      expect(variant.additionalProperties, type).toBe(false);
    }
    // The argument schema knows every field of every type (which type allows which is checked apart).
    const documented = new Set(variants.flatMap((variant: any) => Object.keys(variant.properties)));
    expect([...Object.keys(authConnectionArgsSchema().shape), "importId"].sort()).toEqual([...documented].sort());
  });
});
