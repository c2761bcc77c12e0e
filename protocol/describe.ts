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
