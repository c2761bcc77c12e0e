/** The internal JSON-RPC methods between the daemon and one runner process (not part of the public protocol), with the schemas the daemon checks runner messages against. */
import { NotificationType, RequestType } from "vscode-jsonrpc";
import type { CompleteResult, DisplayOutputType, DisplayTruncation, InspectResult, MimeBundle, RunError } from "../../protocol/generated/types.ts";
import type { RelayChunk, RelayHead, RelayRequest } from "../net/fetch-relay.ts";
import type { FilesAnswer, FilesOp } from "./session-files.ts";

/** How a runner should get its interpreter. */
export type BootMode =
  /** Boot without a snapshot. */
  | { kind: "plain" }
  /** Restore the sealed snapshot at `path` (the daemon has checked its seal). */
  | { kind: "snapshot"; path: string }
  /** Boot plain, write a raw snapshot to `path`, and serve nothing: the daemon seals the file and kills this runner. */
  | { kind: "build-snapshot"; path: string };

/** A verified package file in the daemon's cache, for a runner to install. */
export interface WheelSpec {
  /** Normalised distribution name. */
  name: string;
  version: string;
  fileName: string;
  /** Absolute path in the cache: the daemon's alone; a runner never sees it (see {@link RunnerWheel}). */
  path: string;
  /** sha256 of the file, checked again before it is installed. */
  sha256: string;
  /** site-packages, or the directory of shared libraries. */
  installDir: "site" | "dynlib";
}

/**
 * A package file as a runner knows it: everything but where the daemon keeps it. The runner
 * asks for its bytes with `runner/wheel`, naming its sha256; the daemon answers only for files
 * it offered that runner. So runners need no access to the cache, and no host path reaches
 * Python.
 */
export type RunnerWheel = Omit<WheelSpec, "path">;

/** Params of `runner/boot`, the first request a runner gets. */
export interface RunnerBootParams {
  runnerId: string;
  /** Directory holding pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json. */
  indexURL: string;
  boot: BootMode;
  /** Whom the runner becomes once booted (an unprivileged uid, when the daemon is root at `process` isolation). */
  runAs?: { uid: number; gid: number };
  /** Packages to install and modules to import before the runner is ready (`--preload`); the daemon strips their paths before sending. */
  preload?: { wheels: WheelSpec[] | RunnerWheel[]; modules: string[] };
}

/** Params of `runner/load`: packages to install into the runner now (a client's `packages/install`). */
export interface RunnerLoadParams {
  wheels: RunnerWheel[];
}

/** Result of `runner/load`: the names installed (those already there are skipped). */
export interface RunnerLoadResult {
  installed: string[];
}

/** Params of `runner/packages` (runner to daemon, during a run): top-level modules the run imports that the interpreter cannot find. */
export interface RunnerPackagesParams {
  runId: string;
  modules: string[];
}

/** Result of `runner/packages`: the files to install, in order, and the modules no package provides. */
export interface RunnerPackagesResult {
  wheels: WheelSpec[];
  /** Modules that are not in Pyodide's distribution (left for Python's own ModuleNotFoundError). */
  unknown: string[];
}

/** Params of `runner/install` (runner to daemon, during a run): requirements from `micropip.install` in Python. */
export interface RunnerInstallParams {
  runId: string;
  requirements: string[];
  /** `index_urls` given to micropip: indexes the tenant names, fetched under its network policy instead of `--pypi-index`. */
  indexUrls?: string[];
}

/** Most requirements one `micropip.install` may send. */
export const MAX_INSTALL_REQUIREMENTS = 100;
/** Longest requirement (or index URL) `micropip.install` may send, in characters. */
export const MAX_REQUIREMENT_CHARS = 2000;
/** Most index URLs one `micropip.install` may send. */
export const MAX_INDEX_URLS = 10;
/** Most modules one `runner/packages` may ask about, and the shape of a module name. */
export const MAX_IMPORT_MODULES = 500;
export const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,199}$/;

/** Whether the runner's seccomp filter is in place. */
export interface SeccompState {
  installed: boolean;
  /** The number of rules, or why there is no filter. */
  detail: string;
}

