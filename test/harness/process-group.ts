/** Starts a woma command in a process group of its own and stops the whole group as a terminal, docker, systemd or an MCP host does; watches the runner processes it starts through /proc. */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { startInPty, type PtySession } from "./pty.ts";
import { alive } from "./start-serve.ts";
import { REPO_ROOT, waitFor } from "./paths.ts";

/** `bun cli/main.ts`, as the tests start woma. */
export const WOMA = [process.execPath, join(REPO_ROOT, "cli", "main.ts")];

/** Clock ticks per second of /proc's start times (USER_HZ; 100 on every Linux that matters). */
const TICKS_PER_SECOND = 100;

/** One runner process (or its bubblewrap wrapper) that the watched process started. */
export interface SeenRunner {
  pid: number;
  /** When it started, in clock ticks since boot (/proc/PID/stat field 22). */
  startTicks: number;
}

/** Seconds since boot, in clock ticks, read now: comparable with {@link SeenRunner.startTicks}. */
export function nowTicks(): number {
  return Math.floor(Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * TICKS_PER_SECOND);
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may hold spaces: [0] is field 3 (state).
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** Children of every thread of `pid` (a fork may come from any thread). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out = new Set<number>();
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/)) if (child) out.add(Number(child));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return [...out];
}

/** One process of a tree, with the file it executes (/proc/PID/exe) and its command line. */
export interface TreeProcess {
  pid: number;
  /** Base name of the executable: `node`, `bun`, `bun.exe`, `bwrap`, `dash`... */
  exe: string;
  args: string;
}

/** `pid` and all its descendants, read from /proc, parents first. */
export function processTree(pid: number): TreeProcess[] {
  const out: TreeProcess[] = [];
  const visit = (id: number) => {
    let args: string;
    try {
      args = readFileSync(`/proc/${id}/cmdline`, "utf8").split("\0").join(" ").trim();
    } catch {
      return; // exited meanwhile
    }
    let exe = "?"; // not ours to read (another user namespace without the rights)
    try {
      exe = readlinkSync(`/proc/${id}/exe`).split("/").pop()!.replace(/ \(deleted\)$/, "");
    } catch {
      // Kept as "?".
    }
    out.push({ pid: id, exe, args });
    for (const child of childrenOf(id)) visit(child);
  };
  visit(pid);
  return out;
}

/**
 * Polls /proc every few milliseconds for the runner processes `pid` starts (direct
 * children whose command line has `__runner`, bubblewrap's included). A runner lives at
 * least for its boot (hundreds of ms), so a 5 ms poll sees every one.
 */
export class RunnerWatch {
  readonly seen = new Map<number, SeenRunner>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.poll(), 5);
  }

  poll(): void {
    for (const child of childrenOf(this.pid)) {
      if (this.seen.has(child)) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${child}/cmdline`, "utf8");
      } catch {
        continue;
      }
      const fields = statFields(child);
      if (!cmdline.includes("__runner") || !fields) continue;
      this.seen.set(child, { pid: child, startTicks: Number(fields[19]) });
    }
  }

  /** Runners seen so far that have not exited. */
  living(): number[] {
    return [...this.seen.keys()].filter(alive);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** What stopping a group showed. */
export interface GroupStop {
  /** The leader's exit code, or null when a signal ended it. */
  code: number | null;
  signal: string | null;
  /** Runner processes not seen before the signal whose start time is not earlier than it (/proc's 10 ms resolution). */
  spawnedAfterStop: SeenRunner[];
  /** Every runner process the command started in its whole life. */
  runners: SeenRunner[];
}

/** Stops a process group and reports what its runners did; see {@link watchGroup}. */
export interface GroupControl {
  runners: RunnerWatch;
  /**
   * Sends `signal` to the whole group (`kill -TERM -PGID`), waits for the leader to exit and
   * then for every runner it ever started to be gone (up to `timeoutMs` each).
   */
  stopGroup(signal?: NodeJS.Signals, timeoutMs?: number): Promise<GroupStop>;
  /** SIGKILLs the group and every runner seen: clean-up after a failed test. */
  kill(): void;
}

/** Watches the runners of the group leader `pid` (which must lead its own process group) and gives a way to stop the group. */
export function watchGroup(pid: number, exited: Promise<{ code: number | null; signal: string | null }>): GroupControl {
  const runners = new RunnerWatch(pid);
  const signalAll = (pids: number[], signal: NodeJS.Signals) => {
    for (const target of pids) {
      try {
        process.kill(target, signal);
      } catch {
        // Already gone.
      }
    }
  };
  return {
    runners,
    stopGroup: async (signal = "SIGTERM", timeoutMs = 20_000) => {
      runners.poll();
      const before = new Set(runners.seen.keys());
      const sentAt = nowTicks();
      process.kill(-pid, signal);
      const timer = setTimeout(() => signalAll([-pid], "SIGKILL"), timeoutMs);
      const { code, signal: endedBy } = await exited;
      clearTimeout(timer);
      // A runner spawned in the leader's last moments shows up in this last look.
      runners.poll();
      runners.stop();
      await waitFor(`the runners of pid ${pid} to exit (alive: ${runners.living().join(", ")})`, () => runners.living().length === 0, timeoutMs);
      const all = [...runners.seen.values()];
      return { code, signal: endedBy, runners: all, spawnedAfterStop: all.filter((r) => !before.has(r.pid) && r.startTicks >= sentAt) };
    },
    kill: () => {
      runners.stop();
      signalAll([-pid, ...runners.living()], "SIGKILL");
    },
  };
}

/** A woma command running as the leader of its own process group. */
export interface GroupUnderTest extends GroupControl {
  process: ChildProcess;
  pid: number;
  stderr(): string;
  stdout(): string;
}

/** Starts `woma ...args` (script mode) as the leader of a new process group, stderr and stdout captured, stdin a pipe. */
export function startInGroup(args: string[], env: Record<string, string> = {}): GroupUnderTest {
  const child = spawn(WOMA[0]!, [...WOMA.slice(1), ...args], { detached: true, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...env } });
  let stderr = "";
  let stdout = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { process: child, pid: child.pid!, stderr: () => stderr, stdout: () => stdout, ...watchGroup(child.pid!, exited) };
}

/** Starts `argv` in a pseudo-terminal, which makes it the leader of a new session and process group, and watches its runners. */
export function startGroupInPty(argv: string[], env: Record<string, string> = {}): PtySession & GroupControl {
  const pty = startInPty(argv, env, { detached: true });
  const exited = pty.process.exited.then((code) => {
    const signal = pty.process.signalCode;
    return { code: signal ? null : code, signal: signal === null ? null : String(signal) };
  });
  const control = watchGroup(pty.process.pid, exited);
  return {
    ...pty,
    ...control,
    kill: () => {
      control.kill();
      pty.close();
    },
  };
}
