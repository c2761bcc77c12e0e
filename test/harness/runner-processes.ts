/** Counts the runner processes a woma process started: what a user sees with `ps` when runners come and go. */
import { readFileSync } from "node:fs";

/** Process ids of the runners started by `pid` (its direct children whose command line is a runner's, bubblewrap's included). */
export function runnerPids(pid: number): number[] {
  let children: string[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
  return children.map(Number).filter((child) => {
    try {
      const cmdline = readFileSync(`/proc/${child}/cmdline`, "utf8");
      const stat = readFileSync(`/proc/${child}/stat`, "utf8");
      return cmdline.includes("__runner") && stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
    } catch {
      return false;
    }
  });
}
