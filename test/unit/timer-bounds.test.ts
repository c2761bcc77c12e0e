/** Every number that becomes a timer has a bound, because setTimeout treats more than 2^31 - 1 ms as 1 ms. */
import { describe, expect, test } from "bun:test";
import { timerFlagMs } from "../../cli/daemon-flags.ts";
import { effectiveTimeout } from "../../clients/mcp/run-python.ts";
import { parsePythonRequest } from "../../clients/rest/python-request.ts";
import { runTimeout } from "../../daemon/run/run-executor.ts";
import { checkParams } from "../../daemon/server/validate-params.ts";
import { MAX_TIMER_MS } from "../../protocol/limits.ts";
import schema from "../../schema/protocol.schema.json" with { type: "json" };

describe("timer bounds", () => {
  test("the schema's maximum of every timeout and idle time is the longest timer", () => {
    const defs = schema.definitions as unknown as Record<string, { properties: Record<string, { maximum?: number }> }>;
    expect(defs.RunParams!.properties.timeout_ms!.maximum).toBe(MAX_TIMER_MS);
    expect(defs.SessionCreateParams!.properties.idle_timeout_ms!.maximum).toBe(MAX_TIMER_MS);
    expect(defs.SessionInfo!.properties.idle_timeout_ms!.maximum).toBe(MAX_TIMER_MS);
    expect(defs.LimitsInfo!.properties.default_timeout_ms!.maximum).toBe(MAX_TIMER_MS);
  });

  test("a timeout_ms past it is invalid params naming the bound; the bound itself passes", () => {
    expect(checkParams("RunParams", { code: "1", timeout_ms: 2 ** 31 })).toBe(
      "params.timeout_ms must be at most 2147483647 (about 24.8 days, the longest timer JavaScript keeps), got the number 2147483648",
    );
    expect(checkParams("RunParams", { code: "1", timeout_ms: 1e300 })).toContain("must be at most 2147483647");
    expect(checkParams("RunParams", { code: "1", timeout_ms: MAX_TIMER_MS })).toBeUndefined();
    expect(checkParams("SessionCreateParams", { idle_timeout_ms: 2 ** 40 })).toContain("params.idle_timeout_ms must be at most 2147483647");
  });

  test("the daemon's --timeout is the default and the most a run gets", () => {
    expect(runTimeout(undefined, 60_000)).toBe(60_000);
    expect(runTimeout(5_000, 60_000)).toBe(5_000);
    expect(runTimeout(120_000, 60_000)).toBe(60_000);
    expect(runTimeout(0, 60_000)).toBe(60_000);
    expect(runTimeout(0, 0)).toBe(0);
    expect(runTimeout(MAX_TIMER_MS, 0)).toBe(MAX_TIMER_MS);
  });

  test("the MCP tool caps timeout_seconds at the longest timer even with --timeout 0", () => {
    expect(effectiveTimeout(1e12, 0)).toMatchObject({ timeoutMs: MAX_TIMER_MS });
    expect(effectiveTimeout(1e12, 0).note).toContain("above this server's limit");
    expect(effectiveTimeout(10, 0)).toEqual({ timeoutMs: 10_000 });
  });

  test("the REST bridge refuses a timeout_ms past the longest timer with a 400 naming it", () => {
    expect(() => parsePythonRequest({ code: "1", timeout_ms: 2 ** 31 }, { resetGlobals: false, maxTimeoutMs: 0 })).toThrow(
      '"timeout_ms" must be at most 2147483647 ms (about 24.8 days, the longest timer JavaScript keeps), got the number 2147483648',
    );
  });

  test("duration flags are checked against the longest timer", () => {
    expect(timerFlagMs("timeout", 60)).toBe(60_000);
    expect(timerFlagMs("timeout", 0)).toBe(0);
    expect(() => timerFlagMs("timeout", 2_147_484)).toThrow("--timeout must be a number of seconds from 0 to 2147483 (about 24.8 days");
    expect(() => timerFlagMs("session-idle-timeout", -1)).toThrow("--session-idle-timeout must be");
    expect(() => timerFlagMs("timeout", Number.NaN)).toThrow("got NaN");
  });
});
