/** What Python's `js` module holds: a few harmless built-ins, a fetch that asks the daemon, timers that exist only during a run; and built-ins scoped before the realm is frozen. */
import type { RunScope } from "./run-scope.ts";

/** Built-ins Python's HTTP libraries (pyodide.http, urllib3, httpx) use: constructors and namespaces, none leading to the host. */
const SHARED_BUILTINS = ["Object", "Array", "Promise", "JSON", "Uint8Array", "ArrayBuffer", "DataView", "TextEncoder", "TextDecoder", "URL", "URLSearchParams", "Headers", "Request", "Response", "Blob", "ReadableStream", "AbortController", "AbortSignal", "Error", "TypeError", "DOMException"] as const;

/**
 * Fills `jsglobals` (the object behind `import js`), after boot and the lockdown: the
 * built-ins above, `fetch`, and timers that fire within their run and are cleared at its end.
 */
export function fillPythonGlobals(jsglobals: Record<string, unknown>, scope: RunScope, fetch: unknown, dropped: (error: unknown) => void): void {
  const global = globalThis as unknown as Record<string, unknown>;
  for (const name of SHARED_BUILTINS) jsglobals[name] = global[name];
  jsglobals.fetch = fetch;
  jsglobals.setTimeout = (callback: unknown, ms?: unknown, ...args: unknown[]) => scope.setTimeout(callback, ms, args, dropped);
  jsglobals.clearTimeout = (timer: unknown) => scope.clearTimeout(timer);
}

/**
 * Built-ins Python can reach that would call it back after its run, scoped before the realm
 * is frozen: AbortSignal.timeout aborts within its run or never. And Bun's file methods on
 * Blob.prototype and File.prototype (write, unlink, exists, stat, ...) are emptied: Python
 * has no file of the host's, and no use for a way to one.
 */
export function scopeBuiltins(scope: RunScope): void {
  Object.defineProperty(AbortSignal, "timeout", { value: (ms: unknown) => scope.timeoutSignal(ms), writable: true, configurable: true });
  // Bun defines them non-configurable, so they cannot be deleted, only emptied (they are
  // writable). File.prototype has its own copies; a File is one FormData.append away.
  const standard = new Set<PropertyKey>(["constructor", "size", "type", "slice", "stream", "text", "arrayBuffer", "bytes", "name", "lastModified", Symbol.toStringTag]);
  for (const proto of [Blob.prototype, File.prototype] as unknown as Array<Record<PropertyKey, unknown>>) {
    for (const key of Reflect.ownKeys(proto)) {
      if (!standard.has(key) && Object.getOwnPropertyDescriptor(proto, key)?.writable) proto[key] = undefined;
    }
  }
}
