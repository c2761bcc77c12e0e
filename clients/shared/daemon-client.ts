/** A typed client of the daemon over any JSON-RPC connection, shared by the REPL, the MCP server and the REST bridge. */
import { createConnection } from "node:net";
import { CancellationTokenSource, createMessageConnection, type MessageConnection, type MessageReader, type MessageWriter } from "vscode-jsonrpc/node";
import { FrameWriter } from "../../protocol/wire/frame-writer.ts";
import type {
  CheckResult,
  CompleteParams,
  CompleteResult,
  DisplayNotification,
  DisplayOutput,
  FilesDeleteParams,
  FilesDeleteResult,
  FilesListParams,
  FilesListResult,
  FilesReadParams,
  FilesReadResult,
  FilesWriteParams,
  FilesWriteResult,
  InfoResult,
  InitializeResult,
  InputParams,
  InputResult,
  InspectParams,
  InspectResult,
  MetricsResult,
  OutputNotification,
  PackagesInstallParams,
  PackagesInstallResult,
  PackagesListResult,
  PackagesProgressNotification,
  RunParams,
  RunResult,
  SessionCloseResult,
  SessionCreateParams,
  SessionCreateResult,
  SessionListResult,
  SessionResetResult,
  Stream,
  TenantsResult,
} from "../../protocol/generated/types.ts";
import {
  CheckRequest,
  CompleteRequest,
  DisplayNotificationType,
  FilesDeleteRequest,
  FilesListRequest,
  FilesReadRequest,
  FilesWriteRequest,
  InfoRequest,
  InitializeRequest,
  InputRequest,
  InspectRequest,
  MetricsRequest,
  OutputNotificationType,
  PackagesInstallRequest,
  PackagesProgressNotificationType,
  PackagesListRequest,
  RunRequest,
  SessionCloseRequest,
  SessionCreateRequest,
  SessionListRequest,
  SessionResetRequest,
  ShutdownRequest,
  TenantsRequest,
} from "../../protocol/methods.ts";
import { PROTOCOL_VERSION } from "../../protocol/version.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";

/** Options of one run as a client sees them. */
export interface ClientRunOptions {
  /** Called with each piece of output while the run is going. */
  onOutput?: (stream: Stream, text: string) => void;
  /** Aborting the signal cancels the run (`$/cancelRequest`); the promise then rejects with the daemon's answer. */
  signal?: AbortSignal;
  /** Called with each display output while the run is going (@since 1.1); they also arrive in the result's `outputs`. */
  onDisplay?: (output: DisplayOutput) => void;
  /**
   * Answers the run's input() and getpass past the end of its `stdin` (@since 1.1): resolve
   * with the line (no newline), or null for end of input. Giving it sets `allow_stdin`.
   * `signal` aborts when the run no longer waits (it ended, or was interrupted).
   */
  onInput?: (request: InputParams, signal: AbortSignal) => Promise<string | null>;
  /** Called as package files the run's imports need are downloaded (@since 1.1). */
  onPackageProgress?: (progress: PackagesProgressNotification) => void;
}

/** Options of `packages/install` as a client sees them. */
export interface ClientInstallOptions {
  /** Called as package files are downloaded for the install. */
  onProgress?: (progress: PackagesProgressNotification) => void;
  /** Aborting it cancels the install (`$/cancelRequest`): nothing is installed, and the promise rejects with the daemon's answer. */
  signal?: AbortSignal;
}

/** Largest message a client accepts from the daemon. */
const MAX_INBOUND_BYTES = 512 * 1024 * 1024;

let runCounter = 0;

