/** Reading the daemon's JSON-RPC errors from a client's side: what kind of failure, and whether the session survived. */
import { ResponseError } from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { RunFailureData } from "../../protocol/generated/types.ts";

/** The error's JSON-RPC code, or undefined when it is not a JSON-RPC error. */
export function errorCode(error: unknown): number | undefined {
  return error instanceof ResponseError ? error.code : undefined;
}

/** The output a failed run printed before it ended, when the daemon sent it. */
export function failureData(error: unknown): RunFailureData | undefined {
  if (!(error instanceof ResponseError)) return undefined;
  const data = error.data as Partial<RunFailureData> | undefined;
  return data && typeof data === "object" && typeof data.run_id === "string" ? (data as RunFailureData) : undefined;
}

/** True when the run was cancelled by the client. */
export function isCancelled(error: unknown): boolean {
  return errorCode(error) === JsonRpcErrorCodes.RequestCancelled;
}

/** True when the run passed its timeout. */
export function isTimedOut(error: unknown): boolean {
  return errorCode(error) === WomaErrorCodes.RunTimedOut;
}

/** True when the runner died under the run (crash, memory limit, a timeout or cancel it ignored). */
export function isRuntimeTerminated(error: unknown): boolean {
  return errorCode(error) === WomaErrorCodes.RuntimeTerminated || failureData(error)?.runner_killed === true;
}

/** True when the session the run used is now lost and must be reset or closed. */
export function isSessionLost(error: unknown): boolean {
  return errorCode(error) === WomaErrorCodes.SessionLost || failureData(error)?.session_state === "lost";
}
