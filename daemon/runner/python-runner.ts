/** The runner: one object holding everything a runner process keeps (the interpreter, the run going on, its output, its requests to the daemon) and answering the daemon's requests. */
import type { MessageConnection } from "vscode-jsonrpc";
import type { CheckStatus, CompleteResult, InspectResult, Stream } from "../../protocol/generated/types.ts";
import { DaemonCalls } from "./daemon-calls.ts";
import { bootInterpreter, describe, type Interpreter } from "./interpreter-boot.ts";
import { Interrupts } from "./interrupts.ts";
import { PackageInstalls } from "./package-installs.ts";
import { dropPrivileges } from "./privileges.ts";
import { pythonFetch } from "./python-fetch.ts";
import { fillPythonGlobals } from "./python-globals.ts";
import { displayForPython, inputForPython, named } from "./python-io.ts";
import { isCount, settle, toRunOutcome } from "./python-values.ts";
import { RunOutput, OUTPUT_BATCH_MS } from "./run-output.ts";
import { RunScope } from "./run-scope.ts";
import {
  RunnerDisplayNotification,
  RunnerOutputNotification,
  type FilesAnswer,
  type RunnerBootParams,
  type RunnerBootResult,
  type RunnerCompletionParams,
  type RunnerFilesParams,
  type RunnerRunParams,
  type RunnerRunResult,
  type RunnerSessionParams,
  type RunnerWheel,
  type SeccompState,
} from "../contract/runner-protocol.ts";
import { filesOperation, removeSessionDirectory, sessionDirectory, type VirtualFs } from "./session-files.ts";

/** The run going on. */
interface CurrentRun {
  runId: string;
  /** The run got an interrupt: the daemon's message, or the signal its bytecode read. */
  interrupted: boolean;
  output: RunOutput;
}

/**
 * A runner's whole state, and its answers to the daemon. Python runs on this thread: the
 * daemon's messages are read between Python's turns (a run suspended on an await or in
 * run_sync, or none going on), what the runner sends leaves at once (sync-message-writer.ts),
 * and a run busy in bytecode is interrupted through the shared page (interrupts.ts).
 */
export class PythonRunner {
  private readonly scope = new RunScope();
  private readonly calls: DaemonCalls;
  private readonly installs: PackageInstalls;
  private interrupts = new Interrupts(undefined);
  private interpreter: Interpreter | undefined;
  private current: CurrentRun | undefined;
  /** What Python's `import js` is. */
  private readonly jsglobals = Object.create(null) as Record<string, unknown>;

  constructor(
    private readonly connection: MessageConnection,
    private readonly seccomp: SeccompState,
    /** Ends the process: the interpreter can no longer be trusted, and the daemon reports its sessions lost. */
    private readonly die: (message: string, code: number) => never,
  ) {
    this.calls = new DaemonCalls(connection, this.scope, () => this.current?.runId, () => this.current?.output.flush());
    this.installs = new PackageInstalls(this.calls);
  }

  /** An error from a callback or a promise nobody awaited: fatal only when the interpreter itself broke. */
  readonly dropped = (error: unknown): void => {
    if (error !== null && typeof error === "object" && (error as { pyodide_fatal_error?: unknown }).pyodide_fatal_error) {
      this.die(`the interpreter failed: ${describe(error)}`, 70);
    }
  };

  /** `runner/boot`: the interpreter, the preloaded packages, then no privileges kept before any user code runs. */
  async boot(params: RunnerBootParams): Promise<RunnerBootResult> {
    if (this.interpreter) throw new Error("the runner is already booted");
    this.interrupts = new Interrupts(params.interruptPage);
    const output = (stream: Stream) => (bytes: Uint8Array) => this.current?.output.write(stream, bytes);
    const { report, interpreter } = await bootInterpreter(params, {
      scope: this.scope,
      jsglobals: this.jsglobals,
      fillGlobals: () => fillPythonGlobals(this.jsglobals, this.scope, pythonFetch(this.calls), this.dropped),
      stdout: output("stdout"),
      stderr: output("stderr"),
      signalBuffer: this.interrupts.signalBuffer(() => this.current?.output.flushIfDue(), () => {
        if (this.current) this.current.interrupted = true;
      }),
      wait: named("interruptibleWait", (ms: number) => this.interrupts.wait(ms)),
      packages: named("hostForPython", (kind: unknown, names: unknown, indexUrls?: unknown) => this.installs.forPython(kind, names, indexUrls)),
      display: displayForPython((display) => {
        const run = this.current;
        if (!run) return;
        // What was printed before this output goes first, so the daemon sees them in order.
        run.output.flush();
        void this.connection.sendNotification(RunnerDisplayNotification, { runId: run.runId, output: display });
      }),
      input: inputForPython(this.calls),
      dropped: this.dropped,
    });
    if (report.kind !== "ready" || !interpreter) return report as RunnerBootResult;
    this.interpreter = interpreter;
    this.installs.attach(interpreter.internals);
    if (params.preload) {
      await this.installs.install(params.preload.wheels as RunnerWheel[]);
      // Imported now, so a session handed out later finds them ready.
      const { pyodide } = interpreter;
      if (params.preload.modules.length > 0) pyodide.runPython(params.preload.modules.map((m) => `import ${m}`).join("\n"), { globals: pyodide.toPy({}) });
    }
    // Booted (files only the daemon's user may read are read): now nothing of that user's
    // privileges is kept, in this thread or any other, before any user code runs.
    const privileges = dropPrivileges(params.runAs);
    const split = privileges.problems.find((problem) => problem.startsWith("thread "));
    if (split) this.die(`privileges could not be dropped in every thread (${split}); refusing to serve`, 71);
    return { ...report, seccomp: this.seccomp, privileges };
  }

