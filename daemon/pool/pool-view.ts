/** What the pool holds, described: each runner as `daemon/info` lists it, and each tenant's share for the operator view. */
import type { RunnerInfo } from "../../protocol/generated/types.ts";
import type { Runner } from "./runner.ts";
import type { TenantRunners } from "./tenant-runners.ts";

/** What the pool holds, for the daemon's operator view (`daemon/tenants`). */
export interface PoolView {
  /** Runner processes not yet exited. */
  runners: number;
  /** Spares ready now. */
  spares: number;
  /** Boots in flight. */
  booting: number;
  /** Spares kept ready now (see spare-demand.ts). */
  spareTarget: number;
  /** New tenants in the last minute. */
  arrivalsPerMinute: number;
  /** Mean of the recent boots, in ms. */
  bootMsMean: number;
  /** Boots started, cancelled because their tenant left, and failed, since the start. */
  boots: { started: number; cancelled: number; failed: number };
  /** The admission queue now, and what it did since the start. */
  admission: { waiting: number; oldestWaitMs: number; admitted: number; timedOut: number; refused: number; dropped: number };
  tenants: TenantView[];
}

/** One tenant's share of the pool, for the operator view. */
export interface TenantView {
  id: string;
  /** Runners it holds. */
  runners: number;
  /** Of those, runners running now. */
  busy: number;
  /** Boots in flight for it. */
  booting: number;
  /** Resident memory of its runners, in bytes. */
  rssBytes: number;
  /** Its requests waiting for one of its runners. */
  queued: number;
  /** Its requests waiting in the admission queue. */
  waiting: number;
  /** Milliseconds its runners spent booting. */
  bootMs: number;
}

/** A runner as `daemon/info` lists it; `queued` is the work waiting for it in particular. */
export function describeRunner(runner: Runner, queued: number): RunnerInfo {
  const info: RunnerInfo = {
    runner_id: runner.id,
    pid: runner.pid,
    state: !runner.alive ? "dead" : runner.busy ? "busy" : "idle",
    role: runner.role,
    sessions: runner.sessions.size,
    queued,
    runs: runner.runs,
  };
  const rss = runner.rss();
  if (rss !== undefined) info.rss_bytes = rss;
  if (runner.bootResult) {
    info.boot_ms = Math.round(runner.bootResult.bootMs * 10) / 10;
    info.from_snapshot = runner.bootResult.fromSnapshot;
  }
  return info;
}

/** A tenant's share of the pool, given the boots in flight for it and its requests in the admission queue. */
export function tenantView(runners: TenantRunners, booting: number, waiting: number): TenantView {
  const all = runners.all();
  return {
    id: runners.id,
    runners: all.length,
    busy: all.filter((r) => r.busy).length,
    booting,
    rssBytes: all.reduce((sum, runner) => sum + (runner.rss() ?? 0), 0),
    queued: runners.queue.waiting,
    waiting,
    bootMs: Math.round(runners.bootMs),
  };
}
