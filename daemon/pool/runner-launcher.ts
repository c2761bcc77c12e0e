/** Starts runner processes: wraps the command in the sandbox, picks the boot mode, and builds the snapshot with a runner that serves no code. */
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import { dirname } from "node:path";
import { HostPaths } from "./host-paths.ts";
import type { RunnerBootParams } from "../contract/runner-protocol.ts";
import type { Isolation } from "../sandbox/isolation.ts";
import type { RunnerCommand } from "./runner-command.ts";
import type { Runner, RunnerRole } from "./runner.ts";
import { InterruptPage } from "./interrupt-page.ts";
import { RunnerProcess } from "./runner-process.ts";
import type { SnapshotStore } from "./snapshot-store.ts";

/**
 * Starts one booted runner, or rejects with why it could not start. When `signal` aborts
 * (the daemon is shutting down) the process is killed, and the promise settles once it is gone.
 */
export type LaunchRunner = (id: string, role: RunnerRole, signal?: AbortSignal) => Promise<Runner>;

/** Everything needed to start runners. */
export interface LauncherSetup {
  command: RunnerCommand;
  isolation: Isolation;
  snapshots: SnapshotStore;
  /** Directory of the Pyodide core files. */
  indexURL: string;
  /** Largest message a runner may send, in bytes. */
  maxMessageBytes: number;
  /** Host paths beyond the daemon's own to keep out of messages to runners, by neutral name (`/woma/packages`: a mirror directory). */
  hostPaths?: Record<string, string>;
  /** What every runner installs and imports at boot (`--preload`), once it is known. */
  preload?: Promise<RunnerBootParams["preload"]>;
}

/**
 * The largest message a runner may send under these limits, in bytes: the biggest of a run's
 * result (two output streams and three capped texts: result, message, traceback), one
 * display output, and one file read (base64), each at JSON's worst escaping (six bytes per
 * character), plus room for framing. Anything larger breaks the protocol.
 */
export function runnerMessageLimit(limits: { maxOutputBytes: number; maxResultChars: number; maxDisplayBytes?: number; maxFileBytes?: number }): number {
  const result = 6 * (2 * limits.maxOutputBytes + 3 * limits.maxResultChars);
  const display = 6 * (limits.maxDisplayBytes ?? 0) + 6 * 65536;
  const file = Math.ceil((limits.maxFileBytes ?? 0) / 3) * 4;
  return Math.max(result, display, file) + 64 * 1024;
}

/**
 * Returns a function that starts runners with the given setup, and gives the snapshot
 * store its builder. Serving runners see the Pyodide core and the snapshot directory
 * read-only and write nothing of the host; only the builder gets a directory it may write,
 * a fresh one under the snapshot directory, and it is killed as soon as it has written.
 */
export function createLauncher(setup: LauncherSetup): LaunchRunner {
  const { command, isolation, snapshots, indexURL, maxMessageBytes, preload } = setup;
  const hostPaths = new HostPaths(dirname(snapshots.dir), setup.hostPaths);
  // No package cache: runners get package files' bytes from the daemon (runner/wheel).
  const argv = (readWrite: string[]) => isolation.wrap(command.argv, { readOnly: [...command.readOnly, indexURL, snapshots.dir], readWrite, env: command.env });

  snapshots.setBuilder(async (rawPath, buildDir) => {
    const boot: RunnerBootParams = { runnerId: "snapshot-builder", indexURL, boot: { kind: "build-snapshot", path: rawPath } };
    const { runner, boot: result } = await RunnerProcess.start("snapshot-builder", "spare", { argv: argv([buildDir]), env: command.env, boot, maxMessageBytes });
    runner.kill("it has built the snapshot");
    await runner.exited;
    if (result.kind !== "ready" || result.snapshotBytes === undefined) throw new Error("the builder runner wrote no snapshot");
  });

  let warned = false;
  /** Says once if runners keep more than they should: the drop is the runner's own, read back from the kernel. */
  const checkPrivileges = (runner: Runner) => {
    const held = runner.bootResult?.privileges;
    if (!held || warned) return;
    const kept = [
      ...held.problems,
      ...(isolation.runAs && held.uid !== isolation.runAs.uid ? [`it runs as uid ${held.uid}, not ${isolation.runAs.uid}`] : []),
      ...Object.entries(held.capabilities)
        .filter(([set, hex]) => set !== "bounding" && /[1-9a-f]/i.test(hex))
        .map(([set, hex]) => `its ${set} capabilities are ${hex}`),
      ...(held.dumpable ? ["it is dumpable"] : []),
    ];
    if (kept.length === 0) return;
    warned = true;
    log("warn", `runner ${runner.id} kept privileges it should have dropped: ${kept.join("; ")}`);
  };

  const launch = async (id: string, role: RunnerRole, attempt: number, signal: AbortSignal | undefined): Promise<Runner> => {
    // The process starts while the boot mode is worked out (the snapshot's seal is checked once).
    const boot = Promise.all([snapshots.bootMode(), preload]).then(([mode, packages]): RunnerBootParams => ({
      runnerId: id,
      indexURL,
      boot: mode,
      ...(isolation.runAs ? { runAs: isolation.runAs } : {}),
      ...(packages ? { preload: packages } : {}),
    }));
    let started: Awaited<ReturnType<typeof RunnerProcess.start>>;
    try {
      const interruptPage = new InterruptPage(id);
      started = await RunnerProcess.start(id, role, { argv: argv([interruptPage.path]), env: command.env, boot, maxMessageBytes, signal, hostPaths, interruptPage });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DaemonError("POOL_UNAVAILABLE", `runner ${id} could not start: ${reason}`, undefined, { cause: error });
    }
    if (started.boot.kind === "snapshot-refused") {
      started.runner.kill("it could not restore the snapshot");
      snapshots.refused(started.boot.problem);
      if (attempt > 0) throw new DaemonError("POOL_UNAVAILABLE", `runner ${id} could not start: ${started.boot.problem}`);
      await started.runner.exited;
      return launch(id, role, attempt + 1, signal);
    }
    checkPrivileges(started.runner);
    return started.runner;
  };
  return (id, role, signal) => launch(id, role, 0, signal);
}
