/** One execute_request carried out on the daemon: outputs as iopub messages in order, the reply's content, and what history keeps. */
import type { DisplayOutput, MimeBundle, RunError, RunResult } from "../../protocol/generated/types.ts";
import { errorMessage } from "../../protocol/describe.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { failureData, isCancelled, isRuntimeTerminated, isSessionLost, isTimedOut } from "../shared/run-errors.ts";
import type { SessionKeeper } from "../shared/session-keeper.ts";
import { helpRequest, inspectionText } from "./introspection.ts";
import { droppedNote, frontEndBundle } from "./output-policy.ts";

/** What a cell needs from the kernel around it. */
export interface CellContext {
  /** Publishes an iopub message whose parent is the cell's request. */
  publish(msgType: string, content: Record<string, unknown>): void;
  /** Asks the front end that sent the cell for a line (an input_request on stdin); null at the end of input. Absent when the request did not allow stdin. */
  ask?(prompt: string, password: boolean, signal: AbortSignal): Promise<string | null>;
}

/** An execute_request's content, checked. */
export interface CellRequest {
  code: string;
  silent: boolean;
  storeHistory: boolean;
  userExpressions: Record<string, string>;
  allowStdin: boolean;
  stopOnError: boolean;
}

/** How the kernel treats what a cell shows. */
export interface CellPolicy {
  /** Pass every representation as it is (`--trust-outputs`); otherwise only what a browser shows without running code ({@link frontEndBundle}). */
  trustOutputs: boolean;
}

/** How a cell ended: the reply's content, the text of its result for history, and whether it failed. */
export interface CellOutcome {
  reply: Record<string, unknown>;
  output: string | null;
  failed: boolean;
}

/** The error part of a reply or an `error` message: exception name, value and traceback lines. */
export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** A Python exception as Jupyter shows it: the traceback split into lines, with a hint when IPython syntax was used. */
export function pythonError(error: RunError, code: string): ErrorContent {
  const traceback = error.traceback.replace(/\n$/, "").split("\n");
  if (error.type === "SyntaxError" && /^\s*[%!]/m.test(code)) {
    traceback.push("", "woma runs Python, not IPython: magics (%pip, %time, ...) and shell escapes (!ls) are not supported. Packages load when imported; to install one, run: import micropip; await micropip.install('name')");
  }
  return { ename: error.type, evalue: error.message, traceback };
}

/** A run the daemon ended (an interrupt, a timeout, a runner that died) as a Jupyter error. */
export function daemonError(error: unknown): ErrorContent {
  const message = errorMessage(error);
  if (isCancelled(error)) return { ename: "KeyboardInterrupt", evalue: "", traceback: ["KeyboardInterrupt: the run was interrupted; the session keeps its variables"] };
  if (isTimedOut(error)) return { ename: "TimeoutError", evalue: message, traceback: [`TimeoutError: ${message}`] };
  const lost = isSessionLost(error) || isRuntimeTerminated(error) || failureData(error)?.session_state === "lost";
  const evalue = lost ? `${message} (the kernel's variables are gone: the next cell starts in a fresh interpreter)` : message;
  return { ename: "RuntimeError", evalue, traceback: [`RuntimeError: ${evalue}`] };
}

/** The iopub message for one display output of the daemon, its bundle as `show` lets it through. */
function displayMessage(output: DisplayOutput, executionCount: number, show: (data: MimeBundle) => Record<string, string>): [string, Record<string, unknown>] {
  const metadata = output.metadata ?? {};
  const transient = output.display_id === undefined ? {} : { display_id: output.display_id };
  switch (output.output_type) {
    case "clear_output":
      return ["clear_output", { wait: output.wait === true }];
    case "execute_result":
      return ["execute_result", { execution_count: executionCount, data: show(output.data), metadata }];
    case "update_display_data":
      return ["update_display_data", { data: show(output.data), metadata, transient }];
    case "display_data":
      return ["display_data", { data: show(output.data), metadata, transient }];
  }
}

/** Evaluates each user expression after a cell (as ipykernel does, for front ends' prompts); each is its own run, nothing of it is shown. */
async function userExpressions(keeper: SessionKeeper, sessionId: string, expressions: Record<string, string>, show: (data: MimeBundle) => Record<string, string>): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const [name, expression] of Object.entries(expressions)) {
    try {
      const { result } = await keeper.run(sessionId, { code: expression });
      if (result.status === "exception" && result.error) values[name] = { status: "error", ...pythonError(result.error, expression) };
      else {
        const rich = result.outputs?.find((o) => o.output_type === "execute_result");
        values[name] = { status: "ok", data: show(rich?.data ?? { "text/plain": result.result ?? "None" }), metadata: rich?.metadata ?? {} };
      }
    } catch (error) {
      values[name] = { status: "error", ...daemonError(error) };
    }
  }
  return values;
}

