/** Serves the daemon's methods on one JSON-RPC connection: validates params, dispatches, maps errors. */
import {
  CancellationToken,
  CancellationTokenSource,
  createMessageConnection,
  ResponseError,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
  type NotificationType,
  type RequestParam,
  type RequestType,
} from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { InputRefusal } from "../../protocol/wire/bounded-message-reader.ts";
import { guardMessages } from "../../protocol/wire/message-guard.ts";
import {
  CheckRequest,
  CompleteRequest,
  DisplayNotificationType,
  FilesDeleteRequest,
  FilesListRequest,
  FilesReadRequest,
  FilesWriteRequest,
  InfoRequest,
  InitializeRequest,
  InputRequest,
  InspectRequest,
  MetricsRequest,
  OutputNotificationType,
  PackagesProgressNotificationType,
  PackagesInstallRequest,
  PackagesListRequest,
  RunRequest,
  SessionCloseRequest,
  SessionCreateRequest,
  SessionListRequest,
  SessionResetRequest,
  ShutdownRequest,
  TenantsRequest,
} from "../../protocol/methods.ts";
import type { InputParams } from "../../protocol/generated/types.ts";
import type { Daemon } from "../daemon.ts";
import { DaemonError } from "../daemon-error.ts";
import { MAX_INPUT_CHARS } from "../run/run-input.ts";
import type { Tenant } from "../session/tenant-registry.ts";
import { log } from "../log.ts";
import { BacklogPolicy } from "./backlog-policy.ts";
import { PresenceProbe } from "./presence-probe.ts";
import { RequestTracker } from "./request-tracker.ts";
import { checkParams } from "./validate-params.ts";
import { toResponseError } from "./wire-errors.ts";

type Handler = (params: unknown, token: CancellationToken, connection: MessageConnection) => unknown;

/** A method's handler together with the schema definition its params must match. */
interface Route {
  definition: string;
  handler: Handler;
}

function route<P, R>(type: RequestType<P, R, void>, definition: string, handler: (params: P, token: CancellationToken, connection: MessageConnection) => R | Promise<R>): [string, Route] {
  return [type.method, { definition, handler: handler as Handler }];
}

/** A served connection, and how to wait for the requests it still has in flight. */
export interface ServedConnection {
  connection: MessageConnection;
  /** Resolves when no request of this connection is being handled. */
  idle(): Promise<void>;
  /**
   * The client is gone: its runs still in flight are interrupted (then killed, as a timeout
   * is) and its queued ones dropped, and the connection stops acting for its tenant. The
   * transport calls this when the peer has truly left; after a half-close (end of stdin, a
   * socket's FIN) it waits for {@link idle} first, so requests already read get answers.
   * Meanwhile the connection probes the client (see `PresenceProbe`) and calls this itself
   * when the client turns out to be gone rather than half-closed.
   */
  end(): void;
  /**
   * The daemon is stopping: waits up to `graceMs` for the requests in flight to be answered
   * (the pool fails what waits or runs with ShuttingDown), then answers every one still open
   * with ShuttingDown, so that no request is left without an answer when the connection closes.
   */
  drain(graceMs: number): Promise<void>;
}

/** What the transport's owner learns about a connection, and what it asks of it. */
export interface ServeHooks {
  /** A client asked the daemon to stop (`daemon/shutdown`), after the answer was sent. */
  onShutdownRequested?: () => void;
  /**
   * After the client's end of input, find out whether it is still there (see
   * `PresenceProbe`) and cancel its runs if it is not. For a transport where a half-close
   * and a departure look the same and other clients may wait for the runner: the Unix
   * socket. On stdio the one client's daemon stops after its last run anyway, and probing
   * would add empty output notifications to a piped transcript.
   */
  probeAfterEndOfInput?: boolean;
  /**
   * The connection belongs to the daemon's operator, who may ask for what spans every
   * tenant (`daemon/tenants`, the operator view, and `daemon/metrics`): it embeds the daemon
   * (the REPL, the REST bridge's and the MCP server's own connection), is the stdio client
   * that started it, or came through `--operator-socket`. Never an ordinary tenant's connection.
   */
  operator?: boolean;
}

