/** Turns what the daemon answered into MCP tool results, in one place: readable labelled text plus `structuredContent`. */
import { errorMessage } from "../../protocol/describe.ts";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ContentBlock } from "@modelcontextprotocol/sdk/types.js";
import { utf16Index } from "../../protocol/code-points.ts";
import type { DisplayOutput, RunResult, SessionState, TenantUsage } from "../../protocol/generated/types.ts";
import { ResponseError } from "vscode-jsonrpc";
import { failureData, isCancelled, isPoolBusy, isRuntimeTerminated, isTimedOut, poolBusyData } from "../shared/run-errors.ts";
import { describeDuration } from "./mcp-options.ts";
import { outputContent, type ImageLimits } from "./outputs.ts";
import type { RunPythonOutput, SessionSummary } from "./tools.ts";

/** What a run's formatting needs besides the daemon's answer. */
export interface RunContext {
  /** The session's name as the model gave it, or null for a one-off run. */
  session: string | null;
  /** Sentences about the session (created, recreated, reset), shown first. */
  notes: string[];
  /** The timeout the run was given, in ms (0: none). */
  timeoutMs: number;
  /** Most characters of each section in the text. */
  sectionChars: number;
  /** Rewrites daemon session ids in a daemon message into the model's names. */
  clean(message: string): string;
  /** What an image may cost (the server's `--max-image-bytes` and `--max-image-pixels`). */
  images: ImageLimits;
}

/** Keeps the head and the tail of `text` within `limit` characters, saying how much of the middle was cut. */
export function cutMiddle(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = Math.ceil(limit * 0.6);
  const tail = limit - head;
  const cut = text.length - head - tail;
  return `${text.slice(0, head)}\n[... ${cut.toLocaleString("en-US")} characters cut from the middle; ${text.length.toLocaleString("en-US")} in all ...]\n${text.slice(text.length - tail)}`;
}

/**
 * The labelled text of a run. With `stdout` given, only these sections: the notes (when
 * `head`), that part of stdout, and the closing sections (when `tail`): how a run with
 * display outputs is cut into the text around them.
 */
function textOf(output: RunPythonOutput, sectionChars: number, part?: { stdout: string; head: boolean; tail: boolean }): string {
  const parts: string[] = [];
  const add = (label: string, body: string) => parts.push(`[${label}]\n${cutMiddle(body.endsWith("\n") ? body.slice(0, -1) : body, sectionChars)}`);
  if (output.notes.length > 0 && (part?.head ?? true)) add("note", output.notes.join("\n"));
  const stdout = part?.stdout ?? output.stdout;
  if (stdout !== "") add("stdout", stdout);
  if (part && !part.tail) return parts.join("\n");
  if (output.stderr !== "") add("stderr", output.stderr);
  if (output.result !== null) add("result", output.result);
  if (output.error) add("error", output.error.traceback !== "" ? output.error.traceback : `${output.error.type}: ${output.error.message}`);
  const limits = output.truncated;
  if (limits) {
    const cut = [
      limits.stdout_bytes ? `${limits.stdout_bytes.toLocaleString("en-US")} bytes of stdout` : "",
      limits.stderr_bytes ? `${limits.stderr_bytes.toLocaleString("en-US")} bytes of stderr` : "",
      limits.result_chars ? `${limits.result_chars.toLocaleString("en-US")} characters of the result` : "",
      limits.displays ? `${limits.displays.toLocaleString("en-US")} rich outputs (past the server's limit per run)` : "",
    ].filter(Boolean);
    add("truncated", `Past the server's output limit, ${cut.join(", ")} were dropped and are not shown anywhere.`);
  }
  if (part) return parts.join("\n");
  if (parts.length === 0) return "Done. No output, and no value: the code ended with a statement (use print() or end with an expression to see something).";
  return parts.join("\n");
}

/**
 * The content of a run with display outputs: text up to the first output, the output
 * (an image, or its text), the stdout printed between outputs, and so on, with stderr, the
 * result and the error after the last. Fills `output.outputs` with their summaries.
 */
function interleaved(output: RunPythonOutput, displays: DisplayOutput[], context: RunContext): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  const text = (body: string) => body !== "" && blocks.push({ type: "text", text: body });
  let from = 0;
  displays.forEach((display, index) => {
    const to = utf16Index(output.stdout, display.stdout_offset);
    text(textOf(output, context.sectionChars, { stdout: output.stdout.slice(from, to), head: index === 0, tail: false }));
    from = Math.max(from, to);
    const shown = outputContent(display, index + 1, context.images, (body) => cutMiddle(body, context.sectionChars));
    blocks.push(...shown.blocks);
    output.outputs.push(shown.summary);
  });
  text(textOf(output, context.sectionChars, { stdout: output.stdout.slice(from), head: false, tail: true }));
  return blocks;
}

function toolResult(output: RunPythonOutput, context: RunContext, displays: DisplayOutput[] = []): CallToolResult {
  const content: ContentBlock[] = displays.length > 0 ? interleaved(output, displays, context) : [{ type: "text", text: textOf(output, context.sectionChars) }];
  const result: CallToolResult = { content, structuredContent: { ...output } };
  if (output.status !== "success") result.isError = true;
  return result;
}

