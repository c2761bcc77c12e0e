/** One file from a URL (through the broker) or a directory into a temporary file of the cache: hashed while it streams, kept only when its sha256 matches. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fetchErrorReason, PackageError } from "./package-error.ts";
import { packageErrorOf, type FetchTrust, type PackageFetcher } from "./package-fetch.ts";
import { describeLocation, type FileLocation } from "./package-source.ts";

/** Bytes of one download so far; `bytesTotal` is undefined when the server did not say. */
export interface DownloadProgress {
  /** The package (or requirement) the file is for. */
  name: string;
  fileName: string;
  bytesDone: number;
  bytesTotal: number | undefined;
  /** True on the last call for this file (it is now in the cache). */
  done: boolean;
}

/** What a download is for and how patient to be. */
export interface DownloadRequest {
  from: FileLocation;
  /** The directory the temporary file is written in (the cache area the file will live in). */
  dir: string;
  /** The file's name, for the temporary file, progress and messages. */
  fileName: string;
  /** Expected sha256 in hex; when absent the file is kept as it arrives and its hash reported. */
  sha256?: string | undefined;
  /** The package it is for, named in errors and progress. */
  name: string;
  /** How to fill the cache another way, appended to errors (e.g. `run "woma packages fetch numpy" where the source is reachable`). */
  remedy: string;
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  /** Give up when no byte arrives for this long, in ms (default 30 s). */
  idleTimeoutMs?: number | undefined;
  /** Refuse files larger than this, in bytes (`--max-package-bytes`). */
  maxBytes: number;
  /** How a URL is fetched: through the broker, under `trust`, for `requester`. */
  fetcher?: PackageFetcher | undefined;
  trust?: FetchTrust | undefined;
  requester?: string | undefined;
}

/** The verified temporary file, its hash and size; the caller moves it into place or removes it. */
export interface DownloadResult {
  temporary: string;
  sha256: string;
  bytes: number;
}

const TEMP_SUFFIX = ".part";

/** The temporary name a download is written under beside `to`: hidden, tagged with this process id so a stale one can be told apart. */
export function temporaryPathFor(to: string): string {
  return join(dirname(to), `.${basename(to)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}${TEMP_SUFFIX}`);
}

/** The process id in a temporary file's name, or undefined when `name` is not one. */
export function temporaryOwner(name: string): number | undefined {
  const match = /^\..+\.(\d+)\.[a-z0-9]+\.part$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

interface Opened {
  chunks: AsyncIterable<Uint8Array>;
  total: number | undefined;
  cancel: () => void;
}

async function openLocation(request: DownloadRequest, idle: AbortController): Promise<Opened> {
  const where = describeLocation(request.from);
  if (request.from.kind === "dir") {
    const path = request.from.path;
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new PackageError(code === "ENOENT" ? "DOWNLOAD_FAILED" : "SOURCE_UNREACHABLE", `package "${request.name}": ${where} ${code === "ENOENT" ? "does not exist" : `cannot be read (${(error as Error).message})`}; ${request.remedy}`, { package: request.name, source: where }, { cause: error });
    }
    const stream = createReadStream(path);
    return { chunks: stream, total: size, cancel: () => stream.destroy() };
  }
  if (!request.fetcher || !request.trust) throw new Error(`no fetcher for ${where}`);
  let response;
  try {
    response = await request.fetcher.open({
      url: request.from.url,
      trust: request.trust,
      requester: request.requester ?? "daemon",
      maxBytes: { bytes: request.maxBytes, name: "--max-package-bytes" },
      signal: idle.signal,
    });
  } catch (error) {
    const failure = packageErrorOf(error, `package "${request.name}" (${request.fileName})`, { package: request.name });
    if (failure.code === "NOT_ALLOWED") throw failure;
    throw new PackageError(failure.code, `package "${request.name}" is not cached and its source cannot be reached: ${where} (${reasonOf(error, idle)}); ${request.remedy}`, { package: request.name, source: where }, { cause: error });
  }
  if (response.status !== 200) {
    await response.body.cancel();
    throw new PackageError("DOWNLOAD_FAILED", `package "${request.name}": ${where} answered HTTP ${response.status}${response.status === 404 ? " (the source has no such file)" : ""}; ${request.remedy}`, { package: request.name, source: where, status: response.status });
  }
  const length = Number(response.headers.find(([name]) => name.toLowerCase() === "content-length")?.[1]);
  const body = response.body;
  return { chunks: body, total: Number.isFinite(length) && length > 0 ? length : undefined, cancel: () => void body.cancel().catch(() => {}) };
}

