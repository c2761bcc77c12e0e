/** Tab completion for the REPL's line editor, through the daemon's `python/complete` in the REPL's session. */
import { codePointLength, utf16Index } from "../../protocol/code-points.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import type { Completer } from "./line-editor.ts";

/**
 * A completer that asks the daemon, with the lines of the block entered so far before the
 * text being edited (so names defined earlier in it count). A failure completes nothing.
 */
export function daemonCompleter(client: DaemonClient, sessionId: () => string | undefined, blockSoFar: () => string[]): Completer {
  return async (textBeforeCursor) => {
    const code = [...blockSoFar(), textBeforeCursor].join("\n");
    const session = sessionId();
    const result = await client.complete({ code, cursor: codePointLength(code), ...(session === undefined ? {} : { session_id: session }) });
    const replace = code.length - utf16Index(code, result.cursor_start);
    if (replace < 0 || replace > textBeforeCursor.length) return { matches: [], replace: 0 };
    return { matches: result.matches, replace };
  };
}