/** What a runner holds once booted, as it read it back from the kernel (privileges.ts). */
export interface PrivilegeState {
  uid: number;
  gid: number;
  /** Capability sets in /proc's hex. */
  capabilities: { effective: string; permitted: string; bounding: string; ambient: string };
  dumpable: boolean;
  /** Steps that did not take effect. */
  problems: string[];
}

/** Result of `runner/boot`. */
export type RunnerBootResult =
  | {
      kind: "ready";
      bootMs: number;
      fromSnapshot: boolean;
      pythonVersion: string;
      pyodideVersion: string;
      seccomp: SeccompState;
      privileges: PrivilegeState;
      /** Bytes of the raw snapshot written (build-snapshot only). */
      snapshotBytes?: number;
    }
  /** The snapshot could not be restored (not a snapshot, wrong build, restore failed): the daemon drops it. */
  | { kind: "snapshot-refused"; problem: string };

/** Params of `runner/run`. */
export interface RunnerRunParams {
  runId: string;
  sessionId: string | null;
  fresh: boolean;
  code: string;
  maxOutputBytes: number;
  /** Forward everything printed as output notifications, past `maxOutputBytes`, which then bounds only what the result keeps. */
  streamAllOutput?: boolean;
  maxResultChars: number;
  /** Most bytes of one display output (the UTF-8 length of its values). */
  maxDisplayBytes: number;
  /** Most display outputs the run may send. */
  maxDisplays: number;
}

/** What Python reports of a run: its status, the repr of its value or its error, each capped. */
export interface RunOutcome {
  status: "success" | "exception";
  result: string | null;
  resultCharsCut: number;
  error: RunError | null;
  messageCharsCut: number;
  tracebackCharsCut: number;
  /** Display outputs Python dropped because the run made more than `maxDisplays`. */
  displaysDropped: number;
}

/** Result of `runner/run`: the Python outcome plus the captured output. */
export interface RunnerRunResult extends RunOutcome {
  stdout: string;
  stderr: string;
  stdoutBytesCut: number;
  stderrBytesCut: number;
  executionTimeMs: number;
  /** True when the runner delivered an interrupt to this run. */
  interrupted: boolean;
}

/** Params of `runner/session`. */
export interface RunnerSessionParams {
  op: "reset" | "close";
  sessionId: string;
}

/** A display output as a runner sends it: the daemon adds where it falls in stdout and stderr. */
export interface RunnerDisplayOutput {
  output_type: DisplayOutputType;
  data: MimeBundle;
  metadata?: Record<string, Record<string, unknown>>;
  truncated?: DisplayTruncation;
  /** The name of the output (display_id), which a later `update_display_data` replaces; always set on an update. */
  display_id?: string;
  /** `clear_output` only: clear when the next output comes rather than at once. */
  wait?: boolean;
}

/** Every kind of display output, each spelled once (a record, so a kind the schema adds must be listed). */
const DISPLAY_OUTPUT_KINDS: Record<DisplayOutputType, true> = { display_data: true, execute_result: true, update_display_data: true, clear_output: true };
/** The kinds a runner may send. */
export const DISPLAY_OUTPUT_TYPES = Object.keys(DISPLAY_OUTPUT_KINDS) as readonly DisplayOutputType[];
/** Longest display id a runner may send, in characters (Python's display() refuses longer ones). */
export const MAX_DISPLAY_ID_CHARS = 256;

/** Params of `runner/display` (runner to daemon, during a run): one display output, in order with the run's output. */
export interface RunnerDisplayParams {
  runId: string;
  output: RunnerDisplayOutput;
}

/** Params of `runner/input` (runner to daemon, during a run): Python reads stdin (input(), getpass, sys.stdin). */
export interface RunnerInputParams {
  runId: string;
  prompt: string;
  password: boolean;
  /** sys.stdin.read(): all the stdin text left, rather than a line. */
  all: boolean;
}

