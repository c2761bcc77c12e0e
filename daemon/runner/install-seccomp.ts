/** Installs the runner's seccomp filter on the whole process, through libc, before any Python exists. */
import { dlopen, FFIType, ptr } from "bun:ffi";
import { buildRunnerFilter, encodeFilter, seccompSupported } from "../sandbox/seccomp.ts";

const PR_SET_NO_NEW_PRIVS = 38;
const SYS_SECCOMP_X86_64 = 317;
const SECCOMP_SET_MODE_FILTER = 1;
const SECCOMP_FILTER_FLAG_TSYNC = 1;

/** Whether the filter is in place, and why not when it is not. */
export type SeccompOutcome = { installed: true; rules: number } | { installed: false; reason: string };

/**
 * Installs {@link buildRunnerFilter} with `SECCOMP_FILTER_FLAG_TSYNC`, so every thread the
 * runtime already started is covered, and every thread started later inherits it. The
 * runner does this itself rather than through bubblewrap's `--seccomp`, because bubblewrap
 * applies its filter before its own final `execve`, so that filter could not refuse
 * `execve`; and this way `process` isolation gets the filter too. Never throws.
 */
export function installSeccomp(): SeccompOutcome {
  if (!seccompSupported()) return { installed: false, reason: `no seccomp filter for ${process.platform}/${process.arch} (only linux/x64)` };
  try {
    const libc = dlopen("libc.so.6", {
      prctl: { args: [FFIType.i32, FFIType.u64, FFIType.u64, FFIType.u64, FFIType.u64], returns: FFIType.i32 },
      syscall: { args: [FFIType.i64, FFIType.u64, FFIType.u64, FFIType.ptr], returns: FFIType.i64 },
    });
    try {
      const program = buildRunnerFilter(process.pid);
      const filter = encodeFilter(program);
      // struct sock_fprog { unsigned short len; struct sock_filter *filter; }: the pointer sits at offset 8.
      const fprog = new BigUint64Array(2);
      fprog[0] = BigInt(program.length);
      fprog[1] = BigInt(ptr(filter));
      if (libc.symbols.prctl(PR_SET_NO_NEW_PRIVS, 1n, 0n, 0n, 0n) !== 0) return { installed: false, reason: "prctl(PR_SET_NO_NEW_PRIVS) failed" };
      const result = libc.symbols.syscall(BigInt(SYS_SECCOMP_X86_64), BigInt(SECCOMP_SET_MODE_FILTER), BigInt(SECCOMP_FILTER_FLAG_TSYNC), ptr(fprog));
      if (BigInt(result) !== 0n) return { installed: false, reason: `seccomp(SET_MODE_FILTER) returned ${result}` };
      return { installed: true, rules: program.length };
    } finally {
      libc.close();
    }
  } catch (error) {
    return { installed: false, reason: `seccomp could not be installed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
