import { settingDocs } from "../core/settings";
import { pluginSettingKey } from "./providerConfig";
import { PACKAGE, PACKAGE_RESOURCES, PackageResource } from "./resourceTypes";

export { PACKAGE_RESOURCES };

/**
 * The plugin's Pulumi package schema, built from the same JSON Schemas as schema.json (generated from
 * the interfaces' doc comments by scripts/generate-schema.mjs) and from each definition's secret
 * paths and the settings' own descriptions. YAML type-checks programs against it, `pulumi import`
 * writes code from it, and SDK generators read it. The version is added when the plugin serves it.
 */

/** The part of JSON Schema that typescript-json-schema writes for our interfaces. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
}

/** A Pulumi schema property (or type reference). */
interface PropertySpec {
  type?: string;
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  oneOf?: PropertySpec[];
  description?: string;
  secret?: boolean;
}

interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** The JSON Schemas of every resource's arguments and state, by interface name. */
export type Definitions = Readonly<Record<string, JsonSchema>>;

export function buildPulumiSchema(definitions: Definitions): Record<string, unknown> {
  const types: Record<string, ObjectTypeSpec> = {};
  const resources: Record<string, unknown> = {};
  const functions: Record<string, unknown> = {};
  for (const resource of PACKAGE_RESOURCES) {
    resources[resource.token] = resourceSpec(resource, definitions, types);
    Object.assign(functions, functionSpecs(resource, definitions, types));
  }

  const settings = PACKAGE_RESOURCES.flatMap(({ definition }) =>
    settingDocs(definition.settings).map((doc) => [
      pluginSettingKey(definition.settings.namespace, doc.setting).slice(PACKAGE.length + 1),
      { type: doc.type, description: doc.description, ...(doc.secret && { secret: true }) },
    ]),
  );
  const configProperties = Object.fromEntries(settings);

  return {
    name: PACKAGE,
    displayName: "pulumi-authconfig",
    description: "Auth configs of AI-agent platforms (Composio, Flowra, ElevenLabs) as code, with minimal PATCH updates.",
    keywords: ["pulumi", "authconfig", "composio", "flowra", "elevenlabs", "category/utility"],
    license: "Apache-2.0",
    meta: { moduleFormat: "(.*)" },
    config: { variables: configProperties },
    provider: {
      description:
        "The authconfig provider: each API's key, base URL and limits. Without an explicit provider, stack config `authconfig:<key>` is used; any setting left unset falls back to its environment variable.",
      inputProperties: configProperties,
    },
    resources,
    functions,
    types,
  };
}

function resourceSpec(resource: PackageResource, definitions: Definitions, types: Record<string, ObjectTypeSpec>): Record<string, unknown> {
  const args = argumentsOf(definitions, resource.argsSymbol);
  const state = resolve(definitions, definitions[resource.stateSymbol] ?? fail(`no JSON Schema for ${resource.stateSymbol}`));
  const secretPaths = resource.definition.secretPaths;
  const typeName = (property: string) => `${PACKAGE}:${resource.module}:${resource.type}${property[0].toUpperCase()}${property.slice(1)}`;

  const inputProperties: Record<string, PropertySpec> = {};
  for (const [key, schema] of Object.entries(args.properties)) {
    inputProperties[key] = propertySpec(definitions, schema, typeName(key), secretPaths, [key], types);
  }
  const outputs: Record<string, PropertySpec> = { ...inputProperties };
  delete outputs.importId;
  for (const key of resource.computedKeys) {
    const schema = state.properties?.[key] ?? fail(`${resource.stateSymbol} has no ${key}`);
    outputs[key] = propertySpec(definitions, schema, typeName(key), secretPaths, [key], types);
  }
  return {
    description: resource.description,
    properties: outputs,
    inputProperties,
    requiredInputs: args.required,
  };
}

