/**
 * The protocol's TypeScript types, generated from schema/protocol.schema.json.
 * DO NOT EDIT: change the schema and run `npm run schema:gen`.
 */

/**
 * A session's name: 1 to 128 characters of letters, digits, '.', '_', ':' or '-'.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionId".
 */
export type SessionId = string;
/**
 * A run's identifier, chosen by the client or else by the daemon (`run-N`, numbering the tenant's own runs): 1 to 128 characters of letters, digits, '.', '_', ':' or '-'.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunId".
 */
export type RunId = string;
/**
 * A tenant's name: letters, digits and `._:@-`, starting with a letter or digit, at most 128 characters.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "TenantName".
 */
export type TenantName = string;
/**
 * How runners are kept from the host. `namespace`: each runner in its own Linux user, mount, PID and network namespaces. `process`: a separate process with a scrubbed environment and hardened Pyodide, defence in depth only. The enum may grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "IsolationLevel".
 */
export type IsolationLevel = "namespace" | "process";
/**
 * What happens to a request that no allow or deny rule names. `off`: refused. `public`: allowed only to public internet addresses (loopback, private, link-local and metadata addresses are refused). `all`: allowed.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "NetMode".
 */
export type NetMode = "off" | "public" | "all";
/**
 * A session's state. `ready`: runs are accepted. `lost`: its runner died; runs fail until `session/reset` or `session/close`. The enum may grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionState".
 */
export type SessionState = "ready" | "lost";
/**
 * How a run ended. `success`: the code ran to the end. `exception`: a Python exception ended it. The enum may grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunStatus".
 */
export type RunStatus = "success" | "exception";
/**
 * Where a display output came from, in Jupyter's words: `display_data` (display(), a matplotlib figure), `execute_result` (the rich value of the run's last expression), `update_display_data` (@since 1.2: update_display(), replacing the outputs named with its `display_id`; a client that cannot replace shows it as a new output) or `clear_output` (@since 1.2: clear_output(), clearing the outputs shown so far for the run; its `data` is an empty `text/plain`, so a client that does not know the kind shows nothing). May grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "DisplayOutputType".
 */
export type DisplayOutputType =
  "display_data" | "execute_result" | "update_display_data" | "clear_output";
/**
 * What became of a run's session when a JSON-RPC error ended the run. `kept`: the code stopped on KeyboardInterrupt and the session keeps its globals. `lost`: the runner was killed and the session is lost. `none`: the run had no session.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionOutcome".
 */
export type SessionOutcome = "kept" | "lost" | "none";
/**
 * Whether a snippet is complete, by the rule of Python's REPL. `complete`: run it. `incomplete`: more lines are needed (Python's REPL would print '... '). `invalid`: it is a syntax error already; run it to see the error.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "CheckStatus".
 */
export type CheckStatus = "complete" | "incomplete" | "invalid";
/**
 * An output stream of a run: `stdout` or `stderr`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "Stream".
 */
export type Stream = "stdout" | "stderr";
/**
 * What a runner is doing: `booting`, `idle`, `busy` (running code) or `dead`. The enum may grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunnerState".
 */
export type RunnerState = "booting" | "idle" | "busy" | "dead";
/**
 * What a runner is for. `shared`: serves sessions and one-off runs. `spare`: booted and waiting to be handed out. `dedicated`: the interpreter of one fresh-interpreter session.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunnerRole".
 */
export type RunnerRole = "shared" | "spare" | "dedicated";
/**
 * The daemon's health. `healthy`: at least one runner is ready or booting. `degraded`: none could be started. The enum may grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "HealthStatus".
 */
export type HealthStatus = "healthy" | "degraded";
/**
 * The state of the memory snapshot runners boot from. `ready`: runners boot from it. `building`: being made. `unavailable`: runners boot plain (see the snapshot's `detail`).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SnapshotState".
 */
export type SnapshotState = "ready" | "building" | "unavailable";
/**
 * How a file's bytes travel: `utf-8` as text, `base64` for any bytes.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FileEncoding".
 */
export type FileEncoding = "utf-8" | "base64";
/**
 * A path in a session's working directory: relative to it, or absolute within it. `..` that leaves it, absolute paths elsewhere and symbolic links on the way are refused.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilePath".
 */
export type FilePath = string;
/**
 * What a directory entry is. May grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FileType".
 */
export type FileType = "file" | "directory" | "symlink" | "other";

/**
 * Params of `daemon/initialize`, the optional handshake. Other methods work without it.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InitializeParams".
 */
export interface InitializeParams {
  /**
   * The protocol version the client speaks, as MAJOR.MINOR. The daemon refuses a different MAJOR.
   */
  protocol_version: string;
  /**
   * A short name of the client, for the daemon's log.
   */
  client_name?: string;
  /**
   * @since 1.1. The tenant this connection acts for. Connections naming the same tenant share its sessions (the Unix socket is owner-only, so only its owner can name one); without it the connection is a tenant of its own. Must come before any request that creates state on this connection.
   */
  tenant?: TenantName;
}
/**
 * Result of `daemon/initialize`: who the daemon is and what it can do.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InitializeResult".
 */
export interface InitializeResult {
  /**
   * The protocol version the daemon speaks, as MAJOR.MINOR.
   */
  protocol_version: string;
  server: VersionInfo;
  isolation: IsolationInfo;
  capabilities: Capabilities;
  limits: LimitsInfo;
  tenant: TenantInfo;
  network?: NetworkInfo;
  packages?: PackagesInfo;
}
/**
 * Versions of the parts that make up the daemon.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "VersionInfo".
 */