/** Result of `runner/input`: the text (a line with its newline, or all that is left), or null at the end of input, with why. */
export interface RunnerInputResult {
  text: string | null;
  /** Who answered: the run's `stdin` text, the client, or nobody (end of input). */
  source: "stdin" | "client" | "none";
  /** Why there is no input, for the EOFError. */
  reason?: string;
}

/** Params of `runner/files`: one file operation in a session's working directory. */
export type RunnerFilesParams = FilesOp & { sessionId: string };

/** Params of `runner/complete` and `runner/inspect`. */
export interface RunnerCompletionParams {
  sessionId: string | null;
  code: string;
  /** In code points; the end of `code` when absent. */
  cursor: number | null;
}

/** Params of `runner/output`. */
export interface RunnerOutputParams {
  runId: string;
  stream: "stdout" | "stderr";
  text: string;
}

export const RunnerBootRequest = new RequestType<RunnerBootParams, RunnerBootResult, void>("runner/boot");
export const RunnerRunRequest = new RequestType<RunnerRunParams, RunnerRunResult, void>("runner/run");
export const RunnerSessionRequest = new RequestType<RunnerSessionParams, { sessions: number }, void>("runner/session");
export const RunnerCheckRequest = new RequestType<{ code: string }, { status: "complete" | "incomplete" | "invalid" }, void>("runner/check");
export const RunnerLoadRequest = new RequestType<RunnerLoadParams, RunnerLoadResult, void>("runner/load");
/** Runner to daemon, during a run: which packages provide these modules (the daemon fetches and verifies them). */
export const RunnerPackagesRequest = new RequestType<RunnerPackagesParams, RunnerPackagesResult, void>("runner/packages");
/** Runner to daemon, during a run: resolve and fetch requirements (`micropip.install`). */
export const RunnerInstallRequest = new RequestType<RunnerInstallParams, RunnerPackagesResult, void>("runner/install");
/** Runner to daemon, during a run: an HTTP request for the broker (`fetch` in the runner); resolves with the response's head. */
export const RunnerFetchRequest = new RequestType<RelayRequest, RelayHead, void>("runner/fetch");
/** Runner to daemon: the next part of a response's body (pulled, so bytes flow as fast as Python reads). */
export const RunnerFetchReadRequest = new RequestType<{ runId: string; requestId: number }, RelayChunk, void>("runner/fetch-read");
/** Runner to daemon: drop a response unread. */
export const RunnerFetchCloseRequest = new RequestType<{ runId: string; requestId: number }, Record<string, never>, void>("runner/fetch-close");
/** Runner to daemon, at any time: the bytes of a package file the daemon offered this runner (by its sha256); the answer carries them raw (payload-frames.ts). */
export const RunnerWheelRequest = new RequestType<{ sha256: string }, { bytes: Uint8Array }, void>("runner/wheel");
/** Daemon to runner: raise KeyboardInterrupt in the run, if it is still the current one. */
export const RunnerInterruptNotification = new NotificationType<{ runId: string }>("runner/interrupt");
/** Runner to daemon: output of the current run. */
export const RunnerOutputNotification = new NotificationType<RunnerOutputParams>("runner/output");
/** Runner to daemon: a display output of the current run. */
export const RunnerDisplayNotification = new NotificationType<RunnerDisplayParams>("runner/display");
/** Runner to daemon, during a run: a line (or all) of input for Python. */
export const RunnerInputRequest = new RequestType<RunnerInputParams, RunnerInputResult, void>("runner/input");
/** Daemon to runner, between runs: a file operation in a session's working directory. */
export const RunnerFilesRequest = new RequestType<RunnerFilesParams, FilesAnswer, void>("runner/files");
/** Daemon to runner, between runs: completions at a cursor. */
export const RunnerCompleteRequest = new RequestType<RunnerCompletionParams, CompleteResult, void>("runner/complete");
/** Daemon to runner, between runs: what the name at a cursor is. */
export const RunnerInspectRequest = new RequestType<RunnerCompletionParams, InspectResult, void>("runner/inspect");

/**
 * Longest exception type name a run's error may carry, in characters: woma's Python cuts a
 * longer one (ending it with "…"), and the daemon kills a runner that sends one longer.
 */
