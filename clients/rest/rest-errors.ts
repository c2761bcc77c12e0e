/** The REST bridge's failures and the one table that maps each of them, and each daemon error, to an HTTP status. */
import { errorMessage } from "../../protocol/describe.ts";
import { ConnectionError, ErrorCodes, ResponseError } from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { failureData, isRuntimeTerminated, poolBusyData } from "../shared/run-errors.ts";
import type { Refusal } from "../web/web-guard.ts";

/** What went wrong with a request, as the bridge sees it. */
export type RestErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "package_unavailable"
  | "runtime_terminated"
  | "pool_busy"
  | "draining"
  | "unavailable"
  | "cancelled"
  | "daemon_unreachable"
  | "internal";

interface FailureRow {
  /** The HTTP status the kind is answered with. */
  status: number;
  /** JSON-RPC error codes from the daemon (or from vscode-jsonrpc) that mean this kind. */
  daemonCodes: readonly number[];
}

/**
 * The one table from failure to HTTP status. A daemon error whose code is listed in a row
 * is answered with that row's status; a code listed nowhere is an internal error (500).
 * Not in the table, because they are results and not failures: a Python exception, and a
 * timeout whose code stopped on the interrupt (both 200 with `"status": "exception"`).
 * `SessionNotFound` and `SessionLost` are recovered from by the session router (it creates
 * or resets the session and retries once); a `SessionLost` that still arrives means the
 * runtime went again (500 here), a `SessionNotFound` is unexpected (500, internal).
 */
const FAILURES: Record<RestErrorKind, FailureRow> = {
  bad_request: { status: 400, daemonCodes: [JsonRpcErrorCodes.InvalidParams] },
  unauthorized: { status: 401, daemonCodes: [] },
  forbidden: { status: 403, daemonCodes: [WomaErrorCodes.FilePathRefused] },
  not_found: { status: 404, daemonCodes: [WomaErrorCodes.FileNotFound] },
  method_not_allowed: { status: 405, daemonCodes: [] },
  unsupported_media_type: { status: 415, daemonCodes: [] },
  payload_too_large: { status: 413, daemonCodes: [WomaErrorCodes.FileTooLarge, WomaErrorCodes.MessageTooLarge] },
  package_unavailable: { status: 422, daemonCodes: [WomaErrorCodes.PackageUnavailable] },
  runtime_terminated: { status: 500, daemonCodes: [WomaErrorCodes.RuntimeTerminated, WomaErrorCodes.SessionLost] },
  pool_busy: { status: 503, daemonCodes: [WomaErrorCodes.PoolBusy] },
  /** The instance got SIGTERM: new runs go elsewhere (with Retry-After), and runs still going at the drain timeout are ended. */
  draining: { status: 503, daemonCodes: [] },
  unavailable: { status: 503, daemonCodes: [WomaErrorCodes.PoolUnavailable, WomaErrorCodes.ShuttingDown] },
  cancelled: { status: 503, daemonCodes: [JsonRpcErrorCodes.RequestCancelled] },
  daemon_unreachable: {
    status: 502,
    daemonCodes: [ErrorCodes.MessageWriteError, ErrorCodes.MessageReadError, ErrorCodes.PendingResponseRejected, ErrorCodes.ConnectionInactive],
  },
  internal: { status: 500, daemonCodes: [JsonRpcErrorCodes.InternalError] },
};

const KIND_OF_CODE = new Map<number, RestErrorKind>(
  (Object.entries(FAILURES) as Array<[RestErrorKind, FailureRow]>).flatMap(([kind, row]) => row.daemonCodes.map((code) => [code, kind] as [number, RestErrorKind])),
);

/** The HTTP status of a kind of failure. */
export function httpStatus(kind: RestErrorKind): number {
  return FAILURES[kind].status;
}

/** A failure answered as `{"status": "error", "error": message, ...extra}` with the status of its kind. */
export class RestError extends Error {
  constructor(
    readonly kind: RestErrorKind,
    message: string,
    /** More fields for the body (output printed before the failure). */
    readonly extra: Record<string, unknown> = {},
    /** More response headers (`Allow`, `WWW-Authenticate`, `Retry-After`). */
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RestError";
  }

  /** The HTTP status this failure is answered with. */
  get status(): number {
    return httpStatus(this.kind);
  }

  /** The JSON body of the answer. */
  body(): Record<string, unknown> {
    return { status: "error", error: this.message, ...this.extra };
  }
}

const TERMINATED = "Python runtime terminated: ";

const KIND_OF_REFUSAL: Record<Refusal["status"], RestErrorKind> = { 401: "unauthorized", 403: "forbidden", 415: "unsupported_media_type" };

/** Turns a refusal of the shared web guard (Host, Origin, Content-Type, token) into the bridge's failure. */
export function restErrorFromRefusal(refusal: Refusal): RestError {
  return new RestError(KIND_OF_REFUSAL[refusal.status], refusal.message, {}, refusal.headers);
}

/** Turns anything a daemon call threw into the bridge's failure, through {@link FAILURES}. */
export function restErrorFromDaemon(error: unknown): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof ConnectionError) return new RestError("daemon_unreachable", `the daemon cannot be reached: ${error.message}`, {}, {}, { cause: error });
  if (!(error instanceof ResponseError)) {
    const message = errorMessage(error);
    return new RestError("internal", `internal error in the REST bridge: ${message}`, {}, {}, { cause: error });
  }
  const data = failureData(error);
  const extra: Record<string, unknown> = data ? { stdout: data.stdout, stderr: data.stderr, execution_time_ms: data.execution_time_ms } : {};
  if (isRuntimeTerminated(error)) {
    const message = error.message.startsWith(TERMINATED) ? error.message : TERMINATED + error.message;
    return new RestError("runtime_terminated", message, extra, {}, { cause: error });
  }
  const kind = KIND_OF_CODE.get(error.code) ?? "internal";
  switch (kind) {
    case "runtime_terminated":
      return new RestError(kind, error.message.startsWith(TERMINATED) ? error.message : TERMINATED + error.message, extra, {}, { cause: error });
    case "pool_busy": {
      // The daemon says which bound refused and when a retry may succeed (@since 1.3); older daemons say neither.
      const busy = poolBusyData(error.data);
      const retryAfter = Math.max(1, Math.ceil((busy?.retry_after_ms ?? 1000) / 1000));
      const fields = busy ? { ...extra, bound: busy.bound, retry_after_seconds: retryAfter } : extra;
      return new RestError(kind, error.message, fields, { "Retry-After": String(retryAfter) }, { cause: error });
    }
    case "cancelled":
      return new RestError(kind, `the run was cancelled (the client went away or the server is stopping): ${error.message}`, extra, {}, { cause: error });
    case "daemon_unreachable":
      return new RestError(kind, `the daemon cannot be reached: ${error.message}`, extra, {}, { cause: error });
    case "package_unavailable": {
      const why = (error.data as { package_error?: unknown } | undefined)?.package_error;
      return new RestError(kind, error.message, typeof why === "string" ? { ...extra, package_error: why } : extra, {}, { cause: error });
    }
    case "internal":
      return new RestError(kind, `the daemon failed (JSON-RPC error ${error.code}): ${error.message}`, extra, {}, { cause: error });
    default:
      return new RestError(kind, error.message, extra, {}, { cause: error });
  }
}
