/** Where wheels come from: Pyodide's CDN, a mirror URL, or a mirror directory, each laid out as a lock file plus wheels. */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";
import { fetchErrorReason, PackageError } from "./package-error.ts";

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
 * file in the directory). Throws SOURCE_UNREACHABLE when the source cannot be asked
 * (refused connection, DNS failure, timeout after `timeoutMs`, other HTTP errors).
 */
export async function readSourceLock(source: PackageSource, timeoutMs: number): Promise<string | undefined> {
  const location = locate(source, LOCK_FILE_NAME);
  if (location.kind === "dir") {
    try {
      return await readFile(location.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new PackageError("SOURCE_UNREACHABLE", `cannot read ${location.path}: ${(error as Error).message}`, { source: describeSource(source) }, { cause: error });
    }
  }
  let response: Response;
  try {
    response = await fetch(location.url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (error) {
    throw new PackageError("SOURCE_UNREACHABLE", `cannot reach ${location.url}: ${fetchErrorReason(error)}`, { source: describeSource(source) }, { cause: error });
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new PackageError("SOURCE_UNREACHABLE", `${location.url} answered HTTP ${response.status}`, { source: describeSource(source) });
  }
  return await response.text();
}
