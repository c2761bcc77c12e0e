/** Maps every error the daemon raises to one JSON-RPC error response, in one table. */
import { errorMessage } from "../../protocol/describe.ts";
import { ResponseError } from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { DaemonError, type DaemonErrorCode } from "../daemon-error.ts";
import { log } from "../log.ts";

const CODES: Record<DaemonErrorCode, number> = {
  SESSION_NOT_FOUND: WomaErrorCodes.SessionNotFound,
  SESSION_EXISTS: WomaErrorCodes.SessionExists,
  SESSION_LOST: WomaErrorCodes.SessionLost,
  RUN_TIMED_OUT: WomaErrorCodes.RunTimedOut,
  RUN_CANCELLED: JsonRpcErrorCodes.RequestCancelled,
  RUNNER_DIED: WomaErrorCodes.RuntimeTerminated,
  POOL_BUSY: WomaErrorCodes.PoolBusy,
  POOL_UNAVAILABLE: WomaErrorCodes.PoolUnavailable,
  SHUTTING_DOWN: WomaErrorCodes.ShuttingDown,
  BAD_PROTOCOL_VERSION: WomaErrorCodes.UnsupportedProtocolVersion,
  PACKAGE_UNAVAILABLE: WomaErrorCodes.PackageUnavailable,
  FILE_NOT_FOUND: WomaErrorCodes.FileNotFound,
  FILE_PATH_REFUSED: WomaErrorCodes.FilePathRefused,
  FILE_TOO_LARGE: WomaErrorCodes.FileTooLarge,
  INVALID_PARAMS: JsonRpcErrorCodes.InvalidParams,
  CLIENT_NOT_READING: WomaErrorCodes.ClientNotReading,
};

/** The JSON-RPC error for anything a handler threw; unexpected errors become InternalError and are logged. */
export function toResponseError(error: unknown, method: string): ResponseError<unknown> {
  if (error instanceof ResponseError) return error;
  if (error instanceof DaemonError) return new ResponseError(CODES[error.code], error.message, error.data);
  const message = errorMessage(error);
  log("error", `${method} failed unexpectedly: ${error instanceof Error ? (error.stack ?? message) : message}`);
  return new ResponseError(JsonRpcErrorCodes.InternalError, `${method} failed inside the daemon: ${message}`);
}
