import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, KIND_SPECS } from "./kinds";
import type { StateBreakdown } from "./stateBreakdown";

/** One phase of one world: wall time, API requests by method, request body bytes. */
export interface PhaseFigures {
  seconds: number;
  requests: Record<string, number>;
  bodyBytes: number;
}

/** One kind at one size: its phases and what its state holds after `up`. */
export interface WorldFigures {
  kind: string;
  n: number;
  phases: Record<string, PhaseFigures>;
  state?: {
    fileBytes: number;
    bytesPerResource: number;
    declaredBytesPerResource: number;
    /** What the provider decides of it: `inputs` and `outputs`, the rest being the engine's (urn, parent, stack trace...). */
    propertyBytesPerResource?: number;
    /** The dynamic way's `__provider` output (the serialized provider) of one resource. */
    providerBytes: number;
    /** The stack's provider resources, once per stack. */
    providerResourceBytes?: number;
    /** Where one resource's bytes go. */
    breakdown?: StateBreakdown;
  };
}

interface RunInfo {
  sizes: number[];
  kinds: string[];
  latencyMs: number;
  machine: string;
}

const total = (requests: Record<string, number>) => Object.values(requests).reduce((a, b) => a + b, 0);
const byMethod = (requests: Record<string, number>) =>
  Object.entries(requests)
    .map(([method, count]) => `${count} ${method}`)
    .join(", ") || "0";

/** Writes bench/results.json and prints the tables the README quotes. */
export function writeResults(results: WorldFigures[], run: RunInfo): void {
  if (results.length === 0) return;
  const when = new Date().toISOString();
  writeFileSync(join(__dirname, "results.json"), JSON.stringify({ when, ...run, results }, null, 2) + "\n");
  console.log(markdown(results, run, when));
}

export function markdown(results: WorldFigures[], run: RunInfo, when: string): string {
  const lines = [`Run ${when} on ${run.machine}; emulator latency ${run.latencyMs} ms per request.`, ""];
  for (const n of run.sizes) {
    const worlds = run.kinds.map((kind) => results.find((r) => r.kind === kind && r.n === n)).filter((w): w is WorldFigures => Boolean(w));
    if (worlds.length === 0) continue;
    // Each kind's times against the floor of its own way: the dynamic floor, or the floor plugin.
    const floorOf = (w: WorldFigures) => worlds.find((f) => f.kind === KIND_SPECS[w.kind as Kind]?.floor);
    lines.push(`**N = ${n}**: seconds (× the floor of its way: \`floor\` for dynamic providers, \`plugin-floor\` for native plugins) and requests`, "");
    lines.push(`| phase | ${worlds.map((w) => w.kind).join(" | ")} |`, `|---|${worlds.map(() => "---").join("|")}|`);
    for (const phase of Object.keys(worlds[0].phases)) {
      const cells = worlds.map((w) => {
        const p = w.phases[phase];
        if (!p) return "";
        const floor = floorOf(w);
        const ratio = floor?.phases[phase] && w !== floor ? ` (×${(p.seconds / floor.phases[phase].seconds).toFixed(2)})` : "";
        return `${p.seconds.toFixed(1)} s${ratio}, ${byMethod(p.requests)}`;
      });
      lines.push(`| ${phase} | ${cells.join(" | ")} |`);
    }
    const update = (w: WorldFigures) => w.phases["update 10%"]?.bodyBytes ?? 0;
    const naive = worlds.find((w) => w.kind === "naive");
    lines.push(
      `| update: request body bytes | ${worlds.map((w) => `${update(w)}${naive && w !== naive && update(naive) ? ` (${Math.round((100 * update(w)) / update(naive))}% of naive)` : ""}`).join(" | ")} |`,
      `| state: bytes per resource (declared) | ${worlds.map((w) => (w.state ? `${w.state.bytesPerResource} (${w.state.declaredBytesPerResource}): ×${(w.state.bytesPerResource / w.state.declaredBytesPerResource).toFixed(1)}` : "")).join(" | ")} |`,
      `| state: inputs + outputs per resource | ${worlds.map((w) => (w.state?.propertyBytesPerResource !== undefined ? `${w.state.propertyBytesPerResource}: ×${(w.state.propertyBytesPerResource / w.state.declaredBytesPerResource).toFixed(1)}` : "")).join(" | ")} |`,
      `| state file | ${worlds.map((w) => (w.state ? `${Math.round(w.state.fileBytes / 1024)} KB` : "")).join(" | ")} |`,
      `| \`__provider\` bytes | ${worlds.map((w) => (w.state ? String(w.state.providerBytes) : "")).join(" | ")} |`,
      `| provider resources (once per stack) | ${worlds.map((w) => (w.state?.providerResourceBytes !== undefined ? String(w.state.providerResourceBytes) : "")).join(" | ")} |`,
      `| requests, all phases | ${worlds.map((w) => String(Object.values(w.phases).reduce((a, p) => a + total(p.requests), 0))).join(" | ")} |`,
      "",
    );
  }
  const largest = results.filter((w) => w.n === Math.max(...run.sizes) && w.state?.breakdown);
  if (largest.length > 0) lines.push(breakdownTable(run.kinds.map((kind) => largest.find((w) => w.kind === kind)).filter((w): w is WorldFigures => Boolean(w))));
  return lines.join("\n");
}

/** One resource's state entry (resource r0 at the largest N), bytes per field: rows are fields, columns kinds. */
function breakdownTable(worlds: WorldFigures[]): string {
  const breakdown = (w: WorldFigures) => w.state!.breakdown!;
  // Fields in entry order, each one's properties right after it; a field any kind has is a row.
  const union = (keysOf: (b: StateBreakdown) => Record<string, number>) => [...new Set(worlds.flatMap((w) => Object.keys(keysOf(breakdown(w)))))];
  const rows: [string, (b: StateBreakdown) => number | undefined][] = [];
  for (const key of union((b) => b.entry)) {
    rows.push([key, (b) => b.entry[key]]);
    if (key === "inputs") for (const inner of union((b) => b.inputs)) rows.push([`inputs.${inner}`, (b) => b.inputs[inner]]);
    if (key === "outputs") for (const inner of union((b) => b.outputs)) rows.push([`outputs.${inner}`, (b) => b.outputs[inner]]);
  }
  const lines = [
    `**State of one resource** (r0 at N = ${worlds[0].n}): bytes of each field's \`"key":value\` in compact JSON`,
    "",
    `| field | ${worlds.map((w) => w.kind).join(" | ")} |`,
    `|---|${worlds.map(() => "---").join("|")}|`,
    `| whole entry | ${worlds.map((w) => String(breakdown(w).bytes)).join(" | ")} |`,
  ];
  for (const [field, bytes] of rows) lines.push(`| ${field.includes(".") ? `&nbsp;&nbsp;${field}` : field} | ${worlds.map((w) => String(bytes(breakdown(w)) ?? "")).join(" | ")} |`);
  return [...lines, ""].join("\n");
}
