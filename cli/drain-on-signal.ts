/** SIGTERM (or SIGINT) for the HTTP servers: drain, then stop; at the drain timeout or on a second signal, interrupt what still runs and stop within two seconds. */
import type { Drain } from "../clients/web/drain.ts";
import { exitAfterFlush } from "./daemon-flags.ts";

/** How one server drains and stops. */
export interface DrainPlan {
  drain: Drain;
  /** How long runs in flight may take after the first signal, in ms (`--drain-timeout`). */
  drainTimeoutMs: number;
  /**
   * Lets go of everything, in order: the listener (answers in flight get `graceMs` to be
   * sent), the server's sessions, the daemon and its runners. Must not throw.
   */
  finish(graceMs: number): Promise<void>;
  /** Writes a line for the operator (stderr). */
  say(line: string): void;
}

/** How long answers in flight get to be sent once nothing runs, in ms. */
const SEND_GRACE_MS = 1000;
/** The same once runs were interrupted: the process must be gone within 2 s. */
const INTERRUPTED_SEND_GRACE_MS = 400;
/** After an interrupt, the process exits by this time whatever is left (runners die with it: they read their stdin to its end, and bubblewrap's --die-with-parent). */
const INTERRUPT_EXIT_MS = 1700;

/** The sentence clients of runs interrupted at the drain timeout get. */
export function drainTimeoutReason(drainTimeoutMs: number): string {
  return `the instance is shutting down and its drain timeout (--drain-timeout ${drainTimeoutMs / 1000} s) passed before this run finished, so it was interrupted; send it again and another instance will take it`;
}

/** The sentence clients of runs interrupted by a second signal get. */
export function stopNowReason(signal: string): string {
  return `the instance was told to stop at once (a second ${signal}) before its drain timeout, so this run was interrupted; send it again and another instance will take it`;
}

/**
 * Installs the handlers of SIGTERM and SIGINT. The first signal starts the drain: `/ready`
 * answers 503 from then on, new work is refused by the server, and the process exits 0 as
 * soon as nothing is in flight, or at the drain timeout, when what still runs is
 * interrupted (its clients get the drain's 503) and the process exits within 2 s. A second
 * signal interrupts at once; a third exits on the spot. Returns a function that starts the
 * same stop without a signal (the daemon went away), with the exit code to use.
 */
export function drainOnSignals(plan: DrainPlan): (why: string, code: number) => void {
  let phase: "serving" | "draining" | "stopping" = "serving";
  let exitCode = 0;
  let drainTimer: ReturnType<typeof setTimeout> | undefined;

  const finish = (graceMs: number) => {
    if (phase === "stopping") return;
    phase = "stopping";
    clearTimeout(drainTimer);
    void plan.finish(graceMs).then(() => exitAfterFlush(exitCode));
  };
  const interrupt = (reason: string) => {
    plan.drain.interrupt(reason);
    // Runs still going get their answer now; then the rest stops, bounded in time.
    setTimeout(() => process.exit(exitCode), INTERRUPT_EXIT_MS).unref();
    void plan.drain.idle().then(() => finish(INTERRUPTED_SEND_GRACE_MS));
  };
  const onSignal = (signal: string) => {
    if (phase === "stopping") {
      if (!plan.drain.interrupted.aborted) interrupt(stopNowReason(signal));
      else process.exit(exitCode === 0 ? 130 : exitCode);
      return;
    }
    if (phase === "draining") {
      plan.say(`woma: ${signal} again: interrupting ${plan.drain.inFlight} request(s) still in flight and stopping now`);
      interrupt(stopNowReason(signal));
      return;
    }
    phase = "draining";
    plan.drain.begin();
    const inFlight = plan.drain.inFlight;
    plan.say(
      inFlight === 0
        ? `woma: ${signal}: stopping (nothing in flight)`
        : `woma: ${signal}: stopping: draining ${inFlight} request(s) in flight (new runs get 503) for at most ${plan.drainTimeoutMs / 1000} s (--drain-timeout); ${signal} again stops now`,
    );
    drainTimer = setTimeout(() => {
      plan.say(`woma: the drain timeout passed with ${plan.drain.inFlight} request(s) in flight; interrupting them and stopping`);
      interrupt(drainTimeoutReason(plan.drainTimeoutMs));
    }, plan.drainTimeoutMs);
    void plan.drain.idle().then(() => {
      if (phase === "draining") finish(SEND_GRACE_MS);
    });
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
  return (why, code) => {
    exitCode = code;
    if (phase !== "serving") return;
    plan.say(`woma: ${why}; stopping`);
    phase = "draining";
    plan.drain.interrupt(why);
    finish(0);
  };
}
