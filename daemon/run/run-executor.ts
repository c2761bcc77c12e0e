/** Carries out one `python/run`: queues it, enforces its timeout, turns cancel into an interrupt, and says how it ended. */
import type { DisplayNotification, DisplayOutput, InputParams, OutputNotification, PackagesProgressNotification, RunFailureData, RunParams, RunResult, SessionOutcome, Stream, Truncation } from "../../protocol/generated/types.ts";
import { codePointLength } from "../../protocol/code-points.ts";
import { DaemonError } from "../daemon-error.ts";
import type { DaemonOptions } from "../daemon-options.ts";
import type { Runner } from "../pool/runner.ts";
import type { RunnerPool } from "../pool/runner-pool.ts";
import type { Session } from "../session/session-store.ts";
import type { Tenant } from "../session/tenant-registry.ts";
import type { RunnerDisplayOutput, RunnerInputParams, RunnerInputResult, RunnerRunResult } from "../contract/runner-protocol.ts";
import { OutputCap } from "../contract/output-cap.ts";
import { RunInput } from "./run-input.ts";

/** The caller's side of a run: where output goes and how a cancel arrives. */
export interface RunContext {
  onOutput(notification: OutputNotification): void;
  /** Where display outputs go as they are made (@since 1.1); none when absent. */
  onDisplay?(notification: DisplayNotification): void;
  /**
   * Asks the client that started the run for a line of input (`python/input`), when the run
   * gave `allow_stdin`; resolves with the line, or null for end of input. Aborting `signal`
   * (the run ended) withdraws the question.
   */
  requestInput?(params: InputParams, signal: AbortSignal): Promise<string | null>;
  /** Registers the cancel callback; returns how to unregister it. */
  onCancel(listener: () => void): () => void;
  /** Progress of package downloads the run's imports need (optional: not every caller shows it). */
  onPackageProgress?(notification: PackagesProgressNotification): void;
  /**
   * Asked when the run is about to start on a runner: an error to fail it with instead
   * (its client has stopped reading, say), or undefined to go ahead.
   */
  refuseStart?(): DaemonError | undefined;
  /** Told the run's id (the client's, or one the daemon made up) and session as soon as the run is taken on. */
  onRunId?(runId: string, sessionId: string | null): void;
  /**
   * Asked before the run is queued for a runner: undefined to go ahead at once, or a promise
   * of whether the client is still there to read the answer (after its end of input).
   */
  stillThere?(runId: string, sessionId: string | null): Promise<boolean> | undefined;
}

type Stop = "timeout" | "cancel";

/** What became of the session of a run that a stop or a death ended (`none` is for runs without one). */
type StopOutcome = Exclude<SessionOutcome, "none">;

/**
 * Keeps what a run printed, up to the cap (the runner streams it and does not repeat it in
 * its result, so this is the run's only copy, for its result or the data of an error that
 * ends it); counts the code points of each stream, so a display output knows where it falls
 * in them; and keeps the display outputs themselves.
 */
class PartialOutput {
  stdout = "";
  stderr = "";
  readonly points = { stdout: 0, stderr: 0 };
  readonly outputs: DisplayOutput[] = [];
  private readonly caps: Record<Stream, OutputCap>;
  constructor(cap: number) {
    this.caps = { stdout: new OutputCap(cap), stderr: new OutputCap(cap) };
  }
  add(stream: Stream, text: string): void {
    this.points[stream] += codePointLength(text);
    if (this.caps[stream].open) this[stream] += this.caps[stream].keep(text);
  }
  display(output: RunnerDisplayOutput): DisplayOutput {
    const placed: DisplayOutput = { ...output, stdout_offset: this.points.stdout, stderr_offset: this.points.stderr };
    this.outputs.push(placed);
    return placed;
  }
}

/**
 * The timeout a run gets, in ms (0: none): what it asked for, or the daemon's default
 * (`--timeout`), which when not 0 is also the most it may ask for, as on the REST bridge.
 */
export function runTimeout(asked: number | undefined, defaultMs: number): number {
  if (asked === undefined) return defaultMs;
  return defaultMs > 0 && (asked === 0 || asked > defaultMs) ? defaultMs : asked;
}

/** Executes runs on the pool with the daemon's limits. */
export class RunExecutor {
  /** The callers of the runs executing now, by the runner executing each (run ids are the clients' or per tenant, so they may repeat across tenants). */
  private readonly executing = new Map<Runner, RunContext>();
  /** Where each runner's current run reads its input from. */
  private readonly inputs = new Map<Runner, RunInput>();

  constructor(
    private readonly pool: RunnerPool,
    private readonly options: DaemonOptions,
  ) {}

