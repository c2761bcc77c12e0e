/** Python's display() outputs and its reads of stdin, relayed to the daemon in order with the run's output. */
import type { DisplayOutputType } from "../../protocol/generated/types.ts";
import type { DaemonCalls } from "./daemon-calls.ts";
import { DISPLAY_OUTPUT_TYPES, MAX_INPUT_PROMPT_CHARS, type RunnerDisplayOutput, type RunnerInputResult } from "../contract/runner-protocol.ts";

/** A value Python handed over: a proxy to convert. */
type PyValue = { toJs(options: object): unknown; destroy(): void };

/**
 * Where Python's display() outputs go: converted to plain values (no proxy is kept), checked
 * for shape, and given to `send`, which sends them after the output written before them.
 * Python applies the run's caps; the daemon checks them again. Never throws into Python: a
 * malformed output is dropped.
 */
export function displayForPython(send: (output: RunnerDisplayOutput) => void): (value: unknown) => void {
  const sink = (value: unknown): void => {
    let output: unknown;
    try {
      const proxy = value as PyValue;
      try {
        output = proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
      } finally {
        proxy.destroy();
      }
    } catch {
      return;
    }
    const o = output as Partial<RunnerDisplayOutput> | null;
    if (!o || !DISPLAY_OUTPUT_TYPES.includes(o.output_type as DisplayOutputType) || typeof o.data !== "object" || o.data === null) return;
    if (!Object.values(o.data).every((v) => typeof v === "string") || typeof o.data["text/plain"] !== "string") return;
    send(o as RunnerDisplayOutput);
  };
  return named("displayForPython", sink);
}

/**
 * Python reads stdin (input(), getpass, sys.stdin): the daemon answers from the run's `stdin`
 * text or asks its client. Python waits on the promise with run_sync; an interrupt rejects it.
 */
export function inputForPython(calls: DaemonCalls): (prompt: unknown, password: unknown, all: unknown) => Promise<RunnerInputResult> {
  const ask = async (prompt: unknown, password: unknown, all: unknown): Promise<RunnerInputResult> => {
    const text = typeof prompt === "string" ? prompt.slice(0, MAX_INPUT_PROMPT_CHARS) : "";
    return (await calls.ask("runner/input", { prompt: text, password: password === true, all: all === true })) as RunnerInputResult;
  };
  return named("inputForPython", ask);
}

/**
 * `fn` with the name Python sees on it (a JsProxy's `name`): each capability Python holds is
 * named for what it is, whatever the bundler makes of the closure's own name.
 */
export function named<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return Object.defineProperty(fn, "name", { value: name });
}