export interface VersionInfo {
  /**
   * Always "woma".
   */
  name: string;
  /**
   * woma's own version.
   */
  woma: string;
  /**
   * The protocol version, as MAJOR.MINOR.
   */
  protocol: string;
  /**
   * The Pyodide version the runners load.
   */
  pyodide: string;
  /**
   * The Python version inside Pyodide, known once a runner has booted.
   */
  python?: string;
  /**
   * The Bun runtime's version.
   */
  bun: string;
}
/**
 * How runners are kept apart from the host.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "IsolationInfo".
 */
export interface IsolationInfo {
  level: IsolationLevel;
  /**
   * A sentence on how the level was chosen, or why a stronger one was not available.
   */
  detail: string;
}
/**
 * Optional features of a daemon.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "Capabilities".
 */
export interface Capabilities {
  /**
   * True when output streams as `python/output` notifications while a run is going.
   */
  streaming_output: boolean;
  /**
   * True when `$/cancelRequest` interrupts a running `python/run`.
   */
  cancellation: boolean;
  /**
   * True when `session/create` can give a session a brand-new interpreter of its own.
   */
  fresh_interpreter: boolean;
  /**
   * True when `python/check` tells whether a snippet is a complete statement.
   */
  check_complete: boolean;
  /**
   * @since 1.1. True when connections can name a tenant, and runners never serve two tenants.
   */
  tenants?: boolean;
  /**
   * @since 1.1. True when runs return display outputs (`RunResult.outputs`) and stream them as `python/display` notifications.
   */
  display_outputs?: boolean;
  /**
   * @since 1.1. True when `files/write`, `files/read`, `files/list` and `files/delete` reach a session's working directory.
   */
  files?: boolean;
  /**
   * @since 1.1. True when `python/complete` and `python/inspect` answer.
   */
  completion?: boolean;
  /**
   * @since 1.1. True when a run's `stdin` and `allow_stdin` answer input(), and the daemon may send `python/input` requests.
   */
  stdin?: boolean;
  /**
   * @since 1.2. True when runs may make `update_display_data` and `clear_output` outputs (update_display(), clear_output(), display(display_id=...)) and outputs carry `display_id` and `wait`.
   */
  display_updates?: boolean;
  /**
   * @since 1.3. True when this connection may call `daemon/tenants` (the operator view) and `daemon/metrics`: it embeds the daemon (the REPL, `woma serve`, `woma mcp`), is the `--stdio` client that started it, or came through `--operator-socket`.
   */
  operator?: boolean;
}
/**
 * Limits the daemon applies.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "LimitsInfo".
 */
export interface LimitsInfo {
  /**
   * Timeout of a run that gives none, in milliseconds; 0 means no timeout. When not 0, it is also the longest timeout a run may ask for (`--timeout`).
   */
  default_timeout_ms: number;
  /**
   * Most bytes of stdout, and separately of stderr, that one run keeps; the rest is cut and counted in `truncated`.
   */
  max_output_bytes: number;
  /**
   * Largest JSON-RPC message the daemon accepts, in bytes.
   */
  max_message_bytes: number;
  /**
   * Most runs that may wait for a runner at once; past it `python/run` answers a busy error.
   */
  max_queue: number;
  /**
   * Resident memory above which a runner is killed and its sessions reported lost; 0 means no limit.
   */
  memory_limit_bytes: number;
  /**
   * @since 1.1. Most bytes one display output may hold (the UTF-8 length of all its values together; base64 text for binary types). A bigger output loses its largest representations first, and its `truncated` says so.
   */
  max_display_bytes?: number;
  /**
   * @since 1.1. Most display outputs one run keeps; later ones are dropped and counted in `truncated.displays`.
   */
  max_displays?: number;
  /**
   * @since 1.1. Largest file `files/write` accepts and `files/read` returns, in bytes.
   */
  max_file_bytes?: number;
  /**
   * @since 1.3. Most runner processes at once, spares and boots included (`--max-runners`); past it a request that needs one more waits in the admission queue.
   */
  max_runners?: number;
  /**
   * @since 1.3. Most runners booting at once (`--max-booting`); a request that needs a boot past it waits in the admission queue.
   */
  max_booting?: number;
  /**
   * @since 1.3. Longest a request waits in the admission queue for a runner, in milliseconds (`--admission-timeout`); then it fails with -31006 (PoolBusy) naming the bound that held it. 0: such a request fails at once.
   */
  admission_timeout_ms?: number;
  /**
   * @since 1.3. Most requests waiting for a runner at once, across all tenants (`--admission-queue`); one more fails at once with -31006.
   */
  admission_queue?: number;
  /**
   * @since 1.3. Most runners one tenant may hold at once, its shared runners and fresh interpreters together (`--max-tenant-runners`).
   */
  max_tenant_runners?: number;
  /**
   * @since 1.3. Most sessions one tenant may have open (`--max-tenant-sessions`); `session/create` past it fails with -31006.
   */
  max_tenant_sessions?: number;
  /**
   * @since 1.3. Most bytes of files one tenant's sessions may hold, as `files/write` finds them (`--max-tenant-file-bytes`); a write past it fails with -31015 (FileTooLarge).
   */
  max_tenant_file_bytes?: number;
  /**
   * @since 1.3. Most bytes of requests one connection may have read and not yet answered (`--max-pending-input`); a request past it is refused with -31006 without being read.
   */
  max_pending_input_bytes?: number;
  /**
   * @since 1.3. A tenant that has not used its runners for this long loses them (its sessions are reported lost, saying why); 0 means never (`--tenant-idle-timeout`).
   */
  tenant_idle_timeout_ms?: number;
}
/**
 * The tenant a connection acts for. A tenant's code never shares an interpreter with another tenant's.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "TenantInfo".
 */
