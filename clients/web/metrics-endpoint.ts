/** `GET /metrics` of woma's HTTP servers: the daemon's figures (`daemon/metrics`) and the server's own, in Prometheus's text format or OpenMetrics, written by prom-client. */
import { AggregatorRegistry, Counter, Gauge, Registry } from "prom-client";
import { errorMessage } from "../../protocol/describe.ts";
import type { MetricFamily } from "../../protocol/generated/types.ts";
import { WOMA_VERSION } from "../../protocol/version.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";

/** What the server's own gauges read at each scrape. */
export interface ServerLevels {
  ready: boolean;
  draining: boolean;
  /** HTTP requests being worked on now (runs, file operations, MCP calls). */
  inFlight: number;
  /** MCP sessions open now (`woma mcp --port` only). */
  mcpSessions?: number;
}

/** Where the figures come from. */
export interface MetricsSources {
  /** `rest` or `mcp`. */
  server: string;
  instanceId(): string;
  /** The operator's daemon connection (the one that embeds the daemon), once there is one. */
  client(): DaemonClient | undefined;
  /** Its isolation level, once known. */
  isolation(): string | undefined;
  levels(): Promise<ServerLevels>;
}

/** The paths requests are counted by; anything else counts as `other`, so a scanner cannot grow the label set. */
const COUNTED_PATHS = ["/python", "/packages", "/files", "/health", "/ready", "/metrics", "/mcp"];

/** The content types of the two formats. */
export const PROMETHEUS_TEXT = Registry.PROMETHEUS_CONTENT_TYPE;
export const OPENMETRICS_TEXT = Registry.OPENMETRICS_CONTENT_TYPE;

/**
 * True when an `Accept` header asks for OpenMetrics (Prometheus itself sends
 * `application/openmetrics-text;version=1.0.0,...,text/plain;version=0.0.4;q=0.5,...`) with a
 * weight above 0; otherwise the classic text format is what the client gets.
 */
