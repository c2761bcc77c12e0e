/** Refuses a cache directory that someone other than the daemon's user could write: every runner boots from what is in it. */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";

const STICKY = 0o1000;
const GROUP_OR_OTHER_WRITE = 0o022;

/** A cache directory woma will not use, with the path that made it so. */
export class UntrustedCacheError extends Error {
  constructor(
    readonly dir: string,
    readonly path: string,
    why: string,
  ) {
    super(
      `the cache directory ${dir} cannot be trusted: ${path} ${why}. Anyone who can write it could plant a snapshot or a package that every runner would use. ` +
        `Use a directory only you can write (chmod -R go-w, or another --pyodide-cache)`,
    );
    this.name = "UntrustedCacheError";
  }
}

/**
 * Makes sure `dir` is a cache only `uid` (the daemon's user) and root can write: creates it
 * with mode 0700 when it does not exist; otherwise checks it and everything in it (without
 * following links), and every directory above it. A directory or file whose owner is someone
 * else, or that its group or others may write, is refused; so is a directory above it that
 * someone else could use to put another directory in its place (writable by group or others
 * without the sticky bit, as /tmp has). Throws {@link UntrustedCacheError} naming the first
 * offender. Not on Windows, which has no such modes.
 */
export function trustCacheDirectory(dir: string, uid: number | undefined = process.getuid?.()): void {
  if (uid === undefined) return;
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  const real = realpathSync(dir);
  const trusted = (owner: number) => owner === uid || owner === 0;
  for (let above = dirname(real); ; above = dirname(above)) {
    const stats = lstatSync(above);
    if (!trusted(stats.uid)) throw new UntrustedCacheError(dir, above, `(a directory above it) belongs to uid ${stats.uid}, who could replace the cache`);
    if ((stats.mode & GROUP_OR_OTHER_WRITE) !== 0 && (stats.mode & STICKY) === 0) {
      throw new UntrustedCacheError(dir, above, `(a directory above it) has mode ${octal(stats)}: its group or others could replace the cache`);
    }
    if (above === dirname(above)) break;
  }
  const pending = [real];
  while (pending.length > 0) {
    const path = pending.pop()!;
    const stats = lstatSync(path);
    if (!trusted(stats.uid)) throw new UntrustedCacheError(dir, path, `belongs to uid ${stats.uid}, not to the daemon's user (uid ${uid})`);
    if (!stats.isSymbolicLink() && (stats.mode & GROUP_OR_OTHER_WRITE) !== 0) throw new UntrustedCacheError(dir, path, `has mode ${octal(stats)}: its group or others may write it`);
    if (stats.isDirectory()) for (const name of readdirSync(path)) pending.push(join(path, name));
  }
}

function octal(stats: Stats): string {
  return `0${(stats.mode & 0o7777).toString(8)}`;
}
