import { ChildProcess, spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

/**
 * A `pulumi` command run as a child process in a process group of its own, so that a test can kill
 * it the way a CI runner's timeout does, and can make sure nothing it started outlives the test.
 *
 * Pulumi (v3.248) starts every plugin (the language host, the dynamic provider) in a process group
 * of its own, so a SIGKILL to the CLI's group alone leaves them running: the language host exits on
 * its own within a minute or so; the Node dynamic provider does not watch the engine at all: it
 * finishes the API requests it had in flight and then idles until killed. So this class remembers
 * every process the CLI started (from /proc: Linux only) and kills them together with the group,
 * as the end of a CI job's container does.
 */
export class CliProcess {
  /** Everything the command printed, stdout and stderr interleaved. */
  output = "";
  /** The exit code, or the signal that ended the command, once it has ended. */
  ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  /** Every process seen in the command's tree: pid → start time, so that a reused pid is never killed. */
  private readonly started = new Map<number, string>();

  constructor(bin: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    // detached: the child leads a new process group (setsid), as a CI job's shell does.
    this.child = spawn(bin, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.ended = { code, signal };
        resolve();
      });
      this.child.on("error", (error) => {
        this.output += `\n[spawn error] ${error.message}`;
        this.ended = { code: null, signal: null };
        resolve();
      });
    });
    if (this.child.pid !== undefined) this.started.set(this.child.pid, startTimeOf(this.child.pid) ?? "");
  }

  /** Adds the processes the command has started by now to those `kill` and `killAll` will end. */
  rememberDescendants(): void {
    const root = this.child.pid;
    if (root === undefined || this.ended) return;
    for (const pid of descendantsOf(root)) {
      const startTime = startTimeOf(pid);
      if (startTime !== undefined) this.started.set(pid, startTime);
    }
  }

  /**
   * SIGKILL, as a CI runner's timeout does: to the CLI's process group and, at the same moment, to
   * every process the CLI started (the plugins, in groups of their own). Waits until all are gone.
   */
  async killHard(timeoutMs = 30_000): Promise<void> {
    this.rememberDescendants();
    if (this.child.pid !== undefined && !this.ended) signal(-this.child.pid, "SIGKILL");
    this.killRemembered();
    await this.waitForEnd(timeoutMs);
    const deadline = Date.now() + timeoutMs;
    while (this.living().length > 0) {
      if (Date.now() > deadline) throw new Error(`processes still alive after SIGKILL: ${this.living().join(", ")}`);
      await sleep(100);
    }
  }

  /** Waits until the command has ended; throws if it has not within the time given. */
  async waitForEnd(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    const result = await Promise.race([this.exited.then(() => "ended" as const), timeout]);
    clearTimeout(timer);
    if (result === "timeout") throw new Error(`pulumi did not end within ${timeoutMs} ms`);
  }

  /** For afterAll: kills whatever of the command's tree still runs, whatever happened before. */
  async killAll(): Promise<void> {
    try {
      await this.killHard(10_000);
    } catch {
      // Best effort: a test failure must not hide behind a clean-up failure.
    }
  }

  private killRemembered(): void {
    for (const pid of this.living()) signal(pid, "SIGKILL");
  }

  /** The remembered processes that still run (same pid, same start time), zombies excluded. */
  private living(): number[] {
    return [...this.started].filter(([pid, startTime]) => startTimeOf(pid) === startTime && !isZombie(pid)).map(([pid]) => pid);
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** Field 22 of stat (index 19 after the command name): start time in clock ticks since boot. */
function startTimeOf(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

function isZombie(pid: number): boolean {
  return statFields(pid)?.[0] === "Z";
}

/** The pids of every living descendant of `root`. */
function descendantsOf(root: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(Number(entry))?.[1]);
    if (!Number.isFinite(ppid)) continue;
    childrenOf.set(ppid, [...(childrenOf.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of childrenOf.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