export interface TenantInfo {
  /**
   * The name given in `daemon/initialize`, or null when the connection acts for a tenant of its own.
   */
  name: string | null;
  /**
   * True for a named tenant: every connection naming it sees its sessions, and the sessions outlive the connection. False for a connection's own tenant, which ends with the connection (its sessions are closed, its runners stopped).
   */
  shared: boolean;
}
/**
 * @since 1.1. What Python's HTTP (urllib, requests, httpx, pyfetch) may reach through the daemon's network broker. Runners have no network of their own.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "NetworkInfo".
 */
export interface NetworkInfo {
  mode: NetMode;
  /**
   * Hosts, domains and address ranges allowed whatever the mode says (`--allow-net`), as given.
   */
  allow: string[];
  /**
   * Hosts, domains and address ranges always refused (`--deny-net`), as given.
   */
  deny: string[];
  /**
   * Most bytes of one response body, counted after decompression.
   */
  max_response_bytes: number;
}
/**
 * @since 1.1. Python packages beyond the standard library: where they come from and how code gets them.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PackagesInfo".
 */
export interface PackagesInfo {
  /**
   * False when this daemon has no package store (then only the standard library is there).
   */
  available: boolean;
  /**
   * Where Pyodide's distribution comes from: its CDN, or a mirror URL or directory (`--packages-url`).
   */
  source: string;
  /**
   * True when importing a module of the distribution loads its package (and its dependencies) first: code needs no install step.
   */
  on_import: boolean;
  /**
   * Packages in the distribution's lock, when it has been read.
   */
  count?: number;
  /**
   * Some well-known packages of the distribution, by distribution name (numpy, pandas, matplotlib, ...), for a client to mention.
   */
  popular: string[];
  /**
   * The PEP 503 index `packages/install` and `micropip.install` take other pure-Python packages from (`--pypi-index`), or null for none.
   */
  index: string | null;
  /**
   * Modules every runner imports at boot (`--preload`).
   */
  preload: string[];
  /**
   * Why packages are unavailable, when they are.
   */
  detail?: string;
}
/**
 * One session: a Python globals dictionary that lives in one runner.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionInfo".
 */
export interface SessionInfo {
  session_id: SessionId;
  state: SessionState;
  /**
   * True when the session has a runner of its own, sharing no imported modules or files with other sessions.
   */
  fresh_interpreter: boolean;
  /**
   * The runner that holds the session. Sessions stay on their runner for life.
   */
  runner_id: string;
  /**
   * When the session was created, as an ISO 8601 time.
   */
  created_at: string;
  /**
   * When the session last started a run (or was created), as an ISO 8601 time.
   */
  last_used_at: string;
  /**
   * Runs started in this session.
   */
  run_count: number;
  /**
   * The session is closed after this long without a run, in milliseconds. Absent when it never expires.
   */
  idle_timeout_ms?: number;
  /**
   * Why the session was lost, when `state` is `lost`.
   */
  lost_reason?: string;
}
/**
 * Params of `session/create`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionCreateParams".
 */
export interface SessionCreateParams {
  session_id?: SessionId;
  /**
   * Give the session a brand-new interpreter in a runner of its own, so no imported module or file is shared with any other session. Default false: the session shares its runner's interpreter and has only its own globals.
   */
  fresh_interpreter?: boolean;
  /**
   * Close the session after this long without a run, in milliseconds, at most 2147483647 (about 24.8 days). Default: never.
   */
  idle_timeout_ms?: number;
}
/**
 * Result of `session/create`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionCreateResult".
 */
export interface SessionCreateResult {
  session: SessionInfo;
}
/**
 * Params of `session/list` (none).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionListParams".
 */
export interface SessionListParams {}
/**
 * Result of `session/list`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionListResult".
 */
export interface SessionListResult {
  /**
   * Every open session, oldest first.
   */
  sessions: SessionInfo[];
}
/**
 * Params of `session/reset`: empty a session's globals. A lost session is brought back, empty, on a live runner.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionResetParams".
 */
export interface SessionResetParams {
  session_id: SessionId;
}
/**
 * Result of `session/reset`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionResetResult".
 */
export interface SessionResetResult {
  session: SessionInfo;
}
/**
 * Params of `session/close`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionCloseParams".
 */
export interface SessionCloseParams {
  session_id: SessionId;
}
/**
 * Result of `session/close`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SessionCloseResult".
 */
export interface SessionCloseResult {
  session_id: SessionId;
}
/**
 * Params of `python/run`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunParams".
 */
