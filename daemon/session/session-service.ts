/** Every change to a tenant's sessions: create, reset, close, expiry, the loss of a runner, a tenant's end, and the reclaim of idle tenants' runners. */
import type { SessionCloseParams, SessionCloseResult, SessionCreateParams, SessionCreateResult, SessionListResult, SessionResetParams, SessionResetResult } from "../../protocol/generated/types.ts";
import type { DaemonOptions } from "../daemon-options.ts";
import { log } from "../log.ts";
import type { PackageService } from "../packages/package-service.ts";
import type { RunnerPool } from "../pool/runner-pool.ts";
import type { Runner } from "../pool/runner.ts";
import { sessionInfo, type Session } from "./session-store.ts";
import type { Tenant, TenantRegistry } from "./tenant-registry.ts";

/** The tenant uses its runners now: its idle time starts again (`--tenant-idle-timeout`). */
export function touch(tenant: Tenant): void {
  tenant.lastActiveAt = Date.now();
}

/**
 * The one place a session changes, besides its runs: the daemon's requests about sessions
 * come here, and so do the pool's news of a dead runner and the daemon's periodic sweep.
 * Whoever calls checks first that the daemon still takes new work.
 */
export class SessionService {
  constructor(
    private readonly pool: RunnerPool,
    private readonly tenants: TenantRegistry,
    private readonly options: Pick<DaemonOptions, "tenantIdleTimeoutMs">,
    private readonly packages: PackageService | undefined,
  ) {}

  /** `session/create`. */
  async create(params: SessionCreateParams, tenant: Tenant): Promise<SessionCreateResult> {
    const { sessions } = tenant;
    const id = params.session_id ?? sessions.newId();
    sessions.assertFree(id);
    this.pool.quota.admitSession(sessions.size);
    touch(tenant);
    const fresh = params.fresh_interpreter === true;
    const runner = fresh ? await this.pool.takeDedicated(tenant.id) : await this.pool.runnerForSession(tenant.id);
    // A concurrent create may have taken the name, or the last session the quota allows, while we waited for a runner.
    try {
      sessions.assertFree(id);
      this.pool.quota.admitSession(sessions.size);
    } catch (error) {
      if (fresh) this.pool.releaseDedicated(runner);
      throw error;
    }
    const session = sessions.add(id, runner, runner.id, fresh, params.idle_timeout_ms);
    runner.sessions.add(id);
    return { session: sessionInfo(session) };
  }

  /** `session/list`: the tenant's sessions. */
  list(tenant: Tenant): SessionListResult {
    return { sessions: tenant.sessions.all().map(sessionInfo) };
  }

  /** `session/reset`: empties the globals in order with the session's runs; a lost session comes back on a live runner. */
  async reset(params: SessionResetParams, tenant: Tenant): Promise<SessionResetResult> {
    touch(tenant);
    const session = tenant.sessions.get(params.session_id);
    if (session.state === "lost") {
      const runner = session.freshInterpreter ? await this.pool.takeDedicated(tenant.id) : await this.pool.runnerForSession(tenant.id);
      session.runner = runner;
      session.runnerId = runner.id;
      session.state = "ready";
      delete session.lostReason;
      runner.sessions.add(session.id);
    } else {
      await this.pool.submit(tenant.id, session.runner, (runner) => runner.session("reset", session.id)).promise;
    }
    session.lastUsedAt = new Date();
    return { session: sessionInfo(session) };
  }

  /** `session/close`: interrupts its runs, forgets it and frees its globals (or its dedicated runner). */
  close(params: SessionCloseParams, tenant: Tenant, why = "closed"): SessionCloseResult {
    const session = tenant.sessions.get(params.session_id);
    this.forget(tenant, session, why);
    return { session_id: session.id };
  }

  /** A runner died: the sessions it held are lost, each saying why. */
  runnerDied(runner: Runner, reason: string): void {
    const lost = this.tenants.get(runner.tenant)?.sessions.markLost(runner, `runner ${runner.id} died (${reason})`) ?? [];
    if (lost.length > 0) log("warn", `sessions lost with runner ${runner.id}: ${lost.map((s) => s.id).join(", ")}`);
  }

  /**
   * A connection stopped acting for its tenant. When the tenant is over (it was the
   * connection's own, or a named one with no sessions left), its sessions are closed and
   * its runners killed: they never serve another tenant.
   */
  leave(tenant: Tenant): void {
    if (!this.tenants.detach(tenant)) return;
    this.endTenant(tenant, "its client disconnected");
  }

  /** The periodic sweep: sessions past their idle timeout close, tenants left with none end, idle tenants' runners are reclaimed. */
  sweep(): void {
    const now = Date.now();
    for (const tenant of this.tenants.all()) {
      for (const session of tenant.sessions.expired(now)) {
        log("info", `session "${session.id}" expired after ${session.idleTimeoutMs} ms idle`);
        this.forget(tenant, session, `closed after ${session.idleTimeoutMs} ms without a run (its idle timeout)`);
      }
    }
    // A named tenant whose last session expired while no client was attached is over too.
    for (const tenant of this.tenants.sweep()) this.endTenant(tenant, "its last session closed");
    this.reclaimIdleTenants(now);
  }

  private endTenant(tenant: Tenant, why: string): void {
    for (const session of tenant.sessions.all()) {
      tenant.sessions.remove(session.id, why);
      for (const stop of [...session.active]) stop();
    }
    this.pool.releaseTenant(tenant.id, `its tenant is gone (${why})`);
    void this.packages?.forgetTenant(tenant.id);
  }

  /**
   * Closes a session: its runs are stopped, its globals freed (or its dedicated runner
   * stopped). A tenant whose last session this was releases its runners as soon as nothing
   * of its runs: a runner costs 100-200 MiB, and the next tenant may need the slot.
   */
  private forget(tenant: Tenant, session: Session<Runner>, why: string): void {
    tenant.sessions.remove(session.id, why);
    for (const stop of [...session.active]) stop();
    session.runner.sessions.delete(session.id);
    if (session.freshInterpreter) this.pool.releaseDedicated(session.runner);
    else if (session.state === "ready") {
      void this.pool.submit(tenant.id, session.runner, (runner) => runner.session("close", session.id)).promise.catch(() => {
        // The runner died or the daemon is stopping: the globals are gone either way.
      });
    }
    if (tenant.sessions.size === 0) this.pool.releaseWhenQuiet(tenant.id, "its tenant closed its last session");
  }

  /** Stops the runners of tenants that have not used them for `--tenant-idle-timeout`; their sessions are reported lost, saying why. */
  private reclaimIdleTenants(now: number): void {
    const idleMs = this.options.tenantIdleTimeoutMs;
    if (idleMs <= 0) return;
    for (const tenant of this.tenants.all()) {
      if (now - tenant.lastActiveAt <= idleMs || this.pool.runnersHeld(tenant.id) === 0 || !this.pool.isQuiet(tenant.id)) continue;
      const stopped = this.pool.releaseIdleRunners(tenant.id, `reclaimed: its tenant used no runner for ${Math.round(idleMs / 1000)} s (--tenant-idle-timeout)`);
      if (stopped > 0) log("info", `tenant ${tenant.named ? `"${tenant.id}"` : tenant.id} was idle for ${Math.round((now - tenant.lastActiveAt) / 1000)} s: ${stopped} runner${stopped === 1 ? "" : "s"} reclaimed`);
    }
  }
}
