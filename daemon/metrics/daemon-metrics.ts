/** The daemon's figures for `daemon/metrics`: what it counts as things happen (runs, boots, broker requests) and the levels it reads when asked (runners, tenants, sessions, queue). */
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { MetricFamily, MetricsResult, RunnerRole, RunnerState } from "../../protocol/generated/types.ts";
import { DaemonError } from "../daemon-error.ts";

/** What a run came to, the label of `woma_run_duration_seconds`. */
export type RunOutcome =
  /** It ran and returned (`status: "success"`). */
  | "success"
  /** Python raised (`status: "exception"`). */
  | "exception"
  /** Its deadline stopped it. */
  | "timeout"
  /** Its client cancelled it, or left. */
  | "cancelled"
  /** Its runner died under it (or had died: a lost session). */
  | "terminated"
  /** It never ran: a bound refused it (a full queue, a client that does not read, a stopping daemon). */
  | "refused"
  /** Anything else. */
  | "error";

/** What a runner boot came to, the label of `woma_runner_boot_duration_seconds`. */
export type BootOutcome = "ready" | "failed" | "aborted";

/** The levels read at each `daemon/metrics`: every runner's state, role and memory, and the counts of tenants, sessions and waiting runs. */
export interface DaemonCensus {
  runners: Array<{ state: RunnerState; role: RunnerRole; rssBytes?: number }>;
  tenants: number;
  sessions: { ready: number; lost: number };
  /** Runs waiting for a runner, over every tenant. */
  queued: number;
  /** The admission queue and the boots: requests waiting for a runner slot, boots in flight, ready spares and how many are wanted, boots killed because their tenant left. */
  admission: { waiting: number; booting: number; spares: number; spareTarget: number; bootsKilled: number };
}

/** The bounds a refusal may name, the label values of `woma_refusals_total`; anything else counts as `other`, so the label set stays small. */
export const REFUSAL_BOUNDS = ["--max-runners", "--max-booting", "--admission-queue", "--max-tenant-runners", "--max-tenant-sessions", "--max-queue", "--max-pending-input", "--max-tenant-file-bytes"] as const;

const RUNNER_STATES: readonly RunnerState[] = ["booting", "idle", "busy", "dead"];
const RUNNER_ROLES: readonly RunnerRole[] = ["spare", "shared", "dedicated"];

/** Run durations, in seconds: from a millisecond `1+1` to a run of minutes. */
const RUN_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** Boot durations, in seconds: about 1 s from a snapshot, 3 s plain, 10-30 s building one. */
const BOOT_BUCKETS = [0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 30, 60];
/** Broker request durations, in seconds: a refusal takes microseconds, a download minutes. */
const BROKER_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** The outcome label of a run that failed with `error`. */
export function runOutcomeOf(error: unknown): RunOutcome {
  if (!(error instanceof DaemonError)) return "error";
  switch (error.code) {
    case "RUN_TIMED_OUT":
      return "timeout";
    case "RUN_CANCELLED":
      return "cancelled";
    case "RUNNER_DIED":
    case "SESSION_LOST":
      return "terminated";
    case "POOL_BUSY":
    case "POOL_UNAVAILABLE":
    case "CLIENT_NOT_READING":
    case "SHUTTING_DOWN":
      return "refused";
    default:
      return "error";
  }
}

/**
 * Keeps the daemon's metrics in a prom-client registry of its own and answers
 * `daemon/metrics` with them in prom-client's JSON form, which a server's `/metrics`
 * turns into Prometheus text or OpenMetrics. Labels carry outcomes, states and roles,
 * never a tenant's or a session's name: one tenant cannot read another's activity in them,
 * and their number stays small.
 */
