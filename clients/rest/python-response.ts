/** The JSON answers of `POST /python`: a run's result in the original tool's shape, and a timeout told as a Python-style exception. */
import type { RunResult } from "../../protocol/generated/types.ts";
import { failureData } from "../shared/run-errors.ts";

/** Fields the bridge adds to a run's answer beyond the daemon's result. */
export interface AnswerExtras {
  /** The named session the run used, when the request gave one. */
  session?: string;
  /** For a named session: true when it did not exist before this request (a new name, or its instance went away), so the client knows its state is gone. */
  sessionCreated?: boolean;
  /** Things the client should know (a capped timeout, a session that was reset). */
  warnings: string[];
}

/** What the error of an exception looks like on the original tool's `result` line: `NameError: name 'x' is not defined`. */
function exceptionLine(type: string, message: string): string {
  return message === "" ? type : `${type}: ${message}`;
}

function withExtras(body: Record<string, unknown>, extras: AnswerExtras): Record<string, unknown> {
  if (extras.session !== undefined) body.session = extras.session;
  if (extras.sessionCreated !== undefined) body.session_created = extras.sessionCreated;
  if (extras.warnings.length > 0) body.warnings = extras.warnings;
  return body;
}

/**
 * The 200 body of a finished run: `status` "success" or "exception"; `result` the repr of
 * the last expression (null after a statement) or, on exception, the `Type: message` line;
 * `execution_time_ms`, `stdout`, `stderr`; on exception `error` {type, message, traceback};
 * `truncated` when output was cut; `outputs`, the run's display outputs (empty when none).
 */
export function runAnswer(result: RunResult, extras: AnswerExtras): Record<string, unknown> {
  const body: Record<string, unknown> = {
    status: result.status,
    result: result.status === "exception" && result.error ? exceptionLine(result.error.type, result.error.message) : result.result,
    execution_time_ms: result.execution_time_ms,
    stdout: result.stdout,
    stderr: result.stderr,
  };
  if (result.error) body.error = result.error;
  if (result.truncated) body.truncated = result.truncated;
  // Display outputs as the daemon gives them: MIME bundles, images in base64, placed in stdout by stdout_offset.
  body.outputs = result.outputs ?? [];
  return withExtras(body, extras);
}

/**
 * The 200 body of a run that passed its timeout and stopped on the interrupt: an exception
 * of type `TimeoutError` with what the code printed until then. (A run that ignored the
 * interrupt and had its runner killed is a 500 instead, see rest-errors.ts.)
 */
export function timeoutAnswer(error: unknown, timeoutMs: number, sessionKept: boolean, extras: AnswerExtras): Record<string, unknown> {
  const data = failureData(error);
  const kept = sessionKept ? "; the session keeps the variables it had" : "";
  const message = `the code ran longer than its timeout of ${timeoutMs} ms and was stopped with KeyboardInterrupt${kept}`;
  return withExtras(
    {
      status: "exception",
      result: exceptionLine("TimeoutError", message),
      execution_time_ms: data?.execution_time_ms ?? timeoutMs,
      stdout: data?.stdout ?? "",
      stderr: data?.stderr ?? "",
      error: { type: "TimeoutError", message, traceback: `${exceptionLine("TimeoutError", message)}\n` },
      outputs: data?.outputs ?? [],
    },
    extras,
  );
}
