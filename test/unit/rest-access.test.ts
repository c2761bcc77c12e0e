/** CORS and the bearer token of the REST bridge, and the table from daemon errors to HTTP status, without a daemon. */
import { describe, expect, test } from "bun:test";
import { ResponseError } from "vscode-jsonrpc";
import { checkBearerToken, corsHeaders, corsPolicyFrom, preflightResponse } from "../../clients/rest/access.ts";
import { restErrorFromDaemon, RestError } from "../../clients/rest/rest-errors.ts";
import { isLoopback } from "../../clients/rest/server.ts";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";

function request(headers: Record<string, string> = {}): Request {
  return new Request("http://bridge.test/python", { method: "POST", headers });
}

describe("CORS", () => {
  test("no --cors-origin, or *, allows any origin, as the original tool did", () => {
    expect(corsPolicyFrom([])).toEqual({ kind: "any" });
    expect(corsPolicyFrom(["*"])).toEqual({ kind: "any" });
    expect(corsHeaders({ kind: "any" }, request({ Origin: "https://anywhere.example" }))).toEqual({ "Access-Control-Allow-Origin": "*" });
  });

  test("a list of origins echoes an allowed Origin and says nothing to others", () => {
    const policy = corsPolicyFrom(["https://a.example,https://B.example:8443", "http://localhost:3000"]);
    expect(policy).toEqual({ kind: "origins", origins: ["https://a.example", "https://b.example:8443", "http://localhost:3000"] });
    expect(corsHeaders(policy, request({ Origin: "https://b.example:8443" }))).toEqual({ Vary: "Origin", "Access-Control-Allow-Origin": "https://b.example:8443" });
    expect(corsHeaders(policy, request({ Origin: "https://evil.example" }))).toEqual({ Vary: "Origin" });
    expect(corsHeaders(policy, request())).toEqual({ Vary: "Origin" });
  });

  test("none turns CORS off; malformed origins are refused with the value named", () => {
    expect(corsPolicyFrom(["none"])).toEqual({ kind: "off" });
    expect(corsHeaders({ kind: "off" }, request({ Origin: "https://a.example" }))).toEqual({});
    expect(() => corsPolicyFrom(["https://a.example/app"])).toThrow('got "https://a.example/app"');
    expect(() => corsPolicyFrom(["none", "https://a.example"])).toThrow("cannot be combined");
  });

  test("a preflight is 204 with methods and headers for an allowed origin, and without them otherwise", () => {
    const allowed = preflightResponse({ kind: "any" }, request({ Origin: "https://a.example" }));
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("Access-Control-Allow-Methods")).toBe("GET, POST, OPTIONS");
    expect(allowed.headers.get("Access-Control-Allow-Headers")).toBe("Content-Type, Authorization");
    const refused = preflightResponse({ kind: "origins", origins: ["https://a.example"] }, request({ Origin: "https://b.example" }));
    expect(refused.status).toBe(204);
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(refused.headers.get("Access-Control-Allow-Methods")).toBeNull();
  });
});

describe("the bearer token", () => {
  test("without a configured token every request passes", () => {
    expect(checkBearerToken(undefined, request())).toBeUndefined();
  });

  test("the right token passes, in any case of 'Bearer'", () => {
    expect(checkBearerToken("t0k3n", request({ Authorization: "Bearer t0k3n" }))).toBeUndefined();
    expect(checkBearerToken("t0k3n", request({ Authorization: "bearer t0k3n" }))).toBeUndefined();
  });

  test.each([
    ["no header", {}, "missing token"],
    ["a wrong token", { Authorization: "Bearer nope" }, "wrong token"],
    ["a prefix of the token", { Authorization: "Bearer t0k" }, "wrong token"],
    ["another scheme", { Authorization: "Basic dXNlcjpwYXNz" }, "malformed Authorization header"],
    ["the token without a scheme", { Authorization: "t0k3n" }, "malformed Authorization header"],
  ] as const)("%s is a 401 with a Bearer challenge", (_what, headers, message) => {
    const denied = checkBearerToken("t0k3n", request(headers));
    expect(denied?.status).toBe(401);
    expect(denied?.message).toContain(message);
    expect(denied?.message).not.toContain("t0k3n");
    expect(denied?.headers["WWW-Authenticate"]).toBe('Bearer realm="woma"');
  });
});

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
    const bug = restErrorFromDaemon(new TypeError("x is undefined"));
    expect(bug.status).toBe(500);
    expect(bug.message).toBe("internal error in the REST bridge: x is undefined");
    const own = new RestError("not_found", "no such path");
    expect(restErrorFromDaemon(own)).toBe(own);
  });
});

test("loopback hosts are told apart from the rest (a warning is printed for the rest without a token)", () => {
  for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopback(host)).toBe(true);
  for (const host of ["0.0.0.0", "::", "192.168.1.5", "example.com"]) expect(isLoopback(host)).toBe(false);
});