export const MAX_ERROR_TYPE_CHARS = 256;
/**
 * Heaviest metadata one display output may carry, as the daemon weighs it (json-weight.ts).
 * woma's Python keeps metadata within 64 KiB of `json.dumps`; the same value weighs at most
 * about four times that once JavaScript has re-encoded it (a float such as 1e20 takes 5
 * characters in Python and 21 in JavaScript), so the daemon allows that much and no more.
 */
export const MAX_DISPLAY_METADATA_WEIGHT = 4 * 65536;

const count = { type: "integer", minimum: 0 };
const shortName = { type: "string", minLength: 1, maxLength: 200 };
const text = { type: "string" };
/** A run's id as the daemon gave it (RunId in the public schema: at most 128 characters). */
const runIdText = { type: "string", maxLength: 128 };
const runError = {
  type: "object",
  required: ["type", "message", "traceback"],
  additionalProperties: false,
  // message and traceback are measured against the run's own cap by the guard.
  properties: { type: { type: "string", maxLength: MAX_ERROR_TYPE_CHARS }, message: text, traceback: text },
};

/**
 * JSON Schemas of what a runner may send: the result of each request method the daemon
 * sends, and the params of each notification and request a runner may send. The daemon
 * checks every message from a runner against these, as it checks a client's; anything else
 * is a protocol violation.
 */
export const RUNNER_MESSAGE_SCHEMAS: Record<string, object> = {
  [RunnerBootRequest.method]: {
    oneOf: [
      {
        type: "object",
        required: ["kind", "bootMs", "fromSnapshot", "pythonVersion", "pyodideVersion", "seccomp", "privileges"],
        additionalProperties: false,
        properties: {
          kind: { const: "ready" },
          bootMs: { type: "number", minimum: 0 },
          fromSnapshot: { type: "boolean" },
          pythonVersion: { type: "string", maxLength: 64 },
          pyodideVersion: { type: "string", maxLength: 64 },
          seccomp: {
            type: "object",
            required: ["installed", "detail"],
            additionalProperties: false,
            properties: { installed: { type: "boolean" }, detail: { type: "string", maxLength: 500 } },
          },
          privileges: {
            type: "object",
            required: ["uid", "gid", "capabilities", "dumpable", "problems"],
            additionalProperties: false,
            properties: {
              uid: { type: "integer" },
              gid: { type: "integer" },
              capabilities: {
                type: "object",
                required: ["effective", "permitted", "bounding", "ambient"],
                additionalProperties: false,
                properties: Object.fromEntries(["effective", "permitted", "bounding", "ambient"].map((set) => [set, { type: "string", maxLength: 32 }])),
              },
              dumpable: { type: "boolean" },
              problems: { type: "array", maxItems: 20, items: { type: "string", maxLength: 300 } },
            },
          },
          snapshotBytes: count,
        },
      },
      {
        type: "object",
        required: ["kind", "problem"],
        additionalProperties: false,
        properties: { kind: { const: "snapshot-refused" }, problem: { type: "string", maxLength: 2000 } },
      },
    ],
  },
  [RunnerRunRequest.method]: {
    type: "object",
    required: ["status", "result", "resultCharsCut", "error", "messageCharsCut", "tracebackCharsCut", "displaysDropped", "stdout", "stderr", "stdoutBytesCut", "stderrBytesCut", "executionTimeMs", "interrupted"],
    additionalProperties: false,
    properties: {
      status: { enum: ["success", "exception"] },
      result: { type: ["string", "null"] },
      resultCharsCut: count,
      error: { oneOf: [{ type: "null" }, runError] },
      messageCharsCut: count,
      tracebackCharsCut: count,
      displaysDropped: count,
      stdout: text,
      stderr: text,
      stdoutBytesCut: count,
      stderrBytesCut: count,
      executionTimeMs: { type: "number", minimum: 0 },
      interrupted: { type: "boolean" },
    },
  },
  [RunnerSessionRequest.method]: { type: "object", required: ["sessions"], additionalProperties: false, properties: { sessions: count } },
  [RunnerLoadRequest.method]: {
    type: "object",
    required: ["installed"],
    additionalProperties: false,
    properties: { installed: { type: "array", maxItems: 2000, items: shortName } },
  },
  [RunnerCheckRequest.method]: {
    type: "object",
    required: ["status"],
    additionalProperties: false,
    properties: { status: { enum: ["complete", "incomplete", "invalid"] } },
  },
  [RunnerOutputNotification.method]: {
    type: "object",
    required: ["runId", "stream", "text"],
    additionalProperties: false,
    properties: { runId: runIdText, stream: { enum: ["stdout", "stderr"] }, text },
  },
  [RunnerPackagesRequest.method]: {
    type: "object",
    required: ["runId", "modules"],
    additionalProperties: false,
    properties: { runId: runIdText, modules: { type: "array", maxItems: MAX_IMPORT_MODULES, items: { type: "string", pattern: MODULE_NAME.source } } },
  },
  [RunnerInstallRequest.method]: {
    type: "object",
    required: ["runId", "requirements"],
    additionalProperties: false,
    properties: {
      runId: runIdText,
      requirements: { type: "array", minItems: 1, maxItems: MAX_INSTALL_REQUIREMENTS, items: { type: "string", minLength: 1, maxLength: MAX_REQUIREMENT_CHARS } },
      indexUrls: { type: "array", maxItems: MAX_INDEX_URLS, items: { type: "string", minLength: 1, maxLength: MAX_REQUIREMENT_CHARS } },
    },
  },
};

