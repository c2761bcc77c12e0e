/** Checks every message a runner sends against the runner protocol: the daemon treats a runner as hostile. */
import Ajv, { type ValidateFunction } from "ajv";
import { Message, type DataCallback, type Disposable, type MessageReader, type MessageWriter } from "vscode-jsonrpc";
import { isBinaryMime } from "../../protocol/mime.ts";
import { RUNNER_HOST_REQUESTS, RUNNER_MESSAGE_SCHEMAS, RunnerDisplayNotification, RunnerOutputNotification, type RunnerDisplayParams } from "../runner/runner-protocol.ts";

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<string, ValidateFunction>(Object.entries(RUNNER_MESSAGE_SCHEMAS).map(([method, schema]) => [method, ajv.compile(schema)]));

/** Longest error message a runner may send in an error response. */
const MAX_ERROR_MESSAGE = 4096;

/** What the guard needs from its owner. */
export interface GuardHooks {
  /** The run whose output may arrive now, if any. */
  currentRunId(): string | undefined;
  /** Called once per offence, with a sentence saying what the runner did; the owner kills it. */
  onViolation(what: string): void;
  /** The current run's caps on display outputs (the daemon's, not the runner's word for them). */
  displayCaps?(): { maxDisplays: number; maxDisplayBytes: number } | undefined;
}

/** Base64 as the protocol carries binary representations: no whitespace, padded. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Wraps the reader and writer of a runner's connection. The writer records every request
 * the daemon sends; the reader lets through only: one answer per recorded request, whose
 * result matches that method's schema; output notifications for the current run; and the
 * few requests a run may make of the daemon (packages), with valid params, for the current
 * run. Anything else (a forged or repeated id, an unknown method, a malformed result) is
 * reported as a violation and dropped, never delivered.
 */
export class RunnerGuard {
  private readonly outstanding = new Map<string | number, string>();
  private violated = false;
  /** Display outputs received for the run `displayRun`. */
  private displayRun: string | undefined;
  private displayCount = 0;

  constructor(private readonly hooks: GuardHooks) {}

  /** The writer to give the connection. */
  writer(inner: MessageWriter): MessageWriter {
    return Object.assign(Object.create(inner) as MessageWriter, {
      write: (message: Message) => {
        if (Message.isRequest(message) && message.id !== null) this.outstanding.set(message.id, message.method);
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

  /** Reports a violation found elsewhere (bad framing, a result over its caps). */
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
      if (message.error !== undefined) {
        const { code, message: text } = message.error;
        if (typeof code !== "number" || typeof text !== "string" || text.length > MAX_ERROR_MESSAGE) return `its error answer to ${method} is malformed`;
        return undefined;
      }
      return this.validate(method, message.result, `its result for ${method}`);
    }
    if (Message.isNotification(message)) {
      const display = message.method === RunnerDisplayNotification.method;
      if (message.method !== RunnerOutputNotification.method && !display) return `it sent an unknown notification "${message.method.slice(0, 80)}"`;
      const problem = this.validate(message.method, message.params, display ? "its display notification" : "its output notification");
      if (problem) return problem;
      const runId = (message.params as { runId: string }).runId;
      if (runId !== this.hooks.currentRunId()) return `it sent ${display ? "a display output" : "output"} for run ${JSON.stringify(runId.slice(0, 80))}, which is not running`;
      return display ? this.checkDisplay(message.params as RunnerDisplayParams) : undefined;
    }
    if (Message.isRequest(message)) {
      if (!RUNNER_HOST_REQUESTS.includes(message.method)) return `it sent a request ("${message.method.slice(0, 80)}") runners may not make`;
      const problem = this.validate(message.method, message.params, `its ${message.method} request`);
      if (problem) return problem;
      const runId = (message.params as { runId: string }).runId;
      if (runId !== this.hooks.currentRunId()) return `it sent ${message.method} for run ${JSON.stringify(runId.slice(0, 80))}, which is not running`;
      return undefined;
    }
    return "it sent something that is not a JSON-RPC message";
  }

  /**
   * A display output within the caps the daemon gave the run: no more outputs than it
   * allows, no more bytes in one, and base64 where the protocol says base64.
   */
  private checkDisplay({ runId, output }: RunnerDisplayParams): string | undefined {
    if (this.displayRun !== runId) {
      this.displayRun = runId;
      this.displayCount = 0;
    }
    const caps = this.hooks.displayCaps?.();
    if (caps === undefined) return "it sent a display output, which this daemon does not take";
    if (++this.displayCount > caps.maxDisplays) return `it sent more display outputs than the ${caps.maxDisplays} the run allows`;
    let bytes = 0;
    for (const [mime, value] of Object.entries(output.data)) {
      if (value === undefined) continue;
      bytes += Buffer.byteLength(value);
      if (isBinaryMime(mime) && !BASE64.test(value)) return `its display output's ${mime.slice(0, 100)} is not base64`;
    }
    if (bytes > caps.maxDisplayBytes) return `its display output of ${bytes} bytes is over the ${caps.maxDisplayBytes}-byte cap`;
    if (output.output_type === "update_display_data" && output.display_id === undefined) return "it sent an update_display_data without the display_id it replaces";
    if ((output.output_type === "clear_output") !== (output.wait !== undefined)) return "it sent `wait` on an output that is not a clear_output, or a clear_output without it";
    return undefined;
  }

  private validate(method: string, value: unknown, what: string): string | undefined {
    const validate = validators.get(method);
    if (!validate) return `${what} has no schema`;
    if (validate(value)) return undefined;
    const error = validate.errors?.[0];
    return `${what} does not match the runner protocol (${error ? `${error.instancePath || "/"} ${error.message ?? "is invalid"}` : "invalid"})`;
  }
}
