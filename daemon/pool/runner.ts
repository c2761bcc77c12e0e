/** What the pool and the daemon need of a runner, so that a fake one can stand in for a real process in tests. */
import type { RunnerInfo } from "../../protocol/generated/types.ts";
import type { CompleteResult, InspectResult } from "../../protocol/generated/types.ts";
import type { FilesAnswer } from "../contract/runner-protocol.ts";
import type { RunnerBootResult, RunnerCompletionParams, RunnerDisplayOutput, RunnerFilesParams, RunnerRunParams, RunnerRunResult, WheelSpec } from "../contract/runner-protocol.ts";

/** What a runner is for; see `RunnerInfo.role` in the schema. */
export type RunnerRole = RunnerInfo["role"];

/** A runner's boot facts once it is ready. */
export type ReadyBoot = Extract<RunnerBootResult, { kind: "ready" }>;

/**
 * Answers what a runner asks of the daemon during a run (packages for its imports,
 * `micropip.install`); `method` is one of `RUNNER_HOST_REQUESTS`, `params` already checked
 * against its schema. Throwing refuses it: the message reaches Python as an exception.
 */
export type HostHandler = (runner: Runner, method: string, params: unknown) => Promise<unknown>;

/** Output of a run as it arrives. */
export type OutputListener = (stream: "stdout" | "stderr", text: string) => void;

/** A display output of a run as it arrives (already checked against the run's caps by the guard). */
export type DisplayListener = (output: RunnerDisplayOutput) => void;

/**
 * One interpreter in its own process. It runs one thing at a time (the pool queues the
 * rest). When it dies, for any reason, every pending call rejects with `RUNNER_DIED`
 * and `exited` resolves with the reason.
 */
export interface Runner {
  readonly id: string;
  role: RunnerRole;
  /** The tenant whose code this runner has run or will run; undefined while it is a fresh spare. */
  tenant: string | undefined;
  /** Sessions living in this runner. */
  readonly sessions: Set<string>;
  /** Runs finished. */
  runs: number;
  /** When the last run or session operation ended (ms since the epoch), for idle checks. */
  lastActiveAt: number;
  readonly bootResult: ReadyBoot | undefined;
  /** Why the process ended; set once it has. */
  readonly deathReason: string | undefined;
  /** Resolves with the death reason when the process has exited. */
  readonly exited: Promise<string>;
  /** Process id (of the sandbox wrapper under namespace isolation), or -1. */
  readonly pid: number;
  readonly alive: boolean;
  readonly busy: boolean;
  /** Resident memory of the runner's process tree, when readable. */
  rss(): number | undefined;
  /** Runs code; output goes to `onOutput` and display outputs to `onDisplay` as they arrive. `deadline` (a `Date.now()` time) bounds what the run asks of the daemon. */
  run(params: RunnerRunParams, onOutput: OutputListener, deadline?: number, onDisplay?: DisplayListener): Promise<RunnerRunResult>;
  /** The run going on: its id, session and deadline (what the runner's requests to the daemon are checked against). */
  readonly currentRun: { runId: string; sessionId: string | null; deadline: number | undefined } | undefined;
  /** Asks the runner to raise KeyboardInterrupt in the run, if it is still going. */
  interrupt(runId: string): void;
  /** Resets or closes a session's globals in this runner. */
  session(op: "reset" | "close", sessionId: string): Promise<void>;
  /** A file operation in a session's working directory (between runs). */
  files(params: RunnerFilesParams): Promise<FilesAnswer>;
  /** Completions at a cursor (between runs; no user code runs). */
  complete(params: RunnerCompletionParams): Promise<CompleteResult>;
  /** What the name at a cursor is (between runs). */
  inspect(params: RunnerCompletionParams): Promise<InspectResult>;
  /** Python's REPL rule: is this source complete? */
  check(code: string): Promise<{ status: "complete" | "incomplete" | "invalid" }>;
  /** Kills the process for certain; `reason` becomes its death reason. */
  kill(reason: string): void;
  /** Installs package files into the interpreter (those already installed are skipped); resolves with the names installed. */
  load(wheels: WheelSpec[]): Promise<string[]>;
  /** Names of the packages installed in this interpreter, by woma. */
  readonly packages: Set<string>;
  /** Who answers the runner's requests to the daemon; unset, they are refused. */
  host: HostHandler | undefined;
}
