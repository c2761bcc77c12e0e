/** Where REPL code writes text: a stream, or the line editor's writer at a terminal. */

/** Anything text can be written to. */
export interface TextSink {
  write(text: string): unknown;
}
