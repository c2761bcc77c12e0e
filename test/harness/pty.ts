/** Runs a program in a real pseudo-terminal (Bun.Terminal) and reads its screen output, for REPL tests. */
import type { Subprocess } from "bun";
import { waitFor } from "./paths.ts";

/** A program running in a pty. */
export interface PtySession {
  /** Types bytes as a user would (use "\r" for Enter, "\x03" for Ctrl+C, "\x04" for Ctrl+D). */
  type(text: string): void;
  /** Everything the program wrote so far, with ANSI escape sequences removed. */
  screen(): string;
  /** Waits until the screen contains `text` after position `from` (default: anywhere). */
  waitForText(text: string, timeoutMs?: number, from?: number): Promise<void>;
  process: Subprocess;
  close(): void;
}

// CSI sequences (cursor moves, clears, colours) and OSC titles, as readline writes them.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\r/g;

/**
 * Starts `argv` in an 120x40 pty with the given environment additions. With `detached`, the
 * program leads a new session and process group (whose controlling terminal is the pty), so
 * a test can signal the whole group as a terminal or a service manager would.
 */
export function startInPty(argv: string[], env: Record<string, string> = {}, options: { detached?: boolean } = {}): PtySession {
  let raw = "";
  const decoder = new TextDecoder();
  const terminal = new Bun.Terminal({
    cols: 120,
    rows: 40,
    data: (_term, data) => {
      raw += decoder.decode(data, { stream: true });
    },
  });
  const proc = Bun.spawn(argv, { terminal, detached: options.detached ?? false, env: { ...process.env, TERM: "xterm-256color", ...env } });
  const screen = () => raw.replace(ANSI, "");
  return {
    type: (text) => void terminal.write(text),
    screen,
    waitForText: (text, timeoutMs = 15_000, from = 0) =>
      waitFor(`${JSON.stringify(text)} on the terminal; it shows:\n${screen().slice(-800)}`, () => screen().indexOf(text, from) >= 0, timeoutMs),
    process: proc,
    close: () => {
      proc.kill("SIGKILL");
      terminal.close();
    },
  };
}
