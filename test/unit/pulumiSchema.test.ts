import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_RESOURCES } from "../../provider/plugin/resourceTypes";

const repo = join(__dirname, "../..");
const read = (file: string) => JSON.parse(readFileSync(join(repo, file), "utf8"));

// That pulumi-schema.json is what the code makes now is checked with schema.json (schema.test.ts).
describe("pulumi-schema.json, the native plugin's Pulumi package schema", () => {
  const schema = read("pulumi-schema.json");
  const argsSchema = read("schema.json");

  it("declares each resource type with exactly the arguments schema.json documents, required as there", () => {
    expect(Object.keys(schema.resources)).toEqual(PACKAGE_RESOURCES.map((r) => r.token));
    for (const resource of PACKAGE_RESOURCES) {
      const args = argsSchema.definitions[resource.argsSymbol];
      const variants = (args.anyOf ?? [args]).map((v: { $ref?: string }) => (v.$ref ? argsSchema.definitions[v.$ref.replace("#/definitions/", "")] : v));
      const documented = new Set(variants.flatMap((v: { properties: object }) => Object.keys(v.properties)));
      const spec = schema.resources[resource.token];
      expect(Object.keys(spec.inputProperties).sort(), resource.token).toEqual([...documented].sort());
      const requiredEverywhere = [...documented].filter((key) => variants.every((v: { required?: string[] }) => v.required?.includes(key as string)));
      expect([...spec.requiredInputs].sort(), resource.token).toEqual(requiredEverywhere.sort());
      // Outputs: the declarable fields (importId only matters on create) and what only the API knows.
      expect(Object.keys(spec.properties).sort(), resource.token).toEqual([...[...documented].filter((k) => k !== "importId"), ...resource.computedKeys].sort());
    }
  });

  it("marks secret exactly what the definitions' secret paths name, in inputs and outputs", () => {
    for (const resource of PACKAGE_RESOURCES) {
      const spec = schema.resources[resource.token];
      for (const properties of [spec.inputProperties, spec.properties]) {
        const marked: string[] = [];
        for (const [key, property] of Object.entries<any>(properties)) {
          // A map (credentials) is secret as a whole: Pulumi's schema cannot mark only its values.
          if (property.secret) marked.push(property.additionalProperties ? `${key}.*` : key);
          const type = property.$ref?.startsWith("#/types/") ? schema.types[property.$ref.slice("#/types/".length)] : undefined;
          for (const [inner, innerProperty] of Object.entries<any>(type?.properties ?? {})) if (innerProperty.secret) marked.push(`${key}.${inner}`);
        }
        expect(marked.sort(), resource.token).toEqual([...resource.definition.secretPaths].sort());
      }
    }
  });

  it("has a config key per API setting, the API keys secret, and the same keys on the provider resource", () => {
    const variables = schema.config.variables;
    for (const api of ["composio", "flowra", "elevenlabs"]) {
      for (const setting of ["ApiKey", "BaseUrl", "MaxRequestsPerMinute", "RequestTimeoutMs", "MaxRetries"]) {
        expect(variables[`${api}${setting}`], `${api}${setting}`).toBeDefined();
        expect(Boolean(variables[`${api}${setting}`].secret), `${api}${setting} secret`).toBe(setting === "ApiKey");
      }
    }
    expect(Object.keys(variables)).toHaveLength(15);
    expect(schema.provider.inputProperties).toEqual(variables);
  });

  it("describes every property from the doc comments", () => {
    for (const resource of PACKAGE_RESOURCES) {
      for (const [key, property] of Object.entries<any>(schema.resources[resource.token].properties)) {
        expect(property.description, `${resource.token} ${key}`).toMatch(/\w/);
      }
    }
  });

  it("declares each resource's lookups: get by id, list with exactly the definition's filters, results with no secret nor write-only field", () => {
    expect(Object.keys(schema.functions)).toEqual(PACKAGE_RESOURCES.flatMap((r) => [r.getFunctionToken, r.listFunctionToken]));
    for (const resource of PACKAGE_RESOURCES) {
      const get = schema.functions[resource.getFunctionToken];
      const list = schema.functions[resource.listFunctionToken];
      expect(get.inputs.required, resource.token).toEqual(["id"]);
      expect(Object.keys(list.inputs.properties), resource.token).toEqual(resource.definition.listFilters.map((f) => f.name));
      for (const filter of resource.definition.listFilters) expect(list.inputs.properties[filter.name].type).toBe(filter.type);
      const item = schema.types[list.outputs.properties.items.items.$ref.slice("#/types/".length)];
      expect(item.properties, resource.token).toEqual(get.outputs.properties);
      // Every output but the secret and write-only ones, plus the id.
      const hidden = (key: string) => resource.definition.secretPaths.some((p) => p === key || p === `${key}.*`) || (resource.definition.writeOnlyKeys ?? []).includes(key as never);
      const expected = ["id", ...Object.keys(schema.resources[resource.token].properties).filter((key) => !hidden(key))];
      expect(Object.keys(get.outputs.properties).sort(), resource.token).toEqual(expected.sort());
      // Nothing secret at any depth: no property marked so, and no secret path's leaf inside a type.
      const text = JSON.stringify([get.outputs, item, ...Object.entries(schema.types).filter(([name]) => name.includes("LookupResult")).map(([, t]) => t)]);
      expect(text, resource.token).not.toContain('"secret"');
      expect(text, resource.token).not.toContain('"proxyAuthKey"');
    }
  });

  it("leaves the version to the plugin, which says package.json's", () => {
    expect(schema.version).toBeUndefined();
  });
});
