/**
 * The contract between the daemon and one runner process (not part of the public protocol):
 * its methods, the types both sides share and the validators of what a runner sends, all
 * from runner.schema.json beside this file (types and validators are generated into
 * generated/), plus what a schema cannot say (the channel, the interrupt page).
 */
import { NotificationType, RequestType } from "vscode-jsonrpc";
import type { DisplayOutputType } from "../../protocol/generated/types.ts";
import type * as Contract from "./generated/runner-types.ts";
import schema from "./runner.schema.json" with { type: "json" };

export type {
  BootMode,
  FilesAnswer,
  FilesOp,
  FilesProblem,
  PrivilegeState,
  RelayChunk,
  RelayHead,
  RelayRequest,
  RunnerBootParams,
  RunnerBootResult,
  RunnerCompletionParams,
  RunnerDisplayOutput,
  RunnerDisplayParams,
  RunnerFilesParams,
  RunnerInputParams,
  RunnerInputResult,
  RunnerInstallParams,
  RunnerLoadParams,
  RunnerLoadResult,
  RunnerOutputParams,
  RunnerPackagesParams,
  RunnerPackagesResult,
  RunnerRunParams,
  RunnerRunResult,
  RunnerSessionParams,
  RunnerWheel,
  SeccompState,
} from "./generated/runner-types.ts";

/**
 * The file descriptor the runner writes its messages to the daemon on: not stdout, where a
 * stray console.log would land. The daemon's messages come on stdin, the fastest pipe Bun
 * reads; Emscripten's terminal devices, which would read it, are cut off (tty-lockdown.ts).
 */
export const RUNNER_CHANNEL_FD = 3;

/**
 * The interrupt page: a small file the daemon and its runner both map, shared memory across
 * the two processes. Python runs on the runner's only thread, so a run busy in bytecode reads
 * no message; the daemon stores SIGINT (2) in the signal slot, which Pyodide's periodic
 * signal check reads (its interrupt buffer). The runner sets the acknowledgement slot to 1
 * when it takes the daemon's `runner/interrupt` message itself (Python was suspended), and
 * the daemon then leaves the signal alone. Both are Int32 slots.
 */
export const INTERRUPT_PAGE_BYTES = 4096;
/** The Int32 slot Pyodide reads as its interrupt buffer. */
export const INTERRUPT_SIGNAL_SLOT = 0;
/** The Int32 slot the runner sets when it has taken an interrupt as a message. */
export const INTERRUPT_ACK_SLOT = 1;
/** The signal the daemon stores: SIGINT, which raises KeyboardInterrupt. */
export const INTERRUPT_SIGNAL = 2;

/** A verified package file in the daemon's cache: a {@link Contract.RunnerWheel} plus where the daemon keeps it, which a runner never sees. */
export type WheelSpec = Contract.RunnerWheel & {
  /** Absolute path in the cache: the daemon's alone. */
  path: string;
};

/** What the daemon's package service answers a runner's `runner/packages` or `runner/install` with, before the paths are taken out. */
export type PackagesAnswer = Omit<Contract.RunnerPackagesResult, "wheels"> & { wheels: WheelSpec[] };

/** What Python reports of a run: its status, the repr of its value or its error, each capped. */
export type RunOutcome = Omit<Contract.RunnerRunResult, "stdoutBytesCut" | "stderrBytesCut" | "executionTimeMs" | "interrupted">;

