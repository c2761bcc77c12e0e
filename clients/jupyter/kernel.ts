/**
 * woma as a Jupyter kernel: the messaging spec's shell, control and stdin messages answered
 * with one woma session, over any {@link KernelTransport} (ZeroMQ today).
 */
import type { InitializeResult } from "../../protocol/generated/types.ts";
import { errorMessage } from "../../protocol/describe.ts";
import { WOMA_VERSION } from "../../protocol/version.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { SessionKeeper } from "../shared/session-keeper.ts";
import { daemonError, runCell, type CellRequest } from "./execute.ts";
import { History, type HistoryQuery } from "./history.ts";
import { inspectionText, nextIndent } from "./introspection.ts";
import { HeaderMaker, JUPYTER_PROTOCOL_VERSION, type Channel, type JupyterMessage, type KernelTransport } from "./messages.ts";
import { StdinChannel } from "./stdin-channel.ts";

/** What a kernel is built from. */
export interface KernelOptions {
  transport: KernelTransport;
  client: DaemonClient;
  /** The daemon's handshake answer (isolation level and versions, for the banner). */
  init: InitializeResult;
  /** The woma session this kernel runs its cells in (created when the kernel starts). */
  sessionId: string;
  /** The user name in the kernel's message headers. */
  username: string;
  /** Pass every representation a cell makes to the front end, script included (`--trust-outputs`). */
  trustOutputs: boolean;
  /** Where the kernel logs what it dropped or could not do (stderr). */
  log(line: string): void;
  /** Called once, when a front end asked the kernel to shut down; the caller closes the daemon and exits. */
  onShutdown(restart: boolean): void;
}

/** A request waiting on the shell channel, with its arrival number (for stop_on_error). */
interface Queued {
  message: JupyterMessage;
  identities: Uint8Array[];
  seq: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** Reads an execute_request's content; a string names what is wrong with it. */
export function cellRequest(content: Record<string, unknown>): CellRequest | string {
  const { code, silent = false, store_history, user_expressions = {}, allow_stdin = false, stop_on_error = true } = content;
  if (typeof code !== "string") return `"code" must be a string, got ${JSON.stringify(code) ?? "nothing"}`;
  for (const [name, value] of Object.entries({ silent, allow_stdin, stop_on_error })) if (typeof value !== "boolean") return `"${name}" must be true or false, got ${JSON.stringify(value)}`;
  if (store_history !== undefined && typeof store_history !== "boolean") return `"store_history" must be true or false, got ${JSON.stringify(store_history)}`;
  if (!isRecord(user_expressions) || !Object.values(user_expressions).every((e) => typeof e === "string")) return '"user_expressions" must map names to code strings';
  // silent forces store_history off (messaging spec, execute_request).
  const storeHistory = silent === true ? false : ((store_history as boolean | undefined) ?? true);
  return { code, silent: silent as boolean, storeHistory, userExpressions: user_expressions as Record<string, string>, allowStdin: allow_stdin as boolean, stopOnError: stop_on_error as boolean };
}

/** One kernel: one woma session, its execution counter, its history, and the requests waiting on the shell channel. */
export class Kernel {
  private readonly headers: HeaderMaker;
  private readonly keeper: SessionKeeper;
  private readonly history = new History();
  private executionCount = 0;
  private readonly shellQueue: Queued[] = [];
  private shellRunning = false;
  private received = 0;
  /** Execute requests that arrived up to this number are aborted (a cell failed with stop_on_error). */
  private abortThrough = 0;
  private controlChain: Promise<void> = Promise.resolve();
  /** The cell running now: aborting its controller interrupts it. */
  private running: AbortController | undefined;
  private readonly stdin: StdinChannel;
  private pythonVersion = "";
  private readonly ready: Promise<void>;
  private stopping = false;

  constructor(private readonly options: KernelOptions) {
    this.headers = new HeaderMaker(options.username);
    this.keeper = new SessionKeeper(options.client, { createParams: () => ({}) });
    this.stdin = new StdinChannel(options.transport, this.headers, options.log);
    this.publish("status", { execution_state: "starting" }, {});
    this.ready = this.start();
    // Whoever needs the start awaits it (kernel_info, a cell, startFailure); a failure is theirs to report, never unhandled.
    this.ready.catch(() => {});
    // Last: the transport hands over at once what front ends sent while the kernel was being made.
    options.transport.onMessage((channel, message, identities) => this.receive(channel, message, identities));
  }

  /** This kernel's session id in its message headers (a new one per kernel process). */
  get session(): string {
    return this.headers.session;
  }

  /** Interrupts the cell running now, if any (interrupt_request, or SIGINT to the kernel). */
  interrupt(): void {
    this.running?.abort();
  }

  /** Creates the session and boots its interpreter, so the first cell does not wait for it; kernel_info waits for this. */
  private async start(): Promise<void> {
    await this.keeper.ensure(this.options.sessionId);
    // A run in throwaway globals: the user's namespace starts empty, and the runner is warm.
    const { result } = await this.keeper.run(this.options.sessionId, { code: "import sys as _s\n_s.version.split()[0]", reset_globals: true });
    this.pythonVersion = (result.result ?? "''").replace(/^'|'$/g, "");
  }