  /**
   * Runs code in a session (or in fresh globals when there is none) and resolves with
   * its result; a Python exception is a result. Rejects with a {@link DaemonError} for a
   * timeout, a cancel, a lost runner or a full queue, with the output so far as data.
   * `prepare` runs on the runner first (it installs the tenant's packages there); `cleanup`
   * after the run, however it ended (it closes the HTTP responses the run left open). The run
   * counts among the tenant's `runs`, which number the ids the daemon gives (`run-N`), so a
   * tenant's ids and count say nothing of other tenants' runs.
   */
  async run(
    params: RunParams,
    session: Session<Runner> | undefined,
    context: RunContext,
    tenant: Pick<Tenant, "id" | "runs">,
    prepare?: (runner: Runner) => Promise<void>,
    cleanup?: (runner: Runner, runId: string) => void,
  ): Promise<RunResult> {
    const runId = params.run_id ?? `run-${tenant.runs + 1}`;
    tenant.runs++;
    const sessionId = session?.id ?? null;
    context.onRunId?.(runId, sessionId);
    const timeoutMs = runTimeout(params.timeout_ms, this.options.defaultTimeoutMs);
    const timeoutText =
      params.timeout_ms === undefined || params.timeout_ms === timeoutMs
        ? `${timeoutMs} ms`
        : `${timeoutMs} ms (the daemon's --timeout, its longest; ${params.timeout_ms === 0 ? "no timeout" : `${params.timeout_ms} ms`} was asked for)`;
    const fresh = session === undefined || params.reset_globals === true;
    const output = new PartialOutput(this.options.maxOutputBytes);
    const ended = new AbortController();
    const ask = params.allow_stdin === true && context.requestInput ? context.requestInput.bind(context) : undefined;
    if (session) {
      session.runCount++;
      session.lastUsedAt = new Date();
    }

    let stop: Stop | undefined;
    let startedAt: number | undefined;
    let interruptRunner: ((why: Stop) => void) | undefined;
    const cancelled = () => new DaemonError("RUN_CANCELLED", `run ${runId} was cancelled before it started`, this.failureData(runId, output, 0, session, "kept"));
    // A client that sent the run and left is not given a runner for it.
    const presence = context.stillThere?.(runId, sessionId);
    if (presence && !(await presence)) throw new DaemonError("RUN_CANCELLED", `run ${runId} was dropped: its client left before it started`, this.failureData(runId, output, 0, session, "kept"));

    const submission = this.pool.submit(tenant.id, session?.runner, async (runner) => {
      if (stop === "cancel") throw cancelled();
      const refusal = context.refuseStart?.();
      if (refusal) throw refusal;
      if (prepare) await prepare(runner);
      // A cancel that came while the run was being prepared found nothing to interrupt yet (TypeScript narrowed `stop` before the await).
      if ((stop as Stop | undefined) === "cancel") throw cancelled();
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      interruptRunner = (why) => {
        if (stop !== undefined) return;
        stop = why;
        runner.interrupt(runId);
        graceTimer = setTimeout(() => {
          const what = why === "timeout" ? `timed out after ${timeoutText}` : "was cancelled";
          this.pool.kill(runner, `run ${runId} ${what} and ignored the interrupt for ${this.options.interruptGraceMs} ms, so its runner was killed`);
        }, this.options.interruptGraceMs);
      };
      const timeoutTimer = timeoutMs > 0 ? setTimeout(() => interruptRunner?.("timeout"), timeoutMs) : undefined;
      startedAt = performance.now();
      const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : undefined;
      this.inputs.set(runner, new RunInput(params.stdin, ask && ((prompt, password) => ask({ run_id: runId, session_id: sessionId, prompt, password }, ended.signal))));
      this.executing.set(runner, context);
      try {
        return await runner.run(
          {
            runId,
            sessionId,
            fresh,
            code: params.code,
            maxOutputBytes: this.options.maxOutputBytes,
            // Past the cap, output only matters to a client that gets it streamed.
            streamAllOutput: params.stream_all_output === true && params.output_notifications !== false,
            maxResultChars: this.options.maxResultChars,
            maxDisplayBytes: this.options.maxDisplayBytes,
            maxDisplays: this.options.maxDisplays,
          },
          (stream, text) => {
            output.add(stream, text);
            if (params.output_notifications !== false) context.onOutput({ run_id: runId, session_id: sessionId, stream, text });
          },
          deadline,
          (display) => {
            const placed = output.display(display);
            if (params.display_notifications !== false) context.onDisplay?.({ run_id: runId, session_id: sessionId, output: placed });
          },
        );
      } finally {
        clearTimeout(timeoutTimer);
        clearTimeout(graceTimer);
        this.inputs.delete(runner);
        ended.abort();
        this.executing.delete(runner);
        cleanup?.(runner, runId);
      }
    });

    const stopRun = () => {
      if (interruptRunner) interruptRunner("cancel");
      else {
        stop = "cancel";
        submission.withdraw(cancelled());
      }
    };
    const unsubscribe = context.onCancel(stopRun);
    session?.active.add(stopRun);
    try {
      const outcome = await submission.promise;
      const elapsed = outcome.executionTimeMs;
      // The run got the interrupt its deadline or cancel sent: it ended because of the stop,
      // whatever it made of the KeyboardInterrupt (raised it, swallowed it in a __str__, caught it).
      if (stop !== undefined && outcome.interrupted) {
        throw this.stopped(stop, runId, timeoutText, output, elapsed, session, "kept");
      }
      return this.result(runId, sessionId, outcome, output);
    } catch (error) {
      if (error instanceof DaemonError && error.code === "RUNNER_DIED") {
        const elapsed = startedAt === undefined ? 0 : performance.now() - startedAt;
        if (stop !== undefined) throw this.stopped(stop, runId, timeoutText, output, elapsed, session, "lost");
        const lost = session ? `; session "${session.id}" is lost` : "";
        throw new DaemonError("RUNNER_DIED", `Python runtime terminated: ${error.message}${lost}`, this.failureData(runId, output, elapsed, session, "lost"));
      }
      throw error;
    } finally {
      unsubscribe();
      session?.active.delete(stopRun);
    }
  }

