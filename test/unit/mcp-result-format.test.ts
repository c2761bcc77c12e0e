/** The MCP server's one place that turns daemon answers into tool results: labelled text, structured content, and isError when the run did not succeed. */
import { describe, expect, test } from "bun:test";
import { ResponseError } from "vscode-jsonrpc";
import { cutMiddle, invalidArguments, runFailureToTool, runResultToTool, sessionClosedToTool, sessionListToTool, sessionResetToTool, type RunContext } from "../../clients/mcp/result-format.ts";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { RunFailureData, RunResult } from "../../protocol/generated/types.ts";

const context = (over: Partial<RunContext> = {}): RunContext => ({ session: "main", notes: [], timeoutMs: 30_000, sectionChars: 8000, clean: (m) => m.replaceAll("mcp-abc:", ""), images: { maxBytes: 1 << 20, maxPixels: 1_150_000 }, ...over });
const run = (over: Partial<RunResult> = {}): RunResult => ({ run_id: "r1", session_id: "mcp-abc:main", status: "success", result: null, stdout: "", stderr: "", execution_time_ms: 3, ...over });
const text = (result: { content: unknown[] }) => (result.content[0] as { text: string }).text;
const data = (over: Partial<RunFailureData> = {}): RunFailureData => ({ run_id: "r1", stdout: "", stderr: "", execution_time_ms: 5, session_state: "kept", runner_killed: false, ...over });

describe("cutMiddle", () => {
  test("keeps short text whole, and the head and tail of long text with the count cut", () => {
    expect(cutMiddle("short", 10)).toBe("short");
    const cut = cutMiddle("a".repeat(60) + "b".repeat(40), 10);
    expect(cut.startsWith("aaaaaa\n[... 90 characters cut from the middle; 100 in all ...]\n")).toBe(true);
    expect(cut.endsWith("bbbb")).toBe(true);
  });
});

describe("a finished run", () => {
  test("success: labelled sections in order, structured content, no isError", () => {
    const result = runResultToTool(run({ stdout: "hi\n", result: "42" }), context({ notes: ['Session "main" was created (new and empty).'] }));
    expect(text(result)).toBe('[note]\nSession "main" was created (new and empty).\n[stdout]\nhi\n[result]\n42');
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ status: "success", session: "main", result: "42", error: null, truncated: null });
  });

  test("no output and no value says so, so the model is not left guessing", () => {
    expect(text(runResultToTool(run(), context()))).toContain("No output, and no value");
  });

  test("an exception is isError with the traceback", () => {
    const error = { type: "ValueError", message: "bad", traceback: 'Traceback (most recent call last):\n  File "<exec>", line 1\nValueError: bad\n' };
    const result = runResultToTool(run({ status: "exception", error }), context());
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('[error]\nTraceback (most recent call last):\n  File "<exec>", line 1');
  });

  test("output cut by the daemon is reported in its own section", () => {
    const result = runResultToTool(run({ stdout: "x", truncated: { stdout_bytes: 1500, result_chars: 2 } }), context());
    expect(text(result)).toContain("[truncated]\nPast the server's output limit, 1,500 bytes of stdout, 2 characters of the result were dropped");
  });

  test("each section is cut in the middle past sectionChars", () => {
    expect(text(runResultToTool(run({ stdout: "z".repeat(500) }), context({ sectionChars: 100 })))).toContain("characters cut from the middle");
  });
});

