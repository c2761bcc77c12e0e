/**
 * Times a cheap system call (getppid) in this process, with no seccomp filter or with the
 * runner's filter of a given checkout installed, and prints ns per call as one JSON line.
 * A filter runs on every system call, so its length is a per-call cost.
 *
 *   bun bench/lib/syscall-cost.ts none|CHECKOUT_DIR [calls]
 */
import { join } from "node:path";
import { dlopen, FFIType } from "bun:ffi";

const which = process.argv[2] ?? "none";
const calls = Number(process.argv[3] ?? 1_000_000);
// i32 in and out: BigInt conversions would cost more than the call.
const libc = dlopen("libc.so.6", { syscall: { args: [FFIType.i32], returns: FFIType.i32 } });
const GETPPID = 110;
let rules: number | undefined;
if (which !== "none") {
  const { installSeccomp } = (await import(join(which, "daemon", "runner", "install-seccomp.ts"))) as { installSeccomp(): { installed: boolean; rules?: number; reason?: string } };
  const outcome = installSeccomp();
  if (!outcome.installed) throw new Error(`no filter: ${outcome.reason}`);
  rules = outcome.rules;
}
for (let i = 0; i < 20_000; i++) libc.symbols.syscall(GETPPID);
const started = Bun.nanoseconds();
for (let i = 0; i < calls; i++) libc.symbols.syscall(GETPPID);
const ns = (Bun.nanoseconds() - started) / calls;
process.stdout.write(`${JSON.stringify({ which, rules, ns })}\n`);
