/** Errors in how woma was called (a bad flag value), told apart from failures while it runs. */
import { errorMessage } from "../protocol/describe.ts";

/**
 * A flag or argument that cannot be used, with a message that names it, what it must be and
 * what arrived. The command line prints it with a pointer to `--help` and exits 2; any other
 * error is a failure of the work itself and exits 1.
 */
export class UsageError extends Error {}

/** Runs `check` (flag parsing that lives outside cli/), turning whatever it throws into a {@link UsageError}. */
export function asUsage<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(errorMessage(error), { cause: error });
  }
}

/** The commands `woma` has, to point at the right `--help`. */
const COMMANDS = ["serve", "mcp", "daemon", "packages"];

/**
 * What to print, and the exit status, when a command fails: a usage error (yargs' own, or a
 * {@link UsageError}) is told with a pointer to the command's `--help` and exits 2; any other
 * failure is told as it is and exits 1.
 */
export function describeFailure(argv: readonly string[], message: string | undefined, error: Error | undefined): { text: string; code: number } {
  const text = error?.message ?? message ?? "failed";
  const usage = error === undefined || error.name === "YError" || error instanceof UsageError;
  if (!usage) return { text: `woma: ${text}\n`, code: 1 };
  const words = argv.filter((arg) => !arg.startsWith("-"));
  const scope = words[0] !== undefined && COMMANDS.includes(words[0]) ? `woma ${words[0]}` : "woma";
  return { text: `woma: ${unknownArguments(text, argv) ?? text}\nRun '${scope} --help' for usage.\n`, code: 2 };
}

/** yargs' "Unknown arguments: a, b" said once per argument, flags with their dashes: "unknown flags --a, --b". */
function unknownArguments(text: string, argv: readonly string[]): string | undefined {
  const match = /^Unknown arguments?: (.+)$/.exec(text);
  if (!match) return undefined;
  const given = (name: string) => argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`) || arg === `-${name}` || arg === `--no-${name}`);
  const names = match[1]!.split(", ");
  const flags = names.filter(given).map((name) => `--${name}`);
  const others = names.filter((name) => !given(name)).map((name) => `"${name}"`);
  const parts = [];
  if (flags.length > 0) parts.push(`unknown flag${flags.length === 1 ? "" : "s"} ${flags.join(", ")}`);
  if (others.length > 0) parts.push(`unexpected argument${others.length === 1 ? "" : "s"} ${others.join(", ")}`);
  return parts.join("; ");
}
