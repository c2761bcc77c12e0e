/** The runner's seccomp filter, run through a classic-BPF interpreter: what it allows and refuses, call by call and argument by argument. */
import { describe, expect, test } from "bun:test";
import { buildRunnerFilter, DENIED_SYSCALLS, encodeFilter, type BpfInstruction } from "../../daemon/sandbox/seccomp.ts";

const ALLOW = 0x7fff0000;
const EPERM = 0x00050001;
const ENOSYS = 0x00050026;
const AUDIT_ARCH_X86_64 = 0xc000003e;
const PID = 4242;

/** Runs the program over one `struct seccomp_data` (args as 64-bit values) and returns the action. */
function run(program: BpfInstruction[], nr: number, args: Array<number | bigint> = [], arch = AUDIT_ARCH_X86_64): number {
  const data = new DataView(new ArrayBuffer(64));
  data.setUint32(0, nr, true);
  data.setUint32(4, arch, true);
  args.forEach((arg, i) => data.setBigUint64(16 + 8 * i, BigInt.asUintN(64, BigInt(arg)), true));
  let a = 0;
  for (let pc = 0; pc < program.length; pc++) {
    const { code, jt, jf, k } = program[pc]!;
    switch (code) {
      case 0x20:
        a = data.getUint32(k, true);
        break;
      case 0x15:
        pc += a === k >>> 0 ? jt : jf;
        break;
      case 0x35:
        pc += a >= k >>> 0 ? jt : jf;
        break;
      case 0x45:
        pc += (a & k) !== 0 ? jt : jf;
        break;
      case 0x05:
        pc += k;
        break;
      case 0x06:
        return k >>> 0;
      default:
        throw new Error(`unknown opcode ${code} at ${pc}`);
    }
  }
  throw new Error("the program fell off its end");
}

const program = buildRunnerFilter(PID);
const NR = { kill: 62, tgkill: 234, tkill: 200, rt_sigqueueinfo: 129, rt_tgsigqueueinfo: 297, pidfd_open: 434, pidfd_send_signal: 424, prlimit64: 302, setpriority: 141, sched_setaffinity: 203, fcntl: 72, ioctl: 16, clone: 56, clone3: 435, read: 0, futex: 202, mmap: 9 };

describe("the runner's seccomp filter", () => {
  test("it fits the kernel's limits: every jump lands inside the program, and it is at most 4096 instructions", () => {
    expect(program.length).toBeLessThanOrEqual(4096);
    program.forEach(({ code, jt, jf, k }, pc) => {
      if (code === 0x15 || code === 0x35 || code === 0x45) expect(Math.max(jt, jf) + pc + 1).toBeLessThan(program.length);
      if (code === 0x05) expect(k + pc + 1).toBeLessThan(program.length);
    });
    expect(encodeFilter(program).length).toBe(program.length * 8);
  });

  test("ordinary calls pass; every call on the denied list is refused", () => {
    for (const nr of [NR.read, NR.futex, NR.mmap]) expect(run(program, nr)).toBe(ALLOW);
    expect(DENIED_SYSCALLS).toContain("pidfd_open");
    expect(run(program, NR.pidfd_open, [PID, 0])).toBe(EPERM);
    expect(run(program, NR.pidfd_send_signal, [3, 9, 0, 0])).toBe(EPERM);
    expect(run(program, NR.clone3)).toBe(ENOSYS);
  });

  test("signals reach the runner itself only, whatever the call", () => {
    expect(run(program, NR.kill, [PID, 9])).toBe(ALLOW);
    expect(run(program, NR.tgkill, [PID, PID + 1, 30])).toBe(ALLOW);
    expect(run(program, NR.rt_sigqueueinfo, [PID, 10, 0])).toBe(ALLOW);
    for (const [nr, args] of [
      [NR.kill, [1, 9]],
      [NR.kill, [0, 9]],
      [NR.kill, [-1, 9]],
      [NR.kill, [-PID, 9]],
      // The high half of a 64-bit pid must be zero: this would alias PID if only the low half were read.
      [NR.kill, [(1n << 32n) + BigInt(PID), 9]],
      [NR.tgkill, [PID + 1, PID + 1, 9]],
      [NR.tkill, [PID, 9]],
      [NR.rt_sigqueueinfo, [PID + 1, 10, 0]],
      [NR.rt_tgsigqueueinfo, [PID + 1, PID + 1, 10, 0]],
    ] as Array<[number, Array<number | bigint>]>) {
      expect([nr, args, run(program, nr, args)]).toEqual([nr, args, EPERM]);
    }
  });

  test("another process's limits, priority and CPUs cannot be changed; the runner's own can", () => {
    expect(run(program, NR.prlimit64, [0, 7, 0, 0])).toBe(ALLOW);
    expect(run(program, NR.prlimit64, [PID, 7, 0, 0])).toBe(ALLOW);
    expect(run(program, NR.prlimit64, [1, 7, 0, 0])).toBe(EPERM);
    expect(run(program, NR.setpriority, [0, 0, 5])).toBe(ALLOW);
    expect(run(program, NR.setpriority, [0, 1, 5])).toBe(EPERM);
    expect(run(program, NR.setpriority, [2, 0, 5])).toBe(EPERM); // PRIO_USER: every process of the uid
    expect(run(program, NR.sched_setaffinity, [1, 8, 0])).toBe(EPERM);
  });

  test("fcntl and ioctl pass except the commands that signal or type for someone else", () => {
    expect(run(program, NR.fcntl, [3, 3 /* F_GETFL */])).toBe(ALLOW);
    expect(run(program, NR.fcntl, [3, 8 /* F_SETOWN */, 1])).toBe(EPERM);
    expect(run(program, NR.fcntl, [3, 15 /* F_SETOWN_EX */, 0])).toBe(EPERM);
    expect(run(program, NR.ioctl, [0, 0x5401 /* TCGETS */, 0])).toBe(ALLOW);
    expect(run(program, NR.ioctl, [0, 0x5412 /* TIOCSTI */, 0])).toBe(EPERM);
    expect(run(program, NR.ioctl, [3, 0x8901 /* FIOSETOWN */, 0])).toBe(EPERM);
  });

  test("threads may be made, processes and namespaces may not; other ABIs are refused", () => {
    expect(run(program, NR.clone, [0x003d0f00 /* CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID */])).toBe(ALLOW);
    expect(run(program, NR.clone, [0x11 /* SIGCHLD: a fork */])).toBe(EPERM);
    expect(run(program, NR.clone, [0x003d0f00 | 0x10000000 /* CLONE_NEWUSER */])).toBe(EPERM);
    expect(run(program, NR.read | 0x40000000)).toBe(EPERM);
    expect(run(program, NR.read, [], 0x40000003 /* i386 */)).toBe(EPERM);
  });
});
