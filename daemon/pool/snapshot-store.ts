/** Where the Pyodide memory snapshot lives, whether it may be used, and how the daemon builds and seals it. */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { log } from "../log.ts";
import type { BootMode } from "../contract/runner-protocol.ts";
import { checkSnapshotHeader, verifySealedSnapshot, writeSealedSnapshot } from "../contract/snapshot-format.ts";
import { processAlive } from "../runtime/process-alive.ts";

/** A temporary file or build directory older than this is a leftover of a crash, not another daemon's work in progress. */
const STALE_TEMP_MS = 10 * 60 * 1000;
/** Times runners may refuse a rebuilt snapshot before the daemon gives up on snapshots. */
const MAX_REFUSALS = 2;

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

/** What `daemon/info` reads of the snapshot. */
export interface SnapshotView {
  readonly path: string;
  readonly state: SnapshotState;
  readonly detail: string | undefined;
  bytes(): number | undefined;
}

/**
 * Boots a throwaway runner that writes a raw snapshot to `rawPath` (inside `buildDir`,
 * the only directory it may write) and never runs user code. Resolves once the file is
 * written and the runner is gone; rejects saying why otherwise.
 */
export type SnapshotBuilder = (rawPath: string, buildDir: string) => Promise<void>;

/**
 * One snapshot file in the cache directory, named after a hash of its key so a new
 * Pyodide, woma or runtime never loads an old snapshot. It is the daemon's: a builder
 * runner that serves no code makes the raw snapshot, and the daemon seals it with an
 * HMAC under a secret key kept in the cache directory (mode 0600, never shown to
 * runners) and checks that seal before any runner boots from it. Only a broken seal, a
 * bad header, or a runner saying it could not restore the snapshot condemns the file; a
 * runner that dies for any other reason (a signal, a shutdown) never does.
 */
export class SnapshotStore implements SnapshotView {
  readonly path: string;
  readonly dir: string;
  state: SnapshotState = "missing";
  detail: string | undefined;
  private readonly keyPath: string;
  private sealKey: Uint8Array | undefined;
  private verified: Promise<boolean> | undefined;
  private refusals = 0;
  private build: Promise<void> | undefined;
  private builder: SnapshotBuilder | undefined;

