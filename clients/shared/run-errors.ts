/** Reading the daemon's JSON-RPC errors from a client's side: what kind of failure, and whether the session survived. */
import { ResponseError } from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { PoolBusyData, RunFailureData } from "../../protocol/generated/types.ts";

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

/** What a -31006 (PoolBusy) refusal says of its bound and when to retry (@since 1.3), when it says it. */
export function poolBusyData(data: unknown): PoolBusyData | undefined {
  const busy = data as Partial<PoolBusyData> | null | undefined;
  return busy && typeof busy === "object" && typeof busy.bound === "string" && typeof busy.retry_after_ms === "number" ? (busy as PoolBusyData) : undefined;
}

/** True when the daemon refused for lack of capacity (all runners held, a queue or a quota full): a later retry may succeed. */
export function isPoolBusy(error: unknown): boolean {
  return errorCode(error) === WomaErrorCodes.PoolBusy;
}
