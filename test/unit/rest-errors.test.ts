/** The REST bridge's one table from daemon errors and guard refusals to HTTP status, without a daemon. */
import { describe, expect, test } from "bun:test";
import { ResponseError } from "vscode-jsonrpc";
import { restErrorFromDaemon, restErrorFromRefusal, RestError } from "../../clients/rest/rest-errors.ts";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";

describe("daemon errors to HTTP status", () => {
  const cases: Array<[string, ResponseError<unknown>, number, string]> = [
    ["RuntimeTerminated", new ResponseError(WomaErrorCodes.RuntimeTerminated, "Python runtime terminated: runner exited with code 70"), 500, "Python runtime terminated: runner exited with code 70"],
    ["SessionLost", new ResponseError(WomaErrorCodes.SessionLost, "runner r1 died: killed"), 500, "Python runtime terminated: runner r1 died: killed"],
    [
      "a timeout that killed a session's runner",
      new ResponseError(WomaErrorCodes.RunTimedOut, "run a timed out after 300 ms; it ignored the interrupt, so its runner was killed", { run_id: "a", stdout: "so far", stderr: "", execution_time_ms: 1300, session_state: "lost", runner_killed: true }),
      500,
      "Python runtime terminated: run a timed out after 300 ms",
    ],
    [
      "a timeout that killed the runner of a run without a session",
      new ResponseError(WomaErrorCodes.RunTimedOut, "run b timed out after 300 ms; it ignored the interrupt, so its runner was killed", { run_id: "b", stdout: "", stderr: "", execution_time_ms: 1300, session_state: "none", runner_killed: true }),
      500,
      "Python runtime terminated: run b",
    ],
    ["PoolBusy", new ResponseError(WomaErrorCodes.PoolBusy, "pool busy: 256 runs are already waiting"), 503, "pool busy"],
    ["PoolUnavailable", new ResponseError(WomaErrorCodes.PoolUnavailable, "no Python runner could be started"), 503, "no Python runner"],
    ["ShuttingDown", new ResponseError(WomaErrorCodes.ShuttingDown, "the daemon is shutting down"), 503, "shutting down"],
    ["InvalidParams", new ResponseError(JsonRpcErrorCodes.InvalidParams, "invalid params for python/run: params.code must be string"), 400, "invalid params"],
    ["MessageTooLarge (too big for the daemon, as a body too big for the bridge)", new ResponseError(WomaErrorCodes.MessageTooLarge, "message of 20000000 bytes is over the limit of 16777216"), 413, "over the limit"],
    ["Cancelled", new ResponseError(JsonRpcErrorCodes.RequestCancelled, "run c was cancelled"), 503, "the run was cancelled"],
    ["a code nobody listed", new ResponseError(-31050, "something new"), 500, "JSON-RPC error -31050"],
  ];
  test.each(cases)("%s", (_what, error, status, message) => {
    const mapped = restErrorFromDaemon(error);
    expect(mapped.status).toBe(status);
    expect(mapped.message).toContain(message);
    expect(mapped.body().status).toBe("error");
  });

  test("output printed before a failure is kept in the answer", () => {
    const error = new ResponseError(WomaErrorCodes.RuntimeTerminated, "Python runtime terminated: x", { run_id: "d", stdout: "partial\n", stderr: "warn\n", execution_time_ms: 12, session_state: "lost" });
    expect(restErrorFromDaemon(error).body()).toEqual({ status: "error", error: "Python runtime terminated: x", stdout: "partial\n", stderr: "warn\n", execution_time_ms: 12 });
  });

  test("a busy pool says when to retry; a bug in the bridge is a 500 that names it", () => {
    expect(restErrorFromDaemon(new ResponseError(WomaErrorCodes.PoolBusy, "busy")).headers["Retry-After"]).toBe("1");
    const waited = restErrorFromDaemon(new ResponseError(WomaErrorCodes.PoolBusy, "all 4 runners are held by clients (--max-runners 4); retry in 4.5 s", { bound: "--max-runners", limit: 4, waited_ms: 5000, retry_after_ms: 4500 }));
    expect({ status: waited.status, retryAfter: waited.headers["Retry-After"], body: waited.body() }).toEqual({
      status: 503,
      retryAfter: "5",
      body: { status: "error", error: "all 4 runners are held by clients (--max-runners 4); retry in 4.5 s", bound: "--max-runners", retry_after_seconds: 5 },
    });
    const bug = restErrorFromDaemon(new TypeError("x is undefined"));
    expect(bug.status).toBe(500);
    expect(bug.message).toBe("internal error in the REST bridge: x is undefined");
    const own = new RestError("not_found", "no such path");
    expect(restErrorFromDaemon(own)).toBe(own);
  });
});

test("refusals of the web guard keep their status, message and headers", () => {
  const cases = [
    { status: 401, message: "missing token", headers: { "WWW-Authenticate": 'Bearer realm="woma"' } },
    { status: 403, message: 'Host "evil.example" refused', headers: {} },
    { status: 415, message: 'Content-Type "text/plain" refused', headers: {} },
  ] as const;
  for (const refusal of cases) {
    const failure = restErrorFromRefusal({ ...refusal, headers: { ...refusal.headers } });
    expect(failure.status).toBe(refusal.status);
    expect(failure.body()).toEqual({ status: "error", error: refusal.message });
    expect(failure.headers).toEqual({ ...refusal.headers });
  }
});