/** A cell that only asks for help (`len?`): a pager payload, as IPython gives, or a line saying nothing was found. */
async function help(client: DaemonClient, sessionId: string, name: string, context: CellContext, silent: boolean): Promise<unknown[]> {
  const found = await client.inspect({ code: name, session_id: sessionId });
  if (!found.found) {
    if (!silent) context.publish("stream", { name: "stdout", text: `Object \`${name}\` not found.\n` });
    return [];
  }
  return [{ source: "page", data: { "text/plain": inspectionText(found) }, start: 0 }];
}

/**
 * Runs a cell in the kernel's session and publishes what it makes, in order: stream,
 * display_data, update_display_data, clear_output, execute_result, error. A silent cell
 * publishes nothing. `signal` interrupts it.
 */
export async function runCell(
  client: DaemonClient,
  keeper: SessionKeeper,
  sessionId: string,
  request: CellRequest,
  executionCount: number,
  context: CellContext,
  policy: CellPolicy,
  signal: AbortSignal,
): Promise<CellOutcome> {
  const noted = new Set<string>();
  // What a front end may show; what was left out is said once per cell, on stderr, where it happened.
  const show = (data: MimeBundle): Record<string, string> => {
    if (policy.trustOutputs) return data as Record<string, string>;
    const filtered = frontEndBundle(data);
    const fresh = filtered.dropped.filter((mime) => !noted.has(mime));
    if (fresh.length > 0 && !request.silent) {
      for (const mime of fresh) noted.add(mime);
      context.publish("stream", { name: "stderr", text: droppedNote(fresh) });
    }
    return filtered.data;
  };
  const ok = (payload: unknown[], output: string | null, expressions: Record<string, unknown> = {}): CellOutcome => ({
    reply: { status: "ok", execution_count: executionCount, payload, user_expressions: expressions },
    output,
    failed: false,
  });
  const failed = (error: ErrorContent): CellOutcome => {
    if (!request.silent) context.publish("error", { ...error });
    return { reply: { status: "error", execution_count: executionCount, ...error, payload: [], user_expressions: {} }, output: null, failed: true };
  };
  if (request.code.trim() === "") return ok([], null);
  // `exit` and `quit` ask a console to leave, as in IPython (ask_exit payload); in Python they would only print or raise.
  if (/^\s*(?:exit|quit)(?:\(\s*\))?\s*$/.test(request.code)) return ok([{ source: "ask_exit", keepkernel: false }], null);
  const asked = helpRequest(request.code);
  if (asked !== undefined) {
    try {
      return ok(await help(client, sessionId, asked.name, context, request.silent), null);
    } catch (error) {
      return failed(daemonError(error));
    }
  }
  let richResult: string | undefined;
  let result: RunResult;
  try {
    const ask = request.allowStdin ? context.ask : undefined;
    ({ result } = await keeper.run(
      sessionId,
      { code: request.code },
      {
        signal,
        onOutput: (stream, text) => {
          if (!request.silent) context.publish("stream", { name: stream, text });
        },
        onDisplay: (output) => {
          if (output.output_type === "execute_result") richResult = output.data["text/plain"] ?? "";
          if (request.silent) return;
          const [type, content] = displayMessage(output, executionCount, show);
          context.publish(type, content);
        },
        ...(ask ? { onInput: (params, aborted) => ask(params.prompt, params.password, aborted) } : {}),
      },
    ));
  } catch (error) {
    return failed(daemonError(error));
  }
  const dropped = result.truncated?.displays;
  if (dropped && !request.silent) {
    context.publish("stream", { name: "stderr", text: `woma: ${dropped} display output${dropped === 1 ? " was" : "s were"} dropped past the kernel's limit per cell (--max-displays)\n` });
  }
  if (result.status === "exception" && result.error) return failed(pythonError(result.error, request.code));
  const output = richResult ?? result.result;
  if (richResult === undefined && result.result !== null && !request.silent) {
    context.publish("execute_result", { execution_count: executionCount, data: { "text/plain": result.result }, metadata: {} });
  }
  const expressions = Object.keys(request.userExpressions).length > 0 ? await userExpressions(keeper, sessionId, request.userExpressions, show) : {};
  return ok([], output, expressions);
}
