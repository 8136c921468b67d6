import { writeFileSync } from "node:fs";
import { join } from "node:path";

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
  state?: { fileBytes: number; bytesPerResource: number; declaredBytesPerResource: number; providerBytes: number };
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
    const floor = worlds.find((w) => w.kind === "floor");
    lines.push(`**N = ${n}**: seconds (× the floor) and requests`, "");
    lines.push(`| phase | ${worlds.map((w) => w.kind).join(" | ")} |`, `|---|${worlds.map(() => "---").join("|")}|`);
    for (const phase of Object.keys(worlds[0].phases)) {
      const cells = worlds.map((w) => {
        const p = w.phases[phase];
        if (!p) return "";
        const ratio = floor?.phases[phase] && w !== floor ? ` (×${(p.seconds / floor.phases[phase].seconds).toFixed(2)})` : "";
        return `${p.seconds.toFixed(1)} s${ratio}, ${byMethod(p.requests)}`;
      });
      lines.push(`| ${phase} | ${cells.join(" | ")} |`);
    }
    const update = (w: WorldFigures) => w.phases["update 10%"]?.bodyBytes ?? 0;
    const naive = worlds.find((w) => w.kind === "naive");
    lines.push(
      `| update: request body bytes | ${worlds.map((w) => `${update(w)}${naive && w !== naive && update(naive) ? ` (${Math.round((100 * update(w)) / update(naive))}% of naive)` : ""}`).join(" | ")} |`,
      `| state: bytes per resource (declared) | ${worlds.map((w) => (w.state ? `${w.state.bytesPerResource} (${w.state.declaredBytesPerResource})` : "")).join(" | ")} |`,
      `| state file | ${worlds.map((w) => (w.state ? `${Math.round(w.state.fileBytes / 1024)} KB` : "")).join(" | ")} |`,
      `| \`__provider\` bytes | ${worlds.map((w) => (w.state ? String(w.state.providerBytes) : "")).join(" | ")} |`,
      `| requests, all phases | ${worlds.map((w) => String(Object.values(w.phases).reduce((a, p) => a + total(p.requests), 0))).join(" | ")} |`,
      "",
    );
  }
  return lines.join("\n");
}
