/** The package store's one error type, with a stable code the daemon maps to a wire error in one place. */

/** What went wrong with a package, as a stable string (never sent as-is). */
export type PackageErrorCode =
  /** No package of that name in the lock (or on the index); the message suggests close names. */
  | "UNKNOWN_PACKAGE"
  /** A wheel is not cached and its source (mirror, CDN, index) cannot be reached. */
  | "SOURCE_UNREACHABLE"
  /** The source answered, but the download failed or was cut off; nothing was kept. */
  | "DOWNLOAD_FAILED"
  /** The bytes received do not hash to the sha256 the lock or index promised; nothing was kept. */
  | "CHECKSUM_MISMATCH"
  /** A wheel built for another Python, ABI or platform than this Pyodide. */
  | "INCOMPATIBLE_WHEEL"
  /** A lock file that cannot be read or is malformed. */
  | "LOCK_INVALID"
  /** A lock file built for another Pyodide ABI. */
  | "LOCK_ABI_MISMATCH"
  /** A `--packages-url` or `--pypi-index` that is neither an http(s) URL nor a directory. */
  | "BAD_SOURCE"
  /** A requirement string that is not a name, a PEP 508 specifier, a wheel URL or a wheel path. */
  | "BAD_REQUIREMENT"
  /** The index has the project but no release that satisfies the requirement and suits Pyodide. */
  | "NO_MATCHING_DISTRIBUTION"
  /** The caller may not install this kind of requirement (a file path, or a URL its policy refuses). */
  | "NOT_ALLOWED"
  /** Two requirements ask for versions of one package that no single version satisfies. */
  | "RESOLUTION_CONFLICT";

/** An error the package store expects and can explain; `data` carries structured details (package, source, hashes). */
export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    message: string,
    readonly data?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PackageError";
  }
}

/** A network error's message for people: its code when the message lacks it, without the advice Bun appends for developers. */
export function fetchErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error instanceof Error ? error.message : String(error)).replace(/\. For more information.*$/s, "").replace(/\. Is the computer able to access the url\?$/, "");
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
}
