/** The REST bridge as a plain `fetch(Request) → Response` function: `GET /health` and `POST /python` over a daemon client. */
import { DEFAULTS } from "../../protocol/defaults.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { failureData, isRuntimeTerminated, isTimedOut } from "../shared/run-errors.ts";
import { checkBearerToken } from "../web/bearer-token.ts";
import { drainingHeaders, drainingMessage, type Drain } from "../web/drain.ts";
import { requestPath } from "../web/service-front.ts";
import type { ServiceProbes } from "../web/service-probes.ts";
import { corsHeaders, preflightHeaders, refuseContentType, refuseHost, refuseOrigin, webGuardFrom, type CorsAllowance, type Refusal, type WebGuard } from "../web/web-guard.ts";
import { FILES_ALLOW, FILES_CORS, FileEndpoints, filesTarget } from "./files.ts";
import { parsePythonRequest, parseRequirements, PYTHON_BODY_EXAMPLE, SESSION_HEADER } from "./python-request.ts";
import { runAnswer, timeoutAnswer, type AnswerExtras } from "./python-response.ts";
import { DEFAULT_MAX_BODY_BYTES, readJsonObject } from "./request-body.ts";
import { RestError, restErrorFromDaemon, restErrorFromRefusal } from "./rest-errors.ts";
import { SessionRouter } from "./session-router.ts";

/** Settings of the REST bridge. Only `workers` is required. */
export interface RestOptions {
  /** The daemon's `--workers`: 0 or 1 gives runs without a session one default session (state persists); 2 or more gives fresh globals. */
  workers: number;
  /** Value of `reset_globals` for a request that does not give one (`--reset-globals`). Default false. */
  resetGlobals?: boolean;
  /** Largest request body, in bytes (`--max-body`). Default 1 MiB. */
  maxBodyBytes?: number;
  /** Longest timeout a request may ask for, and the timeout of one that asks for none, in ms; 0 means no limit (`--timeout`). Default 30 000. */
  maxTimeoutMs?: number;
  /** When set, every request except `GET /health` and CORS preflight needs `Authorization: Bearer <token>`. */
  token?: string;
  /**
   * The Host names and browser origins the bridge accepts (`--host`, `--allow-host`,
   * `--cors-origin`). Default: loopback names and origins only, or any origin when `token`
   * is set.
   */
  guard?: WebGuard;
  /** Named sessions are closed after this long without a run, in ms; 0 means never. Default one hour. */
  sessionIdleTimeoutMs?: number;
  /** Where the bridge writes its own log lines (a session reset, an unexpected error). Default: nowhere. */
  log?: (message: string) => void;
  /**
   * The server's drain (`woma serve` after SIGTERM): once it has begun, new runs and package
   * installs get 503 with Retry-After; what is in flight is counted, and answered 503 with
   * the drain's reason if it is interrupted. Absent: the bridge never drains.
   */
  drain?: Drain;
  /** The server's probes, whose summary (instance id, ready, draining) `GET /health` adds to its body. */
  probes?: Pick<ServiceProbes, "summary">;
}

/** The bridge's request handler, plus how to let go of the sessions it made. */
export interface RestHandler {
  (request: Request): Promise<Response>;
  /** Closes the sessions the bridge created in the daemon. Never throws. */
  close(): Promise<void>;
}

type Endpoint = (request: Request) => Promise<Response>;

/** Paths that do not need the token. */
const OPEN_PATHS = new Set(["/health"]);

/** Paths whose POST body is JSON, so it must say `Content-Type: application/json`. */
const JSON_PATHS = new Set(["/python", "/packages"]);

/** What browsers are told the bridge takes, and may read back. */
const CORS: CorsAllowance = { methods: "GET, POST, OPTIONS", requestHeaders: `Content-Type, Authorization, ${SESSION_HEADER}`, exposedHeaders: `X-Woma-Instance, ${SESSION_HEADER}` };

/** Throws a refusal of the web guard as the bridge's failure, so the one error path answers it. */
function refused(refusal: Refusal | undefined): void {
  if (refusal) throw restErrorFromRefusal(refusal);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers });
}