/** Largest request body a runner may send with `fetch`, in bytes (it travels in base64). */
export const MAX_FETCH_BODY_BYTES = 16 * 1024 * 1024;
/** Longest URL a runner may send with `fetch`, in characters (after the URL parser's encoding). */
export const MAX_FETCH_URL_CHARS = 16384;
/** Most request headers a runner may send with `fetch`. */
export const MAX_FETCH_HEADERS = 200;
/** Longest header name or value a runner may send with `fetch`, in characters. */
export const MAX_FETCH_HEADER_CHARS = 65536;

const requestId = { type: "integer", minimum: 1, maximum: 2 ** 31 };
RUNNER_MESSAGE_SCHEMAS[RunnerFetchRequest.method] = {
  type: "object",
  required: ["runId", "url"],
  additionalProperties: false,
  properties: {
    runId: runIdText,
    url: { type: "string", minLength: 1, maxLength: MAX_FETCH_URL_CHARS },
    method: { type: "string", pattern: "^[A-Za-z]{1,20}$" },
    headers: { type: "array", maxItems: MAX_FETCH_HEADERS, items: { type: "array", minItems: 2, maxItems: 2, items: { type: "string", maxLength: MAX_FETCH_HEADER_CHARS } } },
    body: { type: "string", maxLength: Math.ceil(MAX_FETCH_BODY_BYTES / 3) * 4 },
    redirect: { enum: ["manual", "follow"] },
    timeoutMs: { type: "number", minimum: 0, maximum: 2 ** 31 - 1 },
  },
};
for (const method of [RunnerFetchReadRequest.method, RunnerFetchCloseRequest.method]) {
  RUNNER_MESSAGE_SCHEMAS[method] = { type: "object", required: ["runId", "requestId"], additionalProperties: false, properties: { runId: runIdText, requestId } };
}

/** Longest prompt a runner may send with `runner/input`, in characters. */
export const MAX_INPUT_PROMPT_CHARS = 4096;
/** Most entries a `files/list` answer holds. */
export const MAX_LISTED_FILES = 10_000;
/** Most entries in one display output's bundle and metadata. */
const MAX_MIME_TYPES = 32;