  /** `runner/run`: runs code, streaming its output (the daemon's only copy of it), and answers with its outcome and how much output was past the cap. */
  async run(params: RunnerRunParams): Promise<RunnerRunResult> {
    const { entries } = this.booted();
    if (this.current) throw new Error(`runner is busy with run ${this.current.runId}`);
    const { runId } = params;
    const output = new RunOutput(params.maxOutputBytes, params.streamAllOutput === true, (stream, text) => {
      void this.connection.sendNotification(RunnerOutputNotification, { runId, stream, text });
    });
    const run: CurrentRun = { runId, interrupted: false, output };
    this.current = run;
    this.interrupts.clear();
    // While Python is suspended (an await, run_sync), a timer sends the output; while it runs bytecode, its signal checks do.
    const flusher = setInterval(() => output.flushIfDue(), OUTPUT_BATCH_MS);
    try {
      const started = performance.now();
      let value: unknown;
      // callPromising lets synchronous Python block on JavaScript promises (run_sync, JSPI), and waits for an awaitable result.
      this.scope.begin();
      try {
        const directory = sessionDirectory(params.sessionId);
        // "" tells Python the run's directory is entered already, which spares it a stat of each part of the path.
        const enter = this.inDirectory(directory) ? "" : directory;
        value = await settle(await entries.run.callPromising(params.code, params.sessionId, params.fresh, params.maxResultChars, enter, params.maxDisplayBytes, params.maxDisplays));
      } catch (error) {
        // The Python side catches every exception, so a throw here means the interpreter itself broke.
        return this.die(`interpreter failed during run: ${describe(error)}`, 70);
      } finally {
        this.scope.end();
        entries.finish();
      }
      const executionTimeMs = performance.now() - started;
      output.finish();
      return {
        ...toRunOutcome(value),
        executionTimeMs,
        stdoutBytesCut: output.stdout.cutBytes,
        stderrBytesCut: output.stderr.cutBytes,
        interrupted: run.interrupted,
      };
    } finally {
      clearInterval(flusher);
      this.current = undefined;
      this.interrupts.clear();
    }
  }

  /** `runner/interrupt`: read only while no bytecode runs, so the run is woken from JavaScript (its waits and requests rejected, its task cancelled). */
  interrupt(runId: string): void {
    const run = this.current;
    if (!run || run.runId !== runId) return;
    run.interrupted = true;
    this.interrupts.taken();
    // A run waiting on the daemon (a package download) wakes too; the late answer is dropped.
    this.calls.interruptAll();
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        this.interpreter?.entries.interrupt();
        break;
      } catch {
        // A KeyboardInterrupt from the buffer landed here first: once more (core.py's interrupt).
      }
    }
  }

  /** `runner/session`: resets or closes a session's globals (and a closed session's files). */
  session(params: RunnerSessionParams): { sessions: number } {
    const { entries } = this.between("a session change", false);
    const sessions = entries.session(params.op, params.sessionId);
    if (params.op === "close") removeSessionDirectory(this.fs(), params.sessionId);
    return { sessions: isCount(sessions) ? sessions : 0 };
  }

  /** `runner/check`: whether code is a complete statement, by the rule of Python's REPL. */
  check(code: string): { status: CheckStatus } {
    const status = this.between("a check", false).entries.check(code);
    return { status: status === "complete" || status === "incomplete" ? status : "invalid" };
  }

  /** `runner/load`: installs package files (a client's `packages/install`). */
  async load(wheels: RunnerWheel[]): Promise<{ installed: string[] }> {
    this.between("an install", false);
    return { installed: await this.installs.install(wheels) };
  }

  /** `runner/files`: one file operation in a session's working directory, between runs. */
  files(params: RunnerFilesParams): FilesAnswer {
    this.between("a file operation", true);
    const { sessionId, ...request } = params;
    return filesOperation(this.fs(), sessionDirectory(sessionId), request);
  }

  /** `runner/complete` and `runner/inspect`, between runs. */
  async completion(kind: "complete" | "inspect", params: RunnerCompletionParams): Promise<CompleteResult | InspectResult> {
    const { entries } = this.between(kind === "complete" ? "completion" : "inspection", true);
    const entry = kind === "complete" ? entries.complete : entries.inspect;
    return (await settle(entry(params.code, params.cursor, params.sessionId))) as CompleteResult | InspectResult;
  }

  private booted(): Interpreter {
    if (!this.interpreter) throw new Error("the interpreter is not booted");
    return this.interpreter;
  }

  /**
   * The interpreter, for a request that runs Python outside a run. Those that must not
   * happen during a run (`exclusive`: the daemon queues them behind the session's runs, and
   * a run suspended on an await must not see its files change under it) are refused during
   * one. An interrupt meant for a run that has since ended must not land in this Python.
   */
  private between(what: string, exclusive: boolean): Interpreter {
    const interpreter = this.booted();
    if (exclusive && this.current) throw new Error(`runner is busy with run ${this.current.runId}; ${what} waits for it`);
    if (!this.current) this.interrupts.clear();
    return interpreter;
  }

  /**
   * Whether the interpreter's working directory is `directory` and it is a directory. The
   * file system keeps the working directory as a path, so any directory at that path is it.
   */
  private inDirectory(directory: string): boolean {
    const fs = this.booted().pyodide.FS as unknown as { cwd(): string; lookupPath(path: string): { node: { mode: number } }; isDir(mode: number): boolean };
    try {
      return fs.cwd() === directory && fs.isDir(fs.lookupPath(directory).node.mode);
    } catch {
      return false;
    }
  }

  /** The interpreter's file system, as the runner alone holds it (Python cannot reach it). */
  private fs(): VirtualFs {
    return (this.booted().pyodide as unknown as { FS: VirtualFs }).FS;
  }
}

