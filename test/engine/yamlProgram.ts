import { PACKAGE_RESOURCES } from "../../provider/plugin/resourceTypes";
import type { ResourceKind, ScenarioProvider, ScenarioResource } from "./harness";
import { OUTPUT_FIELDS } from "./programOutputs";

/**
 * The Pulumi YAML program (`runtime: yaml`) of a scenario: the same ScenarioResource list the JS
 * programs read, written as a Pulumi.yaml served by the installed package's plugin. JSON is YAML,
 * so the project is written as JSON.
 */

/** The plugin's type token of each kind. */
const TOKENS = Object.fromEntries(PACKAGE_RESOURCES.map((r) => [r.module, r.token])) as Record<ResourceKind, string>;

/** The parts of the package's pulumi-schema.json read here: which properties are secret. */
export interface PluginSchema {
  readonly resources: Record<string, { readonly inputProperties: Record<string, SchemaProperty> }>;
  readonly types: Record<string, { readonly properties: Record<string, SchemaProperty> }>;
}

interface SchemaProperty {
  readonly secret?: boolean;
  readonly $ref?: string;
}

/** The resource options a scenario may use, as Pulumi YAML spells them (the same names as in TypeScript). */
const YAML_OPTIONS = new Set(["protect", "ignoreChanges", "import", "deleteBeforeReplace", "retainOnDelete", "replaceOnChanges", "additionalSecretOutputs", "customTimeouts", "dependsOn"]);

/** `fn::secret`: the value is secret from the start, as a secret from stack config would be. */
const secret = (value: unknown) => ({ "fn::secret": value });

/**
 * Wraps each value the schema marks secret (a whole property such as `credentials`, or a field of
 * an object type such as `proxyConfig.proxyAuthKey`) in `fn::secret`.
 */
function withSecretsMarked(properties: Record<string, unknown>, schemaProperties: Record<string, SchemaProperty>, schema: PluginSchema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => {
      const property = schemaProperties[key];
      if (property?.secret) return [key, secret(value)];
      const typeName = property?.$ref?.replace("#/types/", "");
      if (typeName && value && typeof value === "object" && !Array.isArray(value)) {
        return [key, withSecretsMarked(value as Record<string, unknown>, schema.types[typeName].properties, schema)];
      }
      return [key, value];
    }),
  );
}

function resourceOptions(r: ScenarioResource): Record<string, unknown> | undefined {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(r.options ?? {})) {
    // A scenario option that YAML would not get must fail the test, not vanish from the program.
    if (!YAML_OPTIONS.has(key)) throw new Error(`resource ${r.name}: the option ${key} has no YAML form in yamlProgram.ts`);
    options[key] = key === "dependsOn" ? (value as string[]).map((name) => `\${${name}}`) : value;
  }
  if (r.provider) options.provider = `\${${r.provider}}`;
  return Object.keys(options).length > 0 ? options : undefined;
}

function resource(r: ScenarioResource, schema: PluginSchema): Record<string, unknown> {
  const type = TOKENS[r.kind ?? "composio"];
  const options = resourceOptions(r);
  // A read of an existing object: `get: {id}`, the YAML form of `AuthConfig.get(name, id)`.
  if (r.getId !== undefined) return { type, get: { id: r.getId }, ...(options && { options }) };
  const args: Record<string, unknown> = { ...r.args };
  // A label computed from another resource's id: unknown until that one exists.
  if (r.labelFromIdOf) args[r.labelFromIdOf.arg] = `copy-of-\${${r.labelFromIdOf.resource}.id}`;
  return { type, properties: withSecretsMarked(args, schema.resources[type].inputProperties, schema), ...(options && { options }) };
}

/** An explicit provider: a `pulumi:providers:authconfig` resource, its API keys secret. */
function providerResource(p: ScenarioProvider): Record<string, unknown> {
  const properties = Object.fromEntries(Object.entries(p.args).map(([key, value]) => [key, key.endsWith("ApiKey") ? secret(value) : value]));
  return { type: "pulumi:providers:authconfig", properties };
}

/**
 * The whole Pulumi.yaml: the plugin by path, the providers and resources, and per resource an
 * output `{id, <the kind's OUTPUT_FIELDS>}` as the JS programs export it.
 */
export function yamlProject(
  resources: readonly ScenarioResource[],
  providers: readonly ScenarioProvider[],
  { pluginDir, schema }: { pluginDir: string; schema: PluginSchema },
): string {
  const declared: Record<string, unknown> = {};
  for (const p of providers) declared[p.name] = providerResource(p);
  for (const r of resources) declared[r.name] = resource(r, schema);
  const outputs = Object.fromEntries(
    resources.map((r) => [r.name, Object.fromEntries([["id", `\${${r.name}.id}`], ...OUTPUT_FIELDS[r.kind ?? "composio"].map((field) => [field, `\${${r.name}.${field}}`])])]),
  );
  const project = {
    name: "authconfig-yaml-tests",
    runtime: "yaml",
    plugins: { providers: [{ name: "authconfig", path: pluginDir }] },
    resources: declared,
    outputs,
  };
  return JSON.stringify(project, null, 2);
}
