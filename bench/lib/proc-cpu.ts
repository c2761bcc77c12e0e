/** CPU time of processes from /proc (Linux), which outside load moves far less than wall time. */
import { readFileSync } from "node:fs";

/** CPU time (user + system, all threads) of the processes together, in ms (10 ms ticks); a process gone counts 0. */
export function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10;
}
