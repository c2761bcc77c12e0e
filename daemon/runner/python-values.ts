/** Plain values from what woma's Python runtime returns: proxies converted (and destroyed), awaitables awaited, a run's outcome checked for shape. */
import type { RunOutcome } from "../contract/runner-protocol.ts";

/** A value Python returned: a proxy to convert, or an awaitable proxy to wait for first. */
type PyValue = { toJs(options: object): unknown; destroy(): void; then?: unknown };

/** Resolves what Python returned: a proxy converted to plain JS, after waiting for it when it is awaitable. */
export async function settle(value: unknown): Promise<unknown> {
  if (value === null || typeof value !== "object") return value;
  let proxy = value as PyValue;
  if (typeof proxy.then === "function") {
    const awaitable = proxy;
    try {
      proxy = (await (awaitable as unknown as PromiseLike<PyValue>)) as PyValue;
    } finally {
      awaitable.destroy();
    }
    if (proxy === null || typeof proxy !== "object") return proxy;
  }
  return plain(proxy);
}

/** A proxy that is not awaitable, converted to plain JS and destroyed; anything else as it is. */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const proxy = value as PyValue;
  try {
    return proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
  } finally {
    proxy.destroy();
  }
}

/** A count: a non-negative integer. */
export const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

/** Checks the shape of what the Python runtime returned for a run; anything else is an internal error. */
export function toRunOutcome(value: unknown): RunOutcome {
  // Python's None arrives as undefined.
  const v = value as Record<string, unknown> | null;
  const error = v?.error as Record<string, unknown> | null | undefined;
  if (v && v.result === undefined) v.result = null;
  const errorOk = error === null || error === undefined || (typeof error === "object" && ["type", "message", "traceback"].every((k) => typeof error[k] === "string"));
  if (v && (v.status === "success" || v.status === "exception") && (v.result === null || typeof v.result === "string") && errorOk) {
    return {
      status: v.status,
      result: v.result as string | null,
      resultCharsCut: isCount(v.result_chars_cut) ? v.result_chars_cut : 0,
      error: error ? { type: error.type as string, message: error.message as string, traceback: error.traceback as string } : null,
      messageCharsCut: isCount(v.message_chars_cut) ? v.message_chars_cut : 0,
      tracebackCharsCut: isCount(v.traceback_chars_cut) ? v.traceback_chars_cut : 0,
      displaysDropped: isCount(v.displays_dropped) ? v.displays_dropped : 0,
    };
  }
  const message = "woma's runtime returned a malformed result";
  return { status: "exception", result: null, resultCharsCut: 0, error: { type: "SystemError", message, traceback: `SystemError: ${message}\n` }, messageCharsCut: 0, tracebackCharsCut: 0, displaysDropped: 0 };
}
