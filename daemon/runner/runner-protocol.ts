/** The internal JSON-RPC methods between the daemon and one runner process (not part of the public protocol), with the schemas the daemon checks runner messages against. */
import { NotificationType, RequestType } from "vscode-jsonrpc";
import type { RunError } from "../../protocol/generated/types.ts";
import type { RelayChunk, RelayHead, RelayRequest } from "../net/fetch-relay.ts";

/** How a runner should get its interpreter. */
export type BootMode =
  /** Boot without a snapshot. */
  | { kind: "plain" }
  /** Restore the sealed snapshot at `path` (the daemon has checked its seal). */
  | { kind: "snapshot"; path: string }
  /** Boot plain, write a raw snapshot to `path`, and serve nothing: the daemon seals the file and kills this runner. */
  | { kind: "build-snapshot"; path: string };

/** A verified package file in the daemon's cache, for a runner to install (it reads the cache read-only). */
export interface WheelSpec {
  /** Normalised distribution name. */
  name: string;
  version: string;
  fileName: string;
  /** Absolute path in the cache. */
  path: string;
  /** sha256 of the file, checked again before it is installed. */
  sha256: string;
  /** site-packages, or the directory of shared libraries. */
  installDir: "site" | "dynlib";
}

/** Params of `runner/boot`, the first request a runner gets. */
export interface RunnerBootParams {
  runnerId: string;
  /** Directory holding pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json. */
  indexURL: string;
  boot: BootMode;
  /** Packages to install and modules to import before the runner is ready (`--preload`). */
  preload?: { wheels: WheelSpec[]; modules: string[] };
}

/** Params of `runner/load`: packages to install into the runner now (a client's `packages/install`). */
export interface RunnerLoadParams {
  wheels: WheelSpec[];
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
}

/** Whether the runner's seccomp filter is in place. */
export interface SeccompState {
  installed: boolean;
  /** The number of rules, or why there is no filter. */
  detail: string;
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
  maxResultChars: number;
}

/** What Python reports of a run: its status, the repr of its value or its error, each capped. */
export interface RunOutcome {
  status: "success" | "exception";
  result: string | null;
  resultCharsCut: number;
  error: RunError | null;
  messageCharsCut: number;
  tracebackCharsCut: number;
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
/** Daemon to runner: raise KeyboardInterrupt in the run, if it is still the current one. */
export const RunnerInterruptNotification = new NotificationType<{ runId: string }>("runner/interrupt");
/** Runner to daemon: output of the current run. */
export const RunnerOutputNotification = new NotificationType<RunnerOutputParams>("runner/output");

const count = { type: "integer", minimum: 0 };
const shortName = { type: "string", minLength: 1, maxLength: 200 };
const text = { type: "string" };
const runError = {
  type: "object",
  required: ["type", "message", "traceback"],
  additionalProperties: false,
  properties: { type: text, message: text, traceback: text },
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
        required: ["kind", "bootMs", "fromSnapshot", "pythonVersion", "pyodideVersion", "seccomp"],
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
    required: ["status", "result", "resultCharsCut", "error", "messageCharsCut", "tracebackCharsCut", "stdout", "stderr", "stdoutBytesCut", "stderrBytesCut", "executionTimeMs", "interrupted"],
    additionalProperties: false,
    properties: {
      status: { enum: ["success", "exception"] },
      result: { type: ["string", "null"] },
      resultCharsCut: count,
      error: { oneOf: [{ type: "null" }, runError] },
      messageCharsCut: count,
      tracebackCharsCut: count,
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
    properties: { runId: text, stream: { enum: ["stdout", "stderr"] }, text },
  },
  [RunnerPackagesRequest.method]: {
    type: "object",
    required: ["runId", "modules"],
    additionalProperties: false,
    properties: { runId: text, modules: { type: "array", maxItems: 500, items: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]{0,199}$" } } },
  },
  [RunnerInstallRequest.method]: {
    type: "object",
    required: ["runId", "requirements"],
    additionalProperties: false,
    properties: { runId: text, requirements: { type: "array", minItems: 1, maxItems: 100, items: { type: "string", minLength: 1, maxLength: 2000 } } },
  },
};

/** Largest request body a runner may send with `fetch`, in bytes (it travels in base64). */
export const MAX_FETCH_BODY_BYTES = 16 * 1024 * 1024;

const requestId = { type: "integer", minimum: 1, maximum: 2 ** 31 };
RUNNER_MESSAGE_SCHEMAS[RunnerFetchRequest.method] = {
  type: "object",
  required: ["runId", "url"],
  additionalProperties: false,
  properties: {
    runId: text,
    url: { type: "string", minLength: 1, maxLength: 16384 },
    method: { type: "string", pattern: "^[A-Za-z]{1,20}$" },
    headers: { type: "array", maxItems: 200, items: { type: "array", minItems: 2, maxItems: 2, items: { type: "string", maxLength: 65536 } } },
    body: { type: "string", maxLength: Math.ceil(MAX_FETCH_BODY_BYTES / 3) * 4 },
    redirect: { enum: ["manual", "follow"] },
    timeoutMs: { type: "number", minimum: 0, maximum: 2 ** 31 - 1 },
  },
};
for (const method of [RunnerFetchReadRequest.method, RunnerFetchCloseRequest.method]) {
  RUNNER_MESSAGE_SCHEMAS[method] = { type: "object", required: ["runId", "requestId"], additionalProperties: false, properties: { runId: text, requestId } };
}

/** Requests a runner may send the daemon, and only during a run (their params carry its id). */
export const RUNNER_HOST_REQUESTS: readonly string[] = [
  RunnerPackagesRequest.method,
  RunnerInstallRequest.method,
  RunnerFetchRequest.method,
  RunnerFetchReadRequest.method,
  RunnerFetchCloseRequest.method,
];
