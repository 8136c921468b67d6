import { randomUUID } from "node:crypto";
import { ApiError } from "../core/apiError";
import type { EmulatorClock } from "../core/clock";
import { randomText } from "../core/randomText";
import { FlowraSettings, StoredFlowraConfig } from "./authConfig";

/** What a create stores: the settings plus what cannot change later. */
export interface NewFlowraConfig extends FlowraSettings {
  readonly toolkitSlug: string;
  readonly managed: boolean;
  readonly authScheme: string;
}

/** The Flowra auth configs of one emulator. A delete removes the config for good. */
export class FlowraConfigStore {
  private readonly configs = new Map<string, StoredFlowraConfig>();
  private sequence = 0;

  constructor(private readonly clock: EmulatorClock) {}

  create(fields: NewFlowraConfig): StoredFlowraConfig {
    const now = this.clock.now();
    const config: StoredFlowraConfig = {
      ...fields,
      id: this.newId(),
      name: this.newName(fields.toolkitSlug),
      provider: "flowra",
      createdAt: now,
      updatedAt: now,
      sequence: this.sequence++,
    };
    this.configs.set(config.id, config);
    return config;
  }

  /** The config with this id; a 404 ApiError when there is none. */
  get(id: string): StoredFlowraConfig {
    const config = this.configs.get(id);
    if (!config) throw new ApiError(404, "auth_config_not_found", `Auth config ${id} not found`);
    return config;
  }

  /** Every config, oldest first. */
  all(): StoredFlowraConfig[] {
    return [...this.configs.values()];
  }

  /** Stores checked settings and moves `updatedAt`, strictly later than before (even if the clock was set back). */
  update(config: StoredFlowraConfig, settings: FlowraSettings): void {
    Object.assign(config, settings);
    config.updatedAt = Math.max(this.clock.now(), config.updatedAt + 1);
  }

  delete(id: string): void {
    this.get(id);
    this.configs.delete(id);
  }

  clear(): void {
    this.configs.clear();
  }

  private newId(): string {
    for (;;) {
      const id = randomUUID();
      if (!this.configs.has(id)) return id;
    }
  }

  /** `<slug>-<6 characters>`, unique among the stored configs (spec: the server allocates a unique name). */
  private newName(toolkitSlug: string): string {
    const taken = new Set(this.all().map((config) => config.name));
    for (;;) {
      const name = `${toolkitSlug.toLowerCase()}-${randomText(6)}`;
      if (!taken.has(name)) return name;
    }
  }
}
