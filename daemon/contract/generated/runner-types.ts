/**
 * The daemon<->runner contract's TypeScript types, generated from daemon/contract/runner.schema.json.
 * DO NOT EDIT: change the schema and run `npm run schema:gen`.
 */
import type { CheckStatus, CompleteResult, DisplayOutputType, FileEntry, InspectResult, MimeBundle, RunError, RunStatus, Stream } from "../../../protocol/generated/types.ts";

/**
 * A run's id as the daemon gave it (RunId in the public schema: at most 128 characters).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunId".
 */
export type RunId = string;
/**
 * How a runner should get its interpreter: boot plain; restore the sealed snapshot at `path` (the daemon has checked its seal); or boot plain, write a raw snapshot to `path` and serve nothing (the daemon seals the file and kills this runner).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "BootMode".
 */
export type BootMode =
  | {
      /**
       * Boot without a snapshot.
       */
      kind: "plain";
    }
  | {
      /**
       * Restore a snapshot.
       */
      kind: "snapshot";
      /**
       * The snapshot file.
       */
      path: string;
    }
  | {
      /**
       * Build a snapshot.
       */
      kind: "build-snapshot";
      /**
       * Where to write it.
       */
      path: string;
    };
/**
 * Result of `runner/boot`.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerBootResult".
 */
export type RunnerBootResult = RunnerBootReady | RunnerBootRefused;
/**
 * A Python exception as a result: its type's name, its message and its cleaned traceback (message and traceback are measured against the run's own cap by the guard).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerRunError".
 */
export type RunnerRunError = RunError;
/**
 * Result of `runner/fetch-read`: up to 1 MiB of the body, raw bytes on the wire (payload-frames.ts; `last` when the body ended with it, which closes it), or the end.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RelayChunk".
 */
export type RelayChunk =
  | {
      /**
       * The body has ended.
       */
      done: true;
    }
  | {
      /**
       * More of the body.
       */
      done: false;
      /**
       * The bytes.
       */
      bytes: Uint8Array;
      /**
       * The body ended with these bytes.
       */
      last?: true;
    };
/**
 * One file operation in a session's working directory, as the daemon asks it (content travels in base64).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "FilesOp".
 */
export type FilesOp =
  | {
      /**
       * Write a file.
       */
      op: "write";
      /**
       * Relative to the working directory.
       */
      path: string;
      /**
       * The content, base64.
       */
      data: string;
      /**
       * The most the files under the home directory (every session's) may hold once written, in bytes: `--max-tenant-file-bytes` less what the tenant's other runners hold. Absent: no such bound.
       */
      maxTotalBytes?: number;
    }
  | {
      /**
       * Read a file.
       */
      op: "read";
      /**
       * Relative to the working directory.
       */
      path: string;
      /**
       * The largest file read.
       */
      maxBytes: number;
    }
  | {
      /**
       * List a directory.
       */
      op: "list";
      /**
       * Relative to the working directory.
       */
      path: string;
      /**
       * Go down.
       */
      recursive: boolean;
      /**
       * Most entries listed.
       */
      maxEntries: number;
    }
  | {
      /**
       * Delete a file or directory.
       */
      op: "delete";
      /**
       * Relative to the working directory.
       */
      path: string;
      /**
       * A directory and what it holds.
       */
      recursive: boolean;
    };
/**
 * Params of `runner/files` (between runs): one file operation in a session's working directory.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerFilesParams".
 */
export type RunnerFilesParams = FilesOp & {
  /**
   * The session.
   */
  sessionId: string;
};
/**
 * One entry of a listing.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerFileEntry".
 */
export type RunnerFileEntry = FileEntry;
/**
 * What went wrong.
 */
export type FilesProblem = "not-found" | "refused" | "too-large" | "invalid";
/**
 * Result of `runner/files`: what it did, or why it did nothing.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "FilesAnswer".
 */
export type FilesAnswer = FilesDone | FilesRefused;
/**
 * Result of `runner/complete`: completions at the cursor.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerCompleteResult".
 */
