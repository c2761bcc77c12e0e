/** Reads the resident memory of a process and its descendants from /proc (Linux); undefined elsewhere. */
import { readFileSync } from "node:fs";

const PAGE_BYTES = 4096;

function children(pid: number): number[] {
  try {
    const out: number[] = [];
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/)) {
      if (task) out.push(Number(task));
    }
    return out;
  } catch {
    return [];
  }
}

function rss(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, "utf8").split(" ");
    return Number(fields[1]) * PAGE_BYTES;
  } catch {
    return undefined;
  }
}

/** Resident bytes of `pid` and every process below it, or undefined when /proc cannot be read. */
export function processTreeRss(pid: number): number | undefined {
  const own = rss(pid);
  if (own === undefined) return undefined;
  let total = own;
  const stack = children(pid);
  while (stack.length > 0) {
    const child = stack.pop()!;
    total += rss(child) ?? 0;
    stack.push(...children(child));
  }
  return total;
}