/**
 * Builds the handler. It answers `GET /health` and `POST /python` (see docs/rest.md for the
 * contract), `OPTIONS` preflight on both, 404 for other paths and 405 for other methods.
 * Before any of that, the guard refuses a foreign Host (403), a `POST /python` that is not
 * `application/json` (415) and a foreign Origin (403); then the token is checked (401).
 * It never throws: every failure becomes a JSON answer through the table in rest-errors.ts.
 * With `workers` ≤ 1 it creates the default session in the daemon at once.
 */
export function createRestHandler(client: DaemonClient, options: RestOptions): RestHandler {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const defaults = { resetGlobals: options.resetGlobals ?? false, maxTimeoutMs: options.maxTimeoutMs ?? DEFAULTS.bridgeTimeoutMs };
  const guard = options.guard ?? webGuardFrom({ listenHost: "127.0.0.1", tokenRequired: options.token !== undefined });
  const log = options.log ?? (() => {});
  const router = new SessionRouter(client, { defaultSession: options.workers <= 1, sessionIdleTimeoutMs: options.sessionIdleTimeoutMs ?? DEFAULTS.restSessionIdleMs }, log);
  const files = new FileEndpoints(client, router);

  const draining = () => options.drain?.draining === true;
  /** New work while the instance drains: 503, with when to try again (elsewhere, through the balancer). */
  const refuseWhileDraining = (what: string) => {
    if (draining()) throw new RestError("draining", drainingMessage(what), { draining: true }, drainingHeaders());
  };
  /** Work counted in the drain; if the drain is interrupted first, a 503 with its reason answers at once and the work's signal aborts. */
  const tracked = (work: (signal: AbortSignal | undefined) => Promise<Response>): Promise<Response> =>
    options.drain ? options.drain.run(work, (reason) => json(503, { status: "error", error: reason, draining: true }, drainingHeaders())) : work(undefined);

  // 200 while the process lives (a liveness check); `status` and `ready` say whether runs can be served.
  const health: Endpoint = async () => {
    const summary = (await options.probes?.summary()) ?? {};
    try {
      const info = await client.info();
      const body: Record<string, unknown> = {
        status: draining() ? "draining" : info.status === "healthy" ? "healthy" : "unhealthy",
        pyodide_loaded: info.pyodide_loaded,
        uptime_seconds: info.uptime_seconds,
        execution_count: info.execution_count,
        workers: info.workers,
        isolation: info.isolation.level,
        // Said plainly: at process level there is no kernel boundary behind the runner's own hardening.
        isolation_detail: info.isolation.detail,
        version: info.versions.woma,
        pyodide_version: info.versions.pyodide,
        queued: info.queued,
        // This bridge's own use of the daemon (it is one tenant of it); never another tenant's.
        usage: info.usage ?? null,
        runners: info.runners.map((r) => ({ runner_id: r.runner_id, role: r.role, state: r.state, rss_bytes: r.rss_bytes ?? null })),
      };
      // What Python may reach and load: a caller should not have to guess.
      if (info.network) body.network = { mode: info.network.mode, allow: info.network.allow, deny: info.network.deny };
      if (info.packages) body.packages = { available: info.packages.available, on_import: info.packages.on_import, source: info.packages.source, count: info.packages.count ?? null };
      if (info.versions.python !== undefined) body.python_version = info.versions.python;
      return json(200, { ...body, ...summary });
    } catch (error) {
      return json(200, { status: "unhealthy", pyodide_loaded: false, error: restErrorFromDaemon(error).message, ...summary });
    }
  };

  const python: Endpoint = async (request) => {
    refuseWhileDraining("runs");
    return tracked((stop) => runPython(request, stop));
  };

  const runPython = async (request: Request, stop: AbortSignal | undefined): Promise<Response> => {
    const body = await readJsonObject(request, maxBodyBytes, PYTHON_BODY_EXAMPLE);
    const run = parsePythonRequest(body, defaults, request.headers.get(SESSION_HEADER));
    const warnings: string[] = [];
    if (run.cappedFrom !== undefined) warnings.push(`timeout_ms ${run.cappedFrom} is above this server's maximum, so ${run.timeoutMs} ms applied (--timeout)`);
    const extras: AnswerExtras = run.session === undefined ? { warnings } : { session: run.session, warnings };
    if (run.session !== undefined) {
      const prepared = await router.prepare(run.session);
      extras.sessionCreated = prepared.created;
      warnings.push(...prepared.warnings);
    }
    if (run.packages) {
      // Installed for the bridge's tenant: every session of this server has them from now on.
      await client.installPackages({ requirements: run.packages });
    }
    // The run stops when its client goes away, or when the drain is interrupted (its answer is then the drain's 503).
    const signal = stop ? AbortSignal.any([request.signal, stop]) : request.signal;
    try {
      const routed = await router.run({ code: run.code, reset_globals: run.resetGlobals, timeout_ms: run.timeoutMs, ...(run.stdin === undefined ? {} : { stdin: run.stdin }) }, run.session, signal);
      warnings.push(...routed.warnings);
      if (routed.created) extras.sessionCreated = true;
      return json(200, runAnswer(routed.result, extras), run.session === undefined ? {} : { [SESSION_HEADER]: run.session });
    } catch (error) {
      // A timeout the code stopped on is a Python-style exception; one that cost the runner is a 500 (rest-errors.ts).
      if (isTimedOut(error) && !isRuntimeTerminated(error)) return json(200, timeoutAnswer(error, run.timeoutMs, failureData(error)?.session_state === "kept", extras));
      throw error;
    }
  };

  // Extensions of the original tool's API: install packages for every session of this server, and list them.
  const installPackages: Endpoint = async (request) => {
    refuseWhileDraining("package installs");
    return tracked(async () => {
      const body = await readJsonObject(request, maxBodyBytes, '{"packages": ["numpy"]}');
      const requirements = parseRequirements(body.packages);
      const result = await client.installPackages({ requirements });
      return json(200, { status: "success", installed: result.installed.map((p) => ({ name: p.name, version: p.version })) });
    });
  };
  const listPackages: Endpoint = async () => {
    const result = await client.listPackages();
    return json(200, {
      source: result.source,
      installed: result.installed.map((p) => ({ name: p.name, version: p.version })),
      available: result.available.map((p) => ({ name: p.name, version: p.version, imports: p.imports })),
    });
  };

  const routes: Record<string, Record<string, Endpoint>> = {
    "/health": { GET: health },
    "/python": { POST: python },
    "/packages": { GET: listPackages, POST: installPackages },
  };

  // The order is the shared guard's (web-guard.ts): Host, then Content-Type, Origin and token.
  const handle = async (request: Request): Promise<Response> => {
    refused(refuseHost(guard, request));
    const path = requestPath(request);
    // A session's files (files.ts): the same guard, in the same order, with methods of their own.
    const fileTarget = filesTarget(path);
    if (fileTarget !== undefined) {
      refused(refuseOrigin(guard, request));
      if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: { ...preflightHeaders(guard, request, FILES_CORS), Allow: FILES_ALLOW } });
      refused(checkBearerToken(options.token, request));
      return tracked(() => files.handle(request, fileTarget));
    }
    const route = routes[path];
    const allowed = route === undefined ? "" : [...Object.keys(route), "OPTIONS"].join(", ");
    if (request.method === "OPTIONS" && route !== undefined) {
      refused(refuseOrigin(guard, request));
      return new Response(null, { status: 204, headers: { ...preflightHeaders(guard, request, CORS), Allow: allowed } });
    }
    if (request.method === "POST" && JSON_PATHS.has(path)) refused(refuseContentType(request));
    refused(refuseOrigin(guard, request));
    if (!OPEN_PATHS.has(path)) refused(checkBearerToken(options.token, request));
    if (route === undefined) throw new RestError("not_found", `no such path: ${path}; this server answers GET /health, GET /ready, GET /metrics, POST /python, GET or POST /packages and /sessions/NAME/files/PATH (GET, PUT, DELETE)`);
    const endpoint = route[request.method];
    if (endpoint === undefined) throw new RestError("method_not_allowed", `${request.method} is not allowed on ${path}; use ${allowed}`, {}, { Allow: allowed });
    return endpoint(request);
  };

  const handler = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      response = await handle(request);
    } catch (error) {
      const failure = restErrorFromDaemon(error);
      if (failure.kind === "internal") log(`${request.method} ${request.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      response = json(failure.status, failure.body(), failure.headers);
    }
    for (const [name, value] of Object.entries(corsHeaders(guard, request, CORS))) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };
  return Object.assign(handler, { close: () => router.close() });
}
