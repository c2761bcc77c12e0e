/** Tenants: who a connection acts for, and the sessions each one holds. One tenant's code never shares an interpreter with another's. */
import type { Runner } from "../pool/runner.ts";
import type { WheelSpec } from "../contract/runner-protocol.ts";
import { SessionStore } from "./session-store.ts";

/** One tenant: the sessions it holds and the connections acting for it. */
export interface Tenant {
  /** The name a client gave in `daemon/initialize`, or a generated one that no client can name. */
  readonly id: string;
  /** True when a client named it (connections naming it share its sessions; it outlives them). */
  readonly named: boolean;
  /** Connections acting for it now. */
  connections: number;
  readonly sessions: SessionStore<Runner>;
  /** Packages installed for this tenant (`packages/install`, `micropip.install`): each of its runners gets them before its next run. */
  readonly packages: Map<string, WheelSpec>;
  /** Runs it has started: its `execution_count`, and the number in the ids the daemon gives its runs (`run-N`), which other tenants' runs never move. */
  runs: number;
  /** When it last asked for something its runners do (a run, a session or file operation), in ms since the epoch: for `--tenant-idle-timeout`. */
  lastActiveAt: number;
}

/**
 * Keeps the tenants. A connection that names no tenant gets one of its own (an id with a
 * `~`, which tenant names cannot contain, so no client can join it) that ends with the
 * connection. A named tenant is shared by every connection naming it and stays while it
 * has sessions, so a client can come back to them.
 */
export class TenantRegistry {
  private readonly tenants = new Map<string, Tenant>();
  private anonymous = 0;

  /** A connection starts acting for a tenant: the named one (created on first use), or a new one of its own. */
  attach(name?: string): Tenant {
    const id = name ?? `~connection-${++this.anonymous}`;
    let tenant = this.tenants.get(id);
    if (!tenant) {
      tenant = { id, named: name !== undefined, connections: 0, sessions: new SessionStore<Runner>(), packages: new Map(), runs: 0, lastActiveAt: Date.now() };
      this.tenants.set(id, tenant);
    }
    tenant.connections++;
    return tenant;
  }

  /**
   * A connection stops acting for its tenant. Returns true when the tenant is over (no
   * connection left, and it is a connection's own or has no sessions): the caller then
   * closes what it holds. A named tenant with sessions stays.
   */
  detach(tenant: Tenant): boolean {
    tenant.connections = Math.max(0, tenant.connections - 1);
    if (tenant.connections > 0 || (tenant.named && tenant.sessions.size > 0)) return false;
    this.tenants.delete(tenant.id);
    return true;
  }

  /** Named tenants with neither connections nor sessions left (their last session expired): forgotten and returned. */
  sweep(): Tenant[] {
    const over = [...this.tenants.values()].filter((t) => t.connections === 0 && t.sessions.size === 0);
    for (const tenant of over) this.tenants.delete(tenant.id);
    return over;
  }

  /** The tenant with this id, if it is still here. */
  get(id: string | undefined): Tenant | undefined {
    return id === undefined ? undefined : this.tenants.get(id);
  }

  /** Every tenant. */
  all(): Tenant[] {
    return [...this.tenants.values()];
  }
}