  constructor(cacheDir: string, key: SnapshotKey, private readonly enabled: boolean) {
    const hash = createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 16);
    this.dir = join(cacheDir, "snapshots");
    this.keyPath = join(cacheDir, "snapshot-seal.key");
    this.path = join(this.dir, `pyodide-${key.pyodideVersion}-woma-${key.womaVersion}-${hash}.snapshot`);
    if (!enabled) {
      this.state = "unavailable";
      this.detail = "snapshots are turned off (--no-snapshot)";
    }
  }

  /** Sets how snapshots are built (the launcher's throwaway runner). */
  setBuilder(builder: SnapshotBuilder): void {
    this.builder = builder;
  }

  /** Checks the directory, the seal key and the file's header once at start; a bad file is removed so it gets rebuilt. */
  inspect(): void {
    if (!this.enabled) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.sealKey = loadOrCreateKey(this.keyPath);
    } catch (error) {
      this.giveUp(`the snapshot directory or its seal key cannot be used: ${(error as Error).message}`);
      return;
    }
    this.removeLeftovers();
    if (!existsSync(this.path)) {
      this.state = "missing";
      return;
    }
    let problem: string | undefined;
    try {
      problem = checkSnapshotHeader(this.path);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem !== undefined) {
      this.condemn(problem);
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
   * How the next runner should boot: from the snapshot once its seal has been checked;
   * when it is missing, after a build (one at a time, shared by every caller); plain when
   * snapshots are off or cannot be built.
   */
  async bootMode(): Promise<BootMode> {
    for (;;) {
      switch (this.state) {
        case "ready":
          this.verified ??= this.verify();
          if (await this.verified) return { kind: "snapshot", path: this.path };
          continue;
        case "unavailable":
          return { kind: "plain" };
        case "building":
        case "missing":
          this.build ??= this.rebuild().finally(() => (this.build = undefined));
          await this.build;
          continue;
      }
    }
  }

  /** A runner could not restore the snapshot: drop the file so the next boot rebuilds it (twice at most). */
  refused(problem: string): void {
    if (this.state !== "ready") return;
    this.refusals++;
    if (this.refusals > MAX_REFUSALS) {
      rmSync(this.path, { force: true });
      this.giveUp(`runners could not restore it: ${problem}`);
      return;
    }
    this.condemn(`a runner could not restore it (${problem})`);
  }

  private async verify(): Promise<boolean> {
    let problem: string | undefined;
    try {
      problem = verifySealedSnapshot(await Bun.file(this.path).bytes(), this.sealKey!);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem === undefined) return true;
    this.condemn(problem);
    return false;
  }

  /** Deletes an unusable file with a warning; the next boot builds a new one. */
  private condemn(problem: string): void {
    log("warn", `snapshot ${this.path} is unusable (${problem}); rebuilding it`);
    rmSync(this.path, { force: true });
    this.state = "missing";
    this.verified = undefined;
  }

  private giveUp(problem: string): void {
    log("warn", `could not use a Pyodide snapshot (${problem}); runners will boot without one, more slowly`);
    this.state = "unavailable";
    this.detail = problem;
  }

  private async rebuild(): Promise<void> {
    if (!this.builder || !this.sealKey) {
      this.giveUp("no snapshot builder is set");
      return;
    }
    this.state = "building";
    // Named after this daemon's pid, so a later start knows whether its owner is still alive.
    const buildDir = mkdtempSync(join(this.dir, `build-${process.pid}-`));
    try {
      const rawPath = join(buildDir, "raw.snapshot");
      await this.builder(rawPath, buildDir);
      const payload = readFileSync(rawPath);
      writeSealedSnapshot(this.path, payload, this.sealKey);
      this.state = "ready";
      this.detail = undefined;
      this.verified = Promise.resolve(true);
      this.removeStale();
    } catch (error) {
      this.giveUp(`building it failed: ${(error as Error).message}`);
    } finally {
      rmSync(buildDir, { recursive: true, force: true });
    }
  }

  /** Deletes snapshots of other keys (an older woma or Pyodide) and leftovers of interrupted writes and builds. */
  private removeStale(): void {
    const current = basename(this.path);
    for (const name of readdirSync(this.dir)) {
      if (name.endsWith(".snapshot") && name !== current) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
    this.removeLeftovers();
  }

  /**
   * Deletes build directories and temporary files that no live daemon is writing: those of
   * a daemon that was stopped or killed mid-build (their names carry its pid), and any older
   * than ten minutes whatever their name says.
   */
  private removeLeftovers(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith(".tmp") && !name.startsWith("build-")) continue;
      const path = join(this.dir, name);
      const owner = Number((name.startsWith("build-") ? /^build-(\d+)-/ : /\.(\d+)\.tmp$/).exec(name)?.[1]);
      let old: boolean;
      try {
        old = Date.now() - statSync(path).mtimeMs > STALE_TEMP_MS;
      } catch {
        continue;
      }
      const orphaned = Number.isInteger(owner) && owner > 0 && owner !== process.pid && !processAlive(owner);
      if (old || orphaned) rmSync(path, { recursive: true, force: true });
    }
  }
}

/** Reads the cache's seal key, creating it (32 random bytes, mode 0600) the first time. */
function loadOrCreateKey(path: string): Uint8Array {
  if (!existsSync(path)) {
    try {
      writeFileSync(path, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another daemon sharing the cache created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const hex = readFileSync(path, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${path} is not a seal key (64 hex digits)`);
  return Buffer.from(hex, "hex");
}