export function wantsOpenMetrics(accept: string | null): boolean {
  if (accept === null) return false;
  return accept.split(",").some((part) => {
    const [type, ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (type !== "application/openmetrics-text") return false;
    const weight = params.find((param) => param.startsWith("q="));
    return weight === undefined || Number(weight.slice(2)) > 0;
  });
}

/**
 * The server's `/metrics`. Each scrape asks the daemon for its families (runs, runners,
 * tenants, sessions, queue, boots, broker), adds the server's own (requests by path and
 * status, readiness, draining, requests in flight, MCP sessions, the process's memory and
 * CPU, a build-info gauge) and has prom-client write them. When the daemon cannot answer
 * (a `--connect`ed daemon answers only its operator), `woma_daemon_metrics_available` is 0
 * and the server's own families still come.
 */
export class MetricsEndpoint {
  private readonly registry = new Registry();
  private readonly requests = new Counter({
    name: "woma_http_requests_total",
    help: "HTTP requests answered, by path (/python, /packages, /files, /health, /ready, /metrics, /mcp or other) and status code",
    labelNames: ["path", "code"],
    registers: [this.registry],
  });
  private readonly ready = new Gauge({ name: "woma_ready", help: "1 while this instance takes new work (what /ready says), else 0", registers: [this.registry] });
  private readonly draining = new Gauge({ name: "woma_draining", help: "1 once this instance drains (after SIGTERM), else 0", registers: [this.registry] });
  private readonly inFlight = new Gauge({ name: "woma_http_requests_in_flight", help: "HTTP requests being worked on now (runs, file operations, MCP calls)", registers: [this.registry] });
  private readonly mcpSessions = new Gauge({ name: "woma_mcp_sessions", help: "MCP sessions open now (woma mcp --port)", registers: [this.registry] });
  private readonly daemonAvailable = new Gauge({ name: "woma_daemon_metrics_available", help: "1 when the daemon's figures are included, 0 when it could not give them", registers: [this.registry] });
  private readonly build = new Gauge({ name: "woma_build_info", help: "Always 1; the labels say which woma serves here", labelNames: ["version", "server", "instance_id", "isolation"], registers: [this.registry] });
  private readonly residentMemory = new Gauge({ name: "process_resident_memory_bytes", help: "Resident memory of this server's process (the daemon inside it included; runners are counted in woma_runners_memory_bytes), in bytes", registers: [this.registry] });
  private readonly cpuSeconds = new Counter({ name: "process_cpu_seconds_total", help: "CPU time this server's process has used, user and system, in seconds", registers: [this.registry] });
  private readonly startTime = new Gauge({ name: "process_start_time_seconds", help: "When this server's process started, in seconds since the Unix epoch", registers: [this.registry] });
  private readonly startedAt = Date.now() / 1000 - process.uptime();

  constructor(private readonly sources: MetricsSources) {}

  /** Counts one answered request. */
  countRequest(path: string, status: number): void {
    const counted = COUNTED_PATHS.find((prefix) => path === prefix || (prefix === "/files" && (path.startsWith("/files/") || path.startsWith("/sessions/"))));
    this.requests.inc({ path: counted ?? "other", code: String(status) });
  }

  /** The answer to `GET /metrics`: OpenMetrics when the Accept header asks for it, Prometheus's text format 0.0.4 otherwise. */
  async respond(request: Request): Promise<Response> {
    // Lists of families in prom-client's JSON form (the daemon's, then the server's own).
    const families: FamilyJson[][] = [];
    const client = this.sources.client();
    let daemonError: string | undefined;
    if (client !== undefined) {
      try {
        families.push((await client.metrics()).metrics.map((family) => ({ ...family, aggregator: family.aggregator ?? "sum" })));
      } catch (error) {
        daemonError = errorMessage(error);
      }
    } else daemonError = "the server is still starting";
    this.daemonAvailable.set(daemonError === undefined ? 1 : 0);
    const levels = await this.sources.levels();
    this.ready.set(levels.ready ? 1 : 0);
    this.draining.set(levels.draining ? 1 : 0);
    this.inFlight.set(levels.inFlight);
    this.mcpSessions.set(levels.mcpSessions ?? 0);
    this.build.reset();
    this.build.set({ version: WOMA_VERSION, server: this.sources.server, instance_id: this.sources.instanceId(), isolation: this.sources.isolation() ?? "unknown" }, 1);
    this.residentMemory.set(process.memoryUsage.rss());
    const cpu = process.cpuUsage();
    this.cpuSeconds.reset();
    this.cpuSeconds.inc((cpu.user + cpu.system) / 1e6);
    this.startTime.set(Math.round(this.startedAt));
    families.push((await this.registry.getMetricsAsJSON()) as unknown as FamilyJson[]);

    const openMetrics = wantsOpenMetrics(request.headers.get("accept"));
    // OpenMetrics names a counter's family without `_total` and its sample with it; prom-client adds the suffix itself.
    const named = openMetrics ? families.map((list) => list.map(openMetricsName)) : families;
    const registry = AggregatorRegistry.aggregate(named);
    registry.setContentType(openMetrics ? OPENMETRICS_TEXT : PROMETHEUS_TEXT);
    const headers: Record<string, string> = { "Content-Type": registry.contentType, "Cache-Control": "no-store" };
    if (daemonError !== undefined) headers["X-Woma-Metrics-Note"] = `the daemon's figures are missing: ${daemonError}`.replace(/[^\x20-\x7e]/g, "?").slice(0, 300);
    return new Response(await registry.metrics(), { status: 200, headers });
  }
}

/** A family in prom-client's JSON form, as `daemon/metrics` carries it. */
type FamilyJson = MetricFamily;

/** A counter's family name as OpenMetrics spells it: without the `_total` its samples carry. */
function openMetricsName(family: FamilyJson): FamilyJson {
  if (family.type !== "counter" || !family.name.endsWith("_total")) return family;
  return { ...family, name: family.name.slice(0, -"_total".length) };
}
