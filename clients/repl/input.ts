/** How the REPL answers a run's input() and getpass: a line edited at the terminal (hidden for a password), or the next line of piped input. */
import type { InputParams } from "../../protocol/generated/types.ts";
import type { LineEditor } from "./line-editor.ts";
import type { LineSource } from "./line-source.ts";
import type { TextSink } from "./text-sink.ts";

/** Answers one input request: the line, or null for end of input. */
export type InputAnswerer = (request: InputParams, signal: AbortSignal) => Promise<string | null>;

/** What answering at a terminal needs of the REPL. */
export interface TerminalInputContext {
  editor: LineEditor;
  /** True (once) when Ctrl+D was pressed while the run went on: the run's next read gets end of input. */
  takeEndOfInput(): boolean;
  /** Ctrl+C at the prompt of input(): interrupt the run. */
  interrupt(): void;
}

/**
 * Answers at a terminal: the prompt is the line editor's, so editing keys redraw it; a
 * password is read with nothing shown; answers never enter the history. Ctrl+D on an empty
 * line is end of input (EOFError in the program, the REPL goes on). Ctrl+C interrupts the run,
 * which then withdraws the question. What was typed goes with a run that ends meanwhile.
 */
export function terminalInput(context: TerminalInputContext): InputAnswerer {
  return async (request, signal) => {
    if (context.takeEndOfInput()) {
      // Ctrl+D came while the run went on: the prompt shows, and end of input answers it at once.
      context.editor.write(`${request.prompt}\n`);
      return null;
    }
    const result = await context.editor.read({ prompt: request.prompt, password: request.password, signal });
    switch (result.kind) {
      case "line":
        return result.text;
      case "eof":
      case "cancelled":
        return null;
      case "interrupt":
        context.interrupt();
        // The run is being interrupted; its question is withdrawn when it ends.
        return new Promise<null>((resolve) => {
          if (signal.aborted) resolve(null);
          else signal.addEventListener("abort", () => resolve(null), { once: true });
        });
    }
  };
}

/**
 * Answers from piped input: the next line, with the prompt printed as python prints it
 * before reading a pipe (a password's on stderr). Null at the end of input.
 */
export function pipedInput(lines: LineSource, output: TextSink, errors: TextSink): InputAnswerer {
  return async (request, signal) => {
    (request.password ? errors : output).write(request.prompt);
    return lines.next(signal);
  };
}