const mimeType = { type: "string", pattern: "^[a-z]+/[A-Za-z0-9.+_-]{1,100}$" };
RUNNER_MESSAGE_SCHEMAS[RunnerDisplayNotification.method] = {
  type: "object",
  required: ["runId", "output"],
  additionalProperties: false,
  properties: {
    runId: runIdText,
    output: {
      type: "object",
      required: ["output_type", "data"],
      additionalProperties: false,
      properties: {
        output_type: { enum: DISPLAY_OUTPUT_TYPES },
        display_id: { type: "string", minLength: 1, maxLength: MAX_DISPLAY_ID_CHARS },
        wait: { type: "boolean" },
        data: { type: "object", required: ["text/plain"], maxProperties: MAX_MIME_TYPES, propertyNames: mimeType, additionalProperties: text },
        metadata: { type: "object", maxProperties: MAX_MIME_TYPES, propertyNames: mimeType, additionalProperties: { type: "object" } },
        truncated: {
          type: "object",
          required: ["bytes"],
          additionalProperties: false,
          properties: { bytes: { type: "integer", minimum: 1 }, mime_types: { type: "array", maxItems: MAX_MIME_TYPES, items: mimeType } },
        },
      },
    },
  },
};
RUNNER_MESSAGE_SCHEMAS[RunnerInputRequest.method] = {
  type: "object",
  required: ["runId", "prompt", "password", "all"],
  additionalProperties: false,
  properties: { runId: runIdText, prompt: { type: "string", maxLength: MAX_INPUT_PROMPT_CHARS }, password: { type: "boolean" }, all: { type: "boolean" } },
};
const relativePath = { type: "string", maxLength: 8192 };
RUNNER_MESSAGE_SCHEMAS[RunnerFilesRequest.method] = {
  oneOf: [
    {
      type: "object",
      required: ["ok", "path"],
      additionalProperties: false,
      properties: {
        ok: { const: true },
        path: relativePath,
        size: count,
        usage: count,
        // Checked against the file size cap by the daemon, which knows it.
        data: { type: "string" },
        entries: {
          type: "array",
          maxItems: MAX_LISTED_FILES,
          items: {
            type: "object",
            required: ["path", "type", "size", "modified"],
            additionalProperties: false,
            properties: { path: relativePath, type: { enum: ["file", "directory", "symlink", "other"] }, size: count, modified: { type: "string", maxLength: 40 } },
          },
        },
        truncated: { type: "boolean" },
      },
    },
    {
      type: "object",
      required: ["ok", "kind", "message"],
      additionalProperties: false,
      properties: { ok: { const: false }, kind: { enum: ["not-found", "refused", "too-large", "invalid"] }, message: { type: "string", maxLength: 2000 } },
    },
  ],
};
RUNNER_MESSAGE_SCHEMAS[RunnerCompleteRequest.method] = {
  type: "object",
  required: ["matches", "cursor_start", "cursor_end"],
  additionalProperties: false,
  properties: { matches: { type: "array", maxItems: 500, items: { type: "string", maxLength: 4096 } }, cursor_start: count, cursor_end: count },
};
RUNNER_MESSAGE_SCHEMAS[RunnerInspectRequest.method] = {
  type: "object",
  required: ["found"],
  additionalProperties: false,
  properties: {
    found: { type: "boolean" },
    name: { type: "string", maxLength: 4096 },
    type_name: { type: "string", maxLength: 1000 },
    signature: { type: "string", maxLength: 20000 },
    docstring: { type: "string", maxLength: 20000 },
  },
};

RUNNER_MESSAGE_SCHEMAS[RunnerWheelRequest.method] = {
  type: "object",
  required: ["sha256"],
  additionalProperties: false,
  properties: { sha256: { type: "string", pattern: "^[0-9a-f]{64}$" } },
};

/** Requests a runner may send the daemon at any time, naming no run (a boot's or a load's package files). */
export const RUNNER_ANYTIME_REQUESTS: readonly string[] = [RunnerWheelRequest.method];

/** Requests a runner may send the daemon, and only during a run (their params carry its id). */
export const RUNNER_HOST_REQUESTS: readonly string[] = [
  RunnerPackagesRequest.method,
  RunnerInstallRequest.method,
  RunnerFetchRequest.method,
  RunnerFetchReadRequest.method,
  RunnerFetchCloseRequest.method,
  RunnerInputRequest.method,
];
