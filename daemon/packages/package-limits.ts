/** The caps on what the daemon downloads and unpacks for packages: everything a source or a tenant hands over is bounded. */

const MiB = 1024 * 1024;

/** Largest lock file read from a mirror, in bytes (Pyodide's own is about 0.3 MB). */
export const MAX_LOCK_BYTES = 16 * MiB;

/** Largest index page (one project's file list, HTML or JSON), in bytes (PyPI's largest are a few MB; every byte crosses the event loop). */
export const MAX_INDEX_PAGE_BYTES = 16 * MiB;

/** Most files one index page may list. */
export const MAX_INDEX_FILES = 50_000;

/** Default `--max-package-bytes`: the largest package file downloaded, and the most its files may hold once unpacked. */
export const DEFAULT_MAX_PACKAGE_BYTES = 512 * MiB;

/** Most entries a wheel may hold. */
export const MAX_WHEEL_ENTRIES = 100_000;

/** Largest METADATA or top_level.txt read from a wheel, in bytes. */
export const MAX_METADATA_BYTES = 4 * MiB;