export const RunnerBootRequest = new RequestType<Contract.RunnerBootParams, Contract.RunnerBootResult, void>("runner/boot");
export const RunnerRunRequest = new RequestType<Contract.RunnerRunParams, Contract.RunnerRunResult, void>("runner/run");
export const RunnerSessionRequest = new RequestType<Contract.RunnerSessionParams, Contract.RunnerSessionResult, void>("runner/session");
export const RunnerCheckRequest = new RequestType<Contract.RunnerCheckParams, Contract.RunnerCheckResult, void>("runner/check");
export const RunnerLoadRequest = new RequestType<Contract.RunnerLoadParams, Contract.RunnerLoadResult, void>("runner/load");
/** Runner to daemon, during a run: which packages provide these modules (the daemon fetches and verifies them). */
export const RunnerPackagesRequest = new RequestType<Contract.RunnerPackagesParams, Contract.RunnerPackagesResult, void>("runner/packages");
/** Runner to daemon, during a run: resolve and fetch requirements (`micropip.install`). */
export const RunnerInstallRequest = new RequestType<Contract.RunnerInstallParams, Contract.RunnerPackagesResult, void>("runner/install");
/** Runner to daemon, during a run: an HTTP request for the broker (`fetch` in the runner); resolves with the response's head. */
export const RunnerFetchRequest = new RequestType<Contract.RelayRequest, Contract.RelayHead, void>("runner/fetch");
/** Runner to daemon: the next part of a response's body (pulled, so bytes flow as fast as Python reads). */
export const RunnerFetchReadRequest = new RequestType<Contract.RunnerBodyParams, Contract.RelayChunk, void>("runner/fetch-read");
/** Runner to daemon: drop a response unread. */
export const RunnerFetchCloseRequest = new RequestType<Contract.RunnerBodyParams, Contract.RunnerEmptyResult, void>("runner/fetch-close");
/** Runner to daemon, at any time: the bytes of a package file the daemon offered this runner (by its sha256); the answer carries them raw (payload-frames.ts). */
export const RunnerWheelRequest = new RequestType<Contract.RunnerWheelParams, Contract.RunnerWheelResult, void>("runner/wheel");
/** Daemon to runner: raise KeyboardInterrupt in the run, if it is still the current one. */
export const RunnerInterruptNotification = new NotificationType<Contract.RunnerInterruptParams>("runner/interrupt");
/** Runner to daemon: output of the current run. */
export const RunnerOutputNotification = new NotificationType<Contract.RunnerOutputParams>("runner/output");
/** Runner to daemon: a display output of the current run. */
export const RunnerDisplayNotification = new NotificationType<Contract.RunnerDisplayParams>("runner/display");
/** Runner to daemon, during a run: a line (or all) of input for Python. */
export const RunnerInputRequest = new RequestType<Contract.RunnerInputParams, Contract.RunnerInputResult, void>("runner/input");
/** Daemon to runner, between runs: a file operation in a session's working directory. */
export const RunnerFilesRequest = new RequestType<Contract.RunnerFilesParams, Contract.FilesAnswer, void>("runner/files");
/** Daemon to runner, between runs: completions at a cursor. */
export const RunnerCompleteRequest = new RequestType<Contract.RunnerCompletionParams, Contract.RunnerCompleteResult, void>("runner/complete");
/** Daemon to runner, between runs: what the name at a cursor is. */
export const RunnerInspectRequest = new RequestType<Contract.RunnerCompletionParams, Contract.RunnerInspectResult, void>("runner/inspect");

/** What the schema's `x-methods` says of one method: who sends it, its params and result, and when a runner may send it. */
export interface MethodEntry {
  from: "daemon" | "runner";
  params: string;
  result?: string;
  notification?: true;
  during?: "run" | "any";
}
/** The schema's `x-methods`: every method of the contract, by name. */
export const RUNNER_METHODS: Readonly<Record<string, MethodEntry>> = schema["x-methods"] as Record<string, MethodEntry>;
const definitions = schema.definitions as Record<string, { properties?: Record<string, Record<string, unknown>> }>;

/** A number a definition's property states in the schema (a limit the runner also enforces, so the two cannot drift apart). */
function limit(definition: string, path: string[], keyword: string): number {
  let node: Record<string, unknown> | undefined = definitions[definition] as Record<string, unknown>;
  for (const key of path) node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[key] ?? (node?.items as Record<string, unknown> | undefined);
  const value = node?.[keyword];
  if (typeof value !== "number") throw new Error(`runner.schema.json has no ${keyword} at ${definition}.${path.join(".")}`);
  return value;
}

/**
 * Every request a runner may send the daemon, and when: during a run (its params then carry
 * the run's id, and the daemon refuses it for a run that is not going on) or at any time
 * (naming no run: a boot's or a load's package files). The runner's relays and the daemon's
 * guard both follow this table, which is the schema's `x-methods`.
 */
export const RUNNER_REQUESTS: Readonly<Record<string, "run" | "any">> = Object.fromEntries(
  Object.entries(RUNNER_METHODS)
    .filter(([, entry]) => entry.from === "runner" && !entry.notification)
    .map(([method, entry]) => [method, entry.during ?? "run"]),
);

