import { randomBytes, randomUUID } from "node:crypto";
import { ApiError } from "../core/apiError";
import type { EmulatorClock } from "../core/clock";
import { randomText } from "../core/randomText";
import { AuthConfigSettings, StoredAuthConfig } from "./authConfig";

/** What a create stores: the settings plus what cannot change later. `name` is optional here. */
export interface NewAuthConfig extends Omit<AuthConfigSettings, "name"> {
  readonly name?: string;
  readonly toolkitSlug: string;
  readonly managed: boolean;
  readonly authScheme: string;
}

export interface AuthConfigStoreOptions {
  /** The server's clock, for created_at and last_updated_at. */
  readonly clock: EmulatorClock;
  /** When true, two live configs of one toolkit may not share a name (409 `duplicate_name`). */
  readonly uniqueNames: boolean;
}

/** The auth configs of one emulator, in creation order. Deleted ones are kept but hidden. */
export class AuthConfigStore {
  private readonly configs = new Map<string, StoredAuthConfig>();

  constructor(private readonly options: AuthConfigStoreOptions) {}

  create(fields: NewAuthConfig): StoredAuthConfig {
    if (fields.name !== undefined) this.checkNameIsFree(fields.toolkitSlug, fields.name);
    const now = this.options.clock.now();
    const config: StoredAuthConfig = {
      ...fields,
      id: this.newId(),
      uuid: randomUUID(),
      name: fields.name ?? this.generatedName(fields.toolkitSlug),
      status: "ENABLED",
      createdAt: now,
      lastUpdatedAt: now,
      deleted: false,
    };
    this.configs.set(config.id, config);
    return config;
  }

  /** The live config with this id; a 404 ApiError when it never existed or was deleted. */
  get(id: string): StoredAuthConfig {
    const config = this.configs.get(id);
    if (!config || config.deleted) {
      throw new ApiError(404, "auth_config_not_found", `Auth config ${id} not found`, "Check the id; deleted auth configs cannot be read or changed.");
    }
    return config;
  }

  /** Every live config, oldest first. */
  live(): StoredAuthConfig[] {
    return [...this.configs.values()].filter((config) => !config.deleted);
  }

  /** Every config ever created, deleted ones included, oldest first. */
  all(): StoredAuthConfig[] {
    return [...this.configs.values()];
  }

  /** Stores new settings (already checked), refusing a name another config of the toolkit has. */
  update(config: StoredAuthConfig, settings: AuthConfigSettings): void {
    if (settings.name !== config.name) this.checkNameIsFree(config.toolkitSlug, settings.name, config.id);
    Object.assign(config, settings);
    this.touch(config);
  }

  /**
   * Moves `last_updated_at`. Strictly later than before even within one millisecond (or when the
   * clock was set back), so that a client comparing timestamps always sees the change.
   */
  touch(config: StoredAuthConfig): void {
    config.lastUpdatedAt = Math.max(this.options.clock.now(), config.lastUpdatedAt + 1);
  }

  delete(id: string): void {
    this.get(id).deleted = true;
  }

  clear(): void {
    this.configs.clear();
  }

  private checkNameIsFree(toolkitSlug: string, name: string, exceptId?: string): void {
    if (!this.options.uniqueNames) return;
    const taken = this.live().some((other) => other.id !== exceptId && other.toolkitSlug === toolkitSlug && other.name === name);
    if (taken) {
      throw new ApiError(409, "duplicate_name", "name is already used by another auth config of this toolkit", "Choose another name, or use the existing auth config.");
    }
  }

  private generatedName(toolkitSlug: string): string {
    for (;;) {
      const name = `${toolkitSlug}-${randomText(6)}`;
      if (!this.options.uniqueNames || !this.live().some((other) => other.toolkitSlug === toolkitSlug && other.name === name)) return name;
    }
  }

  private newId(): string {
    for (;;) {
      // 9 random bytes are exactly 12 base64url characters.
      const id = `ac_${randomBytes(9).toString("base64url")}`;
      if (!this.configs.has(id)) return id;
    }
  }
}
