/** Resident memory of processes and process trees from /proc (Linux): RSS, PSS, and where a process's resident pages are. */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

const MiB = 1024 * 1024;

/** Bytes to MiB, for display. */
export const mib = (bytes: number): number => bytes / MiB;

/** Children of every thread of `pid`. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/)) if (child) out.push(Number(child));
    } catch {
      // The thread ended.
    }
  }
  return out;
}

/** `pid` and all its descendants. */
export function treePids(pid: number): number[] {
  const all: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const next = stack.pop()!;
    all.push(next);
    stack.push(...childrenOf(next));
  }
  return all;
}

/** Resident set size of one process in bytes (0 if it is gone). */
export function rssOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
  } catch {
    return 0;
  }
}

/** Proportional set size of one process in bytes: shared pages divided among their sharers (0 if unreadable). */
export function pssOf(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of RSS (each process counted whole, as `ps` and the figures do) and of PSS over a process tree. */
export function treeMemory(pid: number): { rss: number; pss: number; pids: number[] } {
  const pids = treePids(pid);
  return { rss: pids.reduce((sum, p) => sum + rssOf(p), 0), pss: pids.reduce((sum, p) => sum + pssOf(p), 0), pids };
}

/** Base name of a process's executable ("bun.exe", "node", "bwrap", "dash"), or "?" when unreadable. */
export function exeOf(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/exe`).split("/").pop()!.replace(/ \(deleted\)$/, "");
  } catch {
    return "?";
  }
}

/** Command line of a process, spaces between arguments. */
export function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** Resident bytes of one process, by kind of mapping. */
export interface MappingBreakdown {
  /** The executable's own pages (its code and read-only data; shared with every process of the same binary). */
  executable: number;
  /** Other file-backed pages: shared libraries, mapped files. */
  otherFiles: number;
  /**
   * WebAssembly linear memory: a read-write anonymous mapping right below a reservation of
   * 1 GiB or more with no access (JSC reserves a memory's whole 32-bit range plus guard pages
   * and opens it as the memory grows).
   */
  wasmMemory: number;
  /** Anonymous executable pages: JIT-compiled code (JS and WebAssembly). */
  jitCode: number;
  /** Thread stacks ([stack], and read-write regions right above a small guard page). */
  stacks: number;
  /** Every other anonymous page: the JS heaps of each VM, malloc (mimalloc's arena, libpas), buffers. */
  otherAnonymous: number;
  total: number;
}

interface Vma {
  start: number;
  end: number;
  perms: string;
  inode: number;
  path: string;
  rss: number;
}

function readVmas(pid: number): Vma[] | undefined {
  let smaps: string;
  try {
    smaps = readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return undefined;
  }
  const vmas: Vma[] = [];
  const header = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ (\d+)\s*(.*)$/;
  for (const line of smaps.split("\n")) {
    const h = header.exec(line);
    if (h) {
      vmas.push({ start: Number.parseInt(h[1]!, 16), end: Number.parseInt(h[2]!, 16), perms: h[3]!, inode: Number(h[4]), path: h[5]!.trim(), rss: 0 });
    } else if (line.startsWith("Rss:") && vmas.length > 0) {
      vmas[vmas.length - 1]!.rss = Number(/Rss:\s+(\d+)/.exec(line)![1]) * 1024;
    }
  }
  return vmas;
}

/**
 * Sorts the resident pages of `pid` by mapping, reading /proc/PID/smaps. Needs the right
 * to read that file (root, or the same user outside a user namespace).
 */
export function mappingBreakdown(pid: number): MappingBreakdown | undefined {
  const vmas = readVmas(pid);
  if (!vmas) return undefined;
  let exe = "";
  try {
    exe = readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, "");
  } catch {
    // Unknown: its pages count as other files.
  }
  const out: MappingBreakdown = { executable: 0, otherFiles: 0, wasmMemory: 0, jitCode: 0, stacks: 0, otherAnonymous: 0, total: 0 };
  vmas.forEach((vma, i) => {
    const { rss, perms, inode, path } = vma;
    const before = vmas[i - 1];
    const after = vmas[i + 1];
    out.total += rss;
    const anonymous = inode === 0 && !path.startsWith("/");
    if (!anonymous) {
      if (path === exe) out.executable += rss;
      else out.otherFiles += rss;
    } else if (path === "[stack]" || (perms === "rw-p" && before?.end === vma.start && before.perms === "---p" && before.end - before.start <= 64 * 1024 && vma.end - vma.start <= 16 * MiB)) {
      out.stacks += rss;
    } else if (perms.includes("x")) {
      out.jitCode += rss;
    } else if (perms === "rw-p" && after?.start === vma.end && after.perms === "---p" && after.end - after.start >= 1024 * MiB) {
      out.wasmMemory += rss;
    } else {
      out.otherAnonymous += rss;
    }
  });
  return out;
}
