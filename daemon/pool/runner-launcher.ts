/** Starts runner processes: picks the boot mode (snapshot or not), wraps the command in the sandbox, reports snapshot builds. */
import { DaemonError } from "../daemon-error.ts";
import type { Isolation } from "../sandbox/isolation.ts";
import type { RunnerCommand } from "./runner-command.ts";
import { RunnerProcess, type RunnerRole } from "./runner-process.ts";
import type { SnapshotStore } from "./snapshot-store.ts";

/** Starts one booted runner, or rejects with why it could not start. */
export type LaunchRunner = (id: string, role: RunnerRole) => Promise<RunnerProcess>;

/** Everything needed to start runners. */
export interface LauncherSetup {
  command: RunnerCommand;
  isolation: Isolation;
  snapshots: SnapshotStore;
  /** Directory of the Pyodide core files. */
  indexURL: string;
}

/** Returns a function that starts runners with the given setup. */
export function createLauncher(setup: LauncherSetup): LaunchRunner {
  const { command, isolation, snapshots, indexURL } = setup;
  const launch = async (id: string, role: RunnerRole, attempt: number): Promise<RunnerProcess> => {
    const mode = await snapshots.bootMode();
    const building = mode.kind === "make-snapshot";
    const argv = isolation.wrap(command.argv, {
      readOnly: [...command.readOnly, indexURL, ...(building ? [] : [snapshots.dir])],
      readWrite: building ? [snapshots.dir] : [],
      env: command.env,
    });
    let runner: RunnerProcess;
    try {
      runner = await RunnerProcess.start(id, role, { argv, env: command.env, boot: { runnerId: id, indexURL, boot: mode } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (building) snapshots.buildFinished(`the runner building it failed: ${reason}`);
      if (mode.kind === "snapshot" && attempt === 0) {
        snapshots.loadFailed(reason);
        return launch(id, role, 1);
      }
      throw new DaemonError("POOL_UNAVAILABLE", `runner ${id} could not start: ${reason}`, undefined, { cause: error });
    }
    if (building) snapshots.buildFinished(runner.bootResult?.snapshotBytes === undefined ? (runner.bootResult?.snapshotProblem ?? "no snapshot was written") : undefined);
    return runner;
  };
  return (id, role) => launch(id, role, 0);
}
