/** The daemon's handle on one runner process: starts it, talks JSON-RPC to it, notices at once when it dies. */
import { spawn, type ChildProcess } from "node:child_process";
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { BoundedMessageReader, nodeStreamSource } from "../../protocol/wire/bounded-message-reader.ts";
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import {
  RunnerBootRequest,
  RunnerCheckRequest,
  RunnerInterruptNotification,
  RunnerOutputNotification,
  RunnerRunRequest,
  RunnerSessionRequest,
  type RunnerBootParams,
  type RunnerBootResult,
  type RunnerRunParams,
  type RunnerRunResult,
} from "../runner/runner-protocol.ts";
import { processTreeRss } from "./process-memory.ts";

/** What a runner is for; see `RunnerInfo.role` in the schema. */
export type RunnerRole = "shared" | "spare" | "dedicated";

/** Output of a run as it arrives. */
export type OutputListener = (stream: "stdout" | "stderr", text: string) => void;

/** How to start a runner process. */
export interface RunnerLaunch {
  argv: string[];
  env: Record<string, string>;
  boot: RunnerBootParams;
}

/** Largest message accepted from a runner: two capped output streams, a capped result and framing. */
const MAX_RUNNER_MESSAGE_BYTES = 256 * 1024 * 1024;
/** How much of a runner's stderr is kept to explain its death. */
const STDERR_TAIL_CHARS = 2000;

/**
 * One runner process. It runs one thing at a time; the pool queues the rest. When the
 * process exits for any reason, every pending call rejects with `RUNNER_DIED` and the
 * `exited` promise resolves with the reason.
 */
export class RunnerProcess {
  readonly id: string;
  role: RunnerRole;
  /** Sessions living in this runner. */
  readonly sessions = new Set<string>();
  /** Runs finished. */
  runs = 0;
  bootResult: RunnerBootResult | undefined;
  /** Why the process ended; set once it has. */
  deathReason: string | undefined;
  /** Resolves with the death reason when the process has exited. */
  readonly exited: Promise<string>;

  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private stderrTail = "";
  private killReason: string | undefined;
  private outputListener: { runId: string; listener: OutputListener } | undefined;
  private busyWith: string | undefined;
  private readonly pendingRejects = new Set<(error: Error) => void>();

  private constructor(id: string, role: RunnerRole, launch: RunnerLaunch) {
    this.id = id;
    this.role = role;
    const [command, ...args] = launch.argv;
    this.child = spawn(command!, args, { env: launch.env, stdio: ["pipe", "pipe", "pipe"] });
    this.connection = createMessageConnection(
      new BoundedMessageReader(nodeStreamSource(this.child.stdout!), {
        maxMessageBytes: MAX_RUNNER_MESSAGE_BYTES,
        onProblem: (problem) => log("warn", `runner ${id} sent a bad message: ${problem.message}`),
      }),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification(RunnerOutputNotification, ({ runId, stream, text }) => {
      if (this.outputListener?.runId === runId) this.outputListener.listener(stream, text);
    });
    this.connection.onError(() => {
      // Broken pipes surface here when the process dies; the exit handler explains the death.
    });
    this.child.stdin!.on("error", () => {});
    this.child.stderr!.setEncoding("utf8");
    this.child.stderr!.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
      for (const line of chunk.split("\n")) if (line.trim()) log("debug", `runner ${id}: ${line}`);
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

  /** Starts a runner and waits until its interpreter is ready. Rejects when it dies first. */
  static async start(id: string, role: RunnerRole, launch: RunnerLaunch): Promise<RunnerProcess> {
    const runner = new RunnerProcess(id, role, launch);
    runner.bootResult = await runner.guard(runner.connection.sendRequest(RunnerBootRequest, launch.boot));
    return runner;
  }

  /** Process id (of the sandbox wrapper under namespace isolation). */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.deathReason === undefined;
  }

  get busy(): boolean {
    return this.busyWith !== undefined;
  }

  /** Resident memory of the runner's process tree, when readable. */
  rss(): number | undefined {
    return this.alive && this.child.pid !== undefined ? processTreeRss(this.child.pid) : undefined;
  }

  /** Runs code; output goes to `onOutput` as it arrives. Rejects with `RUNNER_DIED` if the process dies. */
  async run(params: RunnerRunParams, onOutput: OutputListener): Promise<RunnerRunResult> {
    this.busyWith = params.runId;
    this.outputListener = { runId: params.runId, listener: onOutput };
    try {
      return await this.guard(this.connection.sendRequest(RunnerRunRequest, params));
    } finally {
      this.busyWith = undefined;
      this.outputListener = undefined;
      this.runs++;
    }
  }

  /** Asks the runner to raise KeyboardInterrupt in the run, if it is still going. */
  interrupt(runId: string): void {
    if (this.alive) void this.connection.sendNotification(RunnerInterruptNotification, { runId }).catch(() => {});
  }

  /** Creates, resets or closes a session's globals in this runner. */
  async session(op: "create" | "reset" | "close", sessionId: string): Promise<void> {
    await this.guard(this.connection.sendRequest(RunnerSessionRequest, { op, sessionId }));
  }

  /** Python's REPL rule: is this source complete? */
  check(code: string): Promise<{ status: "complete" | "incomplete" | "invalid" }> {
    return this.guard(this.connection.sendRequest(RunnerCheckRequest, { code }));
  }

  /** Kills the process for certain (SIGKILL); `reason` becomes its death reason. */
  kill(reason: string): void {
    if (!this.alive) return;
    this.killReason ??= reason;
    this.child.kill("SIGKILL");
  }

  /** Rejects with `RUNNER_DIED` as soon as the process dies, so no caller ever waits on a dead runner. */
  private guard<T>(request: Promise<T>): Promise<T> {
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

  private describeExit(code: number | null, signal: NodeJS.Signals | null): string {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    // The runner says why it is leaving in a line starting "runner: "; anything else is noise such as a stack trace.
    const lines = this.stderrTail.trim().split("\n").filter(Boolean);
    const own = lines.filter((line) => line.startsWith("runner: ")).pop();
    const last = own ?? lines.pop();
    return last ? `runner ${how}: ${last.replace(/^runner: /, "")}` : `runner ${how}`;
  }
}
