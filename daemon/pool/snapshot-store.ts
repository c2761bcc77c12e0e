/** Where the Pyodide memory snapshot lives, whether it is usable, and who builds it when it is not. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { log } from "../log.ts";
import { checkSnapshotHeader } from "../runner/snapshot-format.ts";
import type { BootMode } from "../runner/runner-protocol.ts";

/** A temporary snapshot file older than this is a leftover of a crash, not another daemon's write in progress. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** What the snapshot depends on; any change gives a different file. */
export interface SnapshotKey {
  pyodideVersion: string;
  womaVersion: string;
  /** woma's Python runtime, which is baked into the snapshot. */
  runtimeSource: string;
  /** Packages loaded before the snapshot is taken. */
  preload: readonly string[];
  /** Python's environment, which the snapshot keeps. */
  env: Readonly<Record<string, string>>;
}

/** The snapshot's state, as `daemon/info` reports it. */
export type SnapshotState = "ready" | "building" | "unavailable" | "missing";

/**
 * One snapshot file in the cache directory, named after a hash of its key so a new
 * Pyodide, woma or runtime never loads an old snapshot. The first runner to boot
 * builds it (plain boot, then snapshot); the others wait for it. A file that is
 * truncated or corrupt is deleted with a warning and rebuilt; a runner that fails to
 * boot from it has the same effect. Failing to build is not fatal: runners boot plain.
 */
export class SnapshotStore {
  readonly path: string;
  readonly dir: string;
  state: SnapshotState = "missing";
  detail: string | undefined;
  private loadFailures = 0;
  private build: { promise: Promise<void>; done: () => void } | undefined;

  constructor(cacheDir: string, key: SnapshotKey, private readonly enabled: boolean) {
    const hash = createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 16);
    this.dir = join(cacheDir, "snapshots");
    this.path = join(this.dir, `pyodide-${key.pyodideVersion}-woma-${key.womaVersion}-${hash}.snapshot`);
    if (!enabled) {
      this.state = "unavailable";
      this.detail = "snapshots are turned off (--no-snapshot)";
    }
  }

  /** Checks the file on disk once at start; a bad file is removed so it gets rebuilt. */
  inspect(): void {
    if (!this.enabled) return;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (!existsSync(this.path)) {
      this.state = "missing";
      return;
    }
    // Header and length only: a truncated file is caught here at no cost; a corrupt one
    // fails its checksum in the runner, which reports it through loadFailed.
    let problem: string | undefined;
    try {
      problem = checkSnapshotHeader(this.path);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem !== undefined) {
      log("warn", `snapshot ${this.path} is unusable (${problem}); rebuilding it`);
      rmSync(this.path, { force: true });
      this.state = "missing";
      return;
    }
    this.state = "ready";
  }

  /** Size of the file when it is ready. */
  bytes(): number | undefined {
    if (this.state !== "ready") return undefined;
    try {
      return statSync(this.path).size;
    } catch {
      return undefined;
    }
  }

  /**
   * How the next runner should boot. The first caller while the snapshot is missing is
   * told to build it and must report back through {@link buildFinished}; later callers
   * wait for that build.
   */
  async bootMode(): Promise<BootMode> {
    for (;;) {
      switch (this.state) {
        case "ready":
          return { kind: "snapshot", path: this.path };
        case "unavailable":
          return { kind: "plain" };
        case "building":
          await this.build!.promise;
          continue;
        case "missing": {
          let done!: () => void;
          const promise = new Promise<void>((resolve) => (done = resolve));
          this.build = { promise, done };
          this.state = "building";
          return { kind: "make-snapshot", path: this.path };
        }
      }
    }
  }

  /** Reports the end of a build started by {@link bootMode}; `problem` says why it failed. */
  buildFinished(problem: string | undefined): void {
    if (problem === undefined) {
      this.state = "ready";
      this.detail = undefined;
      this.removeStale();
    } else {
      log("warn", `could not build the Pyodide snapshot (${problem}); runners will boot without it, more slowly`);
      this.state = "unavailable";
      this.detail = problem;
    }
    this.build?.done();
    this.build = undefined;
  }

  /** Deletes snapshots of other keys (an older woma or Pyodide) and leftovers of interrupted writes. */
  private removeStale(): void {
    const current = basename(this.path);
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      const stale = name.endsWith(".snapshot") ? name !== current : name.endsWith(".tmp") && Date.now() - statSync(path).mtimeMs > STALE_TEMP_MS;
      if (stale) rmSync(path, { force: true });
    }
  }

  /** A runner could not boot from the snapshot: drop the file so the next boot rebuilds it (twice at most). */
  loadFailed(problem: string): void {
    if (this.state !== "ready") return;
    rmSync(this.path, { force: true });
    this.loadFailures++;
    if (this.loadFailures > 2) {
      log("warn", `runners keep failing to boot from the snapshot (${problem}); booting without one from now on`);
      this.state = "unavailable";
      this.detail = `runners failed to boot from it: ${problem}`;
      return;
    }
    log("warn", `a runner could not boot from snapshot ${this.path} (${problem}); rebuilding it`);
    this.state = "missing";
  }
}
