/** The cache directory is the daemon's alone: created 0700, refused (naming the path) when anyone else could write it or anything in it. */
import { describe, expect, test } from "bun:test";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { trustCacheDirectory, UntrustedCacheError } from "../../daemon/sandbox/cache-trust.ts";

const me = process.getuid!();

/** A fresh directory under the system's temporary directory (sticky, so trusted above). */
const fresh = () => mkdtempSync(join(tmpdir(), "woma-cache-trust-"));

/** Makes `path` someone else's: chown to nobody as root; otherwise the check is told the daemon is another uid. */
function foreign(path: string): number {
  if (me === 0) {
    chownSync(path, 65534, 65534);
    return 0;
  }
  return me + 1;
}

function refusal(dir: string, uid = me): UntrustedCacheError {
  try {
    trustCacheDirectory(dir, uid);
  } catch (error) {
    expect(error).toBeInstanceOf(UntrustedCacheError);
    return error as UntrustedCacheError;
  }
  throw new Error(`${dir} was trusted`);
}

describe("the cache directory's trust", () => {
  test("a missing directory is created with mode 0700, parents included", () => {
    const dir = join(fresh(), "a", "cache");
    trustCacheDirectory(dir, me);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  test("a directory of the daemon's user, with private files and a link, is trusted", () => {
    const dir = fresh();
    mkdirSync(join(dir, "snapshots"), { mode: 0o700 });
    writeFileSync(join(dir, "snapshot-seal.key"), "k", { mode: 0o600 });
    writeFileSync(join(dir, "snapshots", "x.snapshot"), "s", { mode: 0o644 });
    symlinkSync("/etc/passwd", join(dir, "link"));
    expect(() => trustCacheDirectory(dir, me)).not.toThrow();
  });

  test("a directory others may write is refused, saying which and how to fix it", () => {
    const dir = fresh();
    chmodSync(dir, 0o777);
    const error = refusal(dir);
    expect(error.path).toBe(dir);
    expect(error.message).toContain(`the cache directory ${dir} cannot be trusted: ${dir} has mode 0777: its group or others may write it`);
    expect(error.message).toContain("chmod -R go-w");
  });

  test("a file deep inside that its group may write is refused", () => {
    const dir = fresh();
    mkdirSync(join(dir, "packages", "314"), { recursive: true, mode: 0o700 });
    const wheel = join(dir, "packages", "314", "numpy.whl");
    writeFileSync(wheel, "w", { mode: 0o600 });
    chmodSync(wheel, 0o620);
    expect(refusal(dir).path).toBe(wheel);
  });

  test("a directory or a planted key that belongs to another user is refused", () => {
    const dir = fresh();
    expect(refusal(dir, foreign(dir)).message).toContain("not to the daemon's user");
    const other = fresh();
    const key = join(other, "snapshot-seal.key");
    writeFileSync(key, "planted", { mode: 0o600 });
    const uid = foreign(key);
    if (uid === 0) expect(refusal(other, 0).path).toBe(key);
    else expect(refusal(other, uid).path).toBe(other); // the directory itself is the first thing that is "foreign" then
  });

  test("a directory above it that others could write without the sticky bit is refused; /tmp's sticky bit is fine", () => {
    const above = fresh();
    const dir = join(above, "cache");
    mkdirSync(dir, { mode: 0o700 });
    chmodSync(above, 0o777);
    expect(refusal(dir).message).toContain(`${above} (a directory above it) has mode 0777`);
    chmodSync(above, 0o1777);
    expect(() => trustCacheDirectory(dir, me)).not.toThrow();
  });
});
