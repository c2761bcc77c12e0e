/** The internal JSON-RPC methods between the daemon and one runner process (not part of the public protocol). */
import { NotificationType, RequestType } from "vscode-jsonrpc";

/** How a runner should get its interpreter. */
export type BootMode =
  | { kind: "plain" }
  | { kind: "snapshot"; path: string }
  | { kind: "make-snapshot"; path: string };

/** Params of `runner/boot`, the first request a runner gets. */
export interface RunnerBootParams {
  runnerId: string;
  /** Directory holding pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json. */
  indexURL: string;
  boot: BootMode;
}

/** Result of `runner/boot`. */
export interface RunnerBootResult {
  bootMs: number;
  fromSnapshot: boolean;
  pythonVersion: string;
  pyodideVersion: string;
  /** Bytes of the snapshot written, when the boot made one. */
  snapshotBytes?: number;
  /** Why making or loading the snapshot failed, when it did (the runner then booted plain). */
  snapshotProblem?: string;
}

/** Params of `runner/run`. */
export interface RunnerRunParams {
  runId: string;
  sessionId: string | null;
  fresh: boolean;
  code: string;
  maxOutputBytes: number;
  maxResultChars: number;
}

/** Result of `runner/run`: the Python outcome plus the captured output. */
export interface RunnerRunResult {
  status: "success" | "exception";
  result: string | null;
  error?: { type: string; message: string; traceback: string };
  stdout: string;
  stderr: string;
  stdoutBytesCut: number;
  stderrBytesCut: number;
  resultCharsCut: number;
  executionTimeMs: number;
  /** True when the runner delivered an interrupt to this run. */
  interrupted: boolean;
}

/** Params of `runner/session`. */
export interface RunnerSessionParams {
  op: "create" | "reset" | "close";
  sessionId: string;
}

export const RunnerBootRequest = new RequestType<RunnerBootParams, RunnerBootResult, void>("runner/boot");
export const RunnerRunRequest = new RequestType<RunnerRunParams, RunnerRunResult, void>("runner/run");
export const RunnerSessionRequest = new RequestType<RunnerSessionParams, { sessions: number }, void>("runner/session");
export const RunnerCheckRequest = new RequestType<{ code: string }, { status: "complete" | "incomplete" | "invalid" }, void>("runner/check");
/** Daemon to runner: raise KeyboardInterrupt in the run, if it is still the current one. */
export const RunnerInterruptNotification = new NotificationType<{ runId: string }>("runner/interrupt");
/** Runner to daemon: output of the current run. */
export const RunnerOutputNotification = new NotificationType<{ runId: string; stream: "stdout" | "stderr"; text: string }>("runner/output");
