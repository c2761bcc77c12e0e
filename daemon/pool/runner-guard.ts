/** Checks every message a runner sends against the runner protocol and the caps the daemon gave it: the daemon treats a runner as hostile. */
import { Message, type DataCallback, type Disposable, type MessageReader, type MessageWriter } from "vscode-jsonrpc";
import { isBinaryMime } from "../../protocol/mime.ts";
import {
  MAX_DISPLAY_METADATA_WEIGHT,
  MAX_ERROR_TYPE_CHARS,
  RUNNER_ANYTIME_REQUESTS,
  RUNNER_HOST_REQUESTS,
  RUNNER_NOTIFICATIONS,
  RunnerDisplayNotification,
  RunnerRunRequest,
  type RunnerDisplayParams,
  type RunnerOutputParams,
  type RunnerRunParams,
  type RunnerRunResult,
} from "../contract/runner-protocol.ts";
import { RUNNER_VALIDATORS } from "../contract/runner-validators.ts";
import { jsonWeight } from "./json-weight.ts";


/** Longest error message a runner may send in an error response. */
const MAX_ERROR_MESSAGE = 4096;
/** Deepest nesting of a display output's metadata (woma's Python keeps 10 levels). */
const MAX_METADATA_DEPTH = 32;
/**
 * Most requests of a runner's that the daemon may be answering at once. A run's fetches are
 * at most 32 streams at a time, each with one read outstanding; everything else a run asks is
 * one request at a time. Past this, a runner could make the daemon hold any number of them.
 */
const MAX_UNANSWERED_REQUESTS = 256;

/** What the guard needs from its owner. */
export interface GuardHooks {
  /** The run whose output may arrive now, if any. */
  currentRunId(): string | undefined;
  /** Called once per offence, with a sentence saying what the runner did; the owner kills it. */
  onViolation(what: string): void;
}

/** Base64 as the protocol carries binary representations: no whitespace, padded. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A run the daemon asked for, with the caps it gave and what the runner has sent of it so far. */
interface GuardedRun {
  requestId: string | number;
  params: RunnerRunParams;
  displays: number;
  /** UTF-8 bytes of output notifications, per stream. */
  output: { stdout: number; stderr: number };
}

/**
 * Wraps the reader and writer of a runner's connection. The writer records every request
 * the daemon sends, and the caps of each run it asks for; the reader lets through only:
 * one answer per recorded request, whose result matches that method's schema and, for a
 * run, fits every cap of that run in every field; output and display outputs for the current
 * run, counted and measured whole against its caps (output bytes per stream, display count,
 * data and metadata of each display); and the few requests a run may make of the daemon,
 * with valid params, for the current run. Anything else (a forged or repeated id, an unknown
 * method, a malformed or oversized message) is reported as a violation and dropped, never
 * delivered.
 */
export class RunnerGuard {
  private readonly outstanding = new Map<string | number, string>();
  private violated = false;
  /** Runs asked for and not answered yet (one at a time in practice), by run id. */
  private readonly runs = new Map<string, GuardedRun>();
  /** Ids of the runner's requests the daemon has not answered yet. */
  private readonly unanswered = new Set<string | number>();

  constructor(private readonly hooks: GuardHooks) {}

  /** The writer to give the connection. */
  writer(inner: MessageWriter): MessageWriter {
    return Object.assign(Object.create(inner) as MessageWriter, {
      write: (message: Message) => {
        if (Message.isResponse(message) && message.id !== null) this.unanswered.delete(message.id);
        if (Message.isRequest(message) && message.id !== null) {
          this.outstanding.set(message.id, message.method);
          if (message.method === RunnerRunRequest.method) {
            const params = message.params as RunnerRunParams;
            this.runs.set(params.runId, { requestId: message.id, params, displays: 0, output: { stdout: 0, stderr: 0 } });
          }
        }
        return inner.write(message);
      },
    });
  }