/**
 * The resource's lookups (core/lookups.ts): get by id and list with the definition's filters. Their
 * results are the resource's outputs less every secret path, so no property of them is secret.
 */
function functionSpecs(resource: PackageResource, definitions: Definitions, types: Record<string, ObjectTypeSpec>): Record<string, unknown> {
  const { definition } = resource;
  const resultType = `${PACKAGE}:${resource.module}:${resource.type}LookupResult`;
  const result = lookupResultSpec(resource, definitions, types, resultType);
  types[resultType] = { type: "object", description: `A ${definition.kind} as a lookup returns it.`, ...result };
  const leftOut = `The result holds no secret: ${definition.secretPaths.map((path) => `\`${path}\``).join(", ")} ${definition.secretPaths.length === 1 ? "is" : "are"} left out.`;
  const filters = Object.fromEntries(
    definition.listFilters.map((filter) => [
      filter.name,
      { type: filter.type, description: filter.values ? `${filter.description} One of: ${filter.values.map((v) => `\`${v}\``).join(", ")}.` : filter.description },
    ]),
  );
  return {
    [resource.getFunctionToken]: {
      description: `Reads one ${definition.kind} by id, without managing it; fails when there is none (or it was deleted). ${leftOut}`,
      inputs: { properties: { id: { type: "string", description: `Its id, e.g. \`${definition.importIdPattern.example}\`.` } }, required: ["id"] },
      outputs: result,
    },
    [resource.listFunctionToken]: {
      description: `Every ${definition.kind} that all the given filters keep, from every page of the list, without managing them; deleted ones never. ${leftOut}`,
      inputs: { properties: filters },
      outputs: {
        properties: { items: { type: "array", items: { $ref: `#/types/${resultType}` }, description: "In the API's order (oldest first where it pages)." } },
        required: ["items"],
      },
    },
  };
}

/** A lookup result's properties: the id, and the resource's outputs without the secret ones (a map whose every value is secret goes whole) nor those the API never returns. */
function lookupResultSpec(resource: PackageResource, definitions: Definitions, types: Record<string, ObjectTypeSpec>, typeName: string): { properties: Record<string, PropertySpec>; required: string[] } {
  const args = argumentsOf(definitions, resource.argsSymbol);
  const state = resolve(definitions, definitions[resource.stateSymbol] ?? fail(`no JSON Schema for ${resource.stateSymbol}`));
  const secretPaths = resource.definition.secretPaths;
  const properties: Record<string, PropertySpec> = { id: { type: "string", description: "Its id." } };
  for (const key of [...Object.keys(args.properties).filter((k) => k !== "importId"), ...resource.computedKeys]) {
    // Secrets are left out; what the API never returns (ElevenLabs' certificates) is never there.
    if (isSecretPath(secretPaths, [key]) || (resource.definition.writeOnlyKeys as readonly string[] | undefined)?.includes(key)) continue;
    const schema = args.properties[key] ?? state.properties?.[key] ?? fail(`${resource.stateSymbol} has no ${key}`);
    properties[key] = propertySpec(definitions, schema, `${typeName}${key[0].toUpperCase()}${key.slice(1)}`, secretPaths, [key], types, true);
  }
  return { properties, required: ["id", ...(state.required ?? []).filter((key) => key in properties)] };
}

/** The arguments as one object: a union (ElevenLabs' auth types) becomes every variant's fields, required where all require them. */
function argumentsOf(definitions: Definitions, symbol: string): { properties: Record<string, JsonSchema>; required: string[] } {
  const schema = resolve(definitions, definitions[symbol] ?? fail(`no JSON Schema for ${symbol}`));
  const variants = (schema.anyOf ?? [schema]).map((variant) => resolve(definitions, variant));
  const properties: Record<string, JsonSchema> = {};
  // The discriminator (`authType`) has one constant per variant: documented as the list of them.
  const constants = new Map<string, unknown[]>();
  for (const variant of variants) {
    for (const [key, property] of Object.entries(variant.properties ?? {})) {
      if (property.const !== undefined) constants.set(key, [...(constants.get(key) ?? []), property.const]);
      else properties[key] ??= property;
    }
  }
  const all: Record<string, JsonSchema> = {};
  for (const [key, values] of constants) all[key] = { type: "string", enum: values, description: "Decides which of the other fields apply." };
  Object.assign(all, properties);
  const required = Object.keys(all).filter((key) => variants.every((variant) => variant.required?.includes(key)));
  return { properties: all, required };
}

