/** Reads a process's resident memory from /proc, for tests that check the daemon does not bloat. */
import { readFileSync } from "node:fs";

/** Resident memory of process `pid` in bytes (VmRSS), or undefined when /proc cannot tell (not Linux, or the process is gone). */
export function residentBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples {@link residentBytes} every `everyMs` until stopped; `peak()` is the largest seen. */
export function sampleResident(pid: number, everyMs = 100): { peak(): number; stop(): number } {
  let peak = residentBytes(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid) ?? 0);
  }, everyMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Bytes as MiB with one decimal, for messages. */
export function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