export interface RunParams {
  /**
   * Python source to run. Lines that share leading indentation are dedented first. The value of a last expression is returned as its repr, unless the code ends with ';'. Top-level `await` is allowed.
   */
  code: string;
  session_id?: SessionId;
  /**
   * Run in fresh globals that are thrown away afterwards, leaving the session's own globals untouched. Default false.
   */
  reset_globals?: boolean;
  /**
   * Time the run may take, in milliseconds, counted from when it starts executing. At the deadline the code gets KeyboardInterrupt; if it has not stopped shortly after, its runner is killed. Default: the daemon's `default_timeout_ms`; 0 means none. When `default_timeout_ms` is not 0 it is also the most a run gets: a larger value, or 0, gets `default_timeout_ms`. At most 2147483647 (about 24.8 days, the longest timer JavaScript keeps); a larger value is an invalid-params error.
   */
  timeout_ms?: number;
  run_id?: RunId;
  /**
   * @since 1.1. Text that answers the run's input(), sys.stdin.readline(), sys.stdin.read() and getpass.getpass(), a line at a time, as a pipe into python would. When it is used up (or absent), input() raises EOFError at once, unless `allow_stdin` lets the daemon ask the client.
   */
  stdin?: string;
  /**
   * @since 1.1. True when this connection answers `python/input` requests: input() past the end of `stdin` is then asked of it (the REPL asks its user). Default false.
   */
  allow_stdin?: boolean;
  /**
   * @since 1.1. False: display outputs arrive only in the result, not also as `python/display` notifications (a client that does not show them while the run goes saves sending images twice). Default true.
   */
  display_notifications?: boolean;
  /**
   * @since 1.3. False: the run's output arrives only in the result (and in the data of an error that ends the run), not also as `python/output` notifications: a client that does not show output while the run goes (a REST bridge) saves receiving it twice. Default true.
   */
  output_notifications?: boolean;
  /**
   * @since 1.2. True: everything the run prints streams as `python/output`, past the daemon's `max_output_bytes`; the result (and the data of an error that ends the run) still keeps at most that many bytes of each stream and counts the rest in `truncated`. For a client that shows output as it comes and keeps none of it, such as a terminal. Default false: the stream stops at the cap too.
   */
  stream_all_output?: boolean;
}
/**
 * The Python exception that ended a run.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunError".
 */
export interface RunError {
  /**
   * The exception's class name, e.g. `ValueError`.
   */
  type: string;
  /**
   * `str()` of the exception; may be empty.
   */
  message: string;
  /**
   * The traceback as CPython prints it, with woma's and Pyodide's internal frames removed; user frames read `File "<exec>", line N`.
   */
  traceback: string;
}
/**
 * How much of a run's output was cut to respect the limits. Only counts above zero are present.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "Truncation".
 */
export interface Truncation {
  /**
   * Bytes of stdout that were cut.
   */
  stdout_bytes?: number;
  /**
   * Bytes of stderr that were cut.
   */
  stderr_bytes?: number;
  /**
   * Characters of the result's repr that were cut.
   */
  result_chars?: number;
  /**
   * Characters of the error message that were cut (it obeys the same cap as the result).
   */
  message_chars?: number;
  /**
   * Characters of the error traceback that were cut (it obeys the same cap as the result).
   */
  traceback_chars?: number;
  /**
   * @since 1.1. Display outputs dropped because the run made more than `max_displays`.
   */
  displays?: number;
}
/**
 * Result of `python/run`. A Python exception is a result with status `exception`, not a JSON-RPC error.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunResult".
 */
export interface RunResult {
  run_id: RunId;
  /**
   * The session the code ran in, or null for a run in fresh globals.
   */
  session_id: SessionId | null;
  status: RunStatus;
  /**
   * repr() of the value of the last expression, or null when the code ends in a statement, a trailing ';', or an exception.
   */
  result: string | null;
  /**
   * Everything the run printed to stdout, up to the output limit.
   */
  stdout: string;
  /**
   * Everything the run printed to stderr, up to the output limit.
   */
  stderr: string;
  /**
   * Time the code took inside the runner, in milliseconds.
   */
  execution_time_ms: number;
  error?: RunError;
  truncated?: Truncation;
  /**
   * @since 1.1. The run's display outputs (display(), rich values of the last expression, matplotlib figures), in the order they were made; absent when there were none. Each also streamed as a `python/display` notification.
   */
  outputs?: DisplayOutput[];
}
/**
 * @since 1.1. One display output of a run.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "DisplayOutput".
 */
export interface DisplayOutput {
  output_type: DisplayOutputType;
  data: MimeBundle;
  /**
   * Facts about representations, by MIME type, as `_repr_*_` methods give them (e.g. `{"image/png": {"width": 640, "height": 480}}`). Absent when there are none.
   */
  metadata?: {
    [k: string]:
      | {
          [k: string]: unknown | undefined;
        }
      | undefined;
  };
  /**
   * @since 1.2. The output's name, from display(obj, display_id=...) or a DisplayHandle: a later `update_display_data` with the same id replaces every output of that name. Always present on an `update_display_data`; absent when the output was not named.
   */
  display_id?: string;
  /**
   * @since 1.2. On a `clear_output` only (always present there): true to clear when the next output arrives rather than at once (clear_output(wait=True), for animations without flicker).
   */
  wait?: boolean;
  /**
   * How much of the run's stdout came before this output, in characters (Unicode code points): showing `stdout[:stdout_offset]`, then this output, then the rest interleaves them as they were made.
   */
  stdout_offset: number;
  /**
   * The same for stderr.
   */
  stderr_offset: number;
  truncated?: DisplayTruncation;
}
/**
 * One output in several representations, keyed by MIME type, as Jupyter's display data: `text/plain` is always there; others a run may give are `image/png`, `image/jpeg`, `image/svg+xml`, `text/html`, `text/markdown`, `text/latex` and `application/json` (the set may grow: `_repr_mimebundle_` can name any type). Values are strings: text for `text/*`, `image/svg+xml` and JSON types (`application/json` and `*+json` hold JSON text), base64 for every other type (images).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "MimeBundle".
 */
export interface MimeBundle {
  [k: string]: string | undefined;
}
/**
 * What was cut from one display output to keep it within `max_display_bytes`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "DisplayTruncation".
 */
