/** JSON-RPC error codes of woma's protocol, outside JSON-RPC's reserved -32768..-32000 range. */

/**
 * Codes a woma daemon puts in a JSON-RPC error response. JSON-RPC's own codes
 * (-32700 parse error, -32600 invalid request, -32601 method not found,
 * -32602 invalid params, -32603 internal error) and -32800 request cancelled
 * keep their standard meaning.
 */
export const WomaErrorCodes = {
  /** First code of woma's range (inclusive). */
  rangeStart: -31000,
  /** The named session does not exist (never created, closed, or expired). */
  SessionNotFound: -31001,
  /** `session/create` was given a name that is already in use. */
  SessionExists: -31002,
  /** The session's runner died; the session must be reset or closed. */
  SessionLost: -31003,
  /** The run passed its timeout. `data.session_state` says whether the session survived. */
  RunTimedOut: -31004,
  /** The runner executing the run died (crash, memory limit, killed). */
  RuntimeTerminated: -31005,
  /** A bound on runners or queues was reached (all runners held, too many waiting, a tenant's quota); try again later. @since 1.3 `data` (PoolBusyData) names the bound and when to retry. */
  PoolBusy: -31006,
  /** No runner could be started, so nothing can run. */
  PoolUnavailable: -31007,
  /** The daemon is shutting down and takes no new work. */
  ShuttingDown: -31008,
  /** A message was larger than the daemon accepts. */
  MessageTooLarge: -31009,
  /** The client's protocol MAJOR version differs from the daemon's. */
  UnsupportedProtocolVersion: -31010,
  /** @since 1.1. A package could not be had: unknown, not cached and its source unreachable, a bad checksum, another ABI. `data.package_error` names the case. */
  PackageUnavailable: -31011,
  /** @since 1.1. The client has left more than the daemon's `--max-pending-output` of answers unread; runs are refused until it reads. */
  ClientNotReading: -31012,
  /** @since 1.1. No file or directory at that path of the session's working directory. */
  FileNotFound: -31013,
  /** @since 1.1. The path leaves the session's working directory, goes through a symbolic link, or names something that is not a regular file or directory. */
  FilePathRefused: -31014,
  /** @since 1.1. The file is larger than `max_file_bytes`. */
  FileTooLarge: -31015,
  /** Last code of woma's range (inclusive). */
  rangeEnd: -31099,
} as const;

/** JSON-RPC's standard codes that woma sends. */
export const JsonRpcErrorCodes = {
  /** The bytes received were not valid JSON. */
  ParseError: -32700,
  /** The JSON was not a valid JSON-RPC request object. */
  InvalidRequest: -32600,
  /** No such method. */
  MethodNotFound: -32601,
  /** The params did not match the method's schema. */
  InvalidParams: -32602,
  /** A bug in the daemon. */
  InternalError: -32603,
  /** The client cancelled the request with `$/cancelRequest`. */
  RequestCancelled: -32800,
} as const;
