/** Drops what a runner process holds of its user's privileges once it has booted: capabilities, the daemon's uid when that is root, and dumpability. */
import { readdirSync, readFileSync } from "node:fs";
import { dlopen, FFIType, ptr } from "bun:ffi";

const PR_SET_DUMPABLE = 4;
const PR_GET_DUMPABLE = 3;
const PR_CAPBSET_DROP = 24;
const PR_CAP_AMBIENT = 47;
const PR_CAP_AMBIENT_CLEAR_ALL = 4;
const LINUX_CAPABILITY_VERSION_3 = 0x20080522;
/** Highest capability number the kernel may know (CAP_LAST_CAP is 40 today; dropping unknown ones fails harmlessly). */
const LAST_CAP = 63;

/** Whom a runner becomes. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** What the runner holds after {@link dropPrivileges}, read back from the kernel. */
export interface PrivilegeReport {
  /** The real, effective and saved uid of every thread (the same for all, or the runner refuses to serve). */
  uid: number;
  gid: number;
  /** Effective, permitted, bounding and ambient capability sets, in /proc's hex. */
  capabilities: { effective: string; permitted: string; bounding: string; ambient: string };
  dumpable: boolean;
  /** Why a step did not take effect, when one did not. */
  problems: string[];
}

/**
 * Drops, for the whole process and every thread in it: the bounding and ambient capability
 * sets; then, when `runAs` is given (the daemon is root), supplementary groups, gid and uid
 * (glibc's wrappers change every thread, which the raw system calls would not); then the
 * effective, permitted and inheritable sets; and marks the process not dumpable, so no other
 * process of its uid can trace it or open its /proc/PID/mem. Called after boot: the boot reads
 * files (the snapshot, the Pyodide core) that only the daemon's user may read, and runs no
 * user code. Never throws; reports what it achieved, read back from /proc.
 */
export function dropPrivileges(runAs: RunAs | undefined): PrivilegeReport {
  const problems: string[] = [];
  let libc: ReturnType<typeof openLibc> | undefined;
  try {
    libc = openLibc();
  } catch (error) {
    problems.push(`libc could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (libc) {
    const { symbols } = libc;
    // The bounding set first: dropping from it needs CAP_SETPCAP, which the uid change below clears.
    for (let cap = LAST_CAP; cap >= 0; cap--) symbols.prctl(PR_CAPBSET_DROP, BigInt(cap), 0n, 0n, 0n);
    if (symbols.prctl(PR_CAP_AMBIENT, BigInt(PR_CAP_AMBIENT_CLEAR_ALL), 0n, 0n, 0n) !== 0) problems.push("the ambient capabilities could not be cleared");
    if (runAs) {
      if (symbols.setgroups(0n, null) !== 0) problems.push("setgroups([]) failed");
      if (symbols.setresgid(runAs.gid, runAs.gid, runAs.gid) !== 0) problems.push(`setresgid(${runAs.gid}) failed`);
      if (symbols.setresuid(runAs.uid, runAs.uid, runAs.uid) !== 0) problems.push(`setresuid(${runAs.uid}) failed`);
    }
    // struct __user_cap_header_struct { u32 version; int pid; } and two zeroed data structs.
    const header = new Uint32Array([LINUX_CAPABILITY_VERSION_3, 0]);
    const data = new Uint32Array(6);
    if (symbols.capset(ptr(header), ptr(data)) !== 0) problems.push("capset(0) failed");
    // After a uid change the kernel resets dumpability from fs.suid_dumpable: set it last.
    if (symbols.prctl(PR_SET_DUMPABLE, 0n, 0n, 0n, 0n) !== 0) problems.push("prctl(PR_SET_DUMPABLE, 0) failed");
    const dumpable = symbols.prctl(PR_GET_DUMPABLE, 0n, 0n, 0n, 0n) !== 0;
    libc.close();
    return { ...readBack(problems, runAs), dumpable };
  }
  return { ...readBack(problems, runAs), dumpable: true };
}

function openLibc() {
  return dlopen("libc.so.6", {
    prctl: { args: [FFIType.i32, FFIType.u64, FFIType.u64, FFIType.u64, FFIType.u64], returns: FFIType.i32 },
    setgroups: { args: [FFIType.u64, FFIType.ptr], returns: FFIType.i32 },
    setresuid: { args: [FFIType.u32, FFIType.u32, FFIType.u32], returns: FFIType.i32 },
    setresgid: { args: [FFIType.u32, FFIType.u32, FFIType.u32], returns: FFIType.i32 },
    capset: { args: [FFIType.ptr, FFIType.ptr], returns: FFIType.i32 },
  });
}

/** The ids and capabilities the process has now, from /proc; a thread left with other ids is a problem. */
function readBack(problems: string[], runAs: RunAs | undefined): Omit<PrivilegeReport, "dumpable"> {
  const field = (status: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, "m").exec(status)?.[1]?.trim() ?? "";
  let status = "";
  try {
    status = readFileSync("/proc/self/status", "utf8");
  } catch {
    problems.push("/proc/self/status cannot be read");
  }
  const uids = field(status, "Uid").split(/\s+/).map(Number);
  const gids = field(status, "Gid").split(/\s+/).map(Number);
  try {
    for (const task of readdirSync("/proc/self/task")) {
      const threadUids = field(readFileSync(`/proc/self/task/${task}/status`, "utf8"), "Uid").split(/\s+/).map(Number);
      if (threadUids.slice(0, 3).some((uid) => uid !== uids[0])) problems.push(`thread ${task} kept uid ${threadUids.join(" ")}`);
    }
  } catch {
    // Threads that ended while being read: nothing left of them to check.
  }
  if (runAs && uids.slice(0, 3).some((uid) => uid !== runAs.uid)) problems.push(`the uid is ${uids.join(" ")}, not ${runAs.uid}`);
  return {
    uid: uids[0] ?? -1,
    gid: gids[0] ?? -1,
    capabilities: { effective: field(status, "CapEff"), permitted: field(status, "CapPrm"), bounding: field(status, "CapBnd"), ambient: field(status, "CapAmb") },
    problems,
  };
}
