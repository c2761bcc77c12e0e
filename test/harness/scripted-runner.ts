/** A runner that stands in for a Pyodide process in in-process tests: it obeys a tiny script instead of running Python. */
import { DaemonError } from "../../daemon/daemon-error.ts";
import { Daemon } from "../../daemon/daemon.ts";
import { defaultDaemonOptions, type DaemonOptions } from "../../daemon/daemon-options.ts";
import type { OutputListener, ReadyBoot, Runner, RunnerRole } from "../../daemon/pool/runner.ts";
import type { RunnerRunParams, RunnerRunResult } from "../../daemon/runner/runner-protocol.ts";

/**
 * Runs "code" written as a script: `print <bytes>` writes that many bytes of stdout (in
 * 64 KiB pieces), `wait <ms>` waits until the time is up or the run is interrupted;
 * anything else is returned as the run's result. Lines run in order.
 */
export class ScriptedRunner implements Runner {
  role: RunnerRole;
  tenant: string | undefined;
  readonly sessions = new Set<string>();
  runs = 0;
  lastActiveAt = Date.now();
  readonly bootResult: ReadyBoot = {
    kind: "ready",
    bootMs: 1,
    fromSnapshot: true,
    pythonVersion: "3.13.0",
    pyodideVersion: "fake",
    seccomp: { installed: false, detail: "a scripted runner" },
  };
  deathReason: string | undefined;
  readonly exited: Promise<string>;
  readonly pid = -1;
  busy = false;
  private died!: (reason: string) => void;
  private interrupted: (() => void) | undefined;

  constructor(
    readonly id: string,
    role: RunnerRole,
  ) {
    this.role = role;
    this.exited = new Promise((resolve) => (this.died = resolve));
  }

  get alive(): boolean {
    return this.deathReason === undefined;
  }

  rss(): number | undefined {
    return undefined;
  }

  async run(params: RunnerRunParams, onOutput: OutputListener): Promise<RunnerRunResult> {
    this.busy = true;
    const started = performance.now();
    let stdout = "";
    let interrupted = false;
    let result: string | null = null;
    try {
      for (const line of params.code.split("\n")) {
        const [verb, arg] = line.split(" ");
        if (verb === "print") {
          for (let left = Number(arg); left > 0; left -= 65536) {
            const text = "x".repeat(Math.min(65536, left));
            if (stdout.length < params.maxOutputBytes) stdout += text.slice(0, params.maxOutputBytes - stdout.length);
            onOutput("stdout", text);
            await Bun.sleep(0);
          }
        } else if (verb === "wait") {
          interrupted = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), Number(arg));
            this.interrupted = () => {
              clearTimeout(timer);
              resolve(true);
            };
          });
          this.interrupted = undefined;
          if (interrupted) break;
        } else {
          result = line;
        }
        if (!this.alive) throw new DaemonError("RUNNER_DIED", `runner ${this.id} died (${this.deathReason})`);
      }
    } finally {
      this.busy = false;
      this.runs++;
      this.lastActiveAt = Date.now();
    }
    return {
      status: interrupted ? "exception" : "success",
      result,
      resultCharsCut: 0,
      error: interrupted ? { type: "KeyboardInterrupt", message: "", traceback: "KeyboardInterrupt" } : null,
      messageCharsCut: 0,
      tracebackCharsCut: 0,
      stdout,
      stderr: "",
      stdoutBytesCut: 0,
      stderrBytesCut: 0,
      executionTimeMs: performance.now() - started,
      interrupted,
    };
  }

  interrupt(): void {
    this.interrupted?.();
  }

  async session(): Promise<void> {}

  async check(): Promise<{ status: "complete" | "incomplete" | "invalid" }> {
    return { status: "complete" };
  }

  kill(reason: string): void {
    if (!this.alive) return;
    this.deathReason = reason;
    this.interrupted?.();
    this.died(reason);
  }
}

/** A daemon whose runners are {@link ScriptedRunner}s, in this process; stop it with `shutdown()`. */
export function scriptedDaemon(options: Partial<DaemonOptions> = {}): Daemon {
  return Daemon.create(
    { ...defaultDaemonOptions(), cacheDir: "/nonexistent", ...options },
    {
      isolation: { info: { level: "process", detail: "scripted runners for tests" } },
      launch: async (id, role) => new ScriptedRunner(id, role),
      snapshots: { path: "/nonexistent", state: "ready", detail: undefined, bytes: () => undefined },
    },
  );
}