export type RunnerCompleteResult = CompleteResult;
/**
 * Result of `runner/inspect`: what the name at the cursor is.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerInspectResult".
 */
export type RunnerInspectResult = InspectResult;

/**
 * A package file as a runner knows it: everything but where the daemon keeps it. The runner asks for its bytes with `runner/wheel`, naming its sha256; the daemon answers only for files it offered that runner, so runners need no access to the cache, and no host path reaches Python.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerWheel".
 */
export interface RunnerWheel {
  /**
   * Normalised distribution name.
   */
  name: string;
  /**
   * The distribution's version.
   */
  version: string;
  /**
   * The file's name, as the index names it.
   */
  fileName: string;
  /**
   * sha256 of the file, checked again before it is installed.
   */
  sha256: string;
  /**
   * site-packages, or the directory of shared libraries.
   */
  installDir: "site" | "dynlib";
}
/**
 * Params of `runner/boot`, the first request a runner gets.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerBootParams".
 */
export interface RunnerBootParams {
  /**
   * The runner's id, as the daemon names it.
   */
  runnerId: string;
  /**
   * Directory holding pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json.
   */
  indexURL: string;
  /**
   * How to get the interpreter.
   */
  boot: BootMode;
  /**
   * Whom the runner becomes once booted (an unprivileged uid, when the daemon is root at `process` isolation).
   */
  runAs?: {
    /**
     * User id.
     */
    uid: number;
    /**
     * Group id.
     */
    gid: number;
  };
  /**
   * Packages to install and modules to import before the runner is ready (`--preload`).
   */
  preload?: {
    /**
     * Package files, dependencies first.
     */
    wheels: RunnerWheel[];
    /**
     * Modules to import.
     */
    modules: string[];
  };
  /**
   * The interrupt page to map (INTERRUPT_PAGE_BYTES in runner-protocol.ts); without one, interrupts come only as messages.
   */
  interruptPage?: string;
}
/**
 * Whether the runner's seccomp filter is in place, and its number of rules or why there is none.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "SeccompState".
 */
export interface SeccompState {
  /**
   * Whether the filter is in place.
   */
  installed: boolean;
  /**
   * The number of rules, or why there is no filter.
   */
  detail: string;
}
/**
 * What a runner holds once booted, as it read it back from the kernel (privileges.ts).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "PrivilegeState".
 */
export interface PrivilegeState {
  /**
   * User id.
   */
  uid: number;
  /**
   * Group id.
   */
  gid: number;
  /**
   * Capability sets in /proc's hex.
   */
  capabilities: {
    effective: string;
    permitted: string;
    bounding: string;
    ambient: string;
  };
  /**
   * Whether the process is dumpable.
   */
  dumpable: boolean;
  /**
   * Steps that did not take effect.
   *
   * @maxItems 20
   */
  problems: string[];
}
/**
 * The runner is ready: what it booted, how long it took, and what it holds (read back from the kernel).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerBootReady".
 */
export interface RunnerBootReady {
  /**
   * Which answer.
   */
  kind: "ready";
  /**
   * Boot to ready, in ms.
   */
  bootMs: number;
  /**
   * Whether it restored the snapshot.
   */
  fromSnapshot: boolean;
  /**
   * CPython's version.
   */
  pythonVersion: string;
  /**
   * Pyodide's version.
   */
  pyodideVersion: string;
  /**
   * The seccomp filter.
   */
  seccomp: SeccompState;
  /**
   * Its privileges once dropped.
   */
  privileges: PrivilegeState;
  /**
   * Bytes of the raw snapshot written (build-snapshot only).
   */
  snapshotBytes?: number;
}
/**
 * The snapshot could not be restored (not a snapshot, wrong build, restore failed): the daemon drops it.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerBootRefused".
 */
export interface RunnerBootRefused {
  /**
   * Which answer.
   */
  kind: "snapshot-refused";
  /**
   * Why the snapshot was refused.
   */
  problem: string;
}
/**
 * Params of `runner/run`.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerRunParams".
 */