  /** The reader to give the connection. */
  reader(inner: MessageReader): MessageReader {
    return Object.assign(Object.create(inner) as MessageReader, {
      listen: (callback: DataCallback): Disposable =>
        inner.listen((message) => {
          const problem = this.check(message);
          if (problem === undefined) callback(message);
          else this.violation(problem);
        }),
    });
  }

  /** Reports a violation found elsewhere (bad framing, an answer the daemon checks itself). */
  violation(what: string): void {
    if (this.violated) return;
    this.violated = true;
    this.hooks.onViolation(what);
  }

  private check(message: Message): string | undefined {
    if (this.violated) return "it kept sending after a violation";
    if (Message.isResponse(message)) {
      const id = message.id;
      const method = id === null ? undefined : this.outstanding.get(id);
      if (method === undefined) return `it answered request ${JSON.stringify(id)}, which was never asked or was already answered`;
      this.outstanding.delete(id!);
      const run = method === RunnerRunRequest.method ? this.takeRun(id!) : undefined;
      if (message.error !== undefined) {
        const { code, message: text } = message.error;
        if (typeof code !== "number" || typeof text !== "string" || text.length > MAX_ERROR_MESSAGE) return `its error answer to ${method} is malformed`;
        if (message.error.data !== undefined) return `its error answer to ${method} carries data`;
        return undefined;
      }
      return this.validate(method, message.result, `its result for ${method}`) ?? (run && overCaps(message.result as RunnerRunResult, run.params));
    }
    if (Message.isNotification(message)) {
      const display = message.method === RunnerDisplayNotification.method;
      if (!RUNNER_NOTIFICATIONS.includes(message.method)) return `it sent an unknown notification "${message.method.slice(0, 80)}"`;
      const problem = this.validate(message.method, message.params, display ? "its display notification" : "its output notification");
      if (problem) return problem;
      const runId = (message.params as { runId: string }).runId;
      const run = this.runs.get(runId);
      if (runId !== this.hooks.currentRunId() || run === undefined) return `it sent ${display ? "a display output" : "output"} for run ${JSON.stringify(runId.slice(0, 80))}, which is not running`;
      return display ? checkDisplay(run, message.params as RunnerDisplayParams) : checkOutput(run, message.params as RunnerOutputParams);
    }
    if (Message.isRequest(message)) {
      const problem = this.checkRequest(message);
      if (problem === undefined && message.id !== null) this.unanswered.add(message.id);
      return problem;
    }
    return "it sent something that is not a JSON-RPC message";
  }

  /** A request the runner may make now, with valid params, not repeating an id the daemon is still answering, within the number it may have unanswered. */
  private checkRequest(message: Message & { method: string; id: string | number | null; params?: unknown }): string | undefined {
    if (message.id !== null && this.unanswered.has(message.id)) return `it sent request ${JSON.stringify(message.id)} again before its answer`;
    if (this.unanswered.size >= MAX_UNANSWERED_REQUESTS) return `it has ${this.unanswered.size} requests unanswered, the most a runner may have`;
    if (RUNNER_ANYTIME_REQUESTS.includes(message.method)) return this.validate(message.method, message.params, `its ${message.method} request`);
    if (!RUNNER_HOST_REQUESTS.includes(message.method)) return `it sent a request ("${message.method.slice(0, 80)}") runners may not make`;
    const problem = this.validate(message.method, message.params, `its ${message.method} request`);
    if (problem) return problem;
    const runId = (message.params as { runId: string }).runId;
    if (runId !== this.hooks.currentRunId()) return `it sent ${message.method} for run ${JSON.stringify(runId.slice(0, 80))}, which is not running`;
    return undefined;
  }

  /** Forgets the run that the request `id` asked for, and returns it. */
  private takeRun(id: string | number): GuardedRun | undefined {
    for (const [runId, run] of this.runs) {
      if (run.requestId !== id) continue;
      this.runs.delete(runId);
      return run;
    }
    return undefined;
  }

