/** `GET /health` and `GET /ready` of woma's HTTP servers, as a load balancer or a kubelet asks them: liveness, and whether new work may be sent here. */
import { errorMessage } from "../../protocol/describe.ts";
import type { InfoResult } from "../../protocol/generated/types.ts";
import { WOMA_VERSION } from "../../protocol/version.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import type { Drain } from "./drain.ts";

/**
 * What `/ready` says: `ready`; `starting` (no Python runner has booted yet); `draining`
 * (SIGTERM came: the instance is going away); `unavailable` (no runner can start, or the
 * daemon cannot be reached).
 */
export const READINESS_STATUSES = ["ready", "starting", "draining", "unavailable"] as const;

/** Whether the server can take new work now, and why not. */
export interface Readiness {
  ready: boolean;
  /** One of {@link READINESS_STATUSES}. */
  status: (typeof READINESS_STATUSES)[number];
  /** The same in a sentence, for people reading the probe's body. */
  detail: string;
}

/** What the probes read. */
export interface ProbeSources {
  /** `rest` (woma serve) or `mcp` (woma mcp --port). */
  server: string;
  /** The instance's id (known once the port is bound). */
  instanceId(): string;
  drain: Drain;
  /** The daemon connection, once the server has one; undefined while it starts. */
  client(): DaemonClient | undefined;
  /** False while the server still sets itself up after the daemon answered (the REST bridge waits for its first runner); default true. */
  serving?(): boolean;
}

/** How long one `daemon/info` answer serves the probes, in ms: balancers and kubelets ask every second or two, and several may ask at once. */
const INFO_MAX_AGE_MS = 250;

/**
 * Answers the probes. Both answer any Host and need no token (the caller checks neither),
 * and their bodies hold no session name, code or tenant's data: the instance's id, its
 * state, its version.
 *
 * - `/health`: 200 while the process lives (a liveness probe must not restart an instance
 *   that is only busy, starting or draining); the body says which.
 * - `/ready`: 200 when the server can take new work, else 503: while it starts (until a
 *   Python runner has booted), once it drains, and when no runner can start. Busy runners
 *   and a queue never make it 503: a balancer should keep sending work, which waits.
 */
export class ServiceProbes {
  private cached: { at: number; info: Promise<InfoResult> } | undefined;
  private readonly startedAt = performance.now();

  constructor(private readonly sources: ProbeSources) {}

  /** Whether new work may be sent here now. */
  async readiness(): Promise<Readiness> {
    if (this.sources.drain.draining) return { ready: false, status: "draining", detail: "this instance is draining (it got SIGTERM): runs in flight finish, new ones go elsewhere" };
    const client = this.sources.client();
    if (client === undefined || this.sources.serving?.() === false) return { ready: false, status: "starting", detail: "this instance is starting: its first Python runner is not ready yet" };
    let info: InfoResult;
    try {
      info = await this.info(client);
    } catch (error) {
      return { ready: false, status: "unavailable", detail: `the daemon cannot be reached: ${errorMessage(error)}` };
    }
    if (info.status !== "healthy") return { ready: false, status: "unavailable", detail: "no Python runner can start here (the last boots failed; see the server's log)" };
    if (!info.pyodide_loaded) return { ready: false, status: "starting", detail: "this instance is starting: its first Python runner is not ready yet" };
    return { ready: true, status: "ready", detail: "this instance takes new work" };
  }

  /** The answer to `GET /ready`. */
  async ready(): Promise<Response> {
    const readiness = await this.readiness();
    return Response.json({ status: readiness.status, ready: readiness.ready, instance_id: this.sources.instanceId(), detail: readiness.detail }, { status: readiness.ready ? 200 : 503, headers: NO_STORE });
  }

  /** The fields both `/health` bodies carry: the instance, and whether it is ready or draining. */
  async summary(): Promise<{ instance_id: string; ready: boolean; draining: boolean; server: string }> {
    const readiness = await this.readiness();
    return { instance_id: this.sources.instanceId(), ready: readiness.ready, draining: this.sources.drain.draining, server: this.sources.server };
  }

  /** The answer to `GET /health` for any caller: 200, with the instance's state and version. */
  async health(): Promise<Response> {
    const readiness = await this.readiness();
    const status = readiness.status === "draining" ? "draining" : readiness.status === "unavailable" ? "unhealthy" : "healthy";
    return Response.json(
      {
        status,
        ready: readiness.ready,
        draining: this.sources.drain.draining,
        instance_id: this.sources.instanceId(),
        server: this.sources.server,
        version: WOMA_VERSION,
        uptime_seconds: Math.round((performance.now() - this.startedAt) / 100) / 10,
        detail: readiness.detail,
      },
      { status: 200, headers: NO_STORE },
    );
  }

  private info(client: DaemonClient): Promise<InfoResult> {
    const now = performance.now();
    if (this.cached === undefined || now - this.cached.at > INFO_MAX_AGE_MS) {
      const info = client.info();
      this.cached = { at: now, info };
      // A failed answer is not kept: the next probe asks again.
      info.catch(() => {
        if (this.cached?.info === info) this.cached = undefined;
      });
    }
    return this.cached.info;
  }
}

/** Probe answers are about now: no cache may keep them. */
const NO_STORE = { "Cache-Control": "no-store" };
