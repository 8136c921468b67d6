import { ApiError } from "../core/apiError";
import type { EmulatorClock } from "../core/clock";
import { randomText } from "../core/randomText";

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** An auth connection as the emulator stores it: every field, secrets included. */
export interface StoredConnection {
  /** 20 letters and digits (emulator decision). */
  readonly id: string;
  readonly authType: string;
  /** Every field of the type's row (name and provider included); hidden ones are never returned. */
  fields: Record<string, unknown>;
  /** Fields a seed gave that the type's row does not define: kept, never returned. */
  readonly extras: Record<string, unknown>;
  status: string;
  statusDetail: string | null;
  /** Milliseconds since the epoch, from the server's clock. */
  statusUpdatedAt: number;
  usedBy: unknown;
}

/** What seeding may set besides the fields. */
export interface SeedDetails {
  readonly id?: string;
  readonly status?: string;
  readonly statusDetail?: string | null;
  readonly statusUpdatedAt?: number;
  readonly usedBy?: unknown;
  readonly extras?: Record<string, unknown>;
}

/** The workspace's auth connections, oldest first. A delete removes the connection for good. */
export class ConnectionStore {
  private readonly connections = new Map<string, StoredConnection>();

  constructor(private readonly clock: EmulatorClock) {}

  create(authType: string, fields: Record<string, unknown>, seed: SeedDetails = {}): StoredConnection {
    if (seed.id !== undefined && this.connections.has(seed.id)) {
      throw new ApiError(409, "duplicate_id", `An auth connection with id ${seed.id} already exists`);
    }
    const connection: StoredConnection = {
      id: seed.id ?? this.newId(),
      authType,
      fields,
      extras: seed.extras ?? {},
      status: seed.status ?? "active",
      statusDetail: seed.statusDetail ?? null,
      statusUpdatedAt: seed.statusUpdatedAt ?? this.clock.now(),
      usedBy: seed.usedBy === undefined ? { tools: [], mcp_servers: [], integration_connections: [] } : seed.usedBy,
    };
    this.connections.set(connection.id, connection);
    return connection;
  }

  /** The connection with this id; a 404 ApiError when there is none. */
  get(id: string): StoredConnection {
    const connection = this.connections.get(id);
    if (!connection) throw new ApiError(404, "not_found", `Auth connection ${id} not found`);
    return connection;
  }

  all(): StoredConnection[] {
    return [...this.connections.values()];
  }

  delete(id: string): void {
    this.get(id);
    this.connections.delete(id);
  }

  clear(): void {
    this.connections.clear();
  }

  private newId(): string {
    for (;;) {
      const id = randomText(20, ID_ALPHABET);
      if (!this.connections.has(id)) return id;
    }
  }
}
