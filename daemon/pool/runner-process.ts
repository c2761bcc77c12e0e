/** The daemon's handle on one runner process: starts it, talks JSON-RPC to it (its stdin in, its fd 3 out) through a guard, notices at once when it dies. */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createMessageConnection, type MessageConnection } from "vscode-jsonrpc/node";
import { FrameWriter } from "../../protocol/wire/frame-writer.ts";
import { payloadBody } from "../../protocol/wire/payload-frames.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import { ResponseError } from "vscode-jsonrpc";
import {
  RUNNER_HOST_REQUESTS,
  RunnerBootRequest,
  RunnerCheckRequest,
  RunnerCompleteRequest,
  RunnerDisplayNotification,
  RunnerFilesRequest,
  RunnerInspectRequest,
  RunnerLoadRequest,
  RunnerInterruptNotification,
  RunnerOutputNotification,
  RunnerRunRequest,
  RunnerSessionRequest,
  RunnerWheelRequest,
  type RunnerBootParams,
  type RunnerBootResult,
  type RunnerCompletionParams,
  type RunnerFilesParams,
  type RunnerRunParams,
  type RunnerRunResult,
  type RunnerWheel,
  type WheelSpec,
} from "../contract/runner-protocol.ts";
import { processTreeRss } from "./process-memory.ts";
import type { CompleteResult, InspectResult } from "../../protocol/generated/types.ts";
import type { FilesAnswer } from "../contract/runner-protocol.ts";
import type { DisplayListener, HostHandler, OutputListener, ReadyBoot, Runner, RunnerRole } from "./runner.ts";
import { RunnerGuard } from "./runner-guard.ts";
import { RunnerOutputLog } from "./runner-output-log.ts";
import type { HostPaths } from "./host-paths.ts";
import type { InterruptPage } from "./interrupt-page.ts";

/** How to start a runner process. */
export interface RunnerLaunch {
  argv: string[];
  env: Record<string, string>;
  /** The boot request; the process starts before it is known (it may wait for a snapshot check). */
  boot: RunnerBootParams | Promise<RunnerBootParams>;
  /** Largest message accepted from the runner, in bytes; a bigger one is a protocol violation. */
  maxMessageBytes: number;
  /** Aborting it kills the runner (a shutdown during its boot). */
  signal?: AbortSignal;
  /** Rewrites host paths out of the daemon's error messages before they reach the runner (and Python). */
  hostPaths?: HostPaths;
  /** The page through which the daemon interrupts Python busy in bytecode (its path is in the boot request, and bound into the sandbox). */
  interruptPage?: InterruptPage;
}