export interface RunnerRunParams {
  /**
   * The run's id.
   */
  runId: RunId;
  /**
   * The session whose globals the run uses, or null for a run without one.
   */
  sessionId: string | null;
  /**
   * Run in fresh globals, thrown away afterwards.
   */
  fresh: boolean;
  /**
   * The Python source.
   */
  code: string;
  /**
   * Most bytes of each stream the result keeps (and, without `streamAllOutput`, that are sent).
   */
  maxOutputBytes: number;
  /**
   * Send everything printed as output notifications, past `maxOutputBytes`, which then bounds only what the result keeps.
   */
  streamAllOutput?: boolean;
  /**
   * Longest repr, message or traceback the result carries, in characters (0: no cap).
   */
  maxResultChars: number;
  /**
   * Most bytes of one display output (the UTF-8 length of its values).
   */
  maxDisplayBytes: number;
  /**
   * Most display outputs the run may send.
   */
  maxDisplays: number;
}
/**
 * Result of `runner/run`: what Python reports of the run (its status, the repr of its value or its error, each capped) and how much of its output was past the cap. The output itself came in `runner/output` notifications before this answer.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerRunResult".
 */
export interface RunnerRunResult {
  /**
   * Whether the code ran to its end or raised.
   */
  status: RunStatus;
  /**
   * The repr of the last expression's value, or null.
   */
  result: string | null;
  /**
   * Characters of the repr cut at the cap.
   */
  resultCharsCut: number;
  /**
   * The exception, when the status says one was raised.
   */
  error: null | RunnerRunError;
  /**
   * Characters of the message cut at the cap.
   */
  messageCharsCut: number;
  /**
   * Characters of the traceback cut at the cap.
   */
  tracebackCharsCut: number;
  /**
   * Display outputs Python dropped because the run made more than `maxDisplays`.
   */
  displaysDropped: number;
  /**
   * Bytes of stdout past the cap, not kept. The output itself reaches the daemon only in `runner/output` notifications: it crosses once, and the daemon keeps the first `maxOutputBytes` of each stream.
   */
  stdoutBytesCut: number;
  /**
   * Bytes of stderr past the cap, not kept.
   */
  stderrBytesCut: number;
  /**
   * Time the run took inside the runner, in ms.
   */
  executionTimeMs: number;
  /**
   * True when the runner delivered an interrupt to this run.
   */
  interrupted: boolean;
}
/**
 * Params of `runner/session`.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerSessionParams".
 */
export interface RunnerSessionParams {
  /**
   * Reset its globals, or close it.
   */
  op: "reset" | "close";
  /**
   * The session.
   */
  sessionId: string;
}
/**
 * Result of `runner/session`: how many sessions the interpreter holds.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerSessionResult".
 */
export interface RunnerSessionResult {
  /**
   * Sessions the runner holds now.
   */
  sessions: number;
}
/**
 * Params of `runner/check`.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerCheckParams".
 */
export interface RunnerCheckParams {
  /**
   * The snippet.
   */
  code: string;
}
/**
 * Result of `runner/check`, by the rule of Python's own REPL.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerCheckResult".
 */
export interface RunnerCheckResult {
  /**
   * complete, incomplete or invalid.
   */
  status: CheckStatus;
}
/**
 * Params of `runner/load`: packages to install into the runner now (a client's `packages/install`).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerLoadParams".
 */
export interface RunnerLoadParams {
  /**
   * Package files, dependencies first.
   */
  wheels: RunnerWheel[];
}
/**
 * Result of `runner/load`: the names installed (those already there are skipped).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerLoadResult".
 */
export interface RunnerLoadResult {
  /**
   * Names installed.
   *
   * @maxItems 2000
   */
  installed: string[];
}
/**
 * Params of `runner/packages` (runner to daemon, during a run): top-level modules the run imports that the interpreter cannot find.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerPackagesParams".
 */
