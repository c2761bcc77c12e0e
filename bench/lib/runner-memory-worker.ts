/**
 * Bench-only wrapper around the runner's real Pyodide worker (daemon/runner/pyodide-worker.ts):
 * notes the WebAssembly memory Pyodide instantiates and answers `bench-stats` with this
 * worker VM's JSC heap figures. It loads the real worker unchanged; nothing in
 * daemon/runner/ knows about it.
 */
import * as jsc from "bun:jsc";

declare const self: Worker;

const memories: WebAssembly.Memory[] = [];
const noteMemories = (values: Iterable<unknown>) => {
  for (const value of values) if (value instanceof WebAssembly.Memory && !memories.includes(value)) memories.push(value);
};
// Installed before the worker's own wrapper (BootBuffers), which calls through to this one.
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (async (source: unknown, imports?: Record<string, Record<string, unknown>>) => {
  const result = (await (instantiate as (s: unknown, i?: unknown) => Promise<unknown>)(source, imports)) as WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance;
  const instance = "instance" in result ? result.instance : result;
  noteMemories(Object.values(instance.exports));
  for (const module of Object.values(imports ?? {})) noteMemories(Object.values(module));
  return result;
}) as typeof WebAssembly.instantiate;

// The "buffers kept" stage: the worker detaches the snapshot and wasm binary buffers after
// boot with ArrayBuffer.prototype.transfer(0); without it they stay referenced, as they
// would without that step.
if (process.env.WOMA_BENCH_KEEP_BUFFERS === "1") {
  Object.defineProperty(ArrayBuffer.prototype, "transfer", { value: function (this: ArrayBuffer) { return this; }, configurable: true, writable: true });
}

const post = self.postMessage.bind(self);
/** The largest cells of this VM's heap (sizes include an ArrayBuffer's or a wasm memory's bytes) and what points at each. */
function largestCells(count: number): Array<{ className: string; bytes: number; heldBy: string[] }> {
  // JSC's GCDebugging snapshot: nodes are [id, size, classIndex, flags, labelIndex, cell, wrapped]; edges [from, to, typeIndex, nameIndex].
  // Present in bun:jsc though its types do not declare it.
  const generate = (jsc as unknown as { generateHeapSnapshotForDebugging: () => unknown }).generateHeapSnapshotForDebugging;
  const snapshot = generate() as { nodes: number[]; nodeClassNames: string[]; edges: number[]; edgeNames: string[]; edgeTypes: string[] };
  const classOf = new Map<number, string>();
  const cells: Array<{ id: number; bytes: number; className: string }> = [];
  for (let i = 0; i < snapshot.nodes.length; i += 7) {
    const className = snapshot.nodeClassNames[snapshot.nodes[i + 2]!] ?? "?";
    classOf.set(snapshot.nodes[i]!, className);
    cells.push({ id: snapshot.nodes[i]!, bytes: snapshot.nodes[i + 1]!, className });
  }
  cells.sort((a, b) => b.bytes - a.bytes);
  const top = cells.slice(0, count);
  const heldBy = new Map<number, string[]>(top.map((cell) => [cell.id, []]));
  for (let i = 0; i < snapshot.edges.length; i += 4) {
    const list = heldBy.get(snapshot.edges[i + 1]!);
    if (!list || list.length >= 4) continue;
    const type = snapshot.edgeTypes[snapshot.edges[i + 2]!];
    const name = type === "Index" ? `[${snapshot.edges[i + 3]}]` : type === "Internal" ? "(internal)" : `.${snapshot.edgeNames[snapshot.edges[i + 3]!]}`;
    list.push(`${classOf.get(snapshot.edges[i]!)}${name}`);
  }
  return top.map((cell) => ({ className: cell.className, bytes: cell.bytes, heldBy: heldBy.get(cell.id)! }));
}

self.addEventListener("message", (event: MessageEvent<{ op: string }>) => {
  if (event.data?.op === "bench-heap") {
    post({ op: "bench-heap", cells: largestCells(12) });
    return;
  }
  if (event.data?.op === "bench-gc") {
    Bun.gc(true);
    post({ op: "bench-gc" });
    return;
  }
  if (event.data?.op !== "bench-stats") return;
  const stats = jsc.heapStats();
  post({
    op: "bench-stats",
    wasmMemoryBytes: memories.map((memory) => memory.buffer.byteLength),
    heapSize: stats.heapSize,
    heapCapacity: stats.heapCapacity,
    extraMemorySize: stats.extraMemorySize,
    objectCount: stats.objectCount,
  });
});

await import("../../daemon/runner/pyodide-worker.ts");
post({ op: "bench-ready" });