  private validate(method: string, value: unknown, what: string): string | undefined {
    const validate = RUNNER_VALIDATORS.get(method);
    if (!validate) return `${what} has no schema`;
    if (validate(value)) return undefined;
    // The deepest error says most (a oneOf's branches each report one; the one that went furthest is the one meant).
    const error = validate.errors?.reduce((deepest, e) => (e.instancePath.length > deepest.instancePath.length ? e : deepest), validate.errors[0]!);
    return `${what} does not match the runner protocol (${error ? `${error.instancePath || "/"} ${error.message ?? "is invalid"}` : "invalid"})`;
  }
}

/** Output within the run's cap: all the output notifications of a stream together hold at most `maxOutputBytes`. */
function checkOutput(run: GuardedRun, { stream, text }: RunnerOutputParams): string | undefined {
  // A run that streams all its output (a terminal shows it): the daemon keeps only the first
  // cap of it (run-executor.ts), and what streams goes to a client under the connection's backlog bound.
  if (run.params.streamAllOutput === true) return undefined;
  run.output[stream] += Buffer.byteLength(text);
  const cap = run.params.maxOutputBytes;
  return run.output[stream] > cap ? `it sent ${run.output[stream]} bytes of ${stream} output, over the ${cap}-byte cap` : undefined;
}

/**
 * A display output within the caps the daemon gave the run, counting all of it: no more
 * outputs than it allows; no more bytes of data in one; metadata no heavier or deeper than
 * woma's Python makes it; base64 where the protocol says base64.
 */
function checkDisplay(run: GuardedRun, { output }: RunnerDisplayParams): string | undefined {
  const { maxDisplays, maxDisplayBytes } = run.params;
  if (++run.displays > maxDisplays) return `it sent more display outputs than the ${maxDisplays} the run allows`;
  let bytes = 0;
  for (const [mime, value] of Object.entries(output.data)) {
    if (value === undefined) continue;
    bytes += Buffer.byteLength(value);
    if (isBinaryMime(mime) && !BASE64.test(value)) return `its display output's ${mime.slice(0, 100)} is not base64`;
  }
  if (bytes > maxDisplayBytes) return `its display output of ${bytes} bytes is over the ${maxDisplayBytes}-byte cap`;
  if (output.output_type === "update_display_data" && output.display_id === undefined) return "it sent an update_display_data without the display_id it replaces";
  if ((output.output_type === "clear_output") !== (output.wait !== undefined)) return "it sent `wait` on an output that is not a clear_output, or a clear_output without it";
  if (output.metadata !== undefined) {
    const metadata = jsonWeight(output.metadata, MAX_DISPLAY_METADATA_WEIGHT, MAX_METADATA_DEPTH);
    if (metadata.depth > MAX_METADATA_DEPTH) return `its display output's metadata nests deeper than ${MAX_METADATA_DEPTH} levels`;
    if (metadata.bytes > MAX_DISPLAY_METADATA_WEIGHT) return `its display output's metadata of ${metadata.bytes}+ bytes is over the ${MAX_DISPLAY_METADATA_WEIGHT}-byte cap`;
  }
  return undefined;
}

/** A run's result that the runner could only have made by ignoring the caps it was given: every string it carries is measured (its output came in notifications, measured by checkOutput). */
function overCaps(result: RunnerRunResult, params: RunnerRunParams): string | undefined {
  const chars = params.maxResultChars;
  const error = result.error;
  if (error && error.type.length > MAX_ERROR_TYPE_CHARS) return `its error type of ${error.type.length} characters is over the ${MAX_ERROR_TYPE_CHARS}-character cap`;
  if (chars > 0) {
    if ((result.result?.length ?? 0) > chars) return `its result of ${result.result!.length} characters is over the ${chars}-character cap`;
    if (error && error.message.length > chars) return `its error message of ${error.message.length} characters is over the ${chars}-character cap`;
    if (error && error.traceback.length > chars) return `its traceback of ${error.traceback.length} characters is over the ${chars}-character cap`;
  }
  return undefined;
}
