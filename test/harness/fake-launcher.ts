/** A fake `LaunchRunner`: boots {@link FakeRunner}s in-process, and can hold boots, slow them or make them fail. */
import { DaemonError } from "../../daemon/daemon-error.ts";
import type { LaunchRunner } from "../../daemon/pool/runner-launcher.ts";
import type { RunnerRole } from "../../daemon/pool/runner.ts";
import { FakeRunner, type FakeRunnerScript } from "./fake-runner.ts";

/** How a fake launcher boots runners. */
export interface FakeLauncherOptions extends FakeRunnerScript {
  /** How long each boot takes, in ms (default 0: the next macrotask). */
  bootMs?: number;
}

/**
 * Starts fake runners the way the real launcher starts processes: `launch` resolves with a
 * booted runner, or rejects with `POOL_UNAVAILABLE` saying why it could not start. Every
 * runner ever launched stays in {@link runners}, in order, dead ones included.
 */
export class FakeLauncher {
  /** Every runner launched, in order. */
  readonly runners: FakeRunner[] = [];
  /** Boots begun, failed ones included. */
  attempts = 0;
  private failures: string[] = [];
  private held: Array<() => void> | undefined;

  constructor(private readonly options: FakeLauncherOptions = {}) {}

  /**
   * The function to give the pool. Like the real launcher, an abort of `signal` kills the
   * booting "process" at once, and the launch rejects once it is gone.
   */
  readonly launch: LaunchRunner = async (id: string, role: RunnerRole, signal?: AbortSignal) => {
    this.attempts++;
    const runner = new FakeRunner(id, role, this.options);
    this.booting.add(runner);
    this.peakProcesses = Math.max(this.peakProcesses, this.processes());
    const stop = () => runner.kill(String(signal?.reason ?? "the daemon shut down during its boot"));
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop, { once: true });
    try {
      const booted = (async () => {
        if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
        await new Promise((resolve) => setTimeout(resolve, this.options.bootMs ?? 0));
      })();
      await Promise.race([booted, runner.exited]);
      if (!runner.alive || runner.deathReason !== undefined) throw new DaemonError("POOL_UNAVAILABLE", `runner ${id} could not start: ${await runner.exited}`);
      const failure = this.failures.shift();
      if (failure !== undefined) {
        // The process died before it answered its boot request, as createLauncher reports it.
        runner.die(failure);
        throw new DaemonError("POOL_UNAVAILABLE", `runner ${id} could not start: ${await runner.exited}`);
      }
      this.runners.push(runner);
      return runner;
    } catch (error) {
      this.killedBooting.push(runner);
      throw error;
    } finally {
      this.booting.delete(runner);
      signal?.removeEventListener("abort", stop);
    }
  };

  /** The most runner "processes" (booting, or launched and not yet exited) there ever were at once. */
  peakProcesses = 0;

  /** Runner "processes" that exist now: those booting, and those launched that have not exited. */
  processes(): number {
    return this.booting.size + this.runners.filter((runner) => runner.deathReason === undefined).length;
  }

  /** Runners whose boot is going on now (their "process" exists). */
  readonly booting = new Set<FakeRunner>();
  /** Runners that died during their boot (killed by an abort, or failed), in order. */
  readonly killedBooting: FakeRunner[] = [];

  /** The next `count` boots die before they are ready, with `reason`. */
  failBoots(count: number, reason = "runner exited with code 1: the wasm module could not be compiled"): void {
    for (let i = 0; i < count; i++) this.failures.push(reason);
  }

  /** Boots wait, from now on, until {@link releaseBoots}. */
  holdBoots(): void {
    this.held ??= [];
  }

  /** Lets held boots go on, and boots no longer wait. */
  releaseBoots(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const resume of waiting) resume();
  }

  /** Boots waiting in {@link holdBoots}. */
  get heldBoots(): number {
    return this.held?.length ?? 0;
  }

  /** The runner with this id; throws naming the ids there are. */
  runner(id: string): FakeRunner {
    const found = this.runners.find((runner) => runner.id === id);
    if (!found) throw new Error(`no fake runner "${id}" was launched (launched: ${this.runners.map((r) => r.id).join(", ") || "none"})`);
    return found;
  }

  /** Runners still alive. */
  live(): FakeRunner[] {
    return this.runners.filter((runner) => runner.alive);
  }
}