/** A request a runner may send the daemon (a key of {@link RUNNER_REQUESTS}). */
export type RunnerRequestMethod = string;

/** Requests a runner may send the daemon at any time, naming no run. */
export const RUNNER_ANYTIME_REQUESTS: readonly string[] = Object.keys(RUNNER_REQUESTS).filter((method) => RUNNER_REQUESTS[method] === "any");

/** Requests a runner may send the daemon, and only during a run (their params carry its id). */
export const RUNNER_HOST_REQUESTS: readonly string[] = Object.keys(RUNNER_REQUESTS).filter((method) => RUNNER_REQUESTS[method] === "run");

/** Notifications a runner may send (during a run). */
export const RUNNER_NOTIFICATIONS: readonly string[] = Object.keys(RUNNER_METHODS).filter((method) => RUNNER_METHODS[method]!.from === "runner" && RUNNER_METHODS[method]!.notification);

/** Longest exception type name a run's error may carry, in characters: woma's Python cuts a longer one (ending it with "…"). */
export const MAX_ERROR_TYPE_CHARS = limit("RunnerRunError", ["type"], "maxLength");
/**
 * Heaviest metadata one display output may carry, as the daemon weighs it (json-weight.ts).
 * woma's Python keeps metadata within 64 KiB of `json.dumps`; the same value weighs at most
 * about four times that once JavaScript has re-encoded it (a float such as 1e20 takes 5
 * characters in Python and 21 in JavaScript), so the daemon allows that much and no more.
 */
export const MAX_DISPLAY_METADATA_WEIGHT = 4 * 65536;
/** Most requirements one `micropip.install` may send. */
export const MAX_INSTALL_REQUIREMENTS = limit("RunnerInstallParams", ["requirements"], "maxItems");
/** Longest requirement (or index URL) `micropip.install` may send, in characters. */
export const MAX_REQUIREMENT_CHARS = limit("RunnerInstallParams", ["requirements", "items"], "maxLength");
/** Most index URLs one `micropip.install` may send. */
export const MAX_INDEX_URLS = limit("RunnerInstallParams", ["indexUrls"], "maxItems");
/** Most modules one `runner/packages` may ask about. */
export const MAX_IMPORT_MODULES = limit("RunnerPackagesParams", ["modules"], "maxItems");
/** The shape of a module name `runner/packages` may ask about. */
export const MODULE_NAME = new RegExp(String((definitions.RunnerPackagesParams!.properties!.modules!.items as { pattern: string }).pattern));
/** Largest request body a runner may send with `fetch`, in bytes: what fits the schema's bound on its base64 (16 MiB). */
export const MAX_FETCH_BODY_BYTES = Math.floor(limit("RelayRequest", ["body"], "maxLength") / 4) * 3;
/** Longest URL a runner may send with `fetch`, in characters (after the URL parser's encoding). */
export const MAX_FETCH_URL_CHARS = limit("RelayRequest", ["url"], "maxLength");
/** Most request headers a runner may send with `fetch`. */
export const MAX_FETCH_HEADERS = limit("RelayRequest", ["headers"], "maxItems");
/** Longest header name or value a runner may send with `fetch`, in characters. */
export const MAX_FETCH_HEADER_CHARS = limit("RelayRequest", ["headers", "items", "items"], "maxLength");
/** Longest prompt a runner may send with `runner/input`, in characters. */
export const MAX_INPUT_PROMPT_CHARS = limit("RunnerInputParams", ["prompt"], "maxLength");
/** Most entries a `files/list` answer holds. */
export const MAX_LISTED_FILES = limit("FilesDone", ["entries"], "maxItems");
/** Longest display id a runner may send, in characters (Python's display() refuses longer ones). */
export const MAX_DISPLAY_ID_CHARS = limit("RunnerDisplayOutput", ["display_id"], "maxLength");

/** Every kind of display output, each spelled once (a record, so a kind the schema adds must be listed). */
const DISPLAY_OUTPUT_KINDS: Record<DisplayOutputType, true> = { display_data: true, execute_result: true, update_display_data: true, clear_output: true };
/** The kinds a runner may send. */
export const DISPLAY_OUTPUT_TYPES = Object.keys(DISPLAY_OUTPUT_KINDS) as readonly DisplayOutputType[];