export class DaemonMetrics {
  private readonly registry = new Registry();
  private census: () => DaemonCensus = () => ({ runners: [], tenants: 0, sessions: { ready: 0, lost: 0 }, queued: 0, admission: { waiting: 0, booting: 0, spares: 0, spareTarget: 0, bootsKilled: 0 } });
  private readonly runs = new Counter({ name: "woma_runs_total", help: "Runs started (python/run requests the daemon took on), whatever their outcome", registers: [this.registry] });
  private readonly runDuration = new Histogram({
    name: "woma_run_duration_seconds",
    help: "Time from taking a run on to its answer, in seconds (waiting for a runner included), by outcome",
    labelNames: ["outcome"],
    buckets: RUN_BUCKETS,
    registers: [this.registry],
  });
  private readonly bootDuration = new Histogram({
    name: "woma_runner_boot_duration_seconds",
    help: "Time from starting a runner process to its Python being ready, in seconds, by outcome (ready, failed, aborted)",
    labelNames: ["outcome"],
    buckets: BOOT_BUCKETS,
    registers: [this.registry],
  });
  private readonly brokerRequests = new Counter({
    name: "woma_broker_requests_total",
    help: "HTTP request hops the network broker handled for Python and for packages, by outcome (complete, redirect, cancelled, refused, or the error kind)",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  private readonly brokerRefusals = new Counter({ name: "woma_broker_refusals_total", help: "Request hops the network policy refused before anything was sent", registers: [this.registry] });
  private readonly brokerDuration = new Histogram({
    name: "woma_broker_request_duration_seconds",
    help: "Time the broker spent on one request hop, in seconds, by outcome",
    labelNames: ["outcome"],
    buckets: BROKER_BUCKETS,
    registers: [this.registry],
  });
  private readonly runners = new Gauge({ name: "woma_runners", help: "Runner processes now, by state (booting, idle, busy, dead) and role (spare, shared, dedicated)", labelNames: ["state", "role"], registers: [this.registry] });
  private readonly runnersMemory = new Gauge({ name: "woma_runners_memory_bytes", help: "Resident memory of every runner process together, in bytes", registers: [this.registry] });
  private readonly tenants = new Gauge({ name: "woma_tenants", help: "Tenants now (MCP connections, REST bridges, daemon clients or named tenants)", registers: [this.registry] });
  private readonly sessions = new Gauge({ name: "woma_sessions", help: "Python sessions now, by state (ready, lost)", labelNames: ["state"], registers: [this.registry] });
  private readonly queueDepth = new Gauge({ name: "woma_queue_depth", help: "Runs waiting for a runner now, over every tenant", registers: [this.registry] });
  private readonly admissionDepth = new Gauge({ name: "woma_admission_queue_depth", help: "Requests waiting now in the admission queue for a runner slot (--max-runners, --max-booting), over every tenant", registers: [this.registry] });
  private readonly booting = new Gauge({ name: "woma_boots_in_flight", help: "Runner boots in flight now (at most --max-booting)", registers: [this.registry] });
  private readonly spares = new Gauge({ name: "woma_spares", help: "Ready spare runners now, waiting for a new tenant", registers: [this.registry] });
  private readonly spareTarget = new Gauge({ name: "woma_spares_target", help: "Spares wanted now: enough for the tenants that arrived over the last minute, at most --spares", registers: [this.registry] });
  private readonly bootsKilled = new Counter({ name: "woma_boots_killed_total", help: "Runner boots killed because the tenant they were for left before they were ready", registers: [this.registry] });
  private readonly refusals = new Counter({
    name: "woma_refusals_total",
    help: "Requests refused by a bound with -31006 or a quota, by the bound named (--max-runners, --max-booting, --admission-queue, --max-tenant-runners, --max-tenant-sessions, --max-queue, --max-pending-input, --max-tenant-file-bytes, other)",
    labelNames: ["bound"],
    registers: [this.registry],
  });

  /** Where the levels come from; read once per {@link result}. */
  readLevelsFrom(census: () => DaemonCensus): void {
    this.census = census;
  }

  /** A run was taken on: counted at once; call what this returns with its outcome when it ends. */
  runStarted(): (outcome: RunOutcome) => void {
    this.runs.inc();
    const end = this.runDuration.startTimer();
    let ended = false;
    return (outcome) => {
      if (ended) return;
      ended = true;
      end({ outcome });
    };
  }

  /** A request was refused by `bound` (a flag's name, as the refusal's `data.bound` says). */
  refused(bound: string): void {
    this.refusals.inc({ bound: (REFUSAL_BOUNDS as readonly string[]).includes(bound) ? bound : "other" });
  }

  /** A runner boot ended after `seconds`. */
  bootEnded(outcome: BootOutcome, seconds: number): void {
    this.bootDuration.observe({ outcome }, seconds);
  }

  /** The broker finished one request hop (see `NetBrokerOptions.onHop`): `outcome` is `complete`, `redirect`, `cancelled` or an error kind such as `refused`. */
  brokerHop(outcome: string, seconds: number): void {
    this.brokerRequests.inc({ outcome });
    this.brokerDuration.observe({ outcome }, seconds);
    if (outcome === "refused") this.brokerRefusals.inc();
  }

  /** The `daemon/metrics` answer: every family, the levels read now. */
  async result(): Promise<MetricsResult> {
    const census = this.census();
    this.runners.reset();
    // Every state and role is reported, zeros included, so a series does not vanish when its count drops to none.
    for (const state of RUNNER_STATES) for (const role of RUNNER_ROLES) this.runners.set({ state, role }, 0);
    let memory = 0;
    for (const runner of census.runners) {
      this.runners.inc({ state: runner.state, role: runner.role });
      memory += runner.rssBytes ?? 0;
    }
    this.runnersMemory.set(memory);
    this.tenants.set(census.tenants);
    this.sessions.set({ state: "ready" }, census.sessions.ready);
    this.sessions.set({ state: "lost" }, census.sessions.lost);
    this.queueDepth.set(census.queued);
    this.admissionDepth.set(census.admission.waiting);
    this.booting.set(census.admission.booting);
    this.spares.set(census.admission.spares);
    this.spareTarget.set(census.admission.spareTarget);
    // The pool keeps the count; the counter is set to it (a counter only goes up, and so does the count).
    this.bootsKilled.reset();
    this.bootsKilled.inc(census.admission.bootsKilled);
    // Every bound is reported, zeros included, so a series does not appear only at the first refusal.
    for (const bound of [...REFUSAL_BOUNDS, "other"]) this.refusals.inc({ bound }, 0);
    const families = await this.registry.getMetricsAsJSON();
    return { metrics: families.map(asFamily) };
  }
}

/** prom-client's JSON form of a family, as the schema spells it (exemplars, always empty here, left out). */
function asFamily(family: Awaited<ReturnType<Registry["getMetricsAsJSON"]>>[number]): MetricFamily {
  const out: MetricFamily = {
    name: family.name,
    help: family.help,
    type: String(family.type) as MetricFamily["type"],
    values: family.values.map((sample) => {
      const labels: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(sample.labels)) if (value !== undefined) labels[name] = value;
      const metricName = (sample as { metricName?: string }).metricName;
      return metricName === undefined ? { value: sample.value, labels } : { value: sample.value, labels, metricName };
    }),
  };
  if (family.aggregator !== undefined) out.aggregator = family.aggregator;
  return out;
}
