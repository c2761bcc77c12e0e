/** Messages between a runner's main thread and its Pyodide worker thread (plain JSON plus shared buffers). */
import type { RingBuffers } from "./output-ring.ts";
import type { RunnerBootParams, RunnerBootResult, RunnerCompletionParams, RunnerDisplayOutput, RunnerFilesParams, RunnerSessionParams, RunnerWheel, RunOutcome, SeccompState } from "./runner-protocol.ts";

/** Main thread to worker. */
export type ToWorker =
  | {
      op: "boot";
      params: RunnerBootParams;
      /** Pyodide's interrupt buffer: the main thread stores SIGINT in it when Python is busy and has not acknowledged an interrupt. */
      interrupt: SharedArrayBuffer;
      /** Set to 1 by the worker when it takes an interrupt message: Python was not running bytecode, so the buffer is not needed. */
      ack: SharedArrayBuffer;
      stdout: RingBuffers;
      stderr: RingBuffers;
      /** Display outputs the worker has posted (slot 0): while one is on its way, the main thread holds back output written after it. */
      displayGate: SharedArrayBuffer;
      seccomp: SeccompState;
    }
  | { op: "call"; id: number; method: "run"; params: { code: string; sessionId: string | null; fresh: boolean; maxResultChars: number; maxDisplayBytes: number; maxDisplays: number } }
  | { op: "call"; id: number; method: "files"; params: RunnerFilesParams }
  | { op: "call"; id: number; method: "complete"; params: RunnerCompletionParams }
  | { op: "call"; id: number; method: "inspect"; params: RunnerCompletionParams }
  | { op: "call"; id: number; method: "session"; params: RunnerSessionParams }
  | { op: "call"; id: number; method: "check"; params: { code: string } }
  | { op: "call"; id: number; method: "load"; params: { wheels: RunnerWheel[] } }
  | { op: "interrupt" }
  /** The daemon's answer to a host request of the worker's. */
  | { op: "host-reply"; id: number; result?: unknown; error?: string; kind?: string };

/** What Python asks of the daemon during a run, through the worker (the main thread adds the run's id); and `runner/wheel`, at any time. */
export type HostMethod = "runner/packages" | "runner/install" | "runner/fetch" | "runner/fetch-read" | "runner/fetch-close" | "runner/input" | "runner/wheel";

/** The outcome of one run as the worker reports it: Python's part of the result, and its duration. */
export type WorkerRunOutcome = RunOutcome & { executionTimeMs: number };

/** A boot as the worker reports it: the main thread adds the privileges it keeps, once it has dropped them. */
export type WorkerBootResult = Exclude<RunnerBootResult, { kind: "ready" }> | Omit<Extract<RunnerBootResult, { kind: "ready" }>, "privileges">;

/** Worker to main thread. */
export type FromWorker =
  | { op: "booted"; result: WorkerBootResult }
  | { op: "reply"; id: number; result: unknown }
  | { op: "fatal"; message: string }
  /** A display output of the current run, with where the output streams stood when it was made: the main thread forwards what came before, then it. */
  | { op: "display"; output: RunnerDisplayOutput; stdout: number; stderr: number }
  | { op: "host"; id: number; method: HostMethod; params: Record<string, unknown> };
