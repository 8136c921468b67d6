import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inject } from "vitest";
import { startEmulator } from "../../emulator";
import { pluginSettingKey } from "../../provider/plugin/providerConfig";
import { PluginSchema, yamlProject } from "./yamlProgram";

/** One resource of the test program: declared with args, or read with `AuthConfig.get`. */
export interface ScenarioResource {
  readonly name: string;
  /** Which resource to declare: composio.AuthConfig (the default), flowra.AuthConfig or elevenlabs.AuthConnection. */
  readonly kind?: ResourceKind;
  readonly args?: Record<string, unknown>;
  readonly options?: Record<string, unknown>;
  readonly getId?: string;
  /** Sets this resource's label argument (`arg`) to `copy-of-<id of resource>`: an output still unknown during the first preview. */
  readonly labelFromIdOf?: { readonly arg: string; readonly resource: string };
  /** The native plugin's programs only: the explicit provider (of `declare`'s providers) that manages this resource. */
  readonly provider?: string;
}

/** An explicit provider resource of the native plugin, with its own settings (`composioApiKey`...). */
export interface ScenarioProvider {
  readonly name: string;
  readonly args: Record<string, string>;
}

export type ResourceKind = "composio" | "flowra" | "elevenlabs";

/** What the emulator's request log holds for each API request. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly status: number | null;
  readonly fault?: string;
}

export const API_KEY = "test-api-key-canary-0b7e";

/** The stack config namespaces of the three APIs: each gets the emulator's URL and key. */
export const API_NAMESPACES = ["composio", "flowra", "elevenlabs"] as const;

/**
 * A real Pulumi CLI, a file backend in a temp dir, the packed package installed in the test
 * program, and an emulator on loopback: the world a user's pipeline runs in, minus the cloud.
 */
export class EngineWorld {
  /** Everything the CLI printed in this world (including the provider's diagnostics). */
  output = "";

  private constructor(
    readonly stack: Stack,
    readonly emulatorUrl: string,
    private readonly closeEmulator: () => Promise<void>,
    private readonly programDir: string,
    private readonly stateDir: string,
    private readonly cliEnv: Record<string, string>,
    /** The YAML program's own folder and what writes it, when the world runs one (`program: "yaml"`). */
    private readonly yaml?: { readonly pluginDir: string; readonly schema: PluginSchema },
  ) {}

