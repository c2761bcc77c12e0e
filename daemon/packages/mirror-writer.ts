/** Writes a mirror directory (a lock file plus the files it names) that a machine with no network can use as `--packages-url DIR`. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { lockFileName, parseLock, type LockFileJson, type LockInfo, type LockPackage } from "./lock-file.ts";
import { normalizeName } from "./package-name.ts";
import { LOCK_FILE_NAME } from "./package-source.ts";
import { temporaryPathFor } from "./verified-download.ts";

/** A package to put in the mirror, with its verified file in the cache. */
export interface MirrorEntry {
  pkg: LockPackage;
  /** The cached file to copy. */
  path: string;
}

/** What a mirror holds after writing. */
export interface MirrorSummary {
  dir: string;
  lockPath: string;
  /** Normalised names of every package in the mirror's lock (those kept from before included). */
  packages: string[];
  /** Files copied this time (files already there with the right hash are not copied again). */
  copied: number;
  /** Bytes of the files copied this time. */
  bytes: number;
}

async function sha256Of(path: string): Promise<string | undefined> {
  try {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest("hex");
  } catch {
    return undefined;
  }
}

/** The packages of a lock already in `dir` whose files are there, when that lock is for the same ABI; else none. */
async function keptPackages(dir: string, info: LockInfo): Promise<Record<string, LockPackage>> {
  let previous: LockFileJson;
  try {
    previous = parseLock(await readFile(join(dir, LOCK_FILE_NAME), "utf8"), join(dir, LOCK_FILE_NAME));
  } catch {
    return {};
  }
  if (previous.info.abi_version !== info.abi_version) return {};
  const kept: Record<string, LockPackage> = {};
  for (const [key, pkg] of Object.entries(previous.packages)) {
    const exists = await stat(join(dir, pkg.file_name)).then(
      () => true,
      () => false,
    );
    if (exists && !pkg.file_name.includes("/")) kept[normalizeName(key)] = pkg;
  }
  return kept;
}

/**
 * Copies each entry's file into `dir` and writes `dir/pyodide-lock.json` listing them
 * (with `info` from the lock they came from). Packages of an earlier mirror in `dir`
 * whose files are still there are kept, so mirrors can be filled in steps. Files and the
 * lock are written to temporary names and renamed, and the lock last, so an interrupted
 * run leaves the previous mirror usable.
 */
export async function writeMirror(dir: string, info: LockInfo, entries: MirrorEntry[], origin: string): Promise<MirrorSummary> {
  await mkdir(dir, { recursive: true });
  const packages = await keptPackages(dir, info);
  let copied = 0;
  let bytes = 0;
  for (const { pkg, path } of entries) {
    const fileName = lockFileName(pkg, origin);
    const target = join(dir, fileName);
    if ((await sha256Of(target)) !== pkg.sha256.toLowerCase()) {
      const temporary = temporaryPathFor(target);
      try {
        await copyFile(path, temporary);
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      copied++;
      bytes += (await stat(target)).size;
    }
    packages[normalizeName(pkg.name)] = { ...pkg, file_name: fileName };
  }
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b)));
  const lock: LockFileJson = { info, packages: sorted };
  const lockPath = join(dir, LOCK_FILE_NAME);
  const temporary = temporaryPathFor(lockPath);
  await writeFile(temporary, `${JSON.stringify(lock, null, 2)}\n`);
  await rename(temporary, lockPath);
  return { dir, lockPath, packages: Object.keys(sorted), copied, bytes };
}