/** One property as Pulumi's schema spells it; an object with named fields becomes a type of its own. `omitSecrets`: leave out the secret paths inside it (lookup results). */
function propertySpec(
  definitions: Definitions,
  raw: JsonSchema,
  typeName: string,
  secretPaths: readonly string[],
  path: readonly string[],
  types: Record<string, ObjectTypeSpec>,
  omitSecrets = false,
): PropertySpec {
  const schema = resolve(definitions, raw);
  const description = describe(schema);
  const secret = isSecretPath(secretPaths, path) && !omitSecrets;
  const withDocs = (spec: PropertySpec): PropertySpec => ({ ...spec, ...(description && { description }), ...(secret && { secret: true }) });

  if (typeof schema.type === "object") return withDocs({ oneOf: schema.type.map((type) => ({ type: scalar(type) })) });
  if (schema.type === "array") return withDocs({ type: "array", items: propertySpec(definitions, schema.items ?? {}, `${typeName}Item`, [], [], types) });
  if (schema.type === "object" && schema.properties) {
    const properties: Record<string, PropertySpec> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      if (omitSecrets && isSecretPath(secretPaths, [...path, key])) continue;
      properties[key] = propertySpec(definitions, property, `${typeName}${key[0].toUpperCase()}${key.slice(1)}`, secretPaths, [...path, key], types, omitSecrets);
    }
    const required = schema.required?.filter((key) => key in properties);
    types[typeName] = { type: "object", ...(description && { description }), properties, ...(required?.length && { required }) };
    return withDocs({ $ref: `#/types/${typeName}` });
  }
  if (schema.type === "object") {
    const values = typeof schema.additionalProperties === "object" ? schema.additionalProperties : {};
    return withDocs({ type: "object", additionalProperties: propertySpec(definitions, values, `${typeName}Value`, [], [], types) });
  }
  if (schema.type === undefined) return withDocs({ $ref: "pulumi.json#/Any" });
  return withDocs({ type: scalar(schema.type) });
}

/** The doc comment, plus the allowed values of an enumeration (Pulumi's schema checks them at `check`, not here). */
function describe(schema: JsonSchema): string | undefined {
  const text = schema.description?.replace(/\s*\n\s*/g, " ");
  if (!schema.enum) return text;
  const values = `One of: ${schema.enum.map((value) => `\`${String(value)}\``).join(", ")}.`;
  return text ? `${text} ${values}` : values;
}

/** Whether the value at `path` is secret: a path in the list, or every value of a map (`credentials.*`) for the map itself. */
function isSecretPath(secretPaths: readonly string[], path: readonly string[]): boolean {
  if (path.length === 0) return false;
  const joined = path.join(".");
  return secretPaths.some((secret) => secret === joined || secret === `${joined}.*`);
}

function scalar(type: string): string {
  if (type === "string" || type === "number" || type === "integer" || type === "boolean") return type;
  throw new Error(`no Pulumi schema type for JSON Schema type ${type}`);
}

function resolve(definitions: Definitions, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/definitions/", "");
  const target = definitions[name] ?? fail(`unresolved ${schema.$ref}`);
  const { $ref: _ref, ...rest } = schema;
  return resolve(definitions, { ...target, ...rest });
}

function fail(message: string): never {
  throw new Error(`pulumi-schema: ${message}`);
}
