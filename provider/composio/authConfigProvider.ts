import type * as dynamic from "@pulumi/pulumi/dynamic";
import { jsonEqual } from "../core/equality";
import { AuthConfigError } from "../core/errors";
import { logLine } from "../core/log";
import { secretLeaves } from "../core/redact";
import { withoutUndefined } from "../core/recordDiff";
import { containsUnknown } from "../core/unknown";
import { asInputs, checkInputs } from "./checkInputs";
import { CallContext, ComposioClient, composioClient } from "./client";
import { createWithoutTwins } from "./createWithoutTwins";
import { composioConnection, setStackConfig } from "./connection";
import { buildPatchBody, statusChange } from "./patchBody";
import { AuthConfigInputs, AuthConfigState, DIFFED_KEYS, REPLACE_KEYS, inputsOf, resourceLabel, secretValuesOf } from "./state";
import { stateFromObject } from "./wire";

/**
 * The `composio.AuthConfig` dynamic provider: this module is the provider object. The SDK hands it to
 * Pulumi as it is, and Pulumi serializes it as a `require` of this file by package name.
 */

export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  setStackConfig(req.config);
}

export async function check(olds: Record<string, unknown> | undefined, news: Record<string, unknown>): Promise<dynamic.CheckResult> {
  return checkInputs(olds ?? {}, news);
}

/** Compares only what the user declares; never calls the API. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult> {
  const changed = DIFFED_KEYS.filter((key) => {
    // Adopted without a name: the name is not managed.
    if (key === "name" && news.name === undefined && news.__nameUnmanaged === true) return false;
    return containsUnknown(news[key]) || !jsonEqual(olds[key], news[key]);
  });
  const replaces = changed.filter((key) => (REPLACE_KEYS as readonly string[]).includes(key));
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}

export async function create(news: Record<string, unknown>): Promise<dynamic.CreateResult> {
  const inputs = asInputs(news);
  const { client, ctx } = session(inputs, "create");
  const id = inputs.importId ? await adopt(client, inputs, ctx) : await createWithoutTwins(client, inputs, ctx);
  try {
    // A config created disabled: the create body has no status, the status endpoint sets it.
    if (!inputs.importId && !inputs.enabled) await client.setStatus(id, "DISABLED", ctx);
    return { id, outs: outputs(await readBack(client, id, inputs, ctx)) };
  } catch (error) {
    // The config exists: report it to the engine with the error, so that it is in state, not orphaned.
    throw partiallyCreated(error, id, inputs);
  }
}

export async function read(id: string, props: Record<string, unknown> | undefined): Promise<dynamic.ReadResult> {
  const known = props && typeof props.toolkit === "string" ? asInputs(props) : undefined;
  const { client, ctx } = session(known ?? { name: id }, "read");
  const object = await client.get(id, ctx);
  if (!object) return { id: "" }; // deleted out of band: refresh drops it from state
  const state = stateFromObject(object, known);
  if (!known) return { id, props: outputs(state) };
  const inputs = inputsOf(state);
  // A generated name is the provider's to keep: a rename made elsewhere is drift, not the new name.
  if (known.__autoNamed) inputs.name = known.name;
  return { id, props: outputs(state), inputs: withoutUndefined(inputs) };
}

export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.UpdateResult> {
  const before = asInputs(olds);
  const after = asInputs(news);
  const { client, ctx } = session(after, "update", before);
  await applyChanges(client, id, before, after, ctx);
  return { outs: outputs(await readBack(client, id, after, ctx)) };
}

export async function destroy(id: string, props: Record<string, unknown>): Promise<void> {
  const { client, ctx } = session(asInputs(props), "delete");
  await client.delete(id, ctx);
}

// The provider interface names this method `delete`, a reserved word for a function's name.
export { destroy as delete };

/** The client and call context of one operation; connection settings are resolved here, at run time. */
function session(inputs: Partial<AuthConfigInputs>, operation: string, previous?: Partial<AuthConfigInputs>): { client: ComposioClient; ctx: CallContext } {
  const resource = resourceLabel(inputs);
  let connection;
  try {
    connection = composioConnection();
  } catch (error) {
    throw new AuthConfigError((error as AuthConfigError).code ?? "AUTHCONFIG_BAD_SETTING", `${resource}: ${operation} failed: ${(error as Error).message}`);
  }
  const secrets = secretLeaves(...secretValuesOf(inputs), ...(previous ? secretValuesOf(previous) : []), connection.apiKey);
  return { client: composioClient(connection), ctx: { resource, operation, secrets } };
}

