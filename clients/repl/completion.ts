/** Tab completion for the REPL's readline, through the daemon's `python/complete` in the REPL's session. */
import { codePointLength, utf16Index } from "../../protocol/code-points.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";

/** readline's async completer: (line before the cursor, callback(error, [matches, the text they replace])). */
export type Completer = (line: string, callback: (error: Error | null, result: [string[], string]) => void) => void;

/**
 * A completer that asks the daemon, with the lines of the block typed so far before the
 * current one (so names defined earlier in it count). On a line of nothing but whitespace,
 * Tab indents by four spaces, as Python's own REPL does. A failure completes nothing.
 */
export function daemonCompleter(client: DaemonClient, sessionId: () => string | undefined, blockSoFar: () => string[]): Completer {
  return (line, callback) => {
    if (line.trim() === "") {
      callback(null, [[`${line}    `], line]);
      return;
    }
    const before = blockSoFar();
    const code = [...before, line].join("\n");
    const session = sessionId();
    client
      .complete({ code, cursor: codePointLength(code), ...(session === undefined ? {} : { session_id: session }) })
      .then((result) => {
        const start = utf16Index(code, result.cursor_start) - (code.length - line.length);
        if (start < 0) return callback(null, [[], line]);
        callback(null, [result.matches, line.slice(start)]);
      })
      .catch(() => callback(null, [[], line]));
  };
}
