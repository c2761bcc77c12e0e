/** How the REPL answers a run's input() and getpass: a line typed at the terminal (hidden for a password), or the next line of piped input. */
import type { Interface } from "node:readline";
import type { InputParams } from "../../protocol/generated/types.ts";
import type { LineSource } from "./line-source.ts";

/** What the answerer needs of the REPL. */
export interface InputContext {
  rl: Interface;
  lines: LineSource;
  /** A terminal: prompt with readline, and hide a password. */
  tty: boolean;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
}

/** readline's output hook, which every echo goes through (Node's and Bun's readline both call it). */
type Echoing = { _writeToOutput(text: string): void; history?: string[] };

/**
 * Answers `python/input` for the REPL. On a terminal the prompt is readline's, so editing
 * keys redraw it; a password is read with echo off (only the newline is shown), and neither
 * kind of answer enters the history. With piped input, the next line answers, and the
 * prompt is printed as python prints it before reading a pipe (a password's on stderr).
 * Resolves with null at the end of input (Ctrl+D) or when the run no longer waits.
 */
export function answerInput(context: InputContext): (request: InputParams, signal: AbortSignal) => Promise<string | null> {
  return async (request, signal) => {
    const { rl, lines, tty } = context;
    if (!tty) {
      (request.password ? context.errors : context.output).write(request.prompt);
      return lines.next(signal);
    }
    const echoing = rl as unknown as Echoing;
    const write = echoing._writeToOutput;
    const previous = rl.getPrompt();
    rl.setPrompt(request.prompt);
    rl.prompt();
    if (request.password) {
      echoing._writeToOutput = (text: string) => {
        if (/[\r\n]/.test(text)) write.call(rl, "\r\n");
      };
    }
    try {
      const line = await lines.next(signal);
      if (line !== null && echoing.history?.[0] === line) echoing.history.shift();
      return line;
    } finally {
      echoing._writeToOutput = write;
      rl.setPrompt(previous);
    }
  };
}
