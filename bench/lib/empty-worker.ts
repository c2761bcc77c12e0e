/**
 * Bench-only: a worker thread that does nothing, to weigh a second JS VM on its own; with
 * WOMA_BENCH_COMPILE set to a .wasm path, it also compiles that module (and drops the
 * bytes it read), to weigh what JSC keeps of a compiled module.
 */
declare const self: Worker;

/** Keeps the compiled module alive while the process is measured. */
export const kept: WebAssembly.Module[] = [];

const wasm = process.env.WOMA_BENCH_COMPILE;
if (wasm) {
  const bytes = await Bun.file(wasm).bytes();
  kept.push(await WebAssembly.compile(bytes));
  bytes.buffer.transfer(0);
  Bun.gc(true);
}
self.postMessage({ op: "bench-ready" });
