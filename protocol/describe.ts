/** How woma's messages name what arrived: a value that was not what was expected, and a thrown error. Shared by the daemon, the clients and the CLI, which is why it lives in protocol/ (it imports nothing). */

/**
 * A value as a message names it, with its type and, when short, its content: `nothing`,
 * `null`, `an array`, `an object`, `the string "abc"` (or `a string of 80 characters`
 * past 40), `the number 5`, `the boolean true`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? `a string of ${value.length} characters` : `the string ${JSON.stringify(value)}`;
  return typeof value === "object" ? "an object" : `the ${typeof value} ${String(value)}`;
}

/** The message of anything thrown: an Error's `message`, else the value as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A size as people read it, in decimal units with a precision that fits: `512 bytes`,
 * `12 KB`, `3.4 MB`, `1.2 GB` (never `0.0 MB` for a small file).
 */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  if (bytes < 999_500) return `${Math.round(bytes / 1000)} KB`;
  if (bytes < 999_950_000) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}
