/** Starts `woma serve` as a user would (a subprocess on port 0) for the REST bridge's HTTP tests, and stops it with SIGTERM. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, testCacheDir, waitFor } from "./paths.ts";

/** A running `woma serve`. */
export interface ServeUnderTest {
  /** The base URL it printed, e.g. `http://127.0.0.1:41234`. */
  url: string;
  process: ChildProcess;
  /** Everything it printed on stderr so far. */
  stderr(): string;
  /** Process ids of the server and everything it started (runners and their sandboxes). */
  tree(): number[];
  /** Sends SIGTERM and resolves with the exit code (SIGKILL after 10 s, then the code is null). */
  stop(): Promise<number | null>;
  /** Resolves with the exit code when the process exits, however it was stopped. */
  exited: Promise<number | null>;
}

/** Process ids of `pid` and all its descendants, read from `ps`. */
export function processTree(pid: number): number[] {
  const listing = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" }).stdout;
  const children = new Map<number, number[]>();
  for (const line of listing.split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined || Number.isNaN(child)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const all: number[] = [];
  const visit = (id: number) => {
    all.push(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return all;
}

/** True while a process with this id runs. A zombie (exited, waiting for its new parent to reap it) counts as gone. */
export function alive(pid: number): boolean {
  if (!existsSync("/proc/self/stat")) {
    // No procfs (macOS): a zombie cannot be told apart, so it counts as alive.
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/**
 * Runs `bun cli/main.ts serve --port 0 --pyodide-cache <shared test cache> ...args` and
 * waits (up to 60 s) for its `woma: listening on URL` line. WOMA_TOKEN is removed from
 * its environment unless `env` sets it.
 */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeUnderTest> {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  if (env.WOMA_TOKEN === undefined) delete environment.WOMA_TOKEN;
  const child = spawn(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), "serve", "--port", "0", "--pyodide-cache", testCacheDir(), ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: environment,
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let url: string | undefined;
  await waitFor(
    `"woma: listening on" from woma serve ${args.join(" ")} (stderr so far: ${stderr})`,
    () => {
      url = /woma: listening on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (child.exitCode !== null) throw new Error(`woma serve exited with ${child.exitCode}: ${stderr}`);
      return url !== undefined;
    },
    60_000,
  );
  return {
    url: url!,
    process: child,
    stderr: () => stderr,
    tree: () => processTree(child.pid!),
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
