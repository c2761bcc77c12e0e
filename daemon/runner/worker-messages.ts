/** Messages between a runner's main thread and its Pyodide worker thread (plain JSON plus shared buffers). */
import type { RingBuffers } from "./output-ring.ts";
import type { RunnerBootParams, RunnerBootResult } from "./runner-protocol.ts";

/** Main thread to worker. */
export type ToWorker =
  | { op: "boot"; params: RunnerBootParams; interrupt: SharedArrayBuffer; stdout: RingBuffers; stderr: RingBuffers }
  | { op: "call"; id: number; method: "run"; params: { code: string; sessionId: string | null; fresh: boolean; maxResultChars: number } }
  | { op: "call"; id: number; method: "session"; params: { op: "create" | "reset" | "close"; sessionId: string } }
  | { op: "call"; id: number; method: "check"; params: { code: string } }
  | { op: "interrupt" };

/** The outcome of one run, as the worker reports it. */
export interface WorkerRunOutcome {
  status: "success" | "exception";
  result: string | null;
  error?: { type: string; message: string; traceback: string };
  resultCharsCut: number;
  executionTimeMs: number;
}

/** Worker to main thread. */
export type FromWorker =
  | { op: "booted"; result: RunnerBootResult }
  | { op: "reply"; id: number; result: unknown }
  | { op: "reply"; id: number; error: string }
  | { op: "fatal"; message: string };