function reasonOf(error: unknown, idle: AbortController): string {
  if (idle.signal.aborted) return String(idle.signal.reason instanceof Error ? idle.signal.reason.message : idle.signal.reason);
  return fetchErrorReason(error);
}

/**
 * Downloads (or copies) `request.from` into a hidden temporary file in `request.dir`, hashing
 * it as it streams; the file is kept only when its sha256 matches, so a crash, a kill or a
 * broken connection never leaves a partial or unverified file under a real name. On any
 * failure the temporary file is removed and a {@link PackageError} says what happened:
 * NOT_ALLOWED (the policy refuses the URL or a redirect), SOURCE_UNREACHABLE,
 * DOWNLOAD_FAILED (HTTP error, cut off, stalled, too large) or CHECKSUM_MISMATCH (naming both hashes).
 */
export async function downloadVerified(request: DownloadRequest): Promise<DownloadResult> {
  const idleMs = request.idleTimeoutMs ?? 30_000;
  const maxBytes = request.maxBytes;
  const where = describeLocation(request.from);
  const fileName = request.fileName;
  const idle = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new Error(`no data for ${Math.round(idleMs / 1000)} s`)), idleMs);
  };
  armIdle();
  const temporary = temporaryPathFor(join(request.dir, fileName));
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let opened: Opened | undefined;
  try {
    opened = await openLocation(request, idle);
    if (opened.total !== undefined && opened.total > maxBytes) {
      throw new PackageError("DOWNLOAD_FAILED", `package "${request.name}": ${where} is ${opened.total} bytes, more than the ${maxBytes} allowed (--max-package-bytes)`, { package: request.name, source: where });
    }
    handle = await open(temporary, "wx", 0o600);
    const hash = createHash("sha256");
    let done = 0;
    request.onProgress?.({ name: request.name, fileName, bytesDone: 0, bytesTotal: opened.total, done: false });
    try {
      for await (const chunk of opened.chunks) {
        armIdle();
        done += chunk.byteLength;
        if (done > maxBytes) throw new Error(`more than the ${maxBytes} bytes allowed (--max-package-bytes)`);
        hash.update(chunk);
        await handle.write(chunk);
        request.onProgress?.({ name: request.name, fileName, bytesDone: done, bytesTotal: opened.total, done: false });
      }
    } catch (error) {
      if (error instanceof PackageError) throw error;
      throw new PackageError(
        "DOWNLOAD_FAILED",
        `download of package "${request.name}" (${fileName}) from ${where} broke off after ${done}${opened.total !== undefined ? ` of ${opened.total}` : ""} bytes (${reasonOf(error, idle)}); nothing was kept. Try again, or ${request.remedy}`,
        { package: request.name, source: where, bytesDone: done },
        { cause: error },
      );
    }
    if (opened.total !== undefined && done !== opened.total) {
      throw new PackageError(
        "DOWNLOAD_FAILED",
        `download of package "${request.name}" (${fileName}) from ${where} ended after ${done} of ${opened.total} bytes; nothing was kept. Try again, or ${request.remedy}`,
        { package: request.name, source: where, bytesDone: done },
      );
    }
    await handle.close();
    handle = undefined;
    const sha256 = hash.digest("hex");
    if (request.sha256 !== undefined && sha256 !== request.sha256.toLowerCase()) {
      throw new PackageError(
        "CHECKSUM_MISMATCH",
        `refused ${fileName} for package "${request.name}" from ${where}: its sha256 is ${sha256}, but ${request.sha256.toLowerCase()} was expected; nothing was kept`,
        { package: request.name, source: where, fileName, expected: request.sha256.toLowerCase(), actual: sha256 },
      );
    }
    request.onProgress?.({ name: request.name, fileName, bytesDone: done, bytesTotal: done, done: true });
    return { temporary, sha256, bytes: done };
  } catch (error) {
    opened?.cancel();
    await handle?.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
