/** A scriptable stand-in for a runner process: it runs a tiny Python-like script in-process, and its messages pass the daemon's real runner guard. */
import type { Message, MessageReader, MessageWriter } from "vscode-jsonrpc";
import type { CheckStatus, CompleteResult, InspectResult, RunError, Stream } from "../../protocol/generated/types.ts";
import { DaemonError } from "../../daemon/daemon-error.ts";
import { OutputCap } from "../../daemon/contract/output-cap.ts";
import type { DisplayListener, HostHandler, OutputListener, ReadyBoot, Runner, RunnerRole } from "../../daemon/pool/runner.ts";
import type { FilesAnswer } from "../../daemon/contract/runner-protocol.ts";
import { filesOperation, removeSessionDirectory, sessionDirectory } from "../../daemon/runner/session-files.ts";
import { MemoryFs } from "./memory-fs.ts";
import { RunnerGuard } from "../../daemon/pool/runner-guard.ts";
import {
  RunnerCheckRequest,
  RunnerCompleteRequest,
  RunnerDisplayNotification,
  RunnerFilesRequest,
  RunnerInspectRequest,
  RunnerOutputNotification,
  RunnerRunRequest,
  RunnerSessionRequest,
  type RunnerCompletionParams,
  type RunnerDisplayOutput,
  type RunnerFilesParams,
  type RunnerInputResult,
  type RunnerRunParams,
  type RunnerRunResult,
  type WheelSpec,
} from "../../daemon/contract/runner-protocol.ts";

/**
 * One step of a fake run. A script is a list of steps; {@link parseFakeCode} turns code
 * into steps, and a launcher's `program` may supply them directly.
 */
export type FakeStep =
  /** Prints text (with no newline added). */
  | { kind: "print"; stream: Stream; text: string }
  /** Waits this long; an interrupt ends the wait with KeyboardInterrupt. */
  | { kind: "sleep"; ms: number }
  /** Waits until interrupted (KeyboardInterrupt), like `while True: pass`. */
  | { kind: "hang" }
  /** Waits forever and ignores interrupts, like a loop that swallows KeyboardInterrupt; only a kill ends it. */
  | { kind: "spin" }
  /** The process dies with this reason, as a crash would. */
  | { kind: "crash"; reason: string }
  /** Sets a global of the run's namespace. */
  | { kind: "assign"; name: string; value: string }
  /** Evaluates an expression: a literal, a global, or integer arithmetic; the last one is the result. */
  | { kind: "eval"; expression: string }
  /** Raises a Python exception. */
  | { kind: "raise"; type: string; message: string }
  /** Sends a raw message to the daemon, as a hostile runner would; `id: "current"` is replaced by the run's request id. */
  | { kind: "send"; message: Record<string, unknown> }
  /** Sends a display output whose text/plain is `text` (and whatever else `data` holds). */
  | { kind: "display"; data: Record<string, string> }
  /** Asks the daemon for a line of input, as input(prompt) would; the line is the value, end of input raises EOFError. */
  | { kind: "input"; prompt: string };

/** What a fake runner is told to do by its launcher. */
export interface FakeRunnerScript {
  /** Steps for a run's code; undefined falls back to {@link parseFakeCode}. */
  program?: (code: string, runner: FakeRunner) => FakeStep[] | undefined;
  /** Python's REPL rule; default: `incomplete` when the code ends with ':', `invalid` when it contains `!!`, else `complete`. */
  check?: (code: string) => CheckStatus;
  /** The answer to a file operation; undefined falls back to the fake's in-memory file system. */
  files?: (params: RunnerFilesParams) => FilesAnswer | undefined;
  /** The answer to a completion; undefined falls back to the session's globals. */
  complete?: (params: RunnerCompletionParams) => CompleteResult | undefined;
}

/** Thrown inside a fake run when its interrupt arrives: it becomes a KeyboardInterrupt result. */
class KeyboardInterrupt extends Error {}

/**
 * Turns code into steps, one statement per line or `;`:
 * `x = 5` assigns; `x`, `5`, `'a'` or `1+2*3` evaluates (the last value is the result);
 * `print(text)` and `eprint(text)` print a line; `sleep(ms)`, `hang()`, `spin()` and
 * `crash(reason)` behave as their {@link FakeStep}s; `raise Type(message)` raises; `pass` does nothing.
 */
