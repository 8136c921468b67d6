/**
 * Secrets as the plugin protocol carries them: a value marked secret arrives (and must leave) wrapped
 * in an object with this signature key. The dynamic-provider server does this for a dynamic provider;
 * the plugin adapter does it itself.
 */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

const isSecret = (value: unknown): value is { value: unknown } => value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;

/** Every secret wrapper removed, at any depth. */
export function unwrapSecrets(value: unknown): unknown {
  if (isSecret(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  return value;
}

const wrap = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

/** A copy of `props` with the values at the definition's secret paths (`credentials.*`, `clientSecret`...) wrapped as secrets. */
export function wrapSecretPaths(props: Record<string, unknown>, secretPaths: readonly string[]): Record<string, unknown> {
  const out = structuredClone(props);
  for (const path of secretPaths) {
    const keys = path.split(".");
    const last = keys.pop()!;
    let parent: unknown = out;
    for (const key of keys) parent = parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
    if (parent === null || typeof parent !== "object") continue;
    const record = parent as Record<string, unknown>;
    for (const key of last === "*" ? Object.keys(record) : [last]) {
      if (record[key] !== undefined && record[key] !== null && !isSecret(record[key])) record[key] = wrap(record[key]);
    }
  }
  return out;
}
