import type * as dynamic from "@pulumi/pulumi/dynamic";
import { apiClientFor } from "./apiClients";
import { CORE_INPUT_KEYS as CORE_KEYS, checkArgs, replacesOnChange } from "./checkArgs";
import type { ApiClient } from "./coalescedReads";
import type { AppliedChanges, CallContext, CoreInputs, ResourceDefinition } from "./definition";
import { describeDrift } from "./driftReport";
import { jsonEqual } from "./equality";
import { AuthConfigError, ConflictError } from "./errors";
import { createWithoutTwins } from "./createWithoutTwins";
import { deleteWouldOrphanAnother, isHeld, noteBound, noteHeld, otherClaimant, otherHolder } from "./heldConfigs";
import { logLine } from "./log";
import { withoutUndefined } from "./recordDiff";
import { secretLeaves } from "./redact";
import { Connection, resolveConnection, setStackConfig } from "./settings";
import { containsUnknown, valueAtPath } from "./unknown";

/**
 * A check failure as the engine gets it: the field named in the reason, not as `property`. For a
 * failure with a property, the engine prints that top-level input's value verbatim ("property
 * clientKey value {...} has a problem"), secret or not (pkg/resource/deploy/step_generator.go,
 * issueCheckFailures): a bad secret, or a whole `credentials` map, would reach the CLI's output.
 */
function withoutProperty(failure: { property: string; reason: string }): { property: string; reason: string } {
  if (!failure.property) return failure;
  return { property: "", reason: failure.reason.startsWith(failure.property) ? failure.reason : `${failure.property}: ${failure.reason}` };
}

/** The methods of a Pulumi dynamic provider, for one resource definition. */
export interface DynamicProviderMethods {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Record<string, unknown> | undefined, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult>;
  create(news: Record<string, unknown>): Promise<dynamic.CreateResult>;
  /** `importing`: a read by id alone that must also say the resource's inputs (the plugin's `pulumi import`). */
  read(id: string, props: Record<string, unknown> | undefined, options?: { importing?: boolean }): Promise<dynamic.ReadResult>;
  update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.UpdateResult>;
  delete(id: string, props: Record<string, unknown>): Promise<void>;
}

/**
 * The dynamic provider of one resource definition: the whole lifecycle, written once for every API.
 * The per-API module (e.g. provider/composio/authConfigProvider.ts) exports these methods, and the
 * SDK hands Pulumi a tiny object that requires that module by package name.
 */