export interface DisplayTruncation {
  /**
   * Bytes of representations dropped or cut.
   */
  bytes: number;
  /**
   * The representations dropped whole (largest first); `text/plain` is cut, never dropped.
   */
  mime_types?: string[];
}
/**
 * The `data` of a JSON-RPC error that ended a `python/run` (timeout, cancel, runner lost): what the run printed before it ended.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunFailureData".
 */
export interface RunFailureData {
  run_id: RunId;
  /**
   * stdout printed before the run ended.
   */
  stdout: string;
  /**
   * stderr printed before the run ended.
   */
  stderr: string;
  /**
   * Time from the start of execution to its end, in milliseconds.
   */
  execution_time_ms: number;
  session_state: SessionOutcome;
  /**
   * True when the run ended with its runner process killed or dead (it ignored the interrupt, crashed, or passed the memory limit), whether or not it had a session.
   */
  runner_killed: boolean;
  /**
   * @since 1.1. Display outputs made before the run ended; absent when there were none.
   */
  outputs?: DisplayOutput[];
}
/**
 * Params of `python/check`: is this snippet a complete statement, by the rule Python's own REPL uses?
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "CheckParams".
 */
export interface CheckParams {
  /**
   * The source typed so far, lines joined by '\n'.
   */
  code: string;
}
/**
 * Result of `python/check`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "CheckResult".
 */
export interface CheckResult {
  status: CheckStatus;
}
/**
 * `python/output`: output of a run while it is going. The whole output also arrives in the result.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "OutputNotification".
 */
export interface OutputNotification {
  run_id: RunId;
  /**
   * The session of the run, or null for a run in fresh globals.
   */
  session_id?: SessionId | null;
  /**
   * Which stream the text was written to.
   */
  stream: Stream;
  /**
   * The text, in the order it was written.
   */
  text: string;
}
/**
 * Params of `daemon/info` (none).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InfoParams".
 */
export interface InfoParams {}
/**
 * One runner process.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "RunnerInfo".
 */
export interface RunnerInfo {
  /**
   * The runner's name.
   */
  runner_id: string;
  /**
   * The process id of the runner (of its sandbox wrapper under `namespace` isolation).
   */
  pid: number;
  state: RunnerState;
  role: RunnerRole;
  /**
   * Sessions held by this runner.
   */
  sessions: number;
  /**
   * Runs waiting for this runner.
   */
  queued: number;
  /**
   * Runs this runner has finished.
   */
  runs: number;
  /**
   * Resident memory of the runner's processes, when it could be read.
   */
  rss_bytes?: number;
  /**
   * How long the runner took to boot, in milliseconds.
   */
  boot_ms?: number;
  /**
   * True when the runner booted from a memory snapshot.
   */
  from_snapshot?: boolean;
}
/**
 * Result of `daemon/info`: health and counters.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InfoResult".
 */
export interface InfoResult {
  status: HealthStatus;
  /**
   * True when at least one runner has Pyodide loaded.
   */
  pyodide_loaded: boolean;
  /**
   * Seconds since the daemon started.
   */
  uptime_seconds: number;
  /**
   * Runs the connection's tenant has started since it began (other tenants' runs are not counted).
   */
  execution_count: number;
  versions: VersionInfo;
  isolation: IsolationInfo;
  /**
   * Runners each tenant may use in parallel for its sessions and one-off runs (the `--workers` setting).
   */
  workers: number;
  /**
   * The spares (untouched runners, role `spare`) and the runners of the calling connection's tenant; other tenants' runners are not shown.
   */
  runners: RunnerInfo[];
  /**
   * Open sessions of the calling connection's tenant.
   */
  session_count: number;
  /**
   * Runs of the calling connection's tenant waiting for a runner.
   */
  queued: number;
  limits: LimitsInfo;
  snapshot?: SnapshotInfo;
  tenant: TenantInfo;
  network?: NetworkInfo;
  packages?: PackagesInfo;
  usage?: TenantUsage;
}
/**
 * The memory snapshot runners boot from.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "SnapshotInfo".
 */
export interface SnapshotInfo {
  state: SnapshotState;
  /**
   * The snapshot file.
   */
  path?: string;
  /**
   * Its size in bytes.
   */
  bytes?: number;
  /**
   * Why it is unavailable, when it is.
   */
  detail?: string;
}
/**
 * @since 1.3. What the calling connection's tenant holds and has used, and nothing of any other tenant's.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "TenantUsage".
 */
export interface TenantUsage {
  /**
   * Runners the tenant holds (shared and fresh-interpreter ones).
   */
  runners: number;
  /**
   * Of those, runners running its code now.
   */
  busy: number;
  /**
   * Resident memory of its runners together, in bytes.
   */
  rss_bytes: number;
  /**
   * Runs it has started (its `execution_count`).
   */
  runs: number;
  /**
   * Its requests waiting for one of its runners.
   */
  queued: number;
  /**
   * Its requests waiting in the admission queue for a runner it does not have yet.
   */
  waiting: number;
  /**
   * Its open sessions.
   */
  sessions: number;
  /**
   * Milliseconds its runners spent booting (those it took ready from the spares included).
   */
  boot_ms: number;
}
/**
 * Params of `daemon/shutdown` (none).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "ShutdownParams".
 */
export interface ShutdownParams {}
/**
 * Result of `daemon/shutdown`, sent before the daemon stops its runners and exits.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "ShutdownResult".
 */
