/** Builds the runner's seccomp filter: a classic BPF program that refuses the system calls a runner never needs. */

/** One BPF instruction (`struct sock_filter`). */
export interface BpfInstruction {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

const BPF_LD_W_ABS = 0x20;
const BPF_JA = 0x05;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JSET_K = 0x45;
const BPF_RET_K = 0x06;

const SECCOMP_RET_ALLOW = 0x7fff0000;
const SECCOMP_RET_ERRNO = 0x00050000;
const EPERM = 1;
const ENOSYS = 38;

/** `struct seccomp_data` offsets: syscall number, architecture, then six 64-bit arguments. */
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;
const argLow = (index: number) => 16 + 8 * index;

const AUDIT_ARCH_X86_64 = 0xc000003e;
/** Bit set in syscall numbers of the x32 ABI, which would otherwise bypass the x86_64 numbers below. */
const X32_SYSCALL_BIT = 0x40000000;

const CLONE_THREAD = 0x00010000;
const CLONE_NAMESPACES = 0x00020000 /* NEWNS */ | 0x02000000 /* NEWCGROUP */ | 0x04000000 /* NEWUTS */ | 0x08000000 /* NEWIPC */ | 0x10000000 /* NEWUSER */ | 0x20000000 /* NEWPID */ | 0x40000000; /* NEWNET */

/** x86_64 numbers of the calls a runner never makes; each is refused with EPERM. */
const DENIED_X86_64: Record<string, number> = {
  // Running other programs or creating processes.
  execve: 59, execveat: 322, fork: 57, vfork: 58,
  // Reaching into other processes: tracing, their memory, process file descriptors (through
  // which signals are sent and memory advised), comparing their resources.
  ptrace: 101, process_vm_readv: 310, process_vm_writev: 311, pidfd_open: 434, pidfd_send_signal: 424, pidfd_getfd: 438,
  process_madvise: 440, process_mrelease: 448, kcmp: 312,
  // Networking of any kind (the daemon's broker is the only way out).
  socket: 41, socketpair: 53,
  // File systems, namespaces and the kernel itself.
  mount: 165, umount2: 166, pivot_root: 155, chroot: 161, unshare: 272, setns: 308,
  fsopen: 430, fsconfig: 431, fsmount: 432, fspick: 433, move_mount: 429, open_tree: 428, mount_setattr: 442,
  open_by_handle_at: 304, name_to_handle_at: 303,
  kexec_load: 246, kexec_file_load: 320, init_module: 175, finit_module: 313, delete_module: 176,
  bpf: 321, perf_event_open: 298, userfaultfd: 323, keyctl: 250, add_key: 248, request_key: 249,
  io_uring_setup: 425, io_uring_enter: 426, io_uring_register: 427,
  swapon: 167, swapoff: 168, reboot: 169, acct: 163, syslog: 103, vhangup: 153, quotactl: 179,
  settimeofday: 164, clock_settime: 227, adjtimex: 159, clock_adjtime: 305, iopl: 172, ioperm: 173,
  tkill: 200,
};

const NR_X86_64 = { kill: 62, tgkill: 234, clone: 56, clone3: 435, fcntl: 72, ioctl: 16 };

/** Calls that name a process (or a process group, or a user) in an argument: allowed only when it names this one (0 means the caller). */
const SELF_ONLY_X86_64: Array<{ name: string; nr: number; arg: number; zeroIsSelf: boolean }> = [
  // Signals: kill(pid, sig), tgkill(tgid, tid, sig), rt_sigqueueinfo(tgid, ...), rt_tgsigqueueinfo(tgid, tid, ...).
  // The kernel checks that a tgkill's tid belongs to its tgid, so naming our own tgid is enough.
  { name: "kill", nr: 62, arg: 0, zeroIsSelf: false },
  { name: "tgkill", nr: 234, arg: 0, zeroIsSelf: false },
  { name: "rt_sigqueueinfo", nr: 129, arg: 0, zeroIsSelf: false },
  { name: "rt_tgsigqueueinfo", nr: 297, arg: 0, zeroIsSelf: false },
  // Another process's resource limits, priority and CPUs (a runner as the daemon's user could
  // set the daemon's open-file limit to nothing).
  { name: "prlimit64", nr: 302, arg: 0, zeroIsSelf: true },
  { name: "sched_setaffinity", nr: 203, arg: 0, zeroIsSelf: true },
  { name: "sched_setscheduler", nr: 144, arg: 0, zeroIsSelf: true },
  { name: "sched_setparam", nr: 142, arg: 0, zeroIsSelf: true },
  { name: "sched_setattr", nr: 314, arg: 0, zeroIsSelf: true },
  { name: "migrate_pages", nr: 256, arg: 0, zeroIsSelf: true },
  { name: "move_pages", nr: 279, arg: 0, zeroIsSelf: true },
];

/** setpriority(which, who, prio) and ioprio_set(which, who, prio): only `which` naming a process, and `who` naming this one. */
const PRIORITY_X86_64 = [
  { name: "setpriority", nr: 141, which: 0 /* PRIO_PROCESS */ },
  { name: "ioprio_set", nr: 251, which: 1 /* IOPRIO_WHO_PROCESS */ },
];

/**
 * fcntl and ioctl commands that make the kernel signal another process later: F_SETOWN and
 * F_SETOWN_EX, FIOSETOWN and SIOCSPGRP name who gets SIGIO (any signal, with F_SETSIG) for a
 * file; TIOCSTI types into a terminal, TIOCLINUX into a console.
 */
const DENIED_COMMANDS: Record<string, number[]> = {
  fcntl: [8 /* F_SETOWN */, 15 /* F_SETOWN_EX */],
  ioctl: [0x8901 /* FIOSETOWN */, 0x8902 /* SIOCSPGRP */, 0x5412 /* TIOCSTI */, 0x541c /* TIOCLINUX */],
};

/** The architectures this filter knows; elsewhere no filter is installed (and woma says so). */
export function seccompSupported(arch: string = process.arch, platform: string = process.platform): boolean {
  return platform === "linux" && arch === "x64";
}

/** The names of the calls the filter refuses outright (for the docs and tests). */
export const DENIED_SYSCALLS: readonly string[] = Object.keys(DENIED_X86_64);

/** The names of the calls the filter allows only at the runner itself (for the docs and tests). */
export const SELF_ONLY_SYSCALLS: readonly string[] = [...SELF_ONLY_X86_64.map((call) => call.name), ...PRIORITY_X86_64.map((call) => call.name)];

/**
 * The filter for a runner whose process id is `pid` (as the runner sees it: inside its PID
 * namespace under bubblewrap). It refuses with EPERM: every call in {@link DENIED_SYSCALLS};
 * the calls of {@link SELF_ONLY_SYSCALLS} aimed at any process but the runner itself (signals,
 * resource limits, scheduling); fcntl and ioctl commands that have the kernel signal or type
 * for someone else; `clone` unless it makes a thread in the same namespaces; clone3 gets
 * ENOSYS so the C library falls back to clone, whose flags the filter can read. Anything from
 * another architecture or the x32 ABI is refused too. Everything else is allowed.
 */
export function buildRunnerFilter(pid: number): BpfInstruction[] {
  const program: BpfInstruction[] = [];
  const ins = (code: number, k: number, jt = 0, jf = 0) => program.push({ code, jt, jf, k });
  const deny = (errno = EPERM) => ins(BPF_RET_K, SECCOMP_RET_ERRNO | errno);
  const loadNr = () => ins(BPF_LD_W_ABS, OFFSET_NR);
  /** For call `nr`: its argument `arg` must be one of `allowed` (a 32-bit value: the high half zero too), or the call is refused. */
  const argIn = (nr: number, arg: number, allowed: number[]) => {
    const n = allowed.length;
    ins(BPF_JEQ_K, nr, 0, n + 6);
    ins(BPF_LD_W_ABS, argLow(arg));
    allowed.forEach((value, j) => ins(BPF_JEQ_K, value >>> 0, n - j, 0));
    deny();
    // The high half must be zero, or a negative number could alias an allowed one.
    ins(BPF_LD_W_ABS, argLow(arg) + 4);
    ins(BPF_JEQ_K, 0, 1, 0);
    deny();
    loadNr();
  };
  /** For call `nr`: its argument `arg` (the kernel reads 32 bits of it) may not be one of `refused`. */
  const argNotIn = (nr: number, arg: number, refused: number[]) => {
    const n = refused.length;
    ins(BPF_JEQ_K, nr, 0, n + 4);
    ins(BPF_LD_W_ABS, argLow(arg));
    refused.forEach((value, j) => ins(BPF_JEQ_K, value >>> 0, n - j, 0));
    ins(BPF_JA, 1);
    deny();
    loadNr();
  };

  ins(BPF_LD_W_ABS, OFFSET_ARCH);
  ins(BPF_JEQ_K, AUDIT_ARCH_X86_64, 1, 0);
  deny();
  loadNr();
  ins(BPF_JGE_K, X32_SYSCALL_BIT, 0, 1);
  deny();
  for (const nr of Object.values(DENIED_X86_64)) {
    ins(BPF_JEQ_K, nr, 0, 1);
    deny();
  }
  ins(BPF_JEQ_K, NR_X86_64.clone3, 0, 1);
  deny(ENOSYS);
  for (const call of SELF_ONLY_X86_64) argIn(call.nr, call.arg, call.zeroIsSelf ? [0, pid] : [pid]);
  for (const call of PRIORITY_X86_64) {
    argIn(call.nr, 0, [call.which]);
    argIn(call.nr, 1, [0, pid]);
  }
  argNotIn(NR_X86_64.fcntl, 1, DENIED_COMMANDS.fcntl!);
  argNotIn(NR_X86_64.ioctl, 1, DENIED_COMMANDS.ioctl!);
  // clone(flags, ...): threads only, in the same namespaces.
  ins(BPF_JEQ_K, NR_X86_64.clone, 0, 4);
  ins(BPF_LD_W_ABS, argLow(0));
  ins(BPF_JSET_K, CLONE_NAMESPACES, 1, 0);
  ins(BPF_JSET_K, CLONE_THREAD, 1, 0);
  deny();
  ins(BPF_RET_K, SECCOMP_RET_ALLOW);
  return program;
}

/** Serialises a program as the kernel expects `struct sock_filter[]` (8 bytes each, little-endian). */
export function encodeFilter(program: readonly BpfInstruction[]): Uint8Array {
  const bytes = new Uint8Array(program.length * 8);
  const view = new DataView(bytes.buffer);
  program.forEach((instruction, index) => {
    view.setUint16(index * 8, instruction.code, true);
    view.setUint8(index * 8 + 2, instruction.jt);
    view.setUint8(index * 8 + 3, instruction.jf);
    view.setUint32(index * 8 + 4, instruction.k >>> 0, true);
  });
  return bytes;
}