/** A cache file's name without its directory, for messages a runner may pass on to Python. */
function wheelName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * How long an interrupt waits for the runner to take it as a message before the daemon
 * stores the signal in the interrupt page, in ms: a runner that reads the message (Python
 * suspended on an await or in run_sync) wakes the run from JavaScript, and a signal that
 * lands in whatever Python runs next (asyncio's own bookkeeping) is better avoided.
 */
const BUSY_INTERRUPT_MS = 50;
/**
 * How long a run may go on after an acknowledged interrupt before the signal is stored
 * anyway, and again as often, in ms: the runner acknowledges when it finds Python suspended,
 * but Python may resume into bytecode that never suspends again. Well within the daemon's
 * grace (1 s), which kills the runner.
 */
const STUCK_INTERRUPT_MS = 300;

/** How much of a runner's stderr is kept to explain its death. */
const STDERR_TAIL_CHARS = 4000;
/** Longest death reason shown to clients. */
const MAX_REASON_CHARS = 300;

/**
 * One runner process. The daemon writes to its stdin and reads its messages from fd 3 (each
 * a socket pair only the daemon and the runner hold; a large message, such as a chunk of an
 * HTTP body, crosses stdin fastest); its stdout and stderr are only logged. Everything it sends passes a
 * {@link RunnerGuard}; a violation kills it with the reason "runner protocol violation".
 * It is started in a process group of its own, so a signal sent to the daemon's group
 * (Ctrl+C, `kill -TERM -PGID`) reaches the daemon, which stops it, and not the runner.
 */
export class RunnerProcess implements Runner {
  readonly id: string;
  role: RunnerRole;
  tenant: string | undefined;
  readonly sessions = new Set<string>();
  runs = 0;
  lastActiveAt = Date.now();
  bootResult: ReadyBoot | undefined;
  deathReason: string | undefined;
  readonly packages = new Set<string>();
  host: HostHandler | undefined;
  readonly exited: Promise<string>;

  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly guard: RunnerGuard;
  private stderrTail = "";
  private killReason: string | undefined;
  private current: { runId: string; listener: OutputListener; onDisplay: DisplayListener | undefined; params: RunnerRunParams; deadline: number | undefined } | undefined;
  private busyWith: string | undefined;
  private readonly pendingRejects = new Set<(error: Error) => void>();
  /** Package files offered to this runner, by sha256: the only files of the daemon's it may ask for. */
  private readonly wheelFiles = new Map<string, string>();
  private readonly interruptPage: InterruptPage | undefined;

  private constructor(id: string, role: RunnerRole, launch: RunnerLaunch) {
    this.id = id;
    this.role = role;
    this.interruptPage = launch.interruptPage;
    const [command, ...args] = launch.argv;
    this.child = spawn(command!, args, { env: launch.env, stdio: ["pipe", "pipe", "pipe", "pipe"], detached: true });
    const fromRunner = this.child.stdio[3] as Readable | null;
    const toRunner = this.child.stdin!;
    this.guard = new RunnerGuard({
      currentRunId: () => this.current?.runId,
      onViolation: (what) => {
        log("warn", `runner ${id} broke the runner protocol: ${what}; killing it`);
        this.kill(`runner protocol violation: ${what}`);
      },
    });
    this.connection = createMessageConnection(
      this.guard.reader(
        new BoundedMessageReader(nodeStreamSource(fromRunner!), {
          maxMessageBytes: launch.maxMessageBytes,
          onProblem: (problem) => this.guard.violation(`it sent a bad frame: ${problem.message}`),
        }),
      ),
      // A body chunk for the runner travels as raw bytes, not base64 (payload-frames.ts).
      this.guard.writer(new FrameWriter(toRunner, payloadBody)),
    );
    this.connection.onNotification(RunnerOutputNotification, ({ runId, stream, text }) => {
      if (this.current?.runId === runId) this.current.listener(stream, text);
    });
    this.connection.onNotification(RunnerDisplayNotification, ({ runId, output }) => {
      if (this.current?.runId === runId) this.current.onDisplay?.(output);
    });
    // The guard has checked each request's params and that it belongs to the current run.
    for (const method of RUNNER_HOST_REQUESTS) {
      this.connection.onRequest(method, async (params: unknown) => {
        if (!this.host) throw new ResponseError(-32601, `${method} is not available`);
        let answer: unknown;
        try {
          answer = await this.host(this, method, params);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new ResponseError(-32000, launch.hostPaths ? launch.hostPaths.scrub(message) : message);
        }
        const wheels = (answer as { wheels?: unknown } | null)?.wheels;
        return Array.isArray(wheels) ? { ...(answer as object), wheels: this.offer(wheels as WheelSpec[]) } : answer;
      });
    }
    this.connection.onRequest(RunnerWheelRequest, async ({ sha256 }) => {
      const path = this.wheelFiles.get(sha256);
      if (path === undefined) throw new ResponseError(-32602, `no package file with sha256 ${sha256} was offered to this runner`);
      try {
        return { bytes: new Uint8Array(await readFile(path)) };
      } catch (error) {
        throw new ResponseError(-32000, `the package file ${wheelName(path)} cannot be read from the cache (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
    });
    this.connection.onError(() => {
      // Broken pipes surface here when the process dies; the exit handler explains the death.
    });
    fromRunner?.on("error", () => {});
    toRunner.on("error", () => {});
    // Only logged, bounded in rate and size: nothing a runner prints there reaches anyone else.
    const stray = new RunnerOutputLog(id);
    this.child.stdout!.setEncoding("utf8");
    this.child.stdout!.on("data", (chunk: string) => stray.write("stdout", chunk));
    this.child.stderr!.setEncoding("utf8");
    this.child.stderr!.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
      stray.write("stderr", chunk);
    });
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.onExit(this.killReason ?? this.describeExit(code, signal));
        resolve(this.deathReason!);
      });
      this.child.once("error", (error) => {
        this.onExit(`runner could not be started: ${error.message}`);
        resolve(this.deathReason!);
      });
    });
    this.connection.listen();
  }

  /**
   * Starts a runner and waits for its boot. Resolves with the runner once it is ready, or
   * with the runner and its refusal when it could not restore the snapshot (the caller
   * then kills it). Rejects when it dies first.
   */
  static async start(id: string, role: RunnerRole, launch: RunnerLaunch): Promise<{ runner: RunnerProcess; boot: RunnerBootResult }> {
    const runner = new RunnerProcess(id, role, launch);
    // The pool aborts with why (its tenant left, the daemon stops): the process is killed at once.
    const stop = () => runner.kill(typeof launch.signal?.reason === "string" ? launch.signal.reason : "the daemon shut down during its boot");
    if (launch.signal?.aborted) stop();
    launch.signal?.addEventListener("abort", stop, { once: true });
    try {
      let params: RunnerBootParams;
      try {
        params = await launch.boot;
      } catch (error) {
        runner.kill("its boot could not be prepared");
        throw error;
      }
      if (!runner.alive) throw new Error(runner.deathReason);
      if (params.preload) params = { ...params, preload: { ...params.preload, wheels: runner.offer(params.preload.wheels) } };
      if (launch.interruptPage) params = { ...params, interruptPage: launch.interruptPage.path };
      const boot = await runner.call(runner.connection.sendRequest(RunnerBootRequest, params));
      if (boot.kind === "ready") runner.bootResult = boot;
      return { runner, boot };
    } catch (error) {
      // Settles only once the process is gone, so whoever waits for this boot waits for its end too.
      runner.kill(runner.deathReason ?? "its boot failed");
      await runner.exited;
      throw error;
    } finally {
      launch.signal?.removeEventListener("abort", stop);
      // Mapped by the runner once it has answered its boot (or it never will): only the mappings are left.
      launch.interruptPage?.unlink();
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.deathReason === undefined;
  }

  get busy(): boolean {
    return this.busyWith !== undefined;
  }

  rss(): number | undefined {
    return this.alive && this.child.pid !== undefined ? processTreeRss(this.child.pid) : undefined;
  }

  get currentRun(): { runId: string; sessionId: string | null; deadline: number | undefined } | undefined {
    const current = this.current;
    return current && { runId: current.runId, sessionId: current.params.sessionId, deadline: current.deadline };
  }

  async run(params: RunnerRunParams, onOutput: OutputListener, deadline?: number, onDisplay?: DisplayListener): Promise<RunnerRunResult> {
    this.busyWith = params.runId;
    this.current = { runId: params.runId, listener: onOutput, onDisplay, params, deadline };
    try {
      // The guard has measured the result against the run's caps.
      return await this.call(this.connection.sendRequest(RunnerRunRequest, params));
    } finally {
      this.busyWith = undefined;
      this.current = undefined;
      this.runs++;
      this.lastActiveAt = Date.now();
    }
  }

  /**
   * Interrupts a run: the message first, which a runner whose Python is suspended takes at
   * once; when it has not been taken within {@link BUSY_INTERRUPT_MS}, Python is busy in
   * bytecode and the signal goes into the interrupt page; and while the run goes on, again
   * every {@link STUCK_INTERRUPT_MS}.
   */
  interrupt(runId: string): void {
    if (!this.alive) return;
    const page = this.interruptPage;
    page?.expect();
    void this.connection.sendNotification(RunnerInterruptNotification, { runId }).catch(() => {});
    const run = this.current;
    if (!page || run?.runId !== runId) return;
    const going = () => this.alive && this.current === run;
    setTimeout(() => {
      if (going() && !page.acknowledged) page.signal();
    }, BUSY_INTERRUPT_MS);
    const rearm = () => {
      if (!going()) return;
      page.signal();
      setTimeout(rearm, STUCK_INTERRUPT_MS);
    };
    setTimeout(rearm, STUCK_INTERRUPT_MS);
  }

  async session(op: "reset" | "close", sessionId: string): Promise<void> {
    await this.call(this.connection.sendRequest(RunnerSessionRequest, { op, sessionId }));
    this.lastActiveAt = Date.now();
  }

  files(params: RunnerFilesParams): Promise<FilesAnswer> {
    return this.call(this.connection.sendRequest(RunnerFilesRequest, params));
  }

  complete(params: RunnerCompletionParams): Promise<CompleteResult> {
    return this.call(this.connection.sendRequest(RunnerCompleteRequest, params));
  }

  inspect(params: RunnerCompletionParams): Promise<InspectResult> {
    return this.call(this.connection.sendRequest(RunnerInspectRequest, params));
  }

  check(code: string): Promise<{ status: "complete" | "incomplete" | "invalid" }> {
    return this.call(this.connection.sendRequest(RunnerCheckRequest, { code }));
  }

  async load(wheels: WheelSpec[]): Promise<string[]> {
    const fresh = wheels.filter((wheel) => !this.packages.has(wheel.name));
    if (fresh.length === 0) return [];
    const { installed } = await this.call(this.connection.sendRequest(RunnerLoadRequest, { wheels: this.offer(fresh) }));
    for (const name of installed) this.packages.add(name);
    this.lastActiveAt = Date.now();
    return installed;
  }

  kill(reason: string): void {
    if (!this.alive) return;
    this.killReason ??= reason;
    this.child.kill("SIGKILL");
  }

  /** Lets the runner ask for these files' bytes, and gives it what it may know of them: not where they are. */
  private offer(wheels: readonly (WheelSpec | RunnerWheel)[]): RunnerWheel[] {
    return wheels.map((wheel) => {
      const { path, ...rest } = wheel as WheelSpec;
      if (typeof path === "string") this.wheelFiles.set(wheel.sha256, path);
      return rest;
    });
  }

  /** Rejects with `RUNNER_DIED` as soon as the process dies, so no caller ever waits on a dead runner. */
  private call<T>(request: Promise<T>): Promise<T> {
    if (!this.alive) return Promise.reject(new DaemonError("RUNNER_DIED", this.deathReason!));
    return new Promise<T>((resolve, reject) => {
      this.pendingRejects.add(reject);
      request.then(
        (value) => {
          this.pendingRejects.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.pendingRejects.delete(reject);
          reject(this.alive ? error : new DaemonError("RUNNER_DIED", this.deathReason!));
        },
      );
    });
  }

  private onExit(reason: string): void {
    if (this.deathReason !== undefined) return;
    this.deathReason = reason;
    for (const reject of this.pendingRejects) reject(new DaemonError("RUNNER_DIED", reason));
    this.pendingRejects.clear();
    this.connection.dispose();
  }

  /**
   * Why the process ended, short and in woma's words: the signal or exit code, plus the
   * runner's own last "runner: ..." line if it wrote one. Other stderr (a stack trace,
   * engine source) is only logged, never shown to clients.
   */
  private describeExit(code: number | null, signal: NodeJS.Signals | null): string {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const own = this.stderrTail
      .split("\n")
      .filter((line) => line.startsWith("runner: "))
      .pop();
    if (!own) return `runner ${how}`;
    const said = own.slice("runner: ".length);
    return `runner ${how}: ${said.length > MAX_REASON_CHARS ? `${said.slice(0, MAX_REASON_CHARS)}…` : said}`;
  }
}
