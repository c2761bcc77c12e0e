/**
 * `woma jupyter kernel -f FILE` as a process: binds the connection file's channels, runs a
 * kernel on the daemon it is given, and ends cleanly, with nothing left behind, when a front
 * end shuts it down, its parent dies, a signal comes or its daemon connection closes.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { readConnectionFile, writeConnectionFile } from "./connection-file.ts";
import { Kernel } from "./kernel.ts";
import { bindZmqTransport } from "./zmq-transport.ts";

/** What the command line hands the kernel. */
export interface KernelProcessOptions {
  connectionFile: string;
  client: DaemonClient;
  /** Closes the daemon connection; an embedded daemon stops with its runners. */
  closeDaemon(): Promise<void>;
  /** Most bytes of one incoming message (`--max-message-bytes`). */
  maxMessageBytes: number;
  /** Pass every representation a cell makes to the front end, script included (`--trust-outputs`). */
  trustOutputs: boolean;
  /** Says where the daemon is, for the line printed when its connection closes. */
  daemonName: string;
}

/** How often the kernel checks that its parent is alive, in milliseconds. */
const PARENT_POLL_MS = 1000;

/** True when a process with this pid exists and has not died (a zombie waiting to be reaped has). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat[stat.lastIndexOf(")") + 2] !== "Z";
  } catch {
    // No /proc (not Linux): the signal check is all there is.
    return true;
  }
}

/** A log to stderr that says at most one line a second of the same kind, and how many it held back. */
function rateLimitedLog(): (line: string) => void {
  let last = 0;
  let held = 0;
  return (line) => {
    const now = Date.now();
    if (now - last < 1000) {
      held++;
      return;
    }
    last = now;
    process.stderr.write(`woma jupyter: ${line}${held > 0 ? ` (and ${held} more messages not shown)` : ""}\n`);
    held = 0;
  };
}

/**
 * Watches the process that started the kernel: `JPY_PARENT_PID` (set by jupyter_client), and
 * the parent process itself (a kernel reparented to init has lost it). Calls `gone` once.
 */
function watchParent(gone: (why: string) => void): () => void {
  const jupyterParent = Number(process.env.JPY_PARENT_PID);
  const firstParent = process.ppid;
  const timer = setInterval(() => {
    if (Number.isInteger(jupyterParent) && jupyterParent > 1 && !alive(jupyterParent)) gone(`its parent process ${jupyterParent} (JPY_PARENT_PID) is gone`);
    else if (firstParent > 1 && process.ppid !== firstParent) gone(`its parent process ${firstParent} is gone`);
  }, PARENT_POLL_MS);
  return () => clearInterval(timer);
}

/** Runs the kernel until it is told to stop; resolves with the exit code. */
export async function runKernelProcess(options: KernelProcessOptions): Promise<number> {
  const log = rateLimitedLog();
  const { info, created } = readConnectionFile(options.connectionFile);
  const transport = await bindZmqTransport(info, { maxMessageBytes: options.maxMessageBytes }, log);
  const portsChosen = created || Object.values(info.ports).some((port) => port === 0);
  if (created || portsChosen) {
    writeConnectionFile(options.connectionFile, info);
    process.stderr.write(`woma jupyter: kernel listening; connect a front end with: jupyter console --existing ${options.connectionFile}\n`);
  }
  let finish!: (code: number) => void;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let kernel: Kernel | undefined;
  const stop = (code: number, why?: string) => {
    if (why) process.stderr.write(`woma jupyter: stopping: ${why}\n`);
    kernel?.stop();
    finish(code);
  };
  process.on("SIGTERM", () => stop(0, "SIGTERM"));
  process.on("SIGHUP", () => stop(0, "SIGHUP"));
  // Ctrl+C in a terminal, or a front end whose kernelspec says interrupt_mode "signal": interrupt the cell, as ipykernel does.
  process.on("SIGINT", () => kernel?.interrupt());
  const unwatch = watchParent((why) => stop(0, why));
  options.client.connection.onClose(() => stop(1, `the connection to ${options.daemonName} closed`));
  try {
    const init = await options.client.initialize("woma-jupyter");
    let username = "woma";
    try {
      username = userInfo().username || username;
    } catch {
      // No user name for this uid: keep the default.
    }
    kernel = new Kernel({
      transport,
      client: options.client,
      init,
      sessionId: `jupyter-${randomBytes(6).toString("hex")}`,
      username,
      trustOutputs: options.trustOutputs,
      log,
      onShutdown: () => finish(0),
    });
    void kernel.startFailure().then((failure) => {
      if (failure !== undefined) process.stderr.write(`woma jupyter: the kernel's interpreter did not start: ${failure}\n`);
    });
    return await finished;
  } finally {
    unwatch();
    await transport.close();
    // On a shared daemon (--connect) the kernel's session would outlive it: close it.
    await kernel?.close();
    await options.closeDaemon();
  }
}
