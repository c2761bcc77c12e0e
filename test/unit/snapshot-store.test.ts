/** The snapshot store's housekeeping: what an interrupted build leaves behind is deleted at the next start, and only that. */
import { afterEach, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SnapshotStore } from "../../daemon/pool/snapshot-store.ts";

const key = { pyodideVersion: "0", womaVersion: "0", runtimeSource: "", preload: [], env: {} };
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid that no process has: a child that has exited and been reaped. */
function deadPid(): number {
  const child = Bun.spawnSync(["true"]);
  return child.pid;
}

test("a start deletes build directories and temporary files of daemons that are gone, and keeps a live daemon's", () => {
  const cache = mkdtempSync(join(tmpdir(), "woma-snapshot-store-"));
  made.push(cache);
  const dir = join(cache, "snapshots");
  mkdirSync(dir);
  const gone = deadPid();
  const live = process.ppid; // the test runner's parent: alive, and not this process
  mkdirSync(join(dir, `build-${gone}-abc`));
  writeFileSync(join(dir, `build-${gone}-abc`, "raw.snapshot"), "x");
  mkdirSync(join(dir, `build-${live}-def`));
  writeFileSync(join(dir, `pyodide-x.snapshot.${gone}.tmp`), "x");
  writeFileSync(join(dir, `pyodide-x.snapshot.${live}.tmp`), "x");
  // An old leftover goes whatever its name says.
  mkdirSync(join(dir, "build-XYZ"));
  const hourAgo = new Date(Date.now() - 3600_000);
  utimesSync(join(dir, "build-XYZ"), hourAgo, hourAgo);
  writeFileSync(join(dir, "notes.txt"), "not ours to delete");

  new SnapshotStore(cache, key, true).inspect();

  expect(readdirSync(dir).filter((name) => name !== "snapshot-seal.key").sort()).toEqual([`build-${live}-def`, "notes.txt", `pyodide-x.snapshot.${live}.tmp`].sort());
});
