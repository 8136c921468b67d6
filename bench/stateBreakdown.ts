/**
 * Where the bytes of one resource's state entry go: each field's `"key":value` in compact JSON (as the
 * bench counts bytes per resource), with `inputs` and `outputs` split by property. Secrets show what
 * their ciphertext costs; the dynamic way's `__provider` shows what the serialized provider costs.
 */
export interface StateBreakdown {
  /** The whole entry. */
  readonly bytes: number;
  /** Each top-level field of the entry (urn, type, inputs, outputs, created...). */
  readonly entry: Record<string, number>;
  /** Each input property, within `entry.inputs`. */
  readonly inputs: Record<string, number>;
  /** Each output property, within `entry.outputs`. */
  readonly outputs: Record<string, number>;
}

const fieldBytes = (record: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key, Buffer.byteLength(JSON.stringify({ [key]: value })) - 2]));

export function stateBreakdown(entry: Record<string, unknown>): StateBreakdown {
  return {
    bytes: Buffer.byteLength(JSON.stringify(entry)),
    entry: fieldBytes(entry),
    inputs: fieldBytes(entry.inputs as Record<string, unknown> | undefined),
    outputs: fieldBytes(entry.outputs as Record<string, unknown> | undefined),
  };
}
