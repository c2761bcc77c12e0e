/** What the REPL does with one complete input: waits for its session, runs it through the daemon, shows its output, displays and result; and how an interrupt at any stage stops it. */
import { errorMessage } from "../../protocol/describe.ts";
import type { DisplayOutput, InputParams, PackagesProgressNotification, RunResult } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { isCancelled, isSessionLost } from "../shared/run-errors.ts";
import type { SessionKeeper } from "../shared/session-keeper.ts";
import type { ReplDisplay } from "./display.ts";
import { ProgressLine } from "./magics.ts";

/** Where the REPL writes: stdout and stderr, through the line editor at a terminal. */
export interface ReplSink {
  out(text: string): void;
  err(text: string): void;
  /** True when the cursor is at the start of a line (always, when it cannot be known). */
  atLineStart(): boolean;
}

/** Thrown by {@link abortable} when the interrupt came first. */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

/** `promise`, or an {@link Interrupted} rejection as soon as `signal` aborts, whichever comes first. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Interrupted());
  let onAbort = () => {};
  const interrupted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(new Interrupted());
    signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([promise, interrupted]).finally(() => signal.removeEventListener("abort", onAbort));
}

/** Maps a SystemExit's message to an exit code the way CPython does. */
function exitCode(message: string): { code: number; print?: string } {
  if (message === "" || message === "None") return { code: 0 };
  if (/^-?\d+$/.test(message)) return { code: Number(message) & 0xff };
  return { code: 1, print: message };
}

/** What the runs need of the REPL. */
export interface ReplRunsContext {
  client: DaemonClient;
  keeper: SessionKeeper;
  /** The REPL's session; undefined with --reset-globals. */
  sessionId: string | undefined;
  /** Resolves when the session exists (rejects when it could not be made). */
  sessionReady: Promise<unknown>;
  display: ReplDisplay;
  sink: ReplSink;
  tty: boolean;
  /** Ask the daemon to stream all output, past --max-output (a daemon of protocol 1.2 or later understands it). */
  streamAll: boolean;
  /** Answers input() and getpass. */
  onInput: (request: InputParams, signal: AbortSignal) => Promise<string | null>;
}

/** Runs the REPL's inputs one at a time and keeps what their outcome means for the REPL: a failure, an exit. */
export class ReplRuns {
  /** Some input failed (a piped REPL then exits 1). */
  failed = false;
  /** Set when the code called exit(): the code to leave with. */
  exitWith: number | undefined;

  constructor(private readonly context: ReplRunsContext) {}

  /**
   * Runs `code` in the REPL's session and shows what it does. An abort of `signal` at any
   * stage stops it: before the run starts (waiting for the session or the first runner) the
   * run never starts; during the run it is cancelled (KeyboardInterrupt in the program).
   */
  async execute(code: string, signal: AbortSignal): Promise<void> {
    const { client, keeper, sessionId, sink } = this.context;
    try {
      await abortable(this.context.sessionReady, signal);
    } catch (error) {
      if (error instanceof Interrupted) throw error;
      sink.err(`woma: no Python session: ${errorMessage(error)}\n`);
      this.failed = true;
      return;
    }
    // The first import of a package may download it: shown while it happens.
    const progress = new ProgressLine({ output: { write: (text: string) => sink.out(text) }, errors: { write: (text: string) => sink.err(text) }, tty: this.context.tty });
    try {
      const runOptions = {
        signal,
        onOutput: (stream: string, text: string) => {
          progress.clear();
          if (stream === "stdout") sink.out(text);
          else sink.err(text);
        },
        onDisplay: (shown: DisplayOutput) => {
          progress.clear();
          this.context.display.show(shown);
        },
        onInput: this.context.onInput,
        onPackageProgress: (p: PackagesProgressNotification) => progress.update(p),
      };
      const params = { code, ...(this.context.streamAll ? { stream_all_output: true } : {}) };
      if (sessionId === undefined) this.show(await client.run(params, runOptions));
      else {
        const kept = await keeper.run(sessionId, params, runOptions);
        if (kept.refusal) sink.err(`woma: session "${sessionId}" ${kept.refusal.cause === "lost" ? "had been lost" : "no longer existed"}; it was started again, so this ran in empty globals\n`);
        this.show(kept.result);
      }
    } catch (error) {
      this.failed = true;
      if (isCancelled(error)) {
        sink.err(`${sink.atLineStart() ? "" : "\n"}KeyboardInterrupt\n`);
      } else {
        sink.err(`woma: ${errorMessage(error)}\n`);
      }
      if (isSessionLost(error) && sessionId) {
        try {
          await (keeper.settled(sessionId) ?? keeper.recover(sessionId));
          sink.err(`woma: session "${sessionId}" was reset; its variables are gone\n`);
        } catch (resetError) {
          sink.err(`woma: could not reset the session: ${errorMessage(resetError)}\n`);
        }
      }
    } finally {
      progress.clear();
    }
  }

  /** Shows a run's outcome: its value, its traceback, or an exit. */
  private show(result: RunResult): void {
    const { sink, tty } = this.context;
    // At a terminal the prompt starts a line of its own, as Python's does.
    if (tty && !sink.atLineStart()) sink.out("\n");
    if (result.status === "exception" && result.error) {
      if (result.error.type === "SystemExit") {
        const exit = exitCode(result.error.message);
        if (exit.print) sink.err(`${exit.print}\n`);
        this.exitWith = exit.code;
        return;
      }
      this.failed = true;
      sink.err(result.error.traceback);
    } else if (result.result !== null) {
      sink.out(`${result.result}\n`);
    }
    // What streamed was shown whole; only what the REPL did not see is worth a note.
    const cut = Object.entries(result.truncated ?? {}).filter(([what]) => !(this.context.streamAll && (what === "stdout_bytes" || what === "stderr_bytes")));
    if (cut.length > 0) sink.err(`[output cut: ${cut.map(([what, n]) => `${n} ${what.replace("_", " ")}`).join(", ")}]\n`);
  }
}