  private receive(channel: Channel, message: JupyterMessage, identities: Uint8Array[]): void {
    if (this.stopping) return;
    if (channel === "stdin") return this.stdin.receive(message);
    if (channel === "shell") {
      this.shellQueue.push({ message, identities, seq: ++this.received });
      void this.drainShell();
      return;
    }
    // Control requests go in order among themselves, never behind a running cell.
    this.controlChain = this.controlChain.then(() => this.handle("control", { message, identities, seq: 0 })).catch((error) => this.options.log(`control request failed: ${(error as Error).message}`));
  }

  private async drainShell(): Promise<void> {
    if (this.shellRunning) return;
    this.shellRunning = true;
    try {
      for (let next = this.shellQueue.shift(); next !== undefined && !this.stopping; next = this.shellQueue.shift()) {
        try {
          await this.handle("shell", next);
        } catch (error) {
          this.options.log(`${next.message.header.msg_type} failed: ${(error as Error).message}`);
        }
      }
    } finally {
      this.shellRunning = false;
    }
  }

  private publish(msgType: string, content: Record<string, unknown>, parent: Record<string, unknown>): void {
    // The topic says what the message is, as ipykernel's do; subscribers take every topic.
    const topic = msgType === "stream" ? `stream.${String(content.name)}` : `kernel.${this.headers.session}.${msgType}`;
    this.options.transport.send("iopub", this.headers.message(msgType, content, parent), [new TextEncoder().encode(topic)]);
  }

  private reply(channel: Channel, request: Queued, msgType: string, content: Record<string, unknown>, metadata: Record<string, unknown> = {}): void {
    this.options.transport.send(channel, this.headers.message(msgType, content, request.message.header, metadata), request.identities);
  }

  /** Every request: busy, its handler, idle (messaging spec, "Request-Reply"). */
  private async handle(channel: "shell" | "control", request: Queued): Promise<void> {
    const parent = request.message.header;
    const type = parent.msg_type;
    this.publish("status", { execution_state: "busy" }, parent);
    try {
      await this.dispatch(channel, request, type);
    } catch (error) {
      // The daemon failed the request (its runner died, it is shutting down): the front end gets an error reply, not silence.
      this.options.log(`${type} failed: ${errorMessage(error)}`);
      if (type.endsWith("_request")) this.reply(channel, request, type.replace(/_request$/, "_reply"), { status: "error", ename: "RuntimeError", evalue: errorMessage(error), traceback: [] });
    } finally {
      this.publish("status", { execution_state: "idle" }, parent);
    }
    if (type === "shutdown_request") this.shutdown(request);
  }

  private async dispatch(channel: "shell" | "control", request: Queued, type: string): Promise<void> {
    const content = request.message.content;
    const replyType = type.replace(/_request$/, "_reply");
    const refuse = (problem: string) => this.reply(channel, request, replyType, { status: "error", ename: "BadRequest", evalue: `${type}: ${problem}`, traceback: [] });
    switch (type) {
      case "kernel_info_request":
        // Answered once the interpreter is up (front ends take this answer as "ready"), or has failed to start.
        await this.ready.catch(() => {});
        return this.reply(channel, request, replyType, this.kernelInfo());
      case "execute_request":
        if (channel === "shell") return this.execute(request);
        return refuse("code runs on the shell channel, not on control");
      case "complete_request": {
        const { code, cursor_pos } = content;
        if (typeof code !== "string" || (cursor_pos !== undefined && cursor_pos !== null && !Number.isInteger(cursor_pos))) return refuse('"code" must be a string and "cursor_pos" a whole number');
        const cursor = typeof cursor_pos === "number" ? cursor_pos : undefined;
        const found = await this.options.client.complete({ code, session_id: this.options.sessionId, ...(cursor === undefined ? {} : { cursor }) });
        return this.reply(channel, request, replyType, { status: "ok", matches: found.matches, cursor_start: found.cursor_start, cursor_end: found.cursor_end, metadata: {} });
      }
      case "inspect_request": {
        const { code, cursor_pos } = content;
        if (typeof code !== "string" || (cursor_pos !== undefined && cursor_pos !== null && !Number.isInteger(cursor_pos))) return refuse('"code" must be a string and "cursor_pos" a whole number');
        const found = await this.options.client.inspect({ code, session_id: this.options.sessionId, ...(typeof cursor_pos === "number" ? { cursor: cursor_pos } : {}) });
        return this.reply(channel, request, replyType, { status: "ok", found: found.found, data: found.found ? { "text/plain": inspectionText(found) } : {}, metadata: {} });
      }
      case "is_complete_request": {
        if (typeof content.code !== "string") return refuse('"code" must be a string');
        const { status } = await this.options.client.check(content.code);
        return this.reply(channel, request, replyType, status === "incomplete" ? { status, indent: nextIndent(content.code) } : { status });
      }
      case "history_request":
        if (!["tail", "range", "search"].includes(content.hist_access_type as string)) return refuse('"hist_access_type" must be "tail", "range" or "search"');
        return this.reply(channel, request, replyType, { status: "ok", history: this.history.query(content as unknown as HistoryQuery) });
      case "comm_info_request":
        return this.reply(channel, request, replyType, { status: "ok", comms: {} });
      case "connect_request":
        return this.reply(channel, request, replyType, { status: "ok", ...this.options.transport.ports() });
      case "interrupt_request":
        this.interrupt();
        return this.reply(channel, request, replyType, { status: "ok" });
      case "shutdown_request": {
        const restart = content.restart === true;
        this.reply(channel, request, replyType, { status: "ok", restart });
        // ipykernel also tells every front end, on iopub.
        return this.publish("shutdown_reply", { status: "ok", restart }, request.message.header);
      }
      case "comm_open":
        // No comm targets here (no widgets): close it at once so the front end is not left waiting (messaging spec, "Opening a Comm").
        if (typeof content.comm_id === "string") this.publish("comm_close", { comm_id: content.comm_id, data: {} }, request.message.header);
        return;
      case "comm_msg":
      case "comm_close":
        return;
      default:
        this.options.log(`no handler for ${JSON.stringify(type.slice(0, 80))} on ${channel}; it is ignored`);
    }
  }