describe("a run the daemon ended with an error", () => {
  test("a timeout that kept the session", () => {
    const error = new ResponseError(WomaErrorCodes.RunTimedOut, "run r1 timed out after 30000 ms", data({ stdout: "partial\n" }));
    const result = runFailureToTool(error, context());
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ status: "timeout", stdout: "partial\n", error: { type: "TimeoutError" } });
    expect(text(result)).toContain('the code in session "main" ran past its 30 s limit and was interrupted with KeyboardInterrupt. Session "main" keeps its variables.');
  });

  test("a timeout that killed the runner says so", () => {
    const error = new ResponseError(WomaErrorCodes.RunTimedOut, "timed out", data({ session_state: "lost", runner_killed: true }));
    expect(text(runFailureToTool(error, context()))).toContain("ignored KeyboardInterrupt, so its Python process was killed");
  });

  test("a refusal for capacity is isError saying the bound and when to call again", () => {
    const error = new ResponseError(WomaErrorCodes.PoolBusy, "all 16 runners are held by clients (--max-runners 16); this request waited 5 s for one (--admission-timeout 5 s); retry in 5 s", {
      bound: "--max-runners",
      limit: 16,
      waited_ms: 5001,
      retry_after_ms: 5000,
    });
    const result = runFailureToTool(error, context());
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ status: "error", error: { type: "PoolBusy" } });
    expect(text(result)).toContain("woma is at capacity and did not run the code: all 16 runners are held by clients (--max-runners 16); this request waited 5 s for one (--admission-timeout 5 s); retry in 5 s. Call run_python again in about 5 s.");
  });

  test("a cancel", () => {
    const result = runFailureToTool(new ResponseError(JsonRpcErrorCodes.RequestCancelled, "cancelled", data()), context({ session: null }));
    expect(result.structuredContent).toMatchObject({ status: "cancelled", session: null, error: { type: "Cancelled", message: "the run was cancelled by the client." } });
  });

  test("a dead runner, with daemon session ids turned into the model's names", () => {
    const error = new ResponseError(WomaErrorCodes.RuntimeTerminated, 'Python runtime terminated: memory limit exceeded; session "mcp-abc:main" is lost', data({ runner_killed: true }));
    const result = runFailureToTool(error, context());
    expect(result.structuredContent).toMatchObject({ status: "terminated", error: { type: "RuntimeTerminated" } });
    expect(text(result)).toContain('session "main" is lost');
    expect(text(result)).not.toContain("mcp-abc:");
  });

  test("anything else is a ServerError with the message", () => {
    const result = runFailureToTool(new Error("pool busy: 256 runs are already waiting"), context());
    expect(result.structuredContent).toMatchObject({ status: "error", error: { type: "ServerError", message: "woma could not run the code: pool busy: 256 runs are already waiting" } });
  });
});

describe("session tools", () => {
  test("list, with lost sessions explained and an empty list that says how to make one", () => {
    const sessions = [
      { name: "a", state: "ready" as const, run_count: 1, created_at: "t0", last_used_at: "t1", expires_at: "t2" },
      { name: "b", state: "lost" as const, run_count: 2, created_at: "t0", last_used_at: "t1", expires_at: null, lost_reason: "runner died" },
    ];
    const listed = text(sessionListToTool(sessions));
    expect(listed).toContain("2 open sessions:\n- a: ready, 1 run, last used t1, expires t2 unless used");
    expect(listed).toContain("- b: lost (lost: runner died; the next run resets it), 2 runs");
    expect(text(sessionListToTool([]))).toContain("No open sessions. run_python with `session` creates one.");
  });

  test("list with the connection's own use: a line of text and the figures", () => {
    const usage = { runners: 2, busy: 1, rss_bytes: 300 * 1048576, runs: 1, queued: 1, waiting: 2, sessions: 0, boot_ms: 900 };
    const listed = sessionListToTool([], usage);
    expect(text(listed)).toContain("This connection: 1 run so far, 2 Python processes (300 MiB), 3 calls waiting.");
    expect(listed.structuredContent).toEqual({ sessions: [], usage: { runs: 1, runners: 2, busy: 1, memory_bytes: 300 * 1048576, queued: 3 } });
  });

  test("reset and close", () => {
    expect(sessionResetToTool("a", "ready").structuredContent).toEqual({ session: "a", state: "ready" });
    expect(text(sessionClosedToTool("a", false))).toContain('No session "a" was open');
    expect(invalidArguments("run_python", 'argument "code" is required')).toEqual({ content: [{ type: "text", text: 'Invalid arguments for run_python: argument "code" is required.' }], isError: true });
  });
});