export interface ShutdownResult {
  /**
   * Always true.
   */
  stopping: boolean;
}
/**
 * @since 1.3. Params of `daemon/metrics` (none).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "MetricsParams".
 */
export interface MetricsParams {}
/**
 * @since 1.3. One sample of a metric family: a value and its labels, in prom-client's JSON form (the form `Registry.getMetricsAsJSON()` gives and `AggregatorRegistry.aggregate()` takes).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "MetricSample".
 */
export interface MetricSample {
  /**
   * The sample's value: a count, a number of seconds or bytes, or a gauge's level.
   */
  value: number;
  /**
   * The sample's labels by name (`le` for a histogram bucket, `+Inf` for the last). Empty for a family without labels. Never a tenant's name, a session's name or code.
   */
  labels: {
    [k: string]: string | number | undefined;
  };
  /**
   * The sample's own name when it differs from the family's: `NAME_bucket`, `NAME_sum` and `NAME_count` of a histogram.
   */
  metricName?: string;
}
/**
 * @since 1.3. A metric family: its name, help, type and samples, in prom-client's JSON form, ready for an exposition in Prometheus's text format or OpenMetrics.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "MetricFamily".
 */
export interface MetricFamily {
  /**
   * The family's name as the Prometheus text format spells it (a counter's ends in `_total`), e.g. `woma_runs_total`.
   */
  name: string;
  /**
   * What the family measures, in a sentence, with its unit.
   */
  help: string;
  /**
   * `counter` (only grows), `gauge` (a level now), `histogram` (observations counted in buckets) or `summary`. The enum may grow.
   */
  type: "counter" | "gauge" | "histogram" | "summary";
  /**
   * The samples.
   */
  values: MetricSample[];
  /**
   * How samples of several registries combine (`sum` for every family woma makes).
   */
  aggregator?: string;
}
/**
 * @since 1.3. Result of `daemon/metrics`: the daemon's figures over every tenant, for an operator's `/metrics` endpoint. It names no tenant, session or code: only counts, levels and durations. The families may grow.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "MetricsResult".
 */
export interface MetricsResult {
  /**
   * The metric families: `woma_runs_total` (runs started, whatever their outcome), `woma_run_duration_seconds` (by outcome), `woma_runners` (by state and role), `woma_runners_memory_bytes`, `woma_tenants`, `woma_sessions` (by state), `woma_queue_depth`, `woma_runner_boot_duration_seconds` (by outcome), `woma_broker_requests_total` and `woma_broker_request_duration_seconds` (by outcome), `woma_broker_refusals_total`; @since 1.3 too, the admission figures: `woma_admission_queue_depth`, `woma_boots_in_flight`, `woma_boots_killed_total`, `woma_spares`, `woma_spares_target`, `woma_refusals_total` (by the bound named).
   */
  metrics: MetricFamily[];
}
/**
 * @since 1.1. Params of `packages/install`: packages to install for the calling connection's tenant. The daemon resolves, fetches and verifies them; each of the tenant's runners installs them before its next run.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PackagesInstallParams".
 */
export interface PackagesInstallParams {
  /**
   * What to install: names from Pyodide's distribution (`numpy`), PEP 508 requirements from the configured index (`tabulate>=0.9`), wheel URLs (checked against the network policy), or, with `local_files`, wheel paths on the daemon's machine.
   *
   * @minItems 1
   * @maxItems 100
   */
  requirements: [string, ...string[]];
  /**
   * Install now into this session's runner (the others of the tenant get them before their next run).
   */
  session_id?: SessionId;
  /**
   * Allow wheel paths and file: URLs on the daemon's machine. For a local user only: a client acting for remote users (the MCP server, the REST bridge) never sets it. Default false.
   */
  local_files?: boolean;
}
/**
 * A package installed for a tenant.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InstalledPackage".
 */
export interface InstalledPackage {
  /**
   * Normalised distribution name.
   */
  name: string;
  /**
   * Its version.
   */
  version: string;
  /**
   * The wheel (or library archive) installed.
   */
  file_name: string;
}
/**
 * @since 1.1. Result of `packages/install`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PackagesInstallResult".
 */
export interface PackagesInstallResult {
  /**
   * Everything the requirements resolved to, dependencies included, in install order.
   */
  installed: InstalledPackage[];
}
/**
 * @since 1.1. Params of `packages/list` (none).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PackagesListParams".
 */
export interface PackagesListParams {}
/**
 * @since 1.1. Result of `packages/list`: what Pyodide's distribution offers, and what the calling tenant installed.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PackagesListResult".
 */
export interface PackagesListResult {
  /**
   * Where packages come from (Pyodide's CDN, a mirror URL or directory).
   */
  source: string;
  /**
   * Every package of the distribution's lock. A run that imports one of its modules loads it first.
   */
  available: {
    /**
     * Normalised distribution name.
     */
    name: string;
    /**
     * Its version.
     */
    version: string;
    /**
     * The top-level modules it provides.
     */
    imports: string[];
    /**
     * True when its file is in the daemon's cache, so it loads without the network.
     */
    cached: boolean;
  }[];
  /**
   * Packages installed for the calling tenant with `packages/install` or `micropip.install`.
   */
  installed: InstalledPackage[];
}
/**
 * @since 1.1. `python/display`: a display output of a run while it is going, in order with its `python/output` notifications. Every output also arrives in the result.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "DisplayNotification".
 */
export interface DisplayNotification {
  run_id: RunId;
  /**
   * The session of the run, or null for a run in fresh globals.
   */
  session_id?: SessionId | null;
  output: DisplayOutput;
}
/**
 * @since 1.1. Params of `python/input`, a request the daemon sends the client (daemon to client) whose run called input() or getpass past the end of its `stdin`, when the run gave `allow_stdin`. The run waits for the answer (its timeout still counts).
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InputParams".
 */
