/** The daemon's one table from its errors to JSON-RPC errors: each local code gets its wire code, and the unexpected becomes InternalError. */
import { describe, expect, test } from "bun:test";
import { ResponseError } from "vscode-jsonrpc";
import { DaemonError, type DaemonErrorCode } from "../../daemon/daemon-error.ts";
import { setLogLevel } from "../../daemon/log.ts";
import { toResponseError } from "../../daemon/server/wire-errors.ts";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";

// The InternalError case logs its stack, which is expected here.
setLogLevel("silent");

describe("toResponseError", () => {
  const table: Array<[DaemonErrorCode, number]> = [
    ["SESSION_NOT_FOUND", WomaErrorCodes.SessionNotFound],
    ["SESSION_EXISTS", WomaErrorCodes.SessionExists],
    ["SESSION_LOST", WomaErrorCodes.SessionLost],
    ["RUN_TIMED_OUT", WomaErrorCodes.RunTimedOut],
    ["RUN_CANCELLED", JsonRpcErrorCodes.RequestCancelled],
    ["RUNNER_DIED", WomaErrorCodes.RuntimeTerminated],
    ["POOL_BUSY", WomaErrorCodes.PoolBusy],
    ["POOL_UNAVAILABLE", WomaErrorCodes.PoolUnavailable],
    ["SHUTTING_DOWN", WomaErrorCodes.ShuttingDown],
    ["BAD_PROTOCOL_VERSION", WomaErrorCodes.UnsupportedProtocolVersion],
  ];

  test.each(table)("%s keeps its message and data and gets code %d", (code, wire) => {
    const data = { run_id: "r", stdout: "so far" };
    const error = toResponseError(new DaemonError(code, `what happened: ${code}`, data), "python/run");
    expect(error.code).toBe(wire);
    expect(error.message).toBe(`what happened: ${code}`);
    expect(error.data).toEqual(data);
  });

  test("every wire code is in woma's range or a standard JSON-RPC code", () => {
    for (const [, wire] of table) {
      const ours = wire <= WomaErrorCodes.rangeStart && wire >= WomaErrorCodes.rangeEnd;
      expect(ours || Object.values(JsonRpcErrorCodes).includes(wire as never)).toBe(true);
    }
  });

  test("a ResponseError passes through unchanged", () => {
    const original = new ResponseError(JsonRpcErrorCodes.InvalidParams, "invalid params for python/run: params.code is required");
    expect(toResponseError(original, "python/run")).toBe(original);
  });

  test("anything else is an InternalError naming the method and the message", () => {
    const error = toResponseError(new TypeError("x is undefined"), "session/create");
    expect(error.code).toBe(JsonRpcErrorCodes.InternalError);
    expect(error.message).toBe("session/create failed inside the daemon: x is undefined");
    expect(toResponseError("a thrown string", "daemon/info").message).toBe("daemon/info failed inside the daemon: a thrown string");
  });
});