  /** The caller of the run `runner` is executing now (what the runner asks during it reports to them). */
  callerOf(runner: Runner): RunContext | undefined {
    return this.executing.get(runner);
  }

  private stopped(stop: Stop, runId: string, timeoutText: string, output: PartialOutput, elapsed: number, session: Session<Runner> | undefined, state: StopOutcome): DaemonError {
    const what = stop === "timeout" ? `run ${runId} timed out after ${timeoutText}` : `run ${runId} was cancelled`;
    const how =
      state === "kept"
        ? `it was interrupted (KeyboardInterrupt)${session ? ` and session "${session.id}" keeps its state` : ""}`
        : `it ignored the interrupt, so its runner was killed${session ? ` and session "${session.id}" is lost` : ""}`;
    return new DaemonError(stop === "timeout" ? "RUN_TIMED_OUT" : "RUN_CANCELLED", `${what}; ${how}`, this.failureData(runId, output, elapsed, session, state));
  }

  /**
   * Answers a run's `runner/input` (input(), getpass, sys.stdin): from its `stdin` text, then
   * from its client when it allowed that, else end of input with the reason. The guard has
   * checked that the runner is running a run.
   */
  answerInput(runner: Runner, params: RunnerInputParams): Promise<RunnerInputResult> {
    const input = this.inputs.get(runner);
    if (!input) return Promise.resolve({ text: null, source: "none", reason: "no run is going on" });
    return input.next(params.prompt, params.password, params.all);
  }

  private failureData(runId: string, output: PartialOutput, elapsed: number, session: Session<Runner> | undefined, state: StopOutcome): RunFailureData {
    const data: RunFailureData = {
      run_id: runId,
      stdout: output.stdout,
      stderr: output.stderr,
      execution_time_ms: Math.round(elapsed * 1000) / 1000,
      session_state: session ? state : "none",
      runner_killed: state === "lost",
    };
    if (output.outputs.length > 0) data.outputs = output.outputs;
    return data;
  }

  private result(runId: string, sessionId: string | null, outcome: RunnerRunResult, { stdout, stderr, outputs }: PartialOutput): RunResult {
    const result: RunResult = {
      run_id: runId,
      session_id: sessionId,
      status: outcome.status === "exception" ? "exception" : "success",
      result: outcome.result,
      stdout,
      stderr,
      execution_time_ms: Math.round(outcome.executionTimeMs * 1000) / 1000,
    };
    if (outcome.error) result.error = outcome.error;
    if (outputs.length > 0) {
      const ends = { stdout: codePointLength(result.stdout), stderr: codePointLength(result.stderr) };
      result.outputs = outputs.map((o) => clampOffsets(o, ends));
    }
    const truncated: Truncation = {};
    if (outcome.stdoutBytesCut > 0) truncated.stdout_bytes = outcome.stdoutBytesCut;
    if (outcome.stderrBytesCut > 0) truncated.stderr_bytes = outcome.stderrBytesCut;
    if (outcome.resultCharsCut > 0) truncated.result_chars = outcome.resultCharsCut;
    if (outcome.messageCharsCut > 0) truncated.message_chars = outcome.messageCharsCut;
    if (outcome.tracebackCharsCut > 0) truncated.traceback_chars = outcome.tracebackCharsCut;
    if (outcome.displaysDropped > 0) truncated.displays = outcome.displaysDropped;
    if (Object.keys(truncated).length > 0) result.truncated = truncated;
    return result;
  }
}

/** An output's offsets within the streams the result holds (the streams may have been cut at their cap), whose lengths in code points are `ends`. */
function clampOffsets(output: DisplayOutput, ends: { stdout: number; stderr: number }): DisplayOutput {
  const out = Math.min(output.stdout_offset, ends.stdout);
  const err = Math.min(output.stderr_offset, ends.stderr);
  return out === output.stdout_offset && err === output.stderr_offset ? output : { ...output, stdout_offset: out, stderr_offset: err };
}