export function parseFakeCode(code: string): FakeStep[] {
  const steps: FakeStep[] = [];
  for (const raw of code.split(/[;\n]/)) {
    const statement = raw.trim();
    if (statement === "" || statement === "pass") continue;
    let match: RegExpExecArray | null;
    if ((match = /^(e?print)\((.*)\)$/.exec(statement))) steps.push({ kind: "print", stream: match[1] === "print" ? "stdout" : "stderr", text: `${unquote(match[2]!)}\n` });
    else if ((match = /^sleep\((\d+)\)$/.exec(statement))) steps.push({ kind: "sleep", ms: Number(match[1]) });
    else if (statement === "hang()") steps.push({ kind: "hang" });
    else if (statement === "spin()") steps.push({ kind: "spin" });
    else if ((match = /^crash\((.*)\)$/.exec(statement))) steps.push({ kind: "crash", reason: unquote(match[1]!) || "runner was killed by SIGSEGV" });
    else if ((match = /^raise (\w+)\((.*)\)$/.exec(statement))) steps.push({ kind: "raise", type: match[1]!, message: unquote(match[2]!) });
    else if ((match = /^display\((.*)\)$/.exec(statement))) steps.push({ kind: "display", data: { "text/plain": unquote(match[1]!) } });
    else if ((match = /^input\((.*)\)$/.exec(statement))) steps.push({ kind: "input", prompt: unquote(match[1]!) });
    else if ((match = /^([A-Za-z_]\w*)\s*=\s*(.+)$/.exec(statement))) steps.push({ kind: "assign", name: match[1]!, value: match[2]! });
    else steps.push({ kind: "eval", expression: statement });
  }
  return steps;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** What a fake runner says it holds after boot: nothing, as a real one at either level. */
const FAKE_PRIVILEGES = { uid: 65534, gid: 65534, capabilities: { effective: "0000000000000000", permitted: "0000000000000000", bounding: "0000000000000000", ambient: "0000000000000000" }, dumpable: false, problems: [] };

/** A reader the fake feeds by hand: what the "process" sends, before the guard sees it. */
function handReader(): { reader: MessageReader; deliver(message: Message): void } {
  let callback: ((message: Message) => void) | undefined;
  const none = { dispose() {} };
  const reader = {
    listen(cb: (message: Message) => void) {
      callback = cb;
      return none;
    },
    onError: () => none,
    onClose: () => none,
    onPartialMessage: () => none,
    dispose() {},
  } as unknown as MessageReader;
  return { reader, deliver: (message) => callback?.(message) };
}

/** A writer that only lets the guard record what the daemon asked. */
function nullWriter(): MessageWriter {
  const none = { dispose() {} };
  return { write: async () => {}, onError: () => none, onClose: () => none, end() {}, dispose() {} } as unknown as MessageWriter;
}

let pidCounter = 100_000;

/**
 * A runner that lives in the test's process. It keeps one globals map per session, runs
 * {@link FakeStep}s, honours interrupts (unless a step ignores them), and dies when told,
 * when it crashes, or when its messages break the runner protocol. Like a real runner,
 * every call pending at its death rejects with `RUNNER_DIED`, and its death is noticed a
 * macrotask after the kill, as a process exit would be.
 */
export class FakeRunner implements Runner {
  role: RunnerRole;
  tenant: string | undefined;
  readonly sessions = new Set<string>();
  runs = 0;
  lastActiveAt = Date.now();
  readonly bootResult: ReadyBoot;
  deathReason: string | undefined;
  readonly exited: Promise<string>;
  readonly pid = ++pidCounter;
  /** Resident memory the runner reports; undefined means unreadable. */
  rssBytes: number | undefined;
  /** Interrupts received, by run id. */
  readonly interrupts: string[] = [];
  /** Codes of the runs started, in order. */
  readonly codes: string[] = [];
  /** The run going on now. */
  current: RunnerRunParams | undefined;
  /** Packages "installed" with load(); a fake runner installs nothing. */
  readonly packages = new Set<string>();
  /** The runner's virtual file system (sessions' working directories live in it). */
  readonly fs = new MemoryFs();
  host: HostHandler | undefined;
  private deadline: number | undefined;

  private readonly globals = new Map<string | null, Map<string, string>>();
  private readonly guard: RunnerGuard;
  private readonly inbox = handReader();
  private readonly outbox: MessageWriter;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextRequestId = 1;
  private killReason: string | undefined;
  private resolveExit!: (reason: string) => void;
  private readonly wakers = new Set<(error: Error) => void>();
  private listener: OutputListener | undefined;
  private onDisplay: DisplayListener | undefined;
  private readonly startWaiters: Array<() => void> = [];

  constructor(
    readonly id: string,
    role: RunnerRole,
    private readonly script: FakeRunnerScript = {},
  ) {
    this.role = role;
    this.bootResult = { kind: "ready", bootMs: 1, fromSnapshot: true, pythonVersion: "3.13.2", pyodideVersion: "fake", seccomp: { installed: false, detail: "fake runner" }, privileges: FAKE_PRIVILEGES };
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
    this.guard = new RunnerGuard({
      currentRunId: () => this.current?.runId,
      onViolation: (what) => this.kill(`runner protocol violation: ${what}`),
    });
    this.outbox = this.guard.writer(nullWriter());
    this.guard.reader(this.inbox.reader).listen((message) => this.received(message));
  }

  get alive(): boolean {
    return this.deathReason === undefined;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  rss(): number | undefined {
    return this.alive ? this.rssBytes : undefined;
  }

  /** The globals of a session in this runner (a copy), for assertions. */
  globalsOf(sessionId: string): Record<string, string> {
    return Object.fromEntries(this.globals.get(sessionId) ?? []);
  }

  /** Resolves when a run has started whose code satisfies `match` (now or later). */
  whenRunning(match: (code: string) => boolean = () => true): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.current && match(this.current.code)) resolve();
        else this.startWaiters.push(check);
      };
      check();
    });
  }

  get currentRun(): { runId: string; sessionId: string | null; deadline: number | undefined } | undefined {
    return this.current && { runId: this.current.runId, sessionId: this.current.sessionId, deadline: this.deadline };
  }

  /** Records the packages as installed, as a runner would after installing them. */
  async load(wheels: WheelSpec[]): Promise<string[]> {
    if (!this.alive) throw new DaemonError("RUNNER_DIED", this.deathReason!);
    const fresh = wheels.filter((wheel) => !this.packages.has(wheel.name)).map((wheel) => wheel.name);
    for (const name of fresh) this.packages.add(name);
    return fresh;
  }

  async run(params: RunnerRunParams, onOutput: OutputListener, deadline?: number, onDisplay?: DisplayListener): Promise<RunnerRunResult> {
    this.current = params;
    this.deadline = deadline;
    this.listener = onOutput;
    this.onDisplay = onDisplay;
    this.codes.push(params.code);
    for (const waiter of this.startWaiters.splice(0)) waiter();
    try {
      return (await this.call(RunnerRunRequest.method, params, (id) => void this.execute(id, params))) as RunnerRunResult;
    } finally {
      this.current = undefined;
      this.listener = undefined;
      this.onDisplay = undefined;
      this.runs++;
      this.lastActiveAt = Date.now();
    }
  }

  interrupt(runId: string): void {
    if (!this.alive) return;
    this.interrupts.push(runId);
    if (this.current?.runId === runId) for (const wake of [...this.wakers]) wake(new KeyboardInterrupt());
  }

  async session(op: "reset" | "close", sessionId: string): Promise<void> {
    await this.call(RunnerSessionRequest.method, { op, sessionId }, (id) => {
      if (op === "reset") this.globals.set(sessionId, new Map());
      else {
        this.globals.delete(sessionId);
        removeSessionDirectory(this.fs, sessionId);
      }
      this.answer(id, { sessions: this.globals.size });
    });
    this.lastActiveAt = Date.now();
  }

  /** File operations on the fake's in-memory file system, confined as the worker confines them. */
  files(params: RunnerFilesParams): Promise<FilesAnswer> {
    const { sessionId, ...request } = params;
    const answer = () => this.script.files?.(params) ?? filesOperation(this.fs, sessionDirectory(sessionId), request);
    return this.call(RunnerFilesRequest.method, params, (id) => this.answer(id, answer())) as Promise<FilesAnswer>;
  }

  /** Completes names of the session's globals (the fake has no built-ins). */
  complete(params: RunnerCompletionParams): Promise<CompleteResult> {
    const before = params.code.slice(0, params.cursor ?? params.code.length);
    const prefix = /[A-Za-z_]\w*$/.exec(before)?.[0] ?? "";
    const names = [...(this.globals.get(params.sessionId)?.keys() ?? [])].filter((n) => n.startsWith(prefix)).sort();
    const end = params.cursor ?? params.code.length;
    const result = this.script.complete?.(params) ?? { matches: names, cursor_start: end - prefix.length, cursor_end: end };
    return this.call(RunnerCompleteRequest.method, params, (id) => this.answer(id, result)) as Promise<CompleteResult>;
  }

  /** Finds a global by name. */
  inspect(params: RunnerCompletionParams): Promise<InspectResult> {
    const name = /[A-Za-z_]\w*$/.exec(params.code)?.[0] ?? "";
    const value = this.globals.get(params.sessionId)?.get(name);
    const result: InspectResult = value === undefined ? { found: false } : { found: true, name, type_name: /^'/.test(value) ? "str" : "int" };
    return this.call(RunnerInspectRequest.method, params, (id) => this.answer(id, result)) as Promise<InspectResult>;
  }

  check(code: string): Promise<{ status: CheckStatus }> {
    const status = this.script.check?.(code) ?? (code.trimEnd().endsWith(":") ? "incomplete" : code.includes("!!") ? "invalid" : "complete");
    return this.call(RunnerCheckRequest.method, { code }, (id) => this.answer(id, { status })) as Promise<{ status: CheckStatus }>;
  }

  kill(reason: string): void {
    if (!this.alive || this.killReason !== undefined) return;
    this.killReason = reason;
    // A process's exit is noticed a little after the signal, never synchronously.
    setTimeout(() => this.exit(reason), 0);
  }

  /** The process dies on its own (a crash), with this reason. */
  die(reason = "runner was killed by SIGSEGV"): void {
    this.kill(reason);
  }

  /** Sends a message to the daemon as this runner's process would; it goes through the daemon's guard. */
  send(message: Record<string, unknown>): void {
    if (this.alive) this.inbox.deliver({ jsonrpc: "2.0", ...message } as Message);
  }

  private call(method: string, params: unknown, serve: (id: number) => void): Promise<unknown> {
    if (!this.alive) return Promise.reject(new DaemonError("RUNNER_DIED", this.deathReason!));
    const id = this.nextRequestId++;
    const answer = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    void this.outbox.write({ jsonrpc: "2.0", id, method, params } as Message);
    // The "process" answers on a later turn, as one across a pipe would.
    queueMicrotask(() => {
      if (this.alive && this.killReason === undefined) serve(id);
    });
    return answer;
  }

  private answer(id: number, result: unknown): void {
    this.send({ id, result });
  }

  private received(message: Message): void {
    const record = message as unknown as Record<string, unknown>;
    if (record.method === RunnerOutputNotification.method) {
      const { stream, text } = record.params as { stream: Stream; text: string };
      this.listener?.(stream, text);
      return;
    }
    if (record.method === RunnerDisplayNotification.method) {
      this.onDisplay?.((record.params as { output: RunnerDisplayOutput }).output);
      return;
    }
    const waiter = this.pending.get(record.id as number);
    if (!waiter) return;
    this.pending.delete(record.id as number);
    if (record.error !== undefined) waiter.reject(new Error((record.error as { message: string }).message));
    else waiter.resolve(record.result);
  }

  /** Waits `ms` (forever when undefined); rejects with KeyboardInterrupt on an interrupt unless `deaf`. */
  private wait(ms: number | undefined, deaf: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wake = (error: Error) => {
        if (deaf && error instanceof KeyboardInterrupt) return;
        clearTimeout(timer);
        this.wakers.delete(wake);
        reject(error);
      };
      this.wakers.add(wake);
      if (ms !== undefined) {
        timer = setTimeout(() => {
          this.wakers.delete(wake);
          resolve();
        }, ms);
      }
    });
  }

  private async execute(id: number, params: RunnerRunParams): Promise<void> {
    const started = performance.now();
    const steps = this.script.program?.(params.code, this) ?? parseFakeCode(params.code);
    const scope = params.fresh ? new Map<string, string>() : this.sessionGlobals(params.sessionId);
    const caps = { stdout: new OutputCap(params.maxOutputBytes), stderr: new OutputCap(params.maxOutputBytes) };
    let result: string | null = null;
    let error: RunError | null = null;
    let interrupted = false;
    const print = (stream: Stream, text: string) => {
      const kept = caps[stream].keep(text);
      // As the real runner does: past the cap, output still streams when the run asked for all of it.
      const sent = params.streamAllOutput ? text : kept;
      if (sent !== "") this.send({ method: RunnerOutputNotification.method, params: { runId: params.runId, stream, text: sent } });
    };
    try {
      for (const step of steps) {
        result = null;
        switch (step.kind) {
          case "print":
            print(step.stream, step.text);
            break;
          case "sleep":
            await this.wait(step.ms, false);
            break;
          case "hang":
            await this.wait(undefined, false);
            break;
          case "spin":
            await this.wait(undefined, true);
            break;
          case "crash":
            this.die(step.reason);
            await this.wait(undefined, true);
            break;
          case "assign":
            scope.set(step.name, this.evaluate(step.value, scope));
            break;
          case "eval":
            result = this.evaluate(step.expression, scope);
            break;
          case "raise":
            throw Object.assign(new Error(step.message), { pythonType: step.type });
          case "send":
            this.send(step.message.id === "current" ? { ...step.message, id } : step.message);
            break;
          case "display":
            this.send({ method: RunnerDisplayNotification.method, params: { runId: params.runId, output: { output_type: "display_data", data: step.data } } });
            break;
          case "input": {
            if (!this.host) throw Object.assign(new Error("no host"), { pythonType: "EOFError" });
            const answer = (await this.host(this, "runner/input", { runId: params.runId, prompt: step.prompt, password: false, all: false })) as RunnerInputResult;
            if (answer.text === null) throw Object.assign(new Error(`EOF when reading a line${answer.reason ? `: ${answer.reason}` : ""}`), { pythonType: "EOFError" });
            result = `'${answer.text.replace(/\n$/, "")}'`;
            break;
          }
        }
        if (!this.alive || this.killReason !== undefined) return;
      }
    } catch (thrown) {
      if (!this.alive || this.killReason !== undefined) return;
      result = null;
      if (thrown instanceof KeyboardInterrupt) {
        interrupted = true;
        error = { type: "KeyboardInterrupt", message: "", traceback: "Traceback (most recent call last):\nKeyboardInterrupt\n" };
      } else {
        const type = (thrown as { pythonType?: string }).pythonType ?? "RuntimeError";
        const message = (thrown as Error).message;
        error = { type, message, traceback: `Traceback (most recent call last):\n  File "<exec>", line 1, in <module>\n${type}: ${message}\n` };
      }
    }
    if (this.current?.runId === params.runId && this.interrupts.includes(params.runId)) interrupted = true;
    const cut = (text: string | null) => (text === null || text.length <= params.maxResultChars ? 0 : text.length - params.maxResultChars);
    const answer: RunnerRunResult = {
      status: error ? "exception" : "success",
      result: result === null ? null : result.slice(0, params.maxResultChars),
      resultCharsCut: cut(result),
      error,
      messageCharsCut: 0,
      tracebackCharsCut: 0,
      displaysDropped: 0,
      stdoutBytesCut: caps.stdout.cutBytes,
      stderrBytesCut: caps.stderr.cutBytes,
      executionTimeMs: performance.now() - started,
      interrupted,
    };
    this.answer(id, answer);
  }

  private sessionGlobals(sessionId: string | null): Map<string, string> {
    let scope = this.globals.get(sessionId);
    if (!scope) {
      scope = new Map();
      this.globals.set(sessionId, scope);
    }
    return scope;
  }

  private evaluate(expression: string, scope: Map<string, string>): string {
    const text = expression.trim();
    if (/^[A-Za-z_]\w*$/.test(text)) {
      if (text === "True" || text === "False" || text === "None") return text;
      const value = scope.get(text);
      if (value === undefined) throw Object.assign(new Error(`name '${text}' is not defined`), { pythonType: "NameError" });
      return value;
    }
    if (/^['"].*['"]$/.test(text)) return `'${text.slice(1, -1)}'`;
    const arithmetic = text.replace(/[A-Za-z_]\w*/g, (name) => this.evaluate(name, scope));
    if (/^[\d\s+*()-]+$/.test(arithmetic)) return String(Function(`"use strict"; return (${arithmetic});`)() as number);
    throw Object.assign(new Error(`the fake runner cannot evaluate ${JSON.stringify(text)}`), { pythonType: "SyntaxError" });
  }

  private exit(reason: string): void {
    if (this.deathReason !== undefined) return;
    this.deathReason = reason;
    for (const wake of [...this.wakers]) wake(new Error("the process died"));
    for (const { reject } of this.pending.values()) reject(new DaemonError("RUNNER_DIED", reason));
    this.pending.clear();
    this.resolveExit(reason);
  }
}
