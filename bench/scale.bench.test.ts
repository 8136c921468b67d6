import { cpus, totalmem, tmpdir } from "node:os";
import { mkdtempSync, copyFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EngineWorld, RecordedRequest, ScenarioResource } from "../test/engine/harness";
import { buildFloorPlugin, FLOOR_PLUGIN } from "./floorPlugin/build";
import { ALL_KINDS, Kind, KIND_SPECS } from "./kinds";
import { writeResults, PhaseFigures, WorldFigures } from "./results";
import { stateBreakdown } from "./stateBreakdown";

/**
 * `npm run bench`: this package against baselines measured in the same run, through the real engine
 * against the emulator with network-like latency. For each N and each kind, the phases a user pays
 * for: create all, no-op preview, update of 10%, drift check, refresh, destroy. Figures, never gates:
 * the only assertions are that each run converged.
 *
 * Kinds (kinds.ts): composio, flowra, elevenlabs, the dynamic way and through the native plugin
 * (`plugin-<api>`); a floor for each way (`floor`, `plugin-floor`: a provider that does nothing, the
 * engine's own cost); `naive` (Composio, whole-body updates and one GET per read).
 * Settings: BENCH_SIZES (default 10,100,500), BENCH_KINDS, BENCH_LARGEST_KINDS, BENCH_LATENCY_MS (default 20).
 */

const SIZES = (process.env.BENCH_SIZES ?? "10,100,500").split(",").map(Number);
const KINDS = (process.env.BENCH_KINDS?.split(",") ?? ALL_KINDS) as Kind[];
/**
 * Kinds to run at the largest size only, when the whole set would take too long there
 * (`BENCH_LARGEST_KINDS=floor,composio,plugin-floor,plugin-composio`); default: all of BENCH_KINDS.
 */
const LARGEST_KINDS = (process.env.BENCH_LARGEST_KINDS?.split(",") as Kind[] | undefined) ?? KINDS;
const kindsAt = (n: number) => (n === Math.max(...SIZES) ? KINDS.filter((kind) => LARGEST_KINDS.includes(kind)) : KINDS);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? "20");

/** The floor plugin's folder, bundled once per run. */
let floorPluginDir = "";
beforeAll(() => {
  floorPluginDir = buildFloorPlugin(mkdtempSync(join(tmpdir(), "authconfig-bench-floor-plugin-")));
});

/**
 * The bench program (bench/program) in a folder of its own, using the test program's installed
 * node_modules; for a plugin kind, its Pulumi.yaml names that kind's plugin (only that one).
 */
function benchProgramDir(kind: Kind): string {
  const dir = mkdtempSync(join(tmpdir(), "authconfig-bench-program-"));
  for (const file of ["index.js", "baselineProviders.js"]) copyFileSync(join(__dirname, "program", file), join(dir, file));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "authconfig-bench-program", private: true }));
  const pluginPath = { authconfig: "./node_modules/pulumi-authconfig/dist/plugin", [FLOOR_PLUGIN]: floorPluginDir };
  const plugin = KIND_SPECS[kind].plugin;
  const plugins = plugin ? `plugins:\n  providers:\n    - name: ${plugin}\n      path: ${pluginPath[plugin]}\n` : "";
  writeFileSync(join(dir, "Pulumi.yaml"), `name: authconfig-bench\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n${plugins}`);
  symlinkSync(join(inject("programDir"), "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function fleet(kind: Kind, n: number, changed: (i: number) => boolean): ScenarioResource[] {
  return Array.from({ length: n }, (_, i) => ({ kind: kind as never, name: `r${i}`, args: KIND_SPECS[kind].args(i, changed(i) ? "TOOL_B" : "TOOL_A") }));
}

function requestFigures(requests: readonly RecordedRequest[]): Pick<PhaseFigures, "requests" | "bodyBytes"> {
  const byMethod: Record<string, number> = {};
  let bodyBytes = 0;
  for (const r of requests) {
    byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
    if (r.body !== null && r.body !== undefined) bodyBytes += Buffer.byteLength(JSON.stringify(r.body));
  }
  return { requests: byMethod, bodyBytes };
}

function checkpointBytes(world: EngineWorld): number {
  const find = (dir: string): number => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = find(path);
        if (found) return found;
      } else if (entry.name === `${world.stack.name}.json`) return statSync(path).size;
    }
    return 0;
  };
  return find(world.backendDir);
}

const results: WorldFigures[] = [];
afterAll(() => {
  writeResults(results, { sizes: SIZES, kinds: KINDS, latencyMs: LATENCY_MS, machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}` });
});

describe.each(SIZES)("N = %i", (n) => {
  it.each(kindsAt(n))("%s", async (kind) => {
    const world = await EngineWorld.create(`bench-${kind}-${n}`, { programDir: benchProgramDir(kind), plugin: KIND_SPECS[kind].way === "plugin", emulator: { latencyMs: LATENCY_MS } });
    const figures: WorldFigures = { kind, n, phases: {} };
    results.push(figures);
    try {
      const phase = async (name: string, run: () => Promise<unknown>) => {
        await world.clearRequests();
        const started = performance.now();
        await run();
        const seconds = (performance.now() - started) / 1000;
        figures.phases[name] = { seconds, ...requestFigures(await world.requests()) };
      };
      const updated = (i: number) => i % 10 === 0;

      world.declare(fleet(kind, n, () => false));
      await phase("up", () => world.up());
      const everything = await world.storedResources();
      const stored = everything.filter((r) => r.type === KIND_SPECS[kind].type);
      expect(stored).toHaveLength(n);
      const resourceBytes = stored.map((r) => Buffer.byteLength(JSON.stringify(r)));
      figures.state = {
        fileBytes: checkpointBytes(world),
        bytesPerResource: Math.round(resourceBytes.reduce((a, b) => a + b, 0) / n),
        propertyBytesPerResource: Math.round(stored.reduce((a, r) => a + Buffer.byteLength(JSON.stringify({ inputs: r.inputs, outputs: r.outputs })), 0) / n),
        declaredBytesPerResource: Math.round(fleet(kind, n, () => false).reduce((a, r) => a + Buffer.byteLength(JSON.stringify(r.args)), 0) / n),
        providerBytes: String(stored[0].outputs?.__provider ?? "").length,
        // Once per stack, not per resource: the provider resources (the dynamic way's records the stack's config).
        providerResourceBytes: everything.filter((r) => r.type.startsWith("pulumi:providers:")).reduce((a, r) => a + Buffer.byteLength(JSON.stringify(r)), 0),
        breakdown: stateBreakdown(stored[0]),
      };

      await phase("no-op preview", () => world.preview({ diff: false }));
      await phase("no-op up", () => world.up());
      world.declare(fleet(kind, n, updated));
      await phase("update 10%", () => world.up());
      await phase("drift check", () => world.preview({ diff: false, refresh: true, expectNoChanges: true }));
      await phase("refresh", () => world.refresh());
      await phase("destroy", () => world.destroy());
      expect(await world.storedResources()).toHaveLength(0);
    } finally {
      await world.dispose();
    }
  });
});
