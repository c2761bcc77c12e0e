/** What each tenant holds and costs: its own usage for `daemon/info`, and every tenant for the operator's `daemon/tenants`. */
import type { LimitsInfo, TenantsResult, TenantSummary, TenantUsage } from "../../protocol/generated/types.ts";
import type { RunnerPool } from "../pool/runner-pool.ts";
import type { Tenant } from "./tenant-registry.ts";

/** What `tenant` holds and has used (its runners, their memory, its runs, queues and boot time), and nothing of any other tenant's. */
export function tenantUsage(pool: RunnerPool, tenant: Tenant): TenantUsage {
  const own = pool.info(tenant.id).filter((runner) => runner.role !== "spare" && runner.state !== "booting");
  return {
    runners: own.length,
    busy: own.filter((runner) => runner.state === "busy").length,
    rss_bytes: pool.tenantRss(tenant.id),
    runs: tenant.runs,
    queued: pool.waiting(tenant.id),
    waiting: pool.admissionWaiting(tenant.id),
    sessions: tenant.sessions.size,
    boot_ms: Math.round(pool.tenantBootMs(tenant.id) * 10) / 10,
  };
}

/** The operator view: every tenant with its runners, memory, runs, queues, boot and idle time (most memory first), and the pool's state. */
export function operatorView(pool: RunnerPool, tenants: readonly Tenant[], limits: LimitsInfo, now = Date.now()): TenantsResult {
  const view = pool.view();
  const byId = new Map(view.tenants.map((t) => [t.id, t]));
  const summaries: TenantSummary[] = tenants.map((tenant) => {
    const share = byId.get(tenant.id);
    return {
      tenant: tenant.id,
      named: tenant.named,
      connections: tenant.connections,
      sessions: tenant.sessions.size,
      runners: share?.runners ?? 0,
      busy: share?.busy ?? 0,
      booting: share?.booting ?? 0,
      rss_bytes: share?.rssBytes ?? 0,
      runs: tenant.runs,
      queued: share?.queued ?? 0,
      waiting: share?.waiting ?? 0,
      boot_ms: share?.bootMs ?? 0,
      idle_ms: Math.max(0, now - tenant.lastActiveAt),
    };
  });
  summaries.sort((a, b) => b.rss_bytes - a.rss_bytes || b.runners - a.runners || a.tenant.localeCompare(b.tenant));
  const { admission } = view;
  return {
    pool: {
      runners: view.runners,
      spares: view.spares,
      booting: view.booting,
      spare_target: view.spareTarget,
      arrivals_last_minute: view.arrivalsPerMinute,
      boot_ms_mean: view.bootMsMean,
      boots_started: view.boots.started,
      boots_cancelled: view.boots.cancelled,
      boots_failed: view.boots.failed,
      admission: {
        waiting: admission.waiting,
        oldest_wait_ms: admission.oldestWaitMs,
        admitted: admission.admitted,
        timed_out: admission.timedOut,
        refused: admission.refused,
        dropped: admission.dropped,
      },
    },
    tenants: summaries,
    limits,
  };
}
