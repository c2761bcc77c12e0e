/** The REPL's history: whole inputs (a block of several lines is one entry), kept in a file in the format Python's own REPL writes. */
import { readFileSync, writeFileSync } from "node:fs";

/** Entries kept, in memory and in the file. */
export const HISTORY_ENTRIES = 1000;

/**
 * Inputs in the order they were entered, oldest first. A block (`def f():` and its body)
 * is one entry with its lines joined by "\n", so it comes back whole. An entry equal to the
 * newest one is not added twice.
 */
export class History {
  private readonly entries: string[];

  constructor(entries: string[] = []) {
    this.entries = entries.slice(-HISTORY_ENTRIES);
  }

  /**
   * Reads the history file: one entry per line, the lines of a block ending in "\r" but the
   * last (as Python 3.13's REPL writes them, so the two can share a file). A missing or
   * unreadable file is an empty history.
   */
  static load(path: string): History {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return new History();
    }
    const entries: string[] = [];
    let block: string[] = [];
    for (const line of text.split("\n")) {
      if (line.endsWith("\r")) {
        block.push(line.slice(0, -1));
        continue;
      }
      block.push(line);
      const entry = block.join("\n");
      block = [];
      if (entry.trim() !== "") entries.push(entry);
    }
    return new History(entries);
  }

  /** Writes the history file (owner-only); a failure is ignored, since history is a convenience. */
  save(path: string): void {
    try {
      writeFileSync(path, this.entries.map((entry) => `${entry.replaceAll("\n", "\r\n")}\n`).join(""), { mode: 0o600 });
    } catch {
      // A read-only home must not break leaving the REPL.
    }
  }

  /** Adds an input (trailing blank lines dropped); blank inputs and repeats of the newest entry are not added. */
  add(entry: string): void {
    const trimmed = entry.replace(/(\n[ \t]*)+$/, "");
    if (trimmed.trim() === "" || this.entries.at(-1) === trimmed) return;
    this.entries.push(trimmed);
    if (this.entries.length > HISTORY_ENTRIES) this.entries.shift();
  }

  /** How many entries there are. */
  get size(): number {
    return this.entries.length;
  }

  /** The entry at `index` (0 is the oldest). */
  at(index: number): string | undefined {
    return this.entries[index];
  }
}