export interface RunnerPackagesParams {
  /**
   * The run asking.
   */
  runId: RunId;
  /**
   * Top-level module names.
   *
   * @maxItems 500
   */
  modules: string[];
}
/**
 * Result of `runner/packages` and `runner/install`: the files to install, in order, and the modules no package provides.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerPackagesResult".
 */
export interface RunnerPackagesResult {
  /**
   * The files to install, in order.
   */
  wheels: RunnerWheel[];
  /**
   * Modules that are not in Pyodide's distribution (left for Python's own ModuleNotFoundError).
   */
  unknown: string[];
}
/**
 * Params of `runner/install` (runner to daemon, during a run): requirements from `micropip.install` in Python.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerInstallParams".
 */
export interface RunnerInstallParams {
  /**
   * The run asking.
   */
  runId: RunId;
  /**
   * Requirements, as micropip takes them.
   *
   * @minItems 1
   * @maxItems 100
   */
  requirements: [string, ...string[]];
  /**
   * `index_urls` given to micropip: indexes the tenant names, fetched under its network policy instead of `--pypi-index`.
   *
   * @maxItems 10
   */
  indexUrls?: string[];
}
/**
 * Params of `runner/fetch`: an HTTP request for the daemon's broker (the body in base64, since the channel is JSON).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RelayRequest".
 */
export interface RelayRequest {
  /**
   * The run asking.
   */
  runId: RunId;
  /**
   * The URL, after the URL parser's encoding.
   */
  url: string;
  /**
   * The method: 1 to 20 letters.
   */
  method?: string;
  /**
   * Request headers, as name and value pairs.
   *
   * @maxItems 200
   */
  headers?: [string, string][];
  /**
   * The request body, base64.
   */
  body?: string;
  /**
   * Whether the broker follows redirects (each hop checked again).
   */
  redirect?: "manual" | "follow";
  /**
   * A timeout the library asked for, in ms: the broker bounds the request by it.
   */
  timeoutMs?: number;
}
/**
 * Result of `runner/fetch`: the head of a response, and the id to pull its body with; a small body that had all arrived comes whole in `bytes`, and then there is nothing to pull.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RelayHead".
 */
export interface RelayHead {
  /**
   * The id to pull the body with.
   */
  requestId: number;
  /**
   * The whole body, when it had all arrived with the head (the request is then closed); it crosses to the runner as raw bytes (payload-frames.ts).
   */
  bytes?: Uint8Array;
  /**
   * The HTTP status.
   */
  status: number;
  /**
   * The status line's text.
   */
  statusText: string;
  /**
   * Response headers, as name and value pairs.
   */
  headers: [string, string][];
  /**
   * The URL answered (after redirects).
   */
  url: string;
  /**
   * Whether a redirect was followed.
   */
  redirected: boolean;
}
/**
 * Params of `runner/fetch-read` and `runner/fetch-close`: a response of the run's.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerBodyParams".
 */
export interface RunnerBodyParams {
  /**
   * The run asking.
   */
  runId: RunId;
  /**
   * The response, as `runner/fetch` numbered it.
   */
  requestId: number;
}
/**
 * Params of `runner/wheel` (at any time): the bytes of a package file the daemon offered this runner.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerWheelParams".
 */
export interface RunnerWheelParams {
  /**
   * The file's sha256.
   */
  sha256: string;
}
/**
 * Result of `runner/wheel`.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerWheelResult".
 */
export interface RunnerWheelResult {
  /**
   * The file's bytes, raw on the wire (payload-frames.ts).
   */
  bytes: Uint8Array;
}
/**
 * Params of `runner/interrupt` (daemon to runner): raise KeyboardInterrupt in the run.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerInterruptParams".
 */
export interface RunnerInterruptParams {
  /**
   * The run to interrupt, if it is still the current one.
   */
  runId: RunId;
}
/**
 * Params of `runner/output` (runner to daemon): output of the current run, in order. The only copy of it the daemon gets: the run's result does not repeat it.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerOutputParams".
 */