export function dynamicProviderFor<I extends CoreInputs, S extends I, R>(def: ResourceDefinition<I, S, R>): DynamicProviderMethods {
  const label = (inputs: Partial<I> | Record<string, unknown>) => `${def.kind} "${String((inputs as Record<string, unknown>).__logicalName ?? (inputs as Record<string, unknown>)[def.labelField] ?? "?")}"`;

  /** The API client and call context of one operation; connection settings are resolved here, at run time. */
  function session(inputs: Partial<I>, operation: string, previous?: Partial<I>): { api: ApiClient<I, R>; ctx: CallContext; connection: Connection } {
    const resource = label(inputs);
    let connection: Connection;
    try {
      connection = resolveConnection(def.settings);
    } catch (error) {
      throw new AuthConfigError((error as AuthConfigError).code ?? "AUTHCONFIG_BAD_SETTING", `${resource}: ${operation} failed: ${(error as Error).message}`);
    }
    const secrets = secretLeaves(...secretValuesOf(inputs), ...(previous ? secretValuesOf(previous) : []), connection.apiKey);
    return { api: apiClientFor<I, R>(def, connection), ctx: { resource, operation, secrets }, connection };
  }

  /** The values at the definition's secret paths, for scrubbing messages. */
  function secretValuesOf(inputs: Partial<I>): unknown[] {
    return def.secretPaths.map((path) => valueAtPath(inputs, path.replace(/\.\*$/, "").split(".")));
  }

  /** The state from what the API returned, with the core's own inputs carried over. */
  function stateOf(remote: R, known: I | undefined, secretsKnown = true): S {
    const state = def.stateFromRemote(remote, known, secretsKnown) as Record<string, unknown>;
    for (const key of CORE_KEYS) if (known?.[key] !== undefined) state[key] = known[key];
    return state as S;
  }

  /** The declared inputs within a state: what `read` hands back as the resource's inputs. */
  function inputsOf(state: S): I {
    const out: Record<string, unknown> = {};
    for (const key of [...def.diffedKeys, ...CORE_KEYS]) if (state[key] !== undefined) out[key] = state[key];
    return out as I;
  }

  async function readBack(api: ApiClient<I, R>, id: string, inputs: I, ctx: CallContext): Promise<S> {
    const remote = await api.get(id, ctx);
    if (!remote) {
      throw new AuthConfigError("AUTHCONFIG_GONE", `${ctx.resource}: ${ctx.operation} failed: ${id} no longer exists; run \`pulumi refresh\` to drop it from state`);
    }
    return stateOf(remote, inputs);
  }

  /** The state after a write: from the write's answer when the API gave the config back, else read back. */
  async function stateAfter(api: ApiClient<I, R>, id: string, applied: AppliedChanges<R>, inputs: I, ctx: CallContext): Promise<S> {
    return applied.remote !== undefined ? stateOf(applied.remote, inputs) : readBack(api, id, inputs, ctx);
  }

  /** Adopts an existing config by `importId`: checks it can be the declared one, then sends only what differs. */
  async function adopt(api: ApiClient<I, R>, inputs: I, ctx: CallContext): Promise<AppliedChanges<R>> {
    const id = inputs.importId as string;
    const holder = otherHolder(def.kind, id, ctx.resource);
    if (holder) {
      throw new AuthConfigError("AUTHCONFIG_IMPORT_HELD", `${ctx.resource}: create failed: importId ${id} is already managed by ${holder}; a config can be managed by one resource only`);
    }
    const remote = await api.get(id, ctx);
    if (!remote) throw new AuthConfigError("AUTHCONFIG_IMPORT_NOT_FOUND", `${ctx.resource}: create failed: importId ${id} does not exist (or was deleted)`);
    // Checked again before the first write: another resource declaring the same importId may have been checked meanwhile.
    const claimant = otherClaimant(def.kind, id, ctx.resource) ?? otherHolder(def.kind, id, ctx.resource);
    if (claimant) {
      throw new AuthConfigError("AUTHCONFIG_IMPORT_HELD", `${ctx.resource}: create failed: importId ${id} is also declared by ${claimant}; a config can be managed by one resource only`);
    }
    const observed = stateOf(remote, inputs, /* secretsKnown */ false);
    // What cannot be changed in place must already match: of what the program declares and the API shows.
    const fixed = (def.replaceKeysOf?.(observed as Record<string, unknown>, inputs as Record<string, unknown>) ?? def.replaceKeys).filter((key) => inputs[key as keyof I] !== undefined && !def.writeOnlyKeys?.includes(key as string & keyof I));
    for (const key of fixed as (string & keyof I)[]) {
      if (!jsonEqual(observed[key], inputs[key])) {
        throw new AuthConfigError(
          "AUTHCONFIG_IMPORT_MISMATCH",
          `${ctx.resource}: create failed: importId ${id} has ${key} ${JSON.stringify(observed[key] ?? null)} but the program declares ${JSON.stringify(inputs[key] ?? null)}; ${key} cannot be changed in place, so fix ${key} or drop importId`,
        );
      }
    }
    const applied = await api.applyChanges(id, inputsOf(observed), inputs, ctx);
    await logLine(`${ctx.resource}: adopted ${id}${applied.changed.length > 0 ? ` and updated ${applied.changed.join(", ")}` : ""}`);
    // Nothing written: the config is as just read, and needs no read back.
    return applied.changed.length === 0 && applied.remote === undefined ? { ...applied, remote } : applied;
  }

  /**
   * After the POST: removes what an interrupted earlier run of this very resource left under the same
   * marker (provably ours: only this resource's create carries it), then sends what the POST could not
   * carry (the declared label, a disabled status). Returns the config's state.
   */
  async function finishCreate(api: ApiClient<I, R>, id: string, inputs: I, postedLabel: string, ctx: CallContext, connection: Connection): Promise<S> {
    const marker = inputs.__marker as string;
    const marked = postedLabel === marker ? await api.findByLabel(marker, inputs, ctx) : [];
    for (const leftover of marked) {
      const leftoverId = def.idOf(leftover);
      if (leftoverId === id || isHeld(def.kind, leftoverId)) continue;
      await logLine(`${ctx.resource}: create: deleting ${leftoverId}: it carries this resource's create marker "${marker}" and no resource holds it (an interrupted earlier run left it, or it is the config this one replaces)`);
      await api.delete(leftoverId, ctx);
    }
    const applied = await api.applyChanges(id, def.asCreated(inputs, postedLabel), inputs, ctx);
    const declaredLabel = inputs[def.labelField];
    if (typeof declaredLabel === "string" && declaredLabel !== marker && !inputs.__autoNamed) {
      // A declared name is not ours alone: read back by it, and point out same-named configs nobody holds.
      const named = await api.findByLabel(declaredLabel, inputs, ctx);
      await warnAboutUnheld(named.filter((remote) => def.idOf(remote) !== id && !isHeld(def.kind, def.idOf(remote))), inputs, ctx, connection);
      const own = named.find((remote) => def.idOf(remote) === id);
      if (own) return stateOf(own, inputs);
    } else if (applied.changed.length === 0) {
      const own = marked.find((remote) => def.idOf(remote) === id);
      if (own) return stateOf(own, inputs);
    }
    return stateAfter(api, id, applied, inputs, ctx);
  }

  async function warnAboutUnheld(unheld: R[], inputs: I, ctx: CallContext, connection: Connection): Promise<void> {
    // (After `pulumi up --replace`, which the engine checks as a new resource, the old config is among
    // these until the engine deletes it right after: the warning then names it needlessly.)
    if (unheld.length === 0) return;
    const name = String(inputs[def.labelField]);
    for (const remote of unheld) {
      const id = def.idOf(remote);
      await logLine(
        `${ctx.resource}: ${id} is also named "${name}" and no resource of this run holds it. If an interrupted \`pulumi up\` left it, ` +
          `adopt it (importId: "${id}" on a resource) or delete it (${def.manualDeleteHint(id, connection.baseUrl)})`,
        "warning",
      );
    }
  }

  /** The label a POST carries: the create marker, or a declared label that the API could not change afterwards. */
  function postedLabelOf(inputs: I): string {
    const declared = inputs[def.labelField];
    return def.labelRenamable || inputs.__autoNamed || typeof declared !== "string" ? (inputs.__marker as string) : declared;
  }

  /** An error the engine understands as "created, but not finished": it keeps the id in state. */
  function partiallyCreated(error: unknown, id: string, inputs: I): Error {
    const wrapped = error instanceof Error ? error : new Error(String(error));
    // The secrets are left out of the recorded properties, so the next `up` sees them as changed and sends them.
    const recorded: Record<string, unknown> = { ...def.asCreated(inputs, postedLabelOf(inputs)), ...def.partialState(inputs) };
    for (const key of def.secretKeys) delete recorded[key];
    Object.assign(wrapped, { id, properties: withoutUndefined(recorded), reasons: [wrapped.message] });
    return wrapped;
  }

  /** Deletes a config this create just made; false when that failed too (then it is reported as partly created). */
  async function deletedQuietly(api: ApiClient<I, R>, id: string, ctx: CallContext): Promise<boolean> {
    try {
      await api.delete(id, ctx);
      await logLine(`${ctx.resource}: create: deleted ${id} again, as the API refused its declared ${def.labelField}`);
      return true;
    } catch {
      return false;
    }
  }

  /** A 409 on a declared name: say what gets the user out of it. */
  function explainConflict(error: unknown, inputs: I): unknown {
    if (error instanceof ConflictError && typeof inputs[def.labelField] === "string" && !inputs.__autoNamed) {
      error.message +=
        `${error.message.endsWith(".") ? "" : "."} If this is a replacement, the old config still holds the name: set the resource option \`deleteBeforeReplace: true\` so that it is deleted first; ` +
        `otherwise choose another ${def.labelField}, or adopt the existing config with importId`;
    }
    return error;
  }

  return {
    async configure(req) {
      setStackConfig(req.config);
    },

    async check(olds, news) {
      const checked = checkArgs(def, olds ?? {}, news);
      return { ...checked, failures: checked.failures?.map(withoutProperty) };
    },

    /** Compares only what the user declares; never calls the API. */
    async diff(id, olds, news) {
      const resource = label(news);
      noteHeld(def.kind, id, resource);
      const changed = def.diffedKeys.filter((key) => {
        // Adopted without a label: the label is not managed.
        if (key === def.labelField && news[key] === undefined && news.__nameUnmanaged === true) return false;
        return containsUnknown(news[key]) || !jsonEqual(olds[key], news[key]);
      });
      const replaces = changed.filter((key) => replacesOnChange(def, key, olds, news));
      if (replaces.length > 0 && news.importId !== undefined && news.__adoptionDone === true) {
        throw new AuthConfigError(
          "AUTHCONFIG_REPLACE_ADOPTED",
          `${resource}: changing ${replaces.join(", ")} replaces the config, but importId ${JSON.stringify(news.importId)} is still declared, so the replacement would adopt the same config again. ` +
            "importId is only needed for the first `pulumi up`: remove it, then run `pulumi up` again",
        );
      }
      return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
    },

    async create(news) {
      const inputs = news as unknown as I;
      const { api, ctx, connection } = session(inputs, "create");
      if (inputs.importId && !inputs.__adoptionDone) {
        const id = inputs.importId as string;
        const applied = await adopt(api, inputs, ctx);
        noteBound(def.kind, id, ctx.resource);
        return { id, outs: outputs(await stateAfter(api, id, applied, inputs, ctx)) };
      }
      const postedLabel = postedLabelOf(inputs);
      const id = await createWithoutTwins(def, api, inputs, postedLabel, ctx);
      noteBound(def.kind, id, ctx.resource);
      try {
        return { id, outs: outputs(await finishCreate(api, id, inputs, postedLabel, ctx, connection)) };
      } catch (error) {
        // The API refused the declared name (409): take the new config back, so that nothing changed and
        // the user's way out (deleteBeforeReplace) works on the next run.
        if (error instanceof ConflictError && (await deletedQuietly(api, id, ctx))) throw explainConflict(error, inputs);
        // The config exists: report it to the engine with the error, so that it is in state, not orphaned.
        throw partiallyCreated(explainConflict(error, inputs), id, inputs);
      }
    },

    async read(id, props, options) {
      // `get` reads by id alone: its props hold none of the declared arguments.
      const known = props && def.diffedKeys.some((key) => props[key] !== undefined) ? (props as unknown as I) : undefined;
      const { api, ctx } = session(known ?? ({ __logicalName: id } as unknown as I), "read");
      const remote = await api.get(id, ctx);
      if (!remote) return { id: "" }; // deleted out of band: refresh drops it from state
      const state = stateOf(remote, known);
      if (!known && options?.importing) {
        // The engine records these as the imported resource's inputs (and `pulumi import` writes code from
        // them): the declarable fields, as readable; its label stays its own unless the program declares one.
        return { id, props: outputs(state), inputs: withoutUndefined({ ...inputsOf(state), __nameUnmanaged: true }) };
      }
      if (!known) return { id, props: outputs(state) };
      noteHeld(def.kind, id, ctx.resource);
      const inputs = inputsOf(state) as Record<string, unknown>;
      // A generated label is the provider's to keep: a rename made elsewhere is drift, not the new label.
      if (known.__autoNamed) inputs[def.labelField] = known[def.labelField];
      const drift = describeDrift(def, ctx.resource, props as Record<string, unknown>, state as Record<string, unknown>);
      if (drift) await logLine(drift, "warning");
      return { id, props: outputs(state), inputs: withoutUndefined(inputs) };
    },

    async update(id, olds, news) {
      const before = olds as unknown as I;
      const after = news as unknown as I;
      const { api, ctx } = session(after, "update", before);
      noteHeld(def.kind, id, ctx.resource);
      let applied: AppliedChanges<R>;
      try {
        applied = await api.applyChanges(id, before, after, ctx);
      } catch (error) {
        throw explainConflict(error, after);
      }
      return { outs: outputs(await stateAfter(api, id, applied, after, ctx)) };
    },

    async delete(id, props) {
      const inputs = props as unknown as I;
      const resource = label(inputs);
      const holder = deleteWouldOrphanAnother(def.kind, id, resource);
      if (holder) {
        // A rename without `aliases` (the new resource adopted this config), or a replacement that adopts it again.
        await logLine(`${resource}: delete: leaving ${id} in place, as ${holder} holds it (or adopts it) in this run`);
        return;
      }
      const { api, ctx } = session(inputs, "delete");
      await api.delete(id, ctx);
    },
  };
}

function outputs(state: unknown): Record<string, unknown> {
  return withoutUndefined(state) as Record<string, unknown>;
}