/** GET after a write: the outputs hold what the API reports (status, timestamps), secrets as declared. */
async function readBack(client: ComposioClient, id: string, inputs: AuthConfigInputs, ctx: CallContext): Promise<AuthConfigState> {
  const object = await client.get(id, ctx);
  if (!object) {
    throw new AuthConfigError("AUTHCONFIG_GONE", `${ctx.resource}: ${ctx.operation} failed: auth config ${id} no longer exists; run \`pulumi refresh\` to drop it from state`);
  }
  return stateFromObject(object, inputs);
}

/** Adopts an existing config by id: checks it can be the declared one, then PATCHes only what differs. */
async function adopt(client: ComposioClient, inputs: AuthConfigInputs, ctx: CallContext): Promise<string> {
  const id = inputs.importId as string;
  const object = await client.get(id, ctx);
  if (!object) throw new AuthConfigError("AUTHCONFIG_IMPORT_NOT_FOUND", `${ctx.resource}: create failed: importId ${id} does not exist (or was deleted)`);
  const observed = stateFromObject(object, inputs, /* secretsKnown */ false);
  for (const key of REPLACE_KEYS) {
    if (!jsonEqual(observed[key], inputs[key])) {
      throw new AuthConfigError(
        "AUTHCONFIG_IMPORT_MISMATCH",
        `${ctx.resource}: create failed: importId ${id} has ${key} ${JSON.stringify(observed[key] ?? null)} but the program declares ${JSON.stringify(inputs[key] ?? null)}; ${key} cannot be changed in place, so fix ${key} or drop importId`,
      );
    }
  }
  const changed = await applyChanges(client, id, inputsOf(observed), inputs, ctx);
  logLine(`${ctx.resource}: adopted ${id}${changed.length > 0 ? ` and updated ${changed.join(", ")}` : ""}`);
  return id;
}

/** Sends what differs between two sets of inputs: one PATCH, then the status endpoint if `enabled` changed. Returns the wire fields changed. */
async function applyChanges(client: ComposioClient, id: string, before: AuthConfigInputs, after: AuthConfigInputs, ctx: CallContext): Promise<string[]> {
  const body = buildPatchBody(before, after);
  if (body) await client.patch(id, body, ctx);
  const status = statusChange(before, after);
  if (status) await client.setStatus(id, status, ctx);
  return [...Object.keys(body ?? {}).filter((key) => key !== "type"), ...(status ? ["status"] : [])];
}

function outputs(state: AuthConfigState): Record<string, unknown> {
  return withoutUndefined(state) as unknown as Record<string, unknown>;
}

/**
 * An error the engine understands as "created, but not finished": it keeps the id in state. The
 * secrets are left out of the recorded properties, so the next `up` sees them as changed and sends them.
 */
function partiallyCreated(error: unknown, id: string, inputs: AuthConfigInputs): Error {
  const wrapped = error instanceof Error ? error : new Error(String(error));
  const { credentials: _c, sharedCredentials: _s, proxyConfig: _p, ...withoutSecrets } = inputs;
  // A fresh config is enabled: recording that makes the next update call the status endpoint if needed.
  const properties = outputs({ ...withoutSecrets, enabled: true, status: "ENABLED", isComposioManaged: inputs.managed, createdAt: "", lastUpdatedAt: "" });
  Object.assign(wrapped, { id, properties, reasons: [wrapped.message] });
  return wrapped;
}
