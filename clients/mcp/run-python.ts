/** The `run_python` tool: picks the timeout, opens or revives the session, runs the code with its output streamed, and formats the answer. */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { RunParams, RunResult } from "../../protocol/generated/types.ts";
import { MAX_TIMER_MS } from "../../protocol/limits.ts";
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
  const context: RunContext = { session, notes: note ? [note] : [], timeoutMs, sectionChars: options.sectionChars, clean: (m) => scope.clean(m) };
  const params: RunParams = { code: args.code, timeout_ms: timeoutMs };
  if (session !== null) {
    params.session_id = scope.daemonId(session);
    if (args.reset_globals) params.reset_globals = true;
    try {
      context.notes.push(...(await scope.open(session)));
    } catch (error) {
      return toolFailure(`Could not create session "${session}": ${scope.clean(error instanceof Error ? error.message : String(error))}`);
    }
  }

  const output = new OutputForwarder(stream);
  const run = (): Promise<RunResult> => client.run(params, { signal, onOutput: output.wanted ? (s, text) => output.push(s, text) : undefined });
  try {
    let result: RunResult;
    try {
      result = await run();
    } catch (error) {
      // Refused before it started: the session expired or was lost earlier. Bring it back and run once more.
      const revived = session === null ? undefined : await scope.revive(session, error);
      if (revived === undefined) throw error;
      context.notes.push(revived);
      result = await run();
    }
    await output.finish();
    return runResultToTool(result, context);
  } catch (error) {
    await output.finish();
    if (session !== null && isSessionLost(error)) context.notes.push(await scope.recoverAfterLoss(session));
    return runFailureToTool(error, context);
  }
}
