/** The daemon's one logger: everything goes to stderr, because stdout may belong to the protocol. */

/** Severity of a log line, least to most severe. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };
let threshold: LogLevel = parseLevel(process.env.WOMA_LOG) ?? "info";

function parseLevel(value: string | undefined): LogLevel | undefined {
  return value !== undefined && value in ORDER ? (value as LogLevel) : undefined;
}

/** Sets the lowest level that is printed (default `info`, or the WOMA_LOG environment variable). */
export function setLogLevel(level: LogLevel): void {
  threshold = parseLevel(process.env.WOMA_LOG) ?? level;
}

/** Prints one line to stderr, prefixed with `woma` and the level, if the level is at or above the threshold. */
export function log(level: Exclude<LogLevel, "silent">, message: string): void {
  if (ORDER[level] < ORDER[threshold]) return;
  process.stderr.write(`woma ${level}: ${message}\n`);
}
