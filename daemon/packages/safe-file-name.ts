/** Checks that a file name taken from a lock or an index is a plain name, safe to join to a cache or mirror directory. */
import { PackageError } from "./package-error.ts";

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._+~!-]*$/;

/**
 * Returns `name` when it is one plain path segment (letters, digits and `._+~!-`, not
 * starting with a dot, at most 255 characters); throws LOCK_INVALID naming `origin`
 * otherwise. Lock files and indexes are untrusted input: a `file_name` of
 * `../../.bashrc` must never become a path.
 */
export function safeFileName(name: string, origin: string): string {
  if (name.length > 255 || !SAFE.test(name)) {
    throw new PackageError("LOCK_INVALID", `${origin}: file name ${JSON.stringify(name)} is not a plain file name (letters, digits and ._+~!- only, no path)`, { fileName: name });
  }
  return name;
}

/** The last path segment of a URL, percent-decoded: the file name a download is kept under. */
export function fileNameOfUrl(url: string): string {
  const path = new URL(url).pathname;
  const last = path.slice(path.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
