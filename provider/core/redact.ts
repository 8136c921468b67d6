/** What stands in for a secret value in anything a person may read. */
export const REDACTED = "[REDACTED]";

/** Secrets shorter than this are not searched for in text: too likely to match innocent words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Collects the string forms of every leaf value under `value`: the secret values a resource holds,
 * so that an error message or log line can be scrubbed of them before anyone sees it.
 */
export function secretLeaves(...values: unknown[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (v === null || v === undefined) return;
    // Booleans are no secret worth hiding, and hiding them would blank every "true" in a message.
    if (typeof v === "string" || typeof v === "number") {
      const text = String(v);
      if (text.length >= MIN_SECRET_LENGTH) out.push(text);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === "object") Object.values(v).forEach(visit);
  };
  values.forEach(visit);
  return out;
}

/**
 * Replaces every occurrence of each secret in `text` with `[REDACTED]`, longest first: as is, and
 * as it reads inside a JSON string (a PEM's newlines as `\n`, quotes as `\"`), which is how an API
 * that echoes a request body in its error shows it.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const forms = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length);
  let result = text;
  for (const form of sorted) result = result.split(form).join(REDACTED);
  return result;
}