/** Codes a request's failure may carry while the daemon stops: its runner was killed or its wait dropped because of the stop. */
const STOPPED_BY_SHUTDOWN = new Set(["RUNNER_DIED", "SESSION_LOST", "POOL_UNAVAILABLE", "RUN_CANCELLED"]);

let connections = 0;

/**
 * Binds the daemon to a connection made of `reader` and `writer` and starts listening.
 * Params are checked against the schema before any handler runs, so bad input gets
 * InvalidParams naming the field; an unknown method gets MethodNotFound listing the
 * known ones. Nothing a client sends can stop the daemon or disturb other connections.
 *
 * A client that does not read its answers cannot grow the daemon without bound: past
 * `--max-pending-output` bytes unread, the connection's `python/output` notifications are
 * dropped (results still carry the output) and its runs, new and queued, are refused with
 * ClientNotReading; past twice that, the daemon stops reading the connection until the
 * client catches up (see `BacklogPolicy`). Each change is logged.
 */
export function serveConnection(daemon: Daemon, reader: MessageReader, writer: MessageWriter, hooks: ServeHooks = {}): ServedConnection {
  const label = `connection ${++connections}`;
  const backlog = new BacklogPolicy(label, daemon.options.maxPendingOutputBytes, reader);
  /**
   * Sends a notification of a run unless the client has fallen too far behind (the backlog).
   * After the client's half-close the connection counts as closed and sendNotification throws
   * at once; the run goes on and its answer is still written.
   */
  const notify = <P>(conn: MessageConnection, type: NotificationType<P>, notification: RequestParam<P>): void => {
    if (!backlog.mayNotify()) return;
    try {
      void conn.sendNotification(type, notification).catch(() => {});
    } catch {
      // Nobody reads notifications any more.
    }
  };
  const tracker = new RequestTracker();
  tracker.onAnswered(ShutdownRequest.method, () => hooks.onShutdownRequested?.());
  // What the connection's waiting requests hold is bounded: one that would pass the bound is refused unread.
  limitInput(reader, (bytes) => {
    const limit = daemon.options.maxPendingInputBytes;
    const held = tracker.pendingBytes;
    if (held === 0 || held + bytes <= limit) return undefined;
    daemon.countRefusal("--max-pending-input");
    return {
      code: WomaErrorCodes.PoolBusy,
      message: `this connection already has ${tracker.pending} requests of ${mib(held)} waiting for answers; this message of ${mib(bytes)} would pass the ${mib(limit)} one connection may have waiting (--max-pending-input), so it was not read; send it again once answers have come`,
      data: { bound: "--max-pending-input", limit, waited_ms: 0, retry_after_ms: 1000 },
    };
  });
  const guarded = guardMessages(reader, {
    dropped: (why) => log("debug", `${label}: dropped a notification: ${why}`),
    threw: (error) => log("error", `${label}: a message threw while being read, and was skipped (the connection carries on): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const counted = backlog.writer(writer);
  const connection = createMessageConnection(tracker.reader(guarded), tracker.writer(counted), {
    // An answer to a client that has left cannot be written: nothing is wrong, nobody is there.
    error: (message) => log(/ERR_STREAM_DESTROYED|EPIPE|ECONNRESET/.test(message) ? "debug" : "warn", `${label}: ${message}`),
    warn: (message) => log("debug", `${label}: ${message}`),
    info: () => {},
    log: () => {},
  });
  // After the end of input, a client with runs in flight is probed: if it is gone, they stop.
  const probe = new PresenceProbe(counted, (why) => {
    log("info", `${label}: its client is gone (${why}); its runs in flight are cancelled`);
    end();
  });
  if (hooks.probeAfterEndOfInput) connection.onClose(() => probe.start());
  // The tenant this connection acts for: named by daemon/initialize, else one of its own,
  // fixed by the first request that needs one.
  let tenant: Tenant | undefined;
  let closed = false;
  const tenantOf = (): Tenant => (tenant ??= daemon.tenants.attach());
  /** The one check for what spans every tenant: only an operator's connection (hooks.operator) may ask. */
  const requireOperator = (what: string, advice: string): void => {
    if (!hooks.operator) throw new ResponseError(JsonRpcErrorCodes.InvalidRequest, `${what}, so only the operator's connection may ask, and this connection is a tenant's; ${advice}`);
  };
  // Stops of this connection's runs in flight: a connection that goes away cancels its work.
  const inFlight = new Set<() => void>();

  const routes = new Map<string, Route>([
    route(InitializeRequest, "InitializeParams", (params) => {
      if (params.tenant !== undefined && tenant?.id !== params.tenant) {
        if (tenant !== undefined) {
          throw new ResponseError(JsonRpcErrorCodes.InvalidRequest, `this connection already acts for ${tenant.named ? `tenant "${tenant.id}"` : "a tenant of its own"}; name the tenant in the first daemon/initialize, before any other request`);
        }
        tenant = daemon.tenants.attach(params.tenant);
      }
      return daemon.initialize(params, tenantOf(), hooks.operator === true);
    }),
    route(InfoRequest, "InfoParams", () => daemon.info(tenantOf())),
    route(TenantsRequest, "TenantsParams", () => {
      requireOperator("daemon/tenants is the operator's view of every tenant", "ask on a connection to --operator-socket (or one that embeds the daemon)");
      return daemon.tenantsView();
    }),
    route(MetricsRequest, "MetricsParams", () => {
      requireOperator("daemon/metrics gives figures over every tenant", "read them from the server's /metrics endpoint, or ask on a connection to --operator-socket");
      return daemon.metrics();
    }),
    // The daemon stops once the answer has been written (see onAnswered below), not before.
    route(ShutdownRequest, "ShutdownParams", () => ({ stopping: true })),
    route(SessionCreateRequest, "SessionCreateParams", (params) => daemon.createSession(params ?? {}, tenantOf())),
    route(SessionListRequest, "SessionListParams", () => daemon.listSessions(tenantOf())),
    route(SessionResetRequest, "SessionResetParams", (params) => daemon.resetSession(params, tenantOf())),
    route(SessionCloseRequest, "SessionCloseParams", (params) => daemon.closeSession(params, tenantOf())),
    route(RunRequest, "RunParams", (params, token, conn) => {
      const refusal = backlog.refusal();
      if (refusal) throw refusal;
      let untrack = () => {};
      return daemon.run(
        params,
        {
          refuseStart: () => backlog.refusal(),
          onRunId: (runId, sessionId) => void (untrack = probe.track(runId, sessionId)),
          stillThere: (runId, sessionId) => probe.confirm(runId, sessionId),
          onOutput: (notification) => notify(conn, OutputNotificationType, notification),
          onPackageProgress: (notification) => notify(conn, PackagesProgressNotificationType, notification),
          onDisplay: (notification) => notify(conn, DisplayNotificationType, notification),
          requestInput: (input, signal) => askForInput(conn, input, signal),
          onCancel: (listener) => {
            const subscription = token.onCancellationRequested(listener);
            inFlight.add(listener);
            // A request cancelled before it was dispatched (a client that gave up at once) gets
            // vscode-jsonrpc's frozen Cancelled token, whose event never fires: look, do not wait.
            if (closed || token.isCancellationRequested) listener();
            return () => {
              subscription.dispose();
              inFlight.delete(listener);
            };
          },
        },
        tenantOf(),
      ).finally(() => untrack());
    }),
    route(CheckRequest, "CheckParams", (params) => daemon.check(params, tenantOf())),
    route(CompleteRequest, "CompleteParams", (params) => daemon.complete(params, tenantOf())),
    route(InspectRequest, "InspectParams", (params) => daemon.inspect(params, tenantOf())),
    route(FilesWriteRequest, "FilesWriteParams", (params) => daemon.writeFile(params, tenantOf())),
    route(FilesReadRequest, "FilesReadParams", (params) => daemon.readFile(params, tenantOf())),
    route(FilesListRequest, "FilesListParams", (params) => daemon.listFiles(params, tenantOf())),
    route(FilesDeleteRequest, "FilesDeleteParams", (params) => daemon.deleteFile(params, tenantOf())),
    route(PackagesInstallRequest, "PackagesInstallParams", (params, token, conn) =>
      daemon.installPackages(params, tenantOf(), (notification) => void conn.sendNotification(PackagesProgressNotificationType, notification).catch(() => {}), () => token.isCancellationRequested),
    ),
    route(PackagesListRequest, "PackagesListParams", () => daemon.listPackages(tenantOf())),
  ]);
  const known = [...routes.keys()].join(", ");

  connection.onRequest(async (method: string, params: unknown, token: CancellationToken) => {
    const found = routes.get(method);
    if (!found) throw new ResponseError(JsonRpcErrorCodes.MethodNotFound, `unknown method "${method}"; this daemon knows ${known}`);
    const problem = checkParams(found.definition, params);
    if (problem !== undefined) throw new ResponseError(JsonRpcErrorCodes.InvalidParams, `invalid params for ${method}: ${problem}`);
    try {
      return await found.handler(params ?? {}, token, connection);
    } catch (error) {
      // A request the stop cut short says so, whatever its runner's death looked like.
      if (daemon.isStopping && error instanceof DaemonError && STOPPED_BY_SHUTDOWN.has(error.code)) {
        throw toResponseError(new DaemonError("SHUTTING_DOWN", `the daemon is shutting down: ${error.message}`, error.data), method);
      }
      const answer = toResponseError(error, method);
      const bound = refusedBy(answer);
      if (bound !== undefined) daemon.countRefusal(bound);
      throw answer;
    }
  });
  connection.onNotification((method: string) => {
    log("debug", `ignored notification "${method}"`);
  });
  connection.listen();
  function end(): void {
    if (closed) return;
    closed = true;
    probe.stop();
    for (const stop of [...inFlight]) stop();
    if (tenant) daemon.leave(tenant);
  }
  const drain = async (graceMs: number): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([tracker.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    await tracker.answerAll(counted, { code: WomaErrorCodes.ShuttingDown, message: "the daemon is shutting down" });
  };
  return { connection, idle: () => tracker.idle(), end, drain };
}

/** Installs the input bound on a reader that can refuse messages before reading them (the bounded reader of every transport). */
function limitInput(reader: MessageReader, refuse: (bytes: number) => InputRefusal | undefined): void {
  const candidate = reader as MessageReader & { limitInput?: (refuse: (bytes: number) => InputRefusal | undefined) => void };
  if (typeof candidate.limitInput === "function") candidate.limitInput(refuse);
}

/** The bound a refusal names: a -31006's `data.bound`, or the tenant's file quota a -31015 names; undefined for any other error. */
function refusedBy(answer: ResponseError<unknown>): string | undefined {
  if (answer.code === WomaErrorCodes.PoolBusy) {
    const bound = (answer.data as { bound?: unknown } | undefined)?.bound;
    return typeof bound === "string" ? bound : "other";
  }
  if (answer.code === WomaErrorCodes.FileTooLarge && answer.message.includes("(--max-tenant-file-bytes)")) return "--max-tenant-file-bytes";
  return undefined;
}

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/**
 * Asks the client for a line of input (`python/input`). The answer is checked like any
 * client input: a string of at most 1 Mi characters, or null; anything else, or an error
 * answer, ends the input with a reason. The question is withdrawn ($/cancelRequest) when the
 * run ends first.
 */
async function askForInput(connection: MessageConnection, params: InputParams, signal: AbortSignal): Promise<string | null> {
  const source = new CancellationTokenSource();
  const onAbort = () => source.cancel();
  signal.addEventListener("abort", onAbort);
  try {
    const answer = (await connection.sendRequest(InputRequest, params, source.token)) as unknown;
    const value = (answer as { value?: unknown } | null)?.value;
    if (value === null) return null;
    if (typeof value !== "string") throw new Error("its answer was not {\"value\": string or null}");
    if (value.length > MAX_INPUT_CHARS) throw new Error(`its answer is longer than ${MAX_INPUT_CHARS} characters`);
    return value;
  } finally {
    signal.removeEventListener("abort", onAbort);
    source.dispose();
  }
}
