/** Keeps the daemon's own process out of reach of runners that share its uid (`process` isolation without root). */
import { dlopen, FFIType } from "bun:ffi";

const PR_SET_DUMPABLE = 4;

/**
 * Marks the daemon not dumpable: another process of its uid (a runner at `process` isolation,
 * when the daemon is not root) can then neither trace it nor open its /proc/PID/mem, environ or
 * file descriptors; only root can. Core dumps of the daemon are off as a consequence. Returns
 * why it could not, or undefined. Linux only; elsewhere there is no such process boundary to keep.
 */
export function protectDaemonFromRunners(): string | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    const libc = dlopen("libc.so.6", { prctl: { args: [FFIType.i32, FFIType.u64, FFIType.u64, FFIType.u64, FFIType.u64], returns: FFIType.i32 } });
    try {
      return libc.symbols.prctl(PR_SET_DUMPABLE, 0n, 0n, 0n, 0n) === 0 ? undefined : "prctl(PR_SET_DUMPABLE, 0) failed";
    } finally {
      libc.close();
    }
  } catch (error) {
    return `libc could not be opened: ${error instanceof Error ? error.message : String(error)}`;
  }
}