/** A connection to a daemon, with one method per protocol request. */
export class DaemonClient {
  /** The options of each run going on, by run id: where its notifications and input questions go. */
  private readonly runs = new Map<string, ClientRunOptions>();
  private readonly installListeners = new Set<(progress: PackagesProgressNotification) => void>();
  private readonly prefix = `c${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  /** What the daemon said it can do in `daemon/initialize` (nothing is assumed before it). */
  private capabilities: InitializeResult["capabilities"] | undefined;
  /** The protocol version the daemon said it speaks, as [MAJOR, MINOR]. */
  private daemonProtocol: [number, number] | undefined;

  constructor(
    readonly connection: MessageConnection,
    /** Lets go of the transport for good. */
    private readonly release: () => void = () => {},
  ) {
    connection.onNotification(OutputNotificationType, (note: OutputNotification) => {
      this.runs.get(note.run_id)?.onOutput?.(note.stream, note.text);
    });
    connection.onNotification(DisplayNotificationType, (note: DisplayNotification) => {
      this.runs.get(note.run_id)?.onDisplay?.(note.output);
    });
    connection.onRequest(InputRequest, async (params: InputParams, token): Promise<InputResult> => {
      const answer = this.runs.get(params.run_id)?.onInput;
      if (!answer) return { value: null };
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return { value: await answer(params, controller.signal) };
      } finally {
        subscription.dispose();
      }
    });
    connection.onNotification(PackagesProgressNotificationType, (note: PackagesProgressNotification) => {
      if (note.run_id !== null) this.runs.get(note.run_id)?.onPackageProgress?.(note);
      else for (const listener of this.installListeners) listener(note);
    });
    connection.listen();
  }

  /** A client over a reader and writer (an embedded daemon's linked pair, or a stream). */
  static over(reader: MessageReader, writer: MessageWriter): DaemonClient {
    return new DaemonClient(createMessageConnection(reader, writer), () => writer.end());
  }

  /**
   * A client over a pair of byte streams carrying `Content-Length`-framed JSON-RPC: the
   * stdout and stdin of a `woma daemon --stdio` child process, or a socket. A malformed
   * message from the daemon is reported on stderr and skipped.
   */
  static overStreams(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): DaemonClient {
    const reader = new BoundedMessageReader(nodeStreamSource(input), {
      maxMessageBytes: MAX_INBOUND_BYTES,
      onProblem: (problem) => process.stderr.write(`woma: bad message from the daemon: ${problem.message}\n`),
    });
    return DaemonClient.over(reader, new FrameWriter(output));
  }

  /** Connects to a daemon listening on a Unix socket (`woma daemon --socket PATH`); rejects naming the path when nothing listens there. */
  static connect(path: string): Promise<DaemonClient> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(path);
      socket.once("connect", () => {
        const reader = new BoundedMessageReader(nodeStreamSource(socket), {
          maxMessageBytes: MAX_INBOUND_BYTES,
          onProblem: (problem) => process.stderr.write(`woma: bad message from the daemon: ${problem.message}\n`),
        });
        const writer = new FrameWriter(socket);
        // Destroyed, not just ended: a half-closed socket would still be a client waiting for
        // its answers, and the daemon would let its runs go on.
        resolve(new DaemonClient(createMessageConnection(reader, writer), () => socket.destroy()));
      });
      socket.once("error", (error) => reject(new Error(`cannot connect to the daemon at ${path}: ${error.message}`)));
    });
  }

  /** The handshake; `tenant` names the tenant this connection acts for (it must be the connection's first request then). */
  async initialize(clientName: string, tenant?: string): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest, { protocol_version: PROTOCOL_VERSION, client_name: clientName, ...(tenant === undefined ? {} : { tenant }) });
    this.capabilities = result.capabilities;
    const [major, minor] = result.protocol_version.split(".").map(Number);
    if (Number.isInteger(major) && Number.isInteger(minor)) this.daemonProtocol = [major!, minor!];
    return result;
  }

  /** `daemon/info`: health, counters, this tenant's runners and sessions. */
  info(): Promise<InfoResult> {
    return this.connection.sendRequest(InfoRequest, {});
  }

  /** `daemon/tenants` (@since 1.3): every tenant with what it holds and costs; only an operator connection is answered (see `Capabilities.operator`). */
  tenants(): Promise<TenantsResult> {
    return this.connection.sendRequest(TenantsRequest, {});
  }

  /** `session/create`: a new session (a name of the daemon's choosing unless `session_id` is given). */
  createSession(params: SessionCreateParams = {}): Promise<SessionCreateResult> {
    return this.connection.sendRequest(SessionCreateRequest, params);
  }

  /** `session/list`: this tenant's sessions, oldest first. */
  listSessions(): Promise<SessionListResult> {
    return this.connection.sendRequest(SessionListRequest, {});
  }

  /** `session/reset`: empties a session's globals; a lost session comes back, empty. */
  resetSession(sessionId: string): Promise<SessionResetResult> {
    return this.connection.sendRequest(SessionResetRequest, { session_id: sessionId });
  }

  /** `session/close`: forgets a session and frees its globals. */
  closeSession(sessionId: string): Promise<SessionCloseResult> {
    return this.connection.sendRequest(SessionCloseRequest, { session_id: sessionId });
  }

  /** Installs packages for this connection's tenant (into the session's runner at once when `session_id` is given). */
  async installPackages(params: PackagesInstallParams, options: ClientInstallOptions = {}): Promise<PackagesInstallResult> {
    const listener = options.onProgress;
    if (listener) this.installListeners.add(listener);
    const source = new CancellationTokenSource();
    const onAbort = () => source.cancel();
    options.signal?.addEventListener("abort", onAbort);
    if (options.signal?.aborted) source.cancel();
    try {
      return await this.connection.sendRequest(PackagesInstallRequest, params, source.token);
    } finally {
      options.signal?.removeEventListener("abort", onAbort);
      source.dispose();
      if (listener) this.installListeners.delete(listener);
    }
  }

  /** What the distribution offers and what this tenant installed. */
  listPackages(): Promise<PackagesListResult> {
    return this.connection.sendRequest(PackagesListRequest, {});
  }

  /** `python/complete` (@since 1.1): completions at `cursor` (code points; default the end), in a session's namespace when given. */
  complete(params: CompleteParams): Promise<CompleteResult> {
    return this.connection.sendRequest(CompleteRequest, params);
  }

  /** `python/inspect` (@since 1.1): signature and docstring of the name at `cursor`. */
  inspect(params: InspectParams): Promise<InspectResult> {
    return this.connection.sendRequest(InspectRequest, params);
  }

  /** `files/write` (@since 1.1): a file in a session's working directory. */
  writeFile(params: FilesWriteParams): Promise<FilesWriteResult> {
    return this.connection.sendRequest(FilesWriteRequest, params);
  }

  /** `files/read` (@since 1.1). */
  readFile(params: FilesReadParams): Promise<FilesReadResult> {
    return this.connection.sendRequest(FilesReadRequest, params);
  }

  /** `files/list` (@since 1.1). */
  listFiles(params: FilesListParams): Promise<FilesListResult> {
    return this.connection.sendRequest(FilesListRequest, params);
  }

  /** `files/delete` (@since 1.1). */
  deleteFile(params: FilesDeleteParams): Promise<FilesDeleteResult> {
    return this.connection.sendRequest(FilesDeleteRequest, params);
  }

  /** `python/check`: is this source complete, by the rule of Python's REPL? */
  check(code: string): Promise<CheckResult> {
    return this.connection.sendRequest(CheckRequest, { code });
  }

  /** Runs code; output arrives through `onOutput` as it is printed, and whole in the result. */
  async run(params: RunParams, options: ClientRunOptions = {}): Promise<RunResult> {
    const runId = params.run_id ?? `${this.prefix}-${++runCounter}`;
    this.runs.set(runId, options);
    const request: RunParams = { ...params, run_id: runId };
    if (options.onInput) request.allow_stdin = true;
    // Nobody here shows them while the run goes: they come once, in the result (a daemon that said it has display outputs knows the flag).
    if (!options.onDisplay && this.capabilities?.display_outputs) request.display_notifications = false;
    // Nor output: it crosses once, in the result (a daemon of protocol 1.3 or later knows the flag).
    if (!options.onOutput && this.speaks(1, 3)) request.output_notifications = false;
    const source = new CancellationTokenSource();
    const onAbort = () => source.cancel();
    options.signal?.addEventListener("abort", onAbort);
    if (options.signal?.aborted) source.cancel();
    try {
      return await this.connection.sendRequest(RunRequest, request, source.token);
    } finally {
      options.signal?.removeEventListener("abort", onAbort);
      this.runs.delete(runId);
      source.dispose();
    }
  }

  /** `daemon/metrics` (@since 1.3): figures over every tenant, for a `/metrics` endpoint; only the operator's connection (one that embeds the daemon) is answered. */
  metrics(): Promise<MetricsResult> {
    return this.connection.sendRequest(MetricsRequest, {});
  }

  /** Whether the daemon speaks protocol `major`.`minor` or a later minor version of that major one. */
  private speaks(major: number, minor: number): boolean {
    const spoken = this.daemonProtocol;
    return spoken !== undefined && spoken[0] === major && spoken[1] >= minor;
  }

  /** Asks the daemon to stop. */
  shutdown(): Promise<unknown> {
    return this.connection.sendRequest(ShutdownRequest, {});
  }

  /** Closes this connection: its runs still going are cancelled (the daemon keeps running; this connection's own tenant ends). */
  dispose(): void {
    this.connection.dispose();
    this.release();
  }
}
