/** Chooses how runners are isolated from the host, and wraps a runner's command line accordingly. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { IsolationInfo, IsolationLevel } from "../../protocol/generated/types.ts";

/** What the user asked for with `--isolation`. */
export type IsolationRequest = "auto" | IsolationLevel;

/** Paths a runner may see, beyond the system's libraries. */
export interface SandboxPaths {
  /** Visible read-only. */
  readOnly: string[];
  /** Visible and writable (the snapshot directory, for the runner that builds it). */
  readWrite: string[];
  /** The runner's whole environment (the sandbox starts from an empty one). */
  env: Record<string, string>;
}

/** The chosen isolation: what to report and how to start a runner under it. */
export interface Isolation {
  info: IsolationInfo;
  /** Returns the command line that starts `command` inside the sandbox. */
  wrap(command: string[], paths: SandboxPaths): string[];
  /** Whom each runner becomes once booted, when not the daemon's own user (a root daemon's runners at `process` level). */
  runAs?: { uid: number; gid: number };
}

/** The unprivileged uid and gid a runner has inside its namespace (nobody), whoever runs the daemon. */
export const RUNNER_UID = 65534;

const SYSTEM_DIRS = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d"];

function findBwrap(): string | undefined {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(":")) {
    const candidate = `${dir}/bwrap`;
    if (dir && existsSync(candidate)) return candidate;
  }
  for (const candidate of ["/usr/bin/bwrap", "/usr/local/bin/bwrap"]) if (existsSync(candidate)) return candidate;
  return undefined;
}

function bwrapArgs(bwrap: string, command: string[], paths: SandboxPaths): string[] {
  const args = [
    bwrap,
    "--unshare-all", // mount, PID, network, IPC, UTS and cgroup namespaces
    "--unshare-user", // a user namespace even when the daemon is root, so the runner can be nobody
    "--uid", String(RUNNER_UID),
    "--gid", String(RUNNER_UID),
    "--die-with-parent",
    "--new-session", // no controlling terminal: a Ctrl+C meant for the REPL never reaches a runner
    "--clearenv",
    "--cap-drop", "ALL",
    "--hostname", "woma",
    "--proc", "/proc",
    "--dev", "/dev",
    "--tmpfs", "/tmp",
    "--setenv", "HOME", "/tmp",
  ];
  for (const dir of SYSTEM_DIRS) args.push("--ro-bind-try", dir, dir);
  for (const path of paths.readOnly) args.push("--ro-bind", path, path);
  for (const path of paths.readWrite) args.push("--bind", path, path);
  for (const [name, value] of Object.entries(paths.env)) args.push("--setenv", name, value);
  args.push("--chdir", "/tmp", "--", ...command);
  return args;
}

function probe(bwrap: string): string | undefined {
  const trueBin = existsSync("/bin/true") ? "/bin/true" : "/usr/bin/true";
  const result = spawnSync(bwrap, bwrapArgs(bwrap, [trueBin], { readOnly: [], readWrite: [], env: {} }).slice(1), {
    encoding: "utf8",
    timeout: 5000,
  });
  if (result.error) return result.error.message;
  if (result.status !== 0) return (result.stderr || `exit code ${result.status}`).trim();
  return undefined;
}

/**
 * Detects the strongest isolation available. `namespace` needs Linux user namespaces and
 * bubblewrap (`bwrap`); `auto` falls back to `process` with a reason, and an explicit
 * `namespace` request that cannot be met throws.
 */
export function chooseIsolation(request: IsolationRequest, uid: number | undefined = process.getuid?.()): Isolation {
  // A root daemon's runners become nobody once booted; any other daemon's keep its uid.
  const runAs = uid === 0 ? { uid: RUNNER_UID, gid: RUNNER_UID } : undefined;
  const processLevel = (detail: string): Isolation => ({
    info: {
      level: "process",
      detail: `${detail}; each runner drops every capability, is not dumpable${runAs ? `, runs as uid ${RUNNER_UID}` : ""} and has a seccomp filter, but no kernel boundary keeps it from the files its uid can reach`,
    },
    wrap: (command) => command,
    ...(runAs ? { runAs } : {}),
  });
  if (request === "process") return processLevel("process isolation was requested (--isolation process); this is defence in depth only");
  if (process.platform !== "linux") {
    if (request === "namespace") throw new Error(`namespace isolation needs Linux, this is ${process.platform}`);
    return processLevel(`namespace isolation needs Linux (this is ${process.platform}); process isolation is defence in depth only`);
  }
  const bwrap = findBwrap();
  if (!bwrap) {
    const why = "bubblewrap (bwrap) is not installed; install it (e.g. apt-get install bubblewrap) for namespace isolation";
    if (request === "namespace") throw new Error(why);
    return processLevel(`${why}. Process isolation is defence in depth only`);
  }
  const problem = probe(bwrap);
  if (problem !== undefined) {
    const why = `bubblewrap could not create namespaces here (${problem.split("\n")[0]})`;
    if (request === "namespace") throw new Error(why);
    return processLevel(`${why}. Process isolation is defence in depth only`);
  }
  return {
    info: { level: "namespace", detail: `each runner runs under ${bwrap} as uid ${RUNNER_UID} in its own user, mount, PID and network namespaces, with a read-only view of the files it needs and a seccomp filter` },
    wrap: (command, paths) => bwrapArgs(bwrap, command, paths),
  };
}
