/** The `run_python` tool: picks the timeout, opens or revives the session, runs the code with its output streamed, and formats the answer. */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { errorMessage } from "../../protocol/describe.ts";
import type { PackagesProgressNotification, RunParams, RunResult, Stream } from "../../protocol/generated/types.ts";
import { MAX_TIMER_MS } from "../../protocol/limits.ts";
import { downloadLine } from "../shared/download-line.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { isSessionLost } from "../shared/run-errors.ts";
import { describeDuration, type McpOptions } from "./mcp-options.ts";
import { OutputForwarder, type StreamRequest } from "./output-stream.ts";
import { runFailureToTool, runResultToTool, toolFailure, type RunContext } from "./result-format.ts";
import type { SessionScope } from "./session-scope.ts";
import type { RunPythonArgs } from "./tools.ts";

/**
 * The timeout a call gets, in ms, and a note when the asked one was above the server's
 * limit (`--timeout`, or with no limit the longest timer JavaScript keeps, about 24.8 days).
 */
export function effectiveTimeout(askedSeconds: number | undefined, maxTimeoutMs: number): { timeoutMs: number; note?: string } {
  if (askedSeconds === undefined) return { timeoutMs: maxTimeoutMs };
  const asked = Math.max(1, Math.round(askedSeconds * 1000));
  const limit = maxTimeoutMs > 0 ? maxTimeoutMs : MAX_TIMER_MS;
  if (!(asked <= limit)) {
    return { timeoutMs: limit, note: `timeout_seconds ${askedSeconds} is above this server's limit, so ${describeDuration(limit)} was used.` };
  }
  return { timeoutMs: asked };
}

/**
 * Runs one `run_python` call. A Python exception, a timeout or a dead runner comes back as
 * a result with `isError`; a session lost under the run is reset so the next call works.
 * Aborting `signal` (the client cancelled, or the connection ended) interrupts the run.
 */
export async function runPython(
  client: DaemonClient,
  scope: SessionScope,
  options: McpOptions,
  args: RunPythonArgs,
  stream: StreamRequest,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const { timeoutMs, note } = effectiveTimeout(args.timeout_seconds, options.maxTimeoutMs);
  const session = args.session ?? null;
  const context: RunContext = {
    session,
    notes: note ? [note] : [],
    timeoutMs,
    sectionChars: options.sectionChars,
    clean: (m) => scope.clean(m),
    images: { maxBytes: options.maxImageBytes, maxPixels: options.maxImagePixels },
  };
  const params: Omit<RunParams, "session_id"> = { code: args.code, timeout_ms: timeoutMs };
  if (args.stdin !== undefined) params.stdin = args.stdin;
  if (session !== null) {
    if (args.reset_globals) params.reset_globals = true;
    try {
      context.notes.push(...(await scope.open(session)));
    } catch (error) {
      return toolFailure(`Could not create session "${session}": ${scope.clean(errorMessage(error))}`);
    }
  }

  const output = new OutputForwarder(stream);
  const runOptions = {
    signal,
    onOutput: output.wanted ? (s: Stream, text: string) => output.push(s, text) : undefined,
    // A first import of a package may download it: say so while it happens.
    onPackageProgress: output.wanted ? (p: PackagesProgressNotification) => output.status(downloadLine(p.package, p.done_bytes, p.total_bytes, p.done)) : undefined,
  };
  try {
    let result: RunResult;
    if (session === null) result = await client.run(params, runOptions);
    else {
      const kept = await scope.run(session, params, runOptions);
      context.notes.push(...kept.notes);
      result = kept.result;
    }
    await output.finish();
    return runResultToTool(result, context);
  } catch (error) {
    await output.finish();
    if (session !== null && isSessionLost(error)) context.notes.push(await scope.afterLoss(session));
    return runFailureToTool(error, context);
  }
}
