/** Where one run's input comes from: its `stdin` text, a line at a time, then its client, when the run allows that. */
import type { RunnerInputResult } from "../contract/runner-protocol.ts";

/** Longest line a client may answer with, in characters (the schema's `InputResult.value`). */
export const MAX_INPUT_CHARS = 1024 * 1024;

/** Asks the run's client for a line: null for end of input. */
export type AskClient = (prompt: string, password: boolean) => Promise<string | null>;

/**
 * One run's input. `next` answers each `runner/input` in turn: the next line of the stdin
 * text (or all of what is left, for `sys.stdin.read()`), then a line from the client, then
 * end of input with the reason the EOFError gives.
 */
export class RunInput {
  private position = 0;
  private ended = false;

  constructor(
    private readonly stdin: string | undefined,
    private readonly ask: AskClient | undefined,
  ) {}

  async next(prompt: string, password: boolean, all: boolean): Promise<RunnerInputResult> {
    const text = this.stdin ?? "";
    if (this.position < text.length) {
      const newline = text.indexOf("\n", this.position);
      const end = all || newline < 0 ? text.length : newline + 1;
      const line = text.slice(this.position, end);
      this.position = end;
      return { text: line, source: "stdin" };
    }
    if (this.ended) return { text: null, source: "none" };
    if (!this.ask) {
      this.ended = true;
      const reason =
        this.stdin === undefined
          ? "no input is available: this run was given no stdin text, and its client answers no input requests"
          : "the run's stdin text is used up, and its client answers no input requests";
      return { text: null, source: "none", reason };
    }
    let value: string | null;
    try {
      value = await this.ask(prompt, password);
    } catch (error) {
      this.ended = true;
      return { text: null, source: "none", reason: `the client did not answer the input request (${error instanceof Error ? error.message : String(error)})` };
    }
    // End of input from a person (Ctrl+D) ends this read only; a later input() asks again, as at a terminal.
    if (value === null) return { text: null, source: "client" };
    return { text: `${value}\n`, source: "client" };
  }
}