export interface InputParams {
  run_id: RunId;
  /**
   * The session of the run, or null for a run in fresh globals.
   */
  session_id?: SessionId | null;
  /**
   * The prompt given to input() or getpass(); it is not also printed to stdout, so the client shows it.
   */
  prompt: string;
  /**
   * True for getpass.getpass(): do not echo what the user types.
   */
  password: boolean;
}
/**
 * @since 1.1. Result of `python/input`: the line typed.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InputResult".
 */
export interface InputResult {
  /**
   * The line, without its newline; null for end of input (input() then raises EOFError). An error answer counts as end of input too.
   */
  value: string | null;
}
/**
 * @since 1.1. Params of `python/complete`: completions at the cursor, in a session's namespace (or the built-ins without one), as Jupyter's `complete_request`. No user code runs: names are looked up, never evaluated.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "CompleteParams".
 */
export interface CompleteParams {
  /**
   * The source being typed (may span lines).
   */
  code: string;
  /**
   * Cursor position in `code`, in characters (Unicode code points). Default: the end of `code`.
   */
  cursor?: number;
  /**
   * Complete names of this session's globals too.
   */
  session_id?: SessionId;
}
/**
 * @since 1.1. Result of `python/complete`: each match replaces `code[cursor_start:cursor_end]`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "CompleteResult".
 */
export interface CompleteResult {
  /**
   * Completions, sorted, at most 500.
   */
  matches: string[];
  /**
   * Start of the text the matches replace, in code points.
   */
  cursor_start: number;
  /**
   * End of the text the matches replace, in code points.
   */
  cursor_end: number;
}
/**
 * @since 1.1. Params of `python/inspect`: the signature and docstring of the name at the cursor, as Jupyter's `inspect_request`. No user code runs.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InspectParams".
 */
export interface InspectParams {
  /**
   * The source being typed.
   */
  code: string;
  /**
   * Cursor position in `code`, in code points. Default: the end of `code`.
   */
  cursor?: number;
  /**
   * Look names up in this session's globals too.
   */
  session_id?: SessionId;
}
/**
 * @since 1.1. Result of `python/inspect`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "InspectResult".
 */
export interface InspectResult {
  /**
   * False when no object of that name was found; the other fields are then absent.
   */
  found: boolean;
  /**
   * The dotted name inspected.
   */
  name?: string;
  /**
   * The type of the object (e.g. `builtin_function_or_method`, `module`).
   */
  type_name?: string;
  /**
   * Its call signature (e.g. `(sep=None, maxsplit=-1)`), when it has one.
   */
  signature?: string;
  /**
   * Its docstring, cleaned of indentation, cut to 20,000 characters.
   */
  docstring?: string;
}
/**
 * @since 1.1. Params of `files/write`: writes a file in a session's working directory (its runner's virtual file system), creating missing directories; an existing file is replaced.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesWriteParams".
 */
export interface FilesWriteParams {
  session_id: SessionId;
  path: FilePath;
  /**
   * The file's content, encoded as `encoding` says. At most `max_file_bytes` once decoded.
   */
  content: string;
  /**
   * How `content` is encoded. Default `utf-8`.
   */
  encoding?: FileEncoding;
}
/**
 * @since 1.1. Result of `files/write`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesWriteResult".
 */
export interface FilesWriteResult {
  /**
   * The file's path relative to the working directory.
   */
  path: string;
  /**
   * Bytes written.
   */
  size: number;
}
/**
 * @since 1.1. Params of `files/read`: reads a file of a session's working directory.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesReadParams".
 */
export interface FilesReadParams {
  session_id: SessionId;
  path: FilePath;
  /**
   * How to return the content. Default `utf-8`, which fails for bytes that are not UTF-8 text (ask for `base64` then).
   */
  encoding?: FileEncoding;
}
/**
 * @since 1.1. Result of `files/read`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesReadResult".
 */
export interface FilesReadResult {
  /**
   * The file's path relative to the working directory.
   */
  path: string;
  /**
   * The content, encoded as `encoding` says.
   */
  content: string;
  encoding: FileEncoding;
  /**
   * The file's size in bytes.
   */
  size: number;
}
/**
 * @since 1.1. Params of `files/list`: the entries of a directory of a session's working directory. Symbolic links are listed, never followed.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesListParams".
 */
export interface FilesListParams {
  session_id: SessionId;
  /**
   * The directory. Default: the working directory itself.
   */
  path?: FilePath;
  /**
   * Also list what subdirectories hold. Default false.
   */
  recursive?: boolean;
}
/**
 * One entry of `files/list`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FileEntry".
 */
export interface FileEntry {
  /**
   * Its path relative to the directory listed.
   */
  path: string;
  type: FileType;
  /**
   * Size in bytes (0 for directories).
   */
  size: number;
  /**
   * ISO 8601 time of its last change.
   */
  modified: string;
}
/**
 * @since 1.1. Result of `files/list`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesListResult".
 */
export interface FilesListResult {
  /**
   * The directory listed, relative to the working directory (`.` for itself).
   */
  path: string;
  /**
   * Its entries, sorted by path, at most 10,000.
   */
  entries: FileEntry[];
  /**
   * True when there were more entries than were listed.
   */
  truncated?: boolean;
}
/**
 * @since 1.1. Params of `files/delete`: deletes a file, a symbolic link (not what it points to) or, with `recursive`, a directory and everything in it.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesDeleteParams".
 */
