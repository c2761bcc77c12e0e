/** The lines a REPL reads, one queue for both the prompt and input(): whoever asks first gets the next line, and a question withdrawn leaves its line for the next. */
import type { Interface } from "node:readline";

/**
 * Lines from a readline interface, handed out in order. `next` resolves with the next line,
 * or null once input has ended; a waiter whose signal aborts is dropped without taking a
 * line. (readline's own async iterator cannot serve two readers, nor give a line back.)
 */
export class LineSource {
  private readonly lines: string[] = [];
  private readonly waiters: Array<(line: string | null) => void> = [];
  private ended = false;

  constructor(rl: Interface) {
    rl.on("line", (line) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(line);
      else this.lines.push(line);
    });
    rl.on("close", () => {
      this.ended = true;
      for (const waiter of this.waiters.splice(0)) waiter(null);
    });
  }

  /** The next line, or null at the end of input; with `signal`, null as soon as it aborts (the line then stays for the next reader). */
  next(signal?: AbortSignal): Promise<string | null> {
    if (this.lines.length > 0) return Promise.resolve(this.lines.shift()!);
    if (this.ended || signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = (line: string | null) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(line);
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        resolve(null);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }
}
