/** The pool's shutdown with fake runners: which runner processes it stops and waits for. */
import { expect, test } from "bun:test";
import type { LaunchRunner } from "../../daemon/pool/runner-launcher.ts";
import type { Runner, RunnerRole } from "../../daemon/pool/runner.ts";
import { WorkerPool } from "../../daemon/pool/worker-pool.ts";

/** A runner "process" that exists from the launch call on and ends only when killed. */
function fakeRunner(id: string, role: RunnerRole): Runner & { killedWith: string | undefined } {
  let exit!: (reason: string) => void;
  const exited = new Promise<string>((resolve) => (exit = resolve));
  const runner = {
    id,
    role,
    tenant: undefined,
    sessions: new Set<string>(),
    runs: 0,
    lastActiveAt: Date.now(),
    bootResult: undefined,
    deathReason: undefined as string | undefined,
    killedWith: undefined as string | undefined,
    exited,
    pid: -1,
    get alive() {
      return runner.deathReason === undefined;
    },
    busy: false,
    rss: () => undefined,
    run: () => Promise.reject(new Error("not used")),
    interrupt: () => {},
    session: () => Promise.resolve(),
    check: () => Promise.resolve({ status: "complete" as const }),
    kill: (reason: string) => {
      if (runner.deathReason !== undefined) return;
      runner.deathReason = reason;
      runner.killedWith = reason;
      exit(reason);
    },
  };
  return runner;
}

/**
 * KNOWN BUG (daemon/pool/worker-pool.ts, `launch()` and `shutdown()`): a runner enters
 * `live` only once `options.launch` has resolved, i.e. once it has booted. Its process
 * exists from the spawn on (RunnerProcess.start spawns before awaiting the boot), so a
 * shutdown during a boot neither kills nor waits for it: `shutdown()` resolves at once,
 * the daemon exits, and the runner lives on as an orphan until it notices the end of its
 * fd-3 channel (about 100 ms with `--isolation process`; bubblewrap's --die-with-parent
 * hides it under `namespace`). The snapshot builder (runner-launcher.ts) is not tracked
 * either. Marked failing until the pool can reach a runner whose launch is in flight.
 */
test.failing("shutdown kills and waits for a runner that is still booting", async () => {
  const spawned: Array<Runner & { killedWith: string | undefined }> = [];
  let finishBoot!: () => void;
  const booted = new Promise<void>((resolve) => (finishBoot = resolve));
  const launch: LaunchRunner = async (id, role) => {
    const runner = fakeRunner(id, role); // the process exists from here on
    spawned.push(runner);
    await booted;
    return runner;
  };
  const pool = new WorkerPool({ workers: 1, spares: 0, maxRunners: 4, maxQueue: 8, memoryLimitBytes: 0, recycleIdleBytes: 0, launch });
  pool.start();
  expect(spawned.length).toBe(1);
  let stopped = false;
  const shutdown = pool.shutdown().then(() => (stopped = true));
  await Bun.sleep(20);
  // Either shutdown is still waiting for the booting runner, or it has already stopped it.
  expect(stopped && spawned[0]!.alive).toBe(false);
  finishBoot();
  await shutdown;
  expect(spawned[0]!.alive).toBe(false);
});