export interface RunnerOutputParams {
  /**
   * The run.
   */
  runId: RunId;
  /**
   * Which stream.
   */
  stream: Stream;
  /**
   * The text, decoded.
   */
  text: string;
}
/**
 * A display output as a runner sends it: the daemon adds where it falls in stdout and stderr.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerDisplayOutput".
 */
export interface RunnerDisplayOutput {
  /**
   * Which kind of output.
   */
  output_type: DisplayOutputType;
  /**
   * The name of the output, which a later `update_display_data` replaces; always set on an update.
   */
  display_id?: string;
  /**
   * `clear_output` only: clear when the next output comes rather than at once.
   */
  wait?: boolean;
  /**
   * The MIME bundle: text/plain always; binary types in base64.
   */
  data: MimeBundle;
  /**
   * Per-type metadata.
   */
  metadata?: {
    [k: string]: {} | undefined;
  };
  /**
   * What the caps cut of the bundle.
   */
  truncated?: {
    /**
     * Bytes cut.
     */
    bytes: number;
    /**
     * The types cut.
     *
     * @maxItems 32
     */
    mime_types?: string[];
  };
}
/**
 * Params of `runner/display` (runner to daemon, during a run): one display output, in order with the run's output.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerDisplayParams".
 */
export interface RunnerDisplayParams {
  /**
   * The run.
   */
  runId: RunId;
  /**
   * The output.
   */
  output: RunnerDisplayOutput;
}
/**
 * Params of `runner/input` (runner to daemon, during a run): Python reads stdin (input(), getpass, sys.stdin).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerInputParams".
 */
export interface RunnerInputParams {
  /**
   * The run.
   */
  runId: RunId;
  /**
   * The prompt.
   */
  prompt: string;
  /**
   * getpass: do not echo.
   */
  password: boolean;
  /**
   * sys.stdin.read(): all the stdin text left, rather than a line.
   */
  all: boolean;
}
/**
 * Result of `runner/input`.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerInputResult".
 */
export interface RunnerInputResult {
  /**
   * A line with its newline, or all that is left; null at the end of input.
   */
  text: string | null;
  /**
   * Who answered: the run's `stdin` text, the client, or nobody (end of input).
   */
  source: "stdin" | "client" | "none";
  /**
   * Why there is no input, for the EOFError.
   */
  reason?: string;
}
/**
 * What the operation did.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "FilesDone".
 */
export interface FilesDone {
  /**
   * It was done.
   */
  ok: true;
  /**
   * The path, relative to the working directory.
   */
  path: string;
  /**
   * Bytes of the file.
   */
  size?: number;
  /**
   * The content read, base64 (measured against the file size cap by the daemon).
   */
  data?: string;
  /**
   * What a listing found.
   *
   * @maxItems 10000
   */
  entries?: RunnerFileEntry[];
  /**
   * The listing stopped at its cap.
   */
  truncated?: boolean;
  /**
   * After a write with `maxTotalBytes`: the bytes of the files under the home directory.
   */
  usage?: number;
}
/**
 * Why it did nothing.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "FilesRefused".
 */
export interface FilesRefused {
  /**
   * It was not done.
   */
  ok: false;
  kind: FilesProblem;
  /**
   * A sentence saying what.
   */
  message: string;
}
/**
 * Params of `runner/complete` and `runner/inspect` (between runs).
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerCompletionParams".
 */
export interface RunnerCompletionParams {
  /**
   * The session whose globals are looked at, or null.
   */
  sessionId: string | null;
  /**
   * The code.
   */
  code: string;
  /**
   * In code points; the end of `code` when null.
   */
  cursor: number | null;
}
/**
 * An answer with nothing to say.
 *
 * This interface was referenced by `WomaRunnerContract`'s JSON-Schema
 * via the `definition` "RunnerEmptyResult".
 */
export interface RunnerEmptyResult {}