export interface FilesDeleteParams {
  session_id: SessionId;
  path: FilePath;
  /**
   * Delete a directory that is not empty. Default false.
   */
  recursive?: boolean;
}
/**
 * @since 1.1. Result of `files/delete`.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "FilesDeleteResult".
 */
export interface FilesDeleteResult {
  /**
   * What was deleted, relative to the working directory.
   */
  path: string;
}
/**
 * `packages/progress`: @since 1.1. A package file is being downloaded for the client's `packages/install`, or for an import in one of its runs. Sent at most a few times a second per file, and once when the file is done. Files already cached report nothing.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PackagesProgressNotification".
 */
export interface PackagesProgressNotification {
  /**
   * The run whose import needs the file, or null for `packages/install`.
   */
  run_id: RunId | null;
  /**
   * The package (or requirement) the file is for.
   */
  package: string;
  /**
   * The file being downloaded.
   */
  file_name: string;
  /**
   * Bytes received so far.
   */
  done_bytes: number;
  /**
   * The file's size when the source said it, else null.
   */
  total_bytes: number | null;
  /**
   * True on the last notification for this file: it is verified and cached.
   */
  done: boolean;
}
/**
 * @since 1.3. The `data` of a -31006 (PoolBusy) error: the bound that refused the request and when a retry may succeed.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PoolBusyData".
 */
export interface PoolBusyData {
  /**
   * The flag of the bound that was reached, as `--max-runners`, `--max-booting`, `--admission-queue`, `--max-queue`, `--max-tenant-runners`, `--max-tenant-sessions` or `--max-pending-input`. The list may grow.
   */
  bound: string;
  /**
   * The bound's value (a count, or bytes for `--max-pending-input`).
   */
  limit: number;
  /**
   * How long the request waited before it was refused, in milliseconds (0: refused at once).
   */
  waited_ms: number;
  /**
   * When a retry may succeed, in milliseconds from now: a hint (the REST bridge's `Retry-After`), not a promise.
   */
  retry_after_ms: number;
}
/**
 * @since 1.3. Params of `daemon/tenants` (none). Answered only on operator connections (see `Capabilities.operator`); any other connection gets -32600.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "TenantsParams".
 */
export interface TenantsParams {}
/**
 * @since 1.3. One tenant as the operator sees it.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "TenantSummary".
 */
export interface TenantSummary {
  /**
   * The tenant's name, or the daemon's own label (`~connection-N`) for a connection's own tenant.
   */
  tenant: string;
  /**
   * True when a client named it in `daemon/initialize`.
   */
  named: boolean;
  /**
   * Connections acting for it now.
   */
  connections: number;
  /**
   * Its open sessions.
   */
  sessions: number;
  /**
   * Runners it holds.
   */
  runners: number;
  /**
   * Of those, runners running its code now.
   */
  busy: number;
  /**
   * Runners booting for it.
   */
  booting: number;
  /**
   * Resident memory of its runners together, in bytes.
   */
  rss_bytes: number;
  /**
   * Runs it has started.
   */
  runs: number;
  /**
   * Its requests waiting for one of its runners.
   */
  queued: number;
  /**
   * Its requests waiting in the admission queue.
   */
  waiting: number;
  /**
   * Milliseconds its runners spent booting.
   */
  boot_ms: number;
  /**
   * Milliseconds since it last used a runner.
   */
  idle_ms: number;
}
/**
 * @since 1.3. The admission queue: requests for a runner the pool could not give at once.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "AdmissionSummary".
 */
export interface AdmissionSummary {
  /**
   * Requests waiting now.
   */
  waiting: number;
  /**
   * How long the oldest of them has waited, in milliseconds.
   */
  oldest_wait_ms: number;
  /**
   * Requests served after a wait, since the daemon started.
   */
  admitted: number;
  /**
   * Requests refused at the deadline (`--admission-timeout`).
   */
  timed_out: number;
  /**
   * Requests refused at once because the queue was full (`--admission-queue`).
   */
  refused: number;
  /**
   * Requests dropped because their client left or the daemon stopped.
   */
  dropped: number;
}
/**
 * @since 1.3. The runner pool as the operator sees it.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "PoolSummary".
 */
export interface PoolSummary {
  /**
   * Runner processes alive (spares and every tenant's), not counting boots.
   */
  runners: number;
  /**
   * Spares ready now.
   */
  spares: number;
  /**
   * Runners booting now.
   */
  booting: number;
  /**
   * Spares the pool keeps ready now: as many as the tenants arriving need, within `--spares`.
   */
  spare_target: number;
  /**
   * New tenants in the last minute.
   */
  arrivals_last_minute: number;
  /**
   * Mean time of the recent boots, in milliseconds.
   */
  boot_ms_mean: number;
  /**
   * Boots started since the daemon started.
   */
  boots_started: number;
  /**
   * Boots killed because the tenant they were for left.
   */
  boots_cancelled: number;
  /**
   * Boots that failed.
   */
  boots_failed: number;
  admission: AdmissionSummary;
}
/**
 * @since 1.3. Result of `daemon/tenants`: the operator view, every tenant with what it holds and costs.
 *
 * This interface was referenced by `WomaProtocol`'s JSON-Schema
 * via the `definition` "TenantsResult".
 */
export interface TenantsResult {
  pool: PoolSummary;
  /**
   * Every tenant the daemon knows, those holding most memory first.
   */
  tenants: TenantSummary[];
  limits: LimitsInfo;
}