/** A finished run: `isError` when a Python exception ended it. */
export function runResultToTool(run: RunResult, context: RunContext): CallToolResult {
  return toolResult(
    {
      status: run.status,
      session: context.session,
      result: run.result,
      stdout: run.stdout,
      stderr: run.stderr,
      error: run.error ?? null,
      execution_time_ms: run.execution_time_ms,
      truncated: run.truncated ?? null,
      notes: context.notes,
      outputs: [],
    },
    context,
    run.outputs,
  );
}

/** A run the daemon ended with an error (timeout, dead runner, cancel, refusal): always `isError`, with the output printed before it ended. */
export function runFailureToTool(error: unknown, context: RunContext): CallToolResult {
  const data = failureData(error);
  const where = context.session === null ? "" : ` in session "${context.session}"`;
  const kept = data?.session_state === "kept" && context.session !== null ? ` Session "${context.session}" keeps its variables.` : "";
  let status: RunPythonOutput["status"];
  let type: string;
  let message: string;
  if (isTimedOut(error)) {
    status = "timeout";
    type = "TimeoutError";
    const how = data?.runner_killed ? "ignored KeyboardInterrupt, so its Python process was killed" : "was interrupted with KeyboardInterrupt";
    message = `the code${where} ran past its ${describeDuration(context.timeoutMs)} limit and ${how}.${kept}`;
  } else if (isCancelled(error)) {
    status = "cancelled";
    type = "Cancelled";
    message = `the run${where} was cancelled by the client.${kept}`;
  } else if (isPoolBusy(error)) {
    status = "error";
    type = "PoolBusy";
    const busy = poolBusyData(error instanceof ResponseError ? error.data : undefined);
    const again = busy ? ` Call run_python again in about ${Math.max(1, Math.ceil(busy.retry_after_ms / 1000))} s.` : " Call run_python again later.";
    message = `woma is at capacity and did not run the code: ${context.clean(errorMessage(error))}.${again}`;
  } else if (isRuntimeTerminated(error)) {
    status = "terminated";
    type = "RuntimeTerminated";
    message = `the Python process died while running the code${where} (out of memory, or a crash): ${context.clean(errorMessage(error))}`;
  } else {
    status = "error";
    type = "ServerError";
    message = `woma could not run the code: ${context.clean(errorMessage(error))}`;
  }
  return toolResult(
    {
      status,
      session: context.session,
      result: null,
      stdout: data?.stdout ?? "",
      stderr: data?.stderr ?? "",
      error: { type, message, traceback: "" },
      execution_time_ms: data?.execution_time_ms ?? 0,
      truncated: null,
      notes: context.notes,
      outputs: [],
    },
    context,
    data?.outputs,
  );
}

/**
 * Arguments that do not match the tool's input schema. Following the MCP specification
 * (2025-11-25, "Input validation errors"), this is a tool result with `isError`, so the
 * model reads the message and can correct its call; unknown tools stay protocol errors.
 */
export function invalidArguments(tool: string, problem: string): CallToolResult {
  return { content: [{ type: "text", text: `Invalid arguments for ${tool}: ${problem}.` }], isError: true };
}

/** A session tool the daemon refused or failed: `isError` with the reason. */
export function toolFailure(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/** The result of `list_sessions`. */
export function sessionListToTool(sessions: SessionSummary[], usage?: TenantUsage): CallToolResult {
  const lines = sessions.map((s) => {
    const expiry = s.expires_at ? `, expires ${s.expires_at} unless used` : "";
    const lost = s.state === "lost" ? ` (lost: ${s.lost_reason ?? "its Python process died"}; the next run resets it)` : "";
    return `- ${s.name}: ${s.state}${lost}, ${s.run_count} run${s.run_count === 1 ? "" : "s"}, last used ${s.last_used_at}${expiry}`;
  });
  const listed = sessions.length === 0 ? "No open sessions. run_python with `session` creates one." : `${sessions.length} open session${sessions.length === 1 ? "" : "s"}:\n${lines.join("\n")}`;
  if (usage === undefined) return { content: [{ type: "text", text: listed }], structuredContent: { sessions } };
  const own = { runs: usage.runs, runners: usage.runners, busy: usage.busy, memory_bytes: usage.rss_bytes, queued: usage.queued + usage.waiting };
  const text = `${listed}\nThis connection: ${own.runs} run${own.runs === 1 ? "" : "s"} so far, ${own.runners} Python process${own.runners === 1 ? "" : "es"} (${(own.memory_bytes / 1048576).toFixed(0)} MiB), ${own.queued} call${own.queued === 1 ? "" : "s"} waiting.`;
  return { content: [{ type: "text", text }], structuredContent: { sessions, usage: own } };
}

/** The result of `reset_session`. */
export function sessionResetToTool(session: string, state: SessionState): CallToolResult {
  return { content: [{ type: "text", text: `Session "${session}" was reset: its globals are empty.` }], structuredContent: { session, state } };
}

/** The result of `close_session`. */
export function sessionClosedToTool(session: string, closed: boolean): CallToolResult {
  const text = closed ? `Session "${session}" was closed.` : `No session "${session}" was open (never created, already closed, or expired); nothing to do.`;
  return { content: [{ type: "text", text }], structuredContent: { session, closed } };
}
