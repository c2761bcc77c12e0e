/** The default values that more than one part of woma writes down (the daemon, the clients, the command line), in one table. It lives in protocol/ because every part may import it. */

const MIB = 1024 * 1024;

/** Defaults shared by the daemon, the clients and the command line; each is documented where a flag takes it. */
export const DEFAULTS = {
  /** Longest run of a REST request or an MCP tool call, and the timeout of one that gives none: 30 s (`woma serve` and `woma mcp --timeout`). */
  bridgeTimeoutMs: 30_000,
  /** Timeout of a run that gives none on the bare daemon: 60 s (`woma daemon --timeout`). */
  daemonTimeoutMs: 60_000,
  /** An MCP connection's session, and an idle HTTP MCP session, is closed after 30 min without a run (`woma mcp --session-idle-timeout`). */
  mcpSessionIdleMs: 30 * 60_000,
  /** A REST bridge's named session is closed after 1 h without a run (`woma serve --session-idle-timeout`). */
  restSessionIdleMs: 60 * 60_000,
  /** Largest REST request body: 1 MiB (`woma serve --max-body`). */
  restMaxBodyBytes: MIB,
  /** Bytes kept of a run's stdout, and of its stderr: 1 MiB (`--max-output`). */
  maxOutputBytes: MIB,
  /** Characters kept of a result's repr, and of an error's message and traceback: 1 Mi. */
  maxResultChars: MIB,
  /** The cache directory for snapshots and packages (`--pyodide-cache`). */
  cacheDir: "~/.pyodide-env",
} as const;

/** Milliseconds as whole seconds, for flags given in seconds. */
export function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