  private kernelInfo(): Record<string, unknown> {
    const { init } = this.options;
    const python = this.pythonVersion || init.server.python || "3";
    return {
      status: "ok",
      protocol_version: JUPYTER_PROTOCOL_VERSION,
      implementation: "woma",
      implementation_version: WOMA_VERSION,
      language_info: {
        name: "python",
        version: python,
        mimetype: "text/x-python",
        codemirror_mode: { name: "ipython", version: 3 },
        pygments_lexer: "ipython3",
        nbconvert_exporter: "python",
        file_extension: ".py",
      },
      banner: `woma ${WOMA_VERSION}: sandboxed Python ${python} on Pyodide ${init.server.pyodide} (isolation: ${init.isolation.level})\n`,
      help_links: [],
      debugger: false,
    };
  }

  private async execute(request: Queued): Promise<void> {
    const parsed = cellRequest(request.message.content);
    if (typeof parsed === "string") {
      return this.reply("shell", request, "execute_reply", { status: "error", ename: "BadRequest", evalue: `execute_request: ${parsed}`, traceback: [] });
    }
    if (request.seq <= this.abortThrough) {
      // A cell before this one failed with stop_on_error: this one is not run (ipykernel's reply).
      return this.reply("shell", request, "execute_reply", { status: "aborted" }, { status: "aborted", dependencies_met: true, engine: this.headers.session, started: new Date().toISOString() });
    }
    const started = new Date().toISOString();
    await this.ready.catch(() => {});
    // The counter counts cells that store history (messaging spec, "Execution counter"); a blank cell is not one.
    if (parsed.storeHistory && parsed.code.trim() !== "") this.executionCount++;
    const count = this.executionCount;
    const parent = request.message.header;
    if (!parsed.silent) this.publish("execute_input", { code: parsed.code, execution_count: count }, parent);
    const controller = new AbortController();
    this.running = controller;
    let outcome;
    try {
      outcome = await runCell(
        this.options.client,
        this.keeper,
        this.options.sessionId,
        parsed,
        count,
        {
          publish: (type, content) => this.publish(type, content, parent),
          ask: (prompt, password, signal) => this.stdin.ask(request, prompt, password, signal),
        },
        { trustOutputs: this.options.trustOutputs },
        controller.signal,
      );
    } finally {
      this.running = undefined;
    }
    if (parsed.storeHistory && parsed.code.trim() !== "") this.history.add(count, parsed.code, outcome.output);
    const status = outcome.reply.status as string;
    this.reply("shell", request, "execute_reply", outcome.reply, { started, dependencies_met: true, engine: this.headers.session, status });
    // Cells already waiting are aborted, as ipykernel does; a cell sent after this point runs.
    if (outcome.failed && parsed.stopOnError && !parsed.silent) this.abortThrough = this.received;
  }

  private shutdown(request: Queued): void {
    if (this.stopping) return;
    this.stopping = true;
    this.interrupt();
    this.options.onShutdown(request.message.content.restart === true);
  }

  /** Stops taking requests and interrupts the running cell (the kernel is going away for another reason: its parent died, a signal). */
  stop(): void {
    this.stopping = true;
    this.interrupt();
  }

  /** Closes the kernel's session (within a second: a daemon that does not answer, or is gone, is being left anyway). Never throws. */
  async close(): Promise<void> {
    const closing = (async () => this.keeper.closeAll())().catch(() => {});
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 1000).unref?.())]);
  }

  /** The error a failed start left, for the log; undefined when the kernel started. */
  async startFailure(): Promise<string | undefined> {
    try {
      await this.ready;
      return undefined;
    } catch (error) {
      return daemonError(error).evalue;
    }
  }
}
