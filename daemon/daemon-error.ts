/** The daemon's local error type; the server maps it to a wire error in one place. */

/** What went wrong, as a stable string; never sent as-is (the server maps it to a JSON-RPC code). */
export type DaemonErrorCode =
  | "SESSION_NOT_FOUND"
  | "SESSION_EXISTS"
  | "SESSION_LOST"
  | "RUN_TIMED_OUT"
  | "RUN_CANCELLED"
  | "RUNNER_DIED"
  | "POOL_BUSY"
  | "POOL_UNAVAILABLE"
  | "SHUTTING_DOWN"
  | "BAD_PROTOCOL_VERSION"
  | "PACKAGE_UNAVAILABLE"
  | "CLIENT_NOT_READING"
  | "FILE_NOT_FOUND"
  | "FILE_PATH_REFUSED"
  | "FILE_TOO_LARGE"
  | "INVALID_PARAMS";

/** An error the daemon expects and can explain, with optional structured data for the client. */
export class DaemonError extends Error {
  constructor(
    readonly code: DaemonErrorCode,
    message: string,
    readonly data?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DaemonError";
  }
}
