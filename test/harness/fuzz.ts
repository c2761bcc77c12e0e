/** Seeded randomness and mutators for the fuzz test: the same seed gives the same cases, in the same order. */

/** A small seeded generator (mulberry32): fast, and the same sequence on every machine. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** The seed of this run: WOMA_FUZZ_SEED when set (to reproduce a failure), else a fresh one. */
export function fuzzSeed(): number {
  const fromEnv = process.env.WOMA_FUZZ_SEED;
  if (fromEnv !== undefined && fromEnv !== "") return Number(fromEnv) >>> 0;
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}

/** How long each target is fuzzed, in ms: WOMA_FUZZ_SECONDS (default 6). */
export function fuzzBudgetMs(): number {
  const seconds = Number(process.env.WOMA_FUZZ_SECONDS ?? 6);
  return Math.max(1, Number.isFinite(seconds) ? seconds : 12) * 1000;
}

/** Values that have broken JSON-RPC implementations: wrong types, edge numbers, odd strings. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  [],
  {},
  [null],
  { id: null },
  { id: {} },
  { toString: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  -1,
  0,
  -0,
  1.5,
  2 ** 31,
  2 ** 31 - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  "",
  " ",
  "\u0000",
  "\ud800",
  "é✓𝄞",
  "x".repeat(300),
  "$/cancelRequest",
  "../../etc/passwd",
  "<script>",
  true,
  false,
];

/** Replaces, deletes or adds one part of a JSON value (a copy), so the result is still JSON but not what a method expects. */
export function mutateJson(rng: Rng, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const containers: Array<Record<string, unknown> | unknown[]> = [];
  const visit = (node: unknown) => {
    if (node === null || typeof node !== "object") return;
    containers.push(node as Record<string, unknown> | unknown[]);
    for (const child of Object.values(node as object)) visit(child);
  };
  visit(copy);
  if (containers.length === 0 || rng.chance(0.05)) return rng.pick(HOSTILE_VALUES);
  const target = rng.pick(containers);
  const keys = Object.keys(target);
  const action = rng.int(keys.length === 0 ? 1 : 4);
  const hostile = () => JSON.parse(JSON.stringify(rng.pick(HOSTILE_VALUES) ?? null)) as unknown;
  if (action === 0 || keys.length === 0) {
    const key = rng.pick(["id", "params", "method", "code", "session_id", "timeout_ms", "idle_timeout_ms", "jsonrpc", "run_id", "tenant", "extra"]);
    if (Array.isArray(target)) target.push(hostile());
    else target[key] = hostile();
  } else if (action === 1) {
    const key = rng.pick(keys);
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
  } else {
    const key = rng.pick(keys);
    (target as Record<string, unknown>)[key] = hostile();
  }
  return copy;
}

const TOKENS = ["{", "}", "[", "]", ",", ":", '"', "\\", "null", "-", "0", "9", "e", "\u0000", "\r\n", "\n", "\r\n\r\n", "Content-Length: 3\r\n\r\n", "\xff", "é"];

/** Flips, inserts, deletes, duplicates or truncates bytes of `bytes` (one to four times). */
export function mutateBytes(rng: Rng, bytes: Uint8Array): Uint8Array {
  let out = Array.from(bytes);
  for (let n = 1 + rng.int(4); n > 0; n--) {
    const at = rng.int(out.length + 1);
    switch (rng.int(6)) {
      case 0:
        if (out.length > 0) out[Math.min(at, out.length - 1)] = rng.int(256);
        break;
      case 1:
        out.splice(at, 0, ...Buffer.from(rng.pick(TOKENS), "latin1"));
        break;
      case 2:
        out.splice(at, 1 + rng.int(8));
        break;
      case 3:
        out.splice(at, 0, ...out.slice(at, at + 1 + rng.int(16)));
        break;
      case 4:
        out = out.slice(0, at);
        break;
      default:
        out.splice(at, 0, rng.int(256));
    }
  }
  return Uint8Array.from(out);
}

/** A Content-Length frame around `body`, declaring its true length. */
export function frame(body: string | Uint8Array): Uint8Array {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const header = new TextEncoder().encode(`Content-Length: ${bytes.length}\r\n\r\n`);
  const out = new Uint8Array(header.length + bytes.length);
  out.set(header);
  out.set(bytes, header.length);
  return out;
}
