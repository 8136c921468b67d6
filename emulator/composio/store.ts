import { randomBytes, randomUUID } from "node:crypto";
import { ApiError } from "../core/apiError";
import { AuthConfigSettings, StoredAuthConfig } from "./authConfig";

/** What a create stores: the settings plus what cannot change later. `name` is optional here. */
export interface NewAuthConfig extends Omit<AuthConfigSettings, "name"> {
  readonly name?: string;
  readonly toolkitSlug: string;
  readonly managed: boolean;
  readonly authScheme: string;
}

const NAME_SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** The auth configs of one emulator, in creation order. Deleted ones are kept but hidden. */
export class AuthConfigStore {
  private readonly configs = new Map<string, StoredAuthConfig>();

  create(fields: NewAuthConfig): StoredAuthConfig {
    const now = Date.now();
    const config: StoredAuthConfig = {
      ...fields,
      id: this.newId(),
      uuid: randomUUID(),
      name: fields.name ?? `${fields.toolkitSlug}-${randomSuffix(6)}`,
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

  /**
   * Moves `last_updated_at`. Strictly later than before even within one millisecond, so that a
   * client comparing timestamps always sees the change.
   */
  touch(config: StoredAuthConfig): void {
    config.lastUpdatedAt = Math.max(Date.now(), config.lastUpdatedAt + 1);
  }

  delete(id: string): void {
    this.get(id).deleted = true;
  }

  clear(): void {
    this.configs.clear();
  }

  private newId(): string {
    for (;;) {
      // 9 random bytes are exactly 12 base64url characters.
      const id = `ac_${randomBytes(9).toString("base64url")}`;
      if (!this.configs.has(id)) return id;
    }
  }
}

function randomSuffix(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => NAME_SUFFIX_ALPHABET[byte % NAME_SUFFIX_ALPHABET.length]).join("");
}