  /**
   * `programDir`: another folder holding the test program (default: the one globalSetup installed).
   * `plugin`: run the native plugin's program instead, with the plugin's stack config keys
   * (`authconfig:composioApiKey` for `composio:apiKey`).
   * `program: "yaml"`: a Pulumi YAML program in a folder of its own, served by the installed
   * package's plugin; `declare` writes its Pulumi.yaml (yamlProgram.ts). Implies `plugin`.
   */
  static async create(
    label: string,
    options: { emulator?: Parameters<typeof startEmulator>[0]; config?: Record<string, string>; env?: Record<string, string>; programDir?: string; plugin?: boolean; program?: "js" | "yaml" } = {},
  ): Promise<EngineWorld> {
    const yaml = options.program === "yaml" ? installedPlugin() : undefined;
    const plugin = options.plugin || yaml !== undefined;
    const programDir = yaml ? mkdtempSync(join(tmpdir(), "authconfig-yaml-program-")) : (options.programDir ?? inject(plugin ? "pluginProgramDir" : "programDir"));
    if (yaml) writeFileSync(join(programDir, "Pulumi.yaml"), yamlProject([], [], yaml));
    const settingKey = plugin ? pluginSettingKey : (namespace: string, setting: string) => `${namespace}:${setting}`;
    const pulumiBin = inject("pulumiBin");
    // The emulator accepts only the stack's key, so that a wrong key fails as it would for real.
    const emulator = await startEmulator({ port: 0, apiKey: API_KEY, ...options.emulator });
    const stateDir = mkdtempSync(join(tmpdir(), "authconfig-state-"));
    mkdirSync(join(stateDir, "backend"));
    const stackName = `${label}-${Math.random().toString(36).slice(2, 8)}`;
    if (!yaml) writeFileSync(join(programDir, `scenario.${stackName}.json`), JSON.stringify({ resources: [] }));
    const pulumiCommand = await PulumiCommand.get({ root: dirname(pulumiBin), skipVersionCheck: true });
    const pulumiHome = join(stateDir, "home");
    const envVars = {
      PATH: `${pulumiBin}:${process.env.PATH}`,
      PULUMI_BACKEND_URL: `file://${join(stateDir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-tests",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      // The provider must take its settings from stack config, not from the test's environment.
      COMPOSIO_API_KEY: "",
      COMPOSIO_BASE_URL: "",
      FLOWRA_API_KEY: "",
      FLOWRA_BASE_URL: "",
      ELEVENLABS_API_KEY: "",
      ELEVENLABS_BASE_URL: "",
      ...options.env,
    };
    const stack = await LocalWorkspace.createOrSelectStack({ stackName, workDir: programDir }, { pulumiCommand, pulumiHome, envVars });
    // The emulator serves every API on one port with the same key.
    for (const namespace of API_NAMESPACES) {
      await stack.setConfig(settingKey(namespace, "baseUrl"), { value: emulator.url });
      await stack.setConfig(settingKey(namespace, "apiKey"), { value: API_KEY, secret: true });
    }
    for (const [key, value] of Object.entries(options.config ?? {})) await stack.setConfig(key, { value });
    return new EngineWorld(stack, emulator.url, emulator.close, programDir, stateDir, { PULUMI_HOME: pulumiHome, ...envVars }, yaml);
  }

  /**
   * How to run the `pulumi` CLI by hand in this world, as a CI job's shell would: the binary, the
   * program folder and the environment the Automation API gives it (less PULUMI_AUTOMATION_API).
   * Add `--stack <world.stack.name>` to the arguments.
   */
  cli(): { bin: string; cwd: string; env: NodeJS.ProcessEnv } {
    return { bin: join(inject("pulumiBin"), "pulumi"), cwd: this.programDir, env: { ...process.env, ...this.cliEnv } };
  }

  /**
   * Runs `pulumi <args>` (for this stack, unless `stack` is false), non-interactive, as a CI job's
   * shell would; what it prints joins `output`.
   */
  async run(args: readonly string[], { stack = true } = {}): Promise<{ code: number; output: string }> {
    const { bin, cwd, env } = this.cli();
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(bin, [...args, ...(stack ? ["--stack", this.stack.name] : []), "--non-interactive"], { cwd, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}${stderr}` });
      });
    });
    this.output += result.output;
    return result;
  }

  /** The file backend's folder (PULUMI_BACKEND_URL), for a test that repairs it by hand as a user would. */
  get backendDir(): string {
    return join(this.stateDir, "backend");
  }

  /** Sets what the program declares on its next run (explicit providers: the native plugin's programs only). */
  declare(resources: readonly ScenarioResource[], providers: readonly ScenarioProvider[] = []): void {
    if (this.yaml) writeFileSync(join(this.programDir, "Pulumi.yaml"), yamlProject(resources, providers, this.yaml));
    else writeFileSync(join(this.programDir, `scenario.${this.stack.name}.json`), JSON.stringify({ resources, providers }));
  }

  private collect = (text: string) => {
    this.output += text;
  };

  async up(options: Record<string, unknown> = {}) {
    return this.stack.up({ onOutput: this.collect, ...options });
  }

  async preview(options: Record<string, unknown> = {}) {
    return this.stack.preview({ onOutput: this.collect, diff: true, ...options });
  }

  async refresh(options: Record<string, unknown> = {}) {
    return this.stack.refresh({ onOutput: this.collect, ...options });
  }

  async destroy(options: Record<string, unknown> = {}) {
    return this.stack.destroy({ onOutput: this.collect, ...options });
  }

  /**
   * Every file the backend wrote (the stack's checkpoint, its backups and history), as text: what
   * sits on disk. (`stack.exportStack()` is no good for secret checks: it decrypts them.)
   */
  persistedState(): string {
    const texts: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) visit(path);
        else texts.push(readFileSync(path, "utf8"));
      }
    };
    visit(join(this.stateDir, "backend"));
    return texts.join("\n");
  }

  /** The stack's resources as stored, secrets still encrypted. */
  async storedResources(): Promise<{ type: string; urn: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[]> {
    const name = this.stack.name;
    const file = findFile(join(this.stateDir, "backend"), `${name}.json`);
    return JSON.parse(readFileSync(file, "utf8")).checkpoint.latest?.resources ?? [];
  }

  /** The API requests the emulator received since the last `clearRequests`. */
  async requests(): Promise<RecordedRequest[]> {
    const res = await fetch(`${this.emulatorUrl}/_emulator/requests`);
    return (await res.json()) as RecordedRequest[];
  }

  async clearRequests(): Promise<void> {
    await fetch(`${this.emulatorUrl}/_emulator/requests`, { method: "DELETE" });
  }

  /**
   * A call straight to the emulator's API, as a person clicking in a dashboard would make. The key
   * goes in the header the path's API reads: ElevenLabs' xi-api-key, x-api-key for the others.
   */
  async api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const keyHeader = path.startsWith("/v1/workspace") ? "xi-api-key" : "x-api-key";
    const res = await fetch(`${this.emulatorUrl}${path}`, {
      method,
      headers: { [keyHeader]: API_KEY, ...(body !== undefined && { "content-type": "application/json" }) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async dispose(): Promise<void> {
    try {
      await this.stack.workspace.removeStack(this.stack.name, { force: true });
    } catch {
      // already gone
    }
    rmSync(join(this.programDir, `scenario.${this.stack.name}.json`), { force: true });
    rmSync(join(this.programDir, `Pulumi.${this.stack.name}.yaml`), { force: true });
    if (this.yaml) rmSync(this.programDir, { recursive: true, force: true });
    rmSync(this.stateDir, { recursive: true, force: true });
    await this.closeEmulator();
  }
}

/** The plugin of the package globalSetup installed, and the schema it serves (which properties are secret). */
function installedPlugin(): { pluginDir: string; schema: PluginSchema } {
  const packageDir = join(inject("programDir"), "node_modules", "pulumi-authconfig");
  return { pluginDir: join(packageDir, "dist", "plugin"), schema: JSON.parse(readFileSync(join(packageDir, "pulumi-schema.json"), "utf8")) };
}

function findFile(dir: string, name: string): string {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    } else if (entry.name === name) return path;
  }
  return "";
}

/** API requests only, without the emulator's control calls and in a compact form for assertions. */
export function summarize(requests: readonly RecordedRequest[]): string[] {
  return requests.map((r) => `${r.method} ${r.path}`);
}
