/** Where wheels come from: Pyodide's CDN, a mirror URL, or a mirror directory, each laid out as a lock file plus wheels. */
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";
import { PackageError } from "./package-error.ts";
import type { PackageFetcher } from "./package-fetch.ts";
import { MAX_LOCK_BYTES } from "./package-limits.ts";

/** A mirror (or the CDN) over HTTP(S); `url` ends with a slash. */
export interface UrlSource {
  kind: "url";
  url: string;
}

/** A mirror directory on disk. */
export interface DirSource {
  kind: "dir";
  path: string;
}

/** Where lock packages are downloaded from. */
export type PackageSource = UrlSource | DirSource;

/** The name of the lock file in a mirror, as in Pyodide's distribution. */
export const LOCK_FILE_NAME = "pyodide-lock.json";

/** Pyodide's official CDN for `version`: the full distribution, laid out as a lock file plus wheels. */
export function defaultPackagesUrl(version: string): string {
  return `https://cdn.jsdelivr.net/pyodide/v${version}/full/`;
}

/**
 * Reads `--packages-url`: an `http(s)://` URL (a trailing slash is added), a `file://`
 * URL, or a directory path (`~` expanded, made absolute).
 */
export function parsePackageSource(spec: string): PackageSource {
  if (/^https?:\/\//i.test(spec)) {
    const url = new URL(spec);
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return { kind: "url", url: url.href };
  }
  if (/^file:\/\//i.test(spec)) return { kind: "dir", path: fileURLToPath(spec) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new PackageError("BAD_SOURCE", `--packages-url ${spec}: only http(s) URLs and directories are supported`);
  }
  const path = spec === "~" ? homedir() : spec.startsWith("~/") ? join(homedir(), spec.slice(2)) : spec;
  return { kind: "dir", path: resolve(path) };
}

/** The source as a person would write it (the URL, or the directory path). */
export function describeSource(source: PackageSource): string {
  return source.kind === "url" ? source.url : source.path;
}

/** Where one file of the source lives: an absolute URL, or an absolute path. */
export type FileLocation = { kind: "url"; url: string } | { kind: "dir"; path: string };

/** The location of `fileName` in `source`; a lock `file_name` that is already an absolute URL is used as is. */
export function locate(source: PackageSource, fileName: string): FileLocation {
  if (/^https?:\/\//i.test(fileName)) return { kind: "url", url: fileName };
  return source.kind === "url" ? { kind: "url", url: new URL(fileName, source.url).href } : { kind: "dir", path: join(source.path, fileName) };
}

/** The location as a person would write it. */
export function describeLocation(location: FileLocation): string {
  return location.kind === "url" ? location.url : location.path;
}

/**
 * The source's own lock file as text, or undefined when it has none (HTTP 404, or no
 * file in the directory). A URL is fetched through `fetcher` as an operator source, at most
 * {@link MAX_LOCK_BYTES}. Throws SOURCE_UNREACHABLE when the source cannot be asked
 * (refused connection, DNS failure, timeout after `timeoutMs`, other HTTP errors), and
 * LOCK_INVALID for a lock over the cap.
 */
export async function readSourceLock(source: PackageSource, timeoutMs: number, fetcher: PackageFetcher): Promise<string | undefined> {
  const location = locate(source, LOCK_FILE_NAME);
  if (location.kind === "dir") {
    try {
      const size = (await stat(location.path)).size;
      if (size > MAX_LOCK_BYTES) throw new PackageError("LOCK_INVALID", `${location.path} is ${size} bytes, more than the ${MAX_LOCK_BYTES} a lock may have`, { lock: location.path });
      return await readFile(location.path, "utf8");
    } catch (error) {
      if (error instanceof PackageError) throw error;
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new PackageError("SOURCE_UNREACHABLE", `cannot read ${location.path}: ${(error as Error).message}`, { source: describeSource(source) }, { cause: error });
    }
  }
  let got;
  try {
    got = await fetcher.whole(
      { url: location.url, trust: { kind: "operator" }, requester: "daemon", maxBytes: { bytes: MAX_LOCK_BYTES, name: "woma's limit for a lock file" }, signal: AbortSignal.timeout(timeoutMs) },
      `cannot reach ${location.url}`,
      { source: describeSource(source) },
    );
  } catch (error) {
    const failure = error as PackageError;
    if (failure.code === "DOWNLOAD_FAILED") throw new PackageError("LOCK_INVALID", failure.message, failure.data, { cause: failure });
    throw new PackageError("SOURCE_UNREACHABLE", failure.message.replace(/: NetError: /, ": "), failure.data, { cause: failure });
  }
  return got === undefined ? undefined : new TextDecoder().decode(got.bytes);
}
