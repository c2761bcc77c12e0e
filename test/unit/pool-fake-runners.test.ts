/** The pool with fake runners whose boots the test finishes by hand: how many runners it starts, and which it stops and waits for. */
import { expect, test } from "bun:test";
import type { LaunchRunner } from "../../daemon/pool/runner-launcher.ts";
import type { Runner, RunnerRole } from "../../daemon/pool/runner.ts";
import { RunnerPool } from "../../daemon/pool/runner-pool.ts";

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
    currentRun: undefined,
    load: () => Promise.resolve([]),
    packages: new Set<string>(),
    host: undefined,
    files: () => Promise.reject(new Error("not used")),
    complete: () => Promise.reject(new Error("not used")),
    inspect: () => Promise.reject(new Error("not used")),
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
 * A runner's process exists from the spawn on, before its boot ends: a shutdown during a boot
 * must stop it and wait for it, or the daemon exits and leaves it behind as an orphan.
 */
test("shutdown kills and waits for a runner that is still booting", async () => {
  const spawned: Array<Runner & { killedWith: string | undefined }> = [];
  let finishBoot!: () => void;
  const booted = new Promise<void>((resolve) => (finishBoot = resolve));
  const launch: LaunchRunner = async (id, role) => {
    const runner = fakeRunner(id, role); // the process exists from here on
    spawned.push(runner);
    await booted;
    return runner;
  };
  const pool = new RunnerPool({ workers: 1, spares: 0, maxRunners: 4, maxQueue: 8, memoryLimitBytes: 0, recycleIdleBytes: 0, launch });
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

/** A launcher whose runners boot when the test says so. */
function manualLauncher() {
  const spawned: Array<{ runner: Runner; role: RunnerRole; boot: () => void }> = [];
  const launch: LaunchRunner = async (id, role) => {
    const runner = fakeRunner(id, role);
    let boot!: () => void;
    const booted = new Promise<void>((resolve) => (boot = resolve));
    spawned.push({ runner, role, boot });
    await booted;
    return runner;
  };
  return { spawned, launch };
}

const until = async (what: string, condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await Bun.sleep(5);
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

/**
 * A tenant that needs a runner while the one booted at start is still booting claims that
 * boot rather than starting a second (which would idle as a spare nobody takes, even at
 * --spares 0, and share the cores with the boot that matters). Every client whose first
 * request comes during start-up does this: the REPL, `woma mcp`, a `daemon --stdio` client.
 */
test("a tenant asking during the start-up boot gets the runner being booted, not a second one", async () => {
  const { spawned, launch } = manualLauncher();
  const pool = new RunnerPool({ workers: 1, spares: 0, maxRunners: 4, maxQueue: 8, memoryLimitBytes: 0, recycleIdleBytes: 0, launch });
  pool.start();
  expect(spawned.length).toBe(1);
  const session = pool.runnerForSession("t1");
  await Bun.sleep(10);
  for (const s of spawned) s.boot();
  const runner = await session;
  await until("the boots to settle", () => pool.info(undefined).every((r) => r.state !== "booting"));
  expect({ launched: spawned.length, runner: runner.id }).toEqual({ launched: 1, runner: expect.stringMatching(/^r[0-9a-f]{8}$/) });
  await pool.shutdown();
});

/**
 * `python/check` while the tenant's shared runner is still being acquired waits for that
 * runner (the REPL sends its first check while its session's runner boots) rather than
 * acquiring a second one.
 */
test("python/check while the tenant's runner is being acquired waits for it", async () => {
  const { spawned, launch } = manualLauncher();
  const pool = new RunnerPool({ workers: 1, spares: 0, maxRunners: 4, maxQueue: 8, memoryLimitBytes: 0, recycleIdleBytes: 0, launch });
  pool.start();
  spawned[0]!.boot(); // the start-up runner is ready: the tenant takes it
  await until("the start-up runner", () => pool.info(undefined).some((r) => r.role === "spare" && r.state === "idle"));
  const session = pool.runnerForSession("t1");
  const check = pool.check("t1", "1+1");
  await Bun.sleep(10);
  for (const s of spawned) s.boot();
  await session;
  await check;
  expect(spawned.length).toBe(1);
  await pool.shutdown();
});
