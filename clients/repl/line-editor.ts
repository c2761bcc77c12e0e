/**
 * The REPL's line editor: Python 3.13's REPL at a terminal, over raw keys. Editing keys,
 * history that recalls a block as a block, Tab completion, auto-indent, bracketed paste of
 * a whole block, and Ctrl+C / Ctrl+D that mean what they mean in Python whatever is going on.
 */
import { INDENT } from "./auto-indent.ts";
import { EditBuffer, splitLines } from "./edit-buffer.ts";
import { EditView } from "./edit-view.ts";
import type { History } from "./history.ts";
import type { KeyEvent } from "./terminal-keys.ts";
import { textWidth, type TerminalScreen } from "./terminal-screen.ts";

/** Completions of the text before the cursor: the candidates, and how many characters before the cursor they replace. */
export type Completer = (textBeforeCursor: string) => Promise<{ matches: string[]; replace: number }>;

/** What one read asks for. */
export interface ReadOptions {
  /** The prompt of the first line (`>>> `, `... `, or input()'s prompt). */
  prompt: string;
  /** Text the line starts with: the indentation of the block's next line. */
  indent?: string;
  /** Record and recall inputs here (the REPL's own prompt); none for input(). */
  history?: History;
  /** Tab completes with this (the REPL's prompt); without it Tab inserts a tab. */
  complete?: Completer;
  /** Show nothing of what is typed (getpass). */
  password?: boolean;
  /** A read of Python code: a paste keeps its lines, and Enter on a row that is not the last splits it, as an editor would. Otherwise (input()) a read is one line. */
  multiline?: boolean;
  /** Aborting it ends the read with `cancelled`, taking the text typed so far with it. */
  signal?: AbortSignal;
}

/** How a read ended. */
export type ReadResult =
  /** Enter: the text, lines joined by "\n" (several after a paste or a recalled block). */
  | { kind: "line"; text: string }
  /** Ctrl+D on an empty line. */
  | { kind: "eof" }
  /** Ctrl+C. */
  | { kind: "interrupt" }
  /** The read's signal aborted. */
  | { kind: "cancelled" };

/** What keys mean between reads, while a command runs. */
export interface BusyHandlers {
  /** Ctrl+C: interrupt whatever the last Enter started. */
  interrupt(): void;
  /** Ctrl+D with nothing typed ahead: end of input for the command that runs. */
  endOfInput(): void;
}

/** One read going on. */
interface Reading {
  options: ReadOptions;
  buffer: EditBuffer;
  view: EditView;
  /** The history entry shown (history.size: the text being typed), and that text, kept while browsing. */
  historyIndex: number;
  draft: string;
  finish(result: ReadResult): void;
  /** Set when the read ends, so a completion that comes back late is dropped. */
  done: boolean;
}

const ENTER: KeyEvent = { kind: "key", name: "return", sequence: "\r", ctrl: false, meta: false, shift: false };

/** Edits that are one call on the buffer. */
type BufferEdit = "left" | "right" | "backspace" | "deleteRight" | "killToStart" | "killToEnd" | "killWordLeft" | "killWordRight" | "yank";
/** What a key does. */
type Action = BufferEdit | "home" | "end" | "wordLeft" | "wordRight" | "up" | "down" | "enter" | "newline" | "tab" | "eofOrDelete" | "clear" | "suspend";

/** Keys, as `ctrl+`/`meta+` and node:readline's name, and what they do: readline's (and Emacs') bindings. */
const KEYMAP = new Map<string, Action>(Object.entries({
  left: "left",
  "ctrl+b": "left",
  right: "right",
  "ctrl+f": "right",
  home: "home",
  "ctrl+a": "home",
  end: "end",
  "ctrl+e": "end",
  "ctrl+left": "wordLeft",
  "meta+b": "wordLeft",
  "ctrl+right": "wordRight",
  "meta+f": "wordRight",
  backspace: "backspace",
  "ctrl+h": "backspace",
  delete: "deleteRight",
  "ctrl+d": "eofOrDelete",
  "ctrl+u": "killToStart",
  "ctrl+k": "killToEnd",
  "ctrl+w": "killWordLeft",
  "ctrl+backspace": "killWordLeft",
  "meta+backspace": "killWordLeft",
  "meta+d": "killWordRight",
  "ctrl+delete": "killWordRight",
  "ctrl+y": "yank",
  up: "up",
  "ctrl+p": "up",
  down: "down",
  "ctrl+n": "down",
  return: "enter",
  enter: "enter",
  "ctrl+j": "enter",
  "meta+return": "newline",
  "meta+enter": "newline",
  tab: "tab",
  "ctrl+l": "clear",
  "ctrl+z": "suspend",
} satisfies Record<string, Action>));

/** The longest prefix all strings share. */
function commonPrefix(strings: string[]): string {
  let prefix = strings[0] ?? "";
  for (const s of strings) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Edits lines at a terminal. Keys come from {@link key} (a `TerminalKeys` feeds it); those
 * that arrive between reads wait for the next one (type-ahead), except Ctrl+C and Ctrl+D,
 * which go to the {@link BusyHandlers} at once. Keys are handled strictly in order, however
 * they arrived: one that comes while a completion is being fetched waits for it.
 */
export class LineEditor {
  private reading: Reading | undefined;
  private readonly queue: KeyEvent[] = [];
  private pumping = false;
  private busy: BusyHandlers | undefined;
  private lastKeyWasTab = false;
  /** Called on Ctrl+Z, with the read's text moved out of the way: the REPL gives the terminal back and stops the process. */
  onSuspend: (() => void) | undefined;

  constructor(private readonly screen: TerminalScreen) {}

  /** Sets what Ctrl+C and Ctrl+D do between reads. */
  whileBusy(handlers: BusyHandlers | undefined): void {
    this.busy = handlers;
  }

  /** Reads one input. Only one read goes on at a time. */
  read(options: ReadOptions): Promise<ReadResult> {
    if (this.reading) throw new Error("a read is already going on");
    if (options.signal?.aborted) return Promise.resolve({ kind: "cancelled" });
    return new Promise<ReadResult>((resolve) => {
      // A prompt that holds line breaks: its first lines are plain output, the last one is edited after.
      const breakAt = options.prompt.lastIndexOf("\n");
      if (breakAt >= 0) this.screen.write(options.prompt.slice(0, breakAt + 1).replace(/\r?\n/g, "\r\n"));
      const buffer = new EditBuffer(options.password ? "" : (options.indent ?? ""));
      const reading: Reading = {
        options,
        buffer,
        view: new EditView(this.screen, options.prompt.slice(breakAt + 1), options.password === true),
        historyIndex: options.history?.size ?? 0,
        draft: buffer.text(),
        done: false,
        finish: (result) => {
          if (reading.done) return;
          reading.done = true;
          options.signal?.removeEventListener("abort", onAbort);
          this.reading = undefined;
          resolve(result);
        },
      };
      const onAbort = () => this.end(reading, { kind: "cancelled" });
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.reading = reading;
      this.lastKeyWasTab = false;
      reading.view.begin();
      reading.view.render(buffer);
      void this.pump();
    });
  }

  /**
   * Writes output while a read may be showing (a run that prints while input() waits): the
   * read is taken off, the output written, and the read drawn again after it.
   */
  write(text: string, toErrors = false): void {
    const reading = this.reading;
    if (!reading) return this.screen.write(text, toErrors);
    reading.view.clear();
    this.screen.write(text, toErrors);
    reading.view.begin();
    reading.view.render(reading.buffer, true);
  }

  /** Redraws the read after the terminal changed size. */
  resized(): void {
    if (this.reading) this.reading.view.render(this.reading.buffer, true);
  }

  /** A key from the terminal. */
  key(event: KeyEvent): void {
    if (event.kind === "key" && event.ctrl && event.name === "c") {
      // Ctrl+C never waits its turn: it drops what was typed ahead and interrupts.
      this.queue.length = 0;
      if (this.reading) this.end(this.reading, { kind: "interrupt" }, false);
      else this.busy?.interrupt();
      return;
    }
    if (!this.reading && event.kind === "key" && event.ctrl && event.name === "d" && !this.typedAhead()) {
      this.busy?.endOfInput();
      return;
    }
    this.queue.push(event);
    void this.pump();
  }

  /** True when keys typed ahead hold part of a line not yet ended by Enter. */
  private typedAhead(): boolean {
    const lastEnter = this.queue.findLastIndex((e) => e.kind === "key" && (e.name === "return" || e.name === "enter"));
    return this.queue.length > lastEnter + 1;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.reading && this.queue.length > 0) await this.handle(this.reading, this.queue.shift()!);
    } finally {
      this.pumping = false;
    }
  }

  /** Ends a read: the cursor after its text, then (unless the caller writes what follows) a new line. */
  private end(r: Reading, result: ReadResult, newline = true): void {
    if (r.done) return;
    r.view.moveToEnd(r.buffer);
    if (newline) this.screen.write("\r\n");
    r.finish(result);
  }

  private async handle(r: Reading, event: KeyEvent): Promise<void> {
    const { buffer, view } = r;
    if (event.kind === "paste") {
      this.lastKeyWasTab = false;
      return this.paste(r, event.text);
    }
    const wasTab = this.lastKeyWasTab;
    this.lastKeyWasTab = event.name === "tab" && !event.ctrl && !event.meta;
    const action = KEYMAP.get(`${event.ctrl ? "ctrl+" : ""}${event.meta ? "meta+" : ""}${event.name ?? ""}`);
    const edit = (change: () => void) => {
      change();
      view.render(buffer);
    };
    switch (action) {
      case undefined:
        // A character (readline names letters and digits too); control keys and escape sequences of other keys are not text.
        if (!event.ctrl && !event.meta && !event.sequence.startsWith("\x1b") && [...event.sequence].every((ch) => ch >= " " && ch !== "\x7f")) this.typed(r, event.sequence);
        return;
      case "eofOrDelete":
        return buffer.isBlank() ? this.end(r, { kind: "eof" }) : edit(() => buffer.deleteRight());
      case "enter":
        return this.enter(r);
      case "newline":
        // A new line in the block, wherever the cursor is.
        return r.options.multiline ? edit(() => buffer.splitRow()) : undefined;
      case "tab":
        return this.tab(r, wasTab);
      case "up":
        return this.up(r);
      case "down":
        return this.down(r);
      case "clear":
        this.screen.write("\x1b[H\x1b[2J");
        view.begin();
        return view.render(buffer, true);
      case "suspend":
        return this.suspend(r);
      case "home":
        return edit(() => buffer.moveTo(buffer.row, 0));
      case "end":
        return edit(() => buffer.moveTo(buffer.row, Infinity));
      case "wordLeft":
        return edit(() => buffer.moveTo(buffer.row, buffer.wordStart()));
      case "wordRight":
        return edit(() => buffer.moveTo(buffer.row, buffer.wordEnd()));
      default:
        return edit(() => buffer[action]());
    }
  }

  /** Text typed at the keyboard. */
  private typed(r: Reading, text: string): void {
    const atEnd = r.buffer.atEnd();
    // Indentation typed over an auto-indent replaces it: the row changes before the cursor.
    const replacesIndent = r.buffer.autoIndented && /^[ \t]/.test(text);
    r.buffer.type(text);
    if (atEnd && !replacesIndent) r.view.appended(r.buffer, text);
    else r.view.render(r.buffer);
  }

  /** A paste goes in as text, line breaks and blank lines included: one input, not lines to run one by one. */
  private paste(r: Reading, text: string): void {
    let lines = splitLines(text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, ""));
    // A trailing line break is not an Enter: the pasted block waits for one, as in Python's REPL.
    while (lines.length > 1 && lines.at(-1)!.trim() === "") lines = lines.slice(0, -1);
    if (!r.options.multiline) {
      // input() takes one line: the first; the rest waits as typed-ahead keys.
      this.typed(r, lines[0]!);
      if (lines.length > 1) this.queue.unshift(ENTER, { kind: "paste", text: lines.slice(1).join("\n") });
      return;
    }
    r.buffer.insertLines(lines);
    r.view.render(r.buffer);
  }

  private enter(r: Reading): void {
    if (r.options.multiline && r.buffer.row < r.buffer.lines.length - 1) {
      r.buffer.splitRow();
      return r.view.render(r.buffer);
    }
    this.end(r, { kind: "line", text: r.buffer.text() });
  }

  private async tab(r: Reading, again: boolean): Promise<void> {
    const { buffer } = r;
    const before = buffer.line.slice(0, buffer.col);
    if (!r.options.complete) return this.typed(r, "\t");
    if (before.trim() === "") {
      // On a line of nothing but indentation, Tab indents by a level, as in Python's REPL; like
      // indentation typed with spaces, it takes the place of an auto-indent nothing was typed after.
      return this.typed(r, INDENT);
    }
    let found: { matches: string[]; replace: number };
    try {
      found = await r.options.complete(buffer.textBeforeCursor());
    } catch {
      return;
    }
    if (r.done) return;
    const matches = [...new Set(found.matches)];
    const typedPart = before.slice(before.length - found.replace);
    const prefix = commonPrefix(matches);
    if (prefix.length > typedPart.length && prefix.startsWith(typedPart)) {
      // As readline: the part all candidates share goes in; a second Tab then lists them.
      this.lastKeyWasTab = matches.length > 1 ? false : this.lastKeyWasTab;
      return this.typed(r, prefix.slice(typedPart.length));
    }
    if (matches.length > 1 && again) this.listMatches(r, matches);
  }

  /** Shows the candidates under the input in columns, then the input again (as readline does on a second Tab). */
  private listMatches(r: Reading, matches: string[]): void {
    r.view.moveToEnd(r.buffer);
    const width = Math.max(...matches.map(textWidth)) + 2;
    const perRow = Math.max(1, Math.floor(this.screen.columns / width));
    const sorted = matches.toSorted();
    const rows: string[] = [];
    for (let i = 0; i < sorted.length; i += perRow) rows.push(sorted.slice(i, i + perRow).map((m) => m + " ".repeat(width - textWidth(m))).join("").trimEnd());
    this.screen.write(`\r\n${rows.join("\r\n")}\r\n`);
    r.view.begin();
    r.view.render(r.buffer, true);
  }

  /** Up: the row above in a block, else the previous history entry. */
  private up(r: Reading): void {
    if (r.buffer.row > 0) {
      r.buffer.moveTo(r.buffer.row - 1, r.buffer.col);
      return r.view.render(r.buffer);
    }
    const history = r.options.history;
    if (!history || r.historyIndex === 0) return;
    if (r.historyIndex === history.size) r.draft = r.buffer.text();
    this.recall(r, r.historyIndex - 1);
  }

  /** Down: the row below in a block, else the next history entry (and, past the newest, what was being typed). */
  private down(r: Reading): void {
    if (r.buffer.row < r.buffer.lines.length - 1) {
      r.buffer.moveTo(r.buffer.row + 1, r.buffer.col);
      return r.view.render(r.buffer);
    }
    const history = r.options.history;
    if (!history || r.historyIndex >= history.size) return;
    this.recall(r, r.historyIndex + 1);
  }

  private recall(r: Reading, index: number): void {
    const history = r.options.history!;
    r.historyIndex = index;
    r.buffer.setText(index === history.size ? r.draft : history.at(index)!);
    r.view.render(r.buffer);
  }

  private suspend(r: Reading): void {
    // The read is drawn again, on a fresh row, once the process goes on.
    process.once("SIGCONT", () => {
      this.screen.write("\r\n");
      r.view.begin();
      r.view.render(r.buffer, true);
    });
    r.view.moveToEnd(r.buffer);
    this.screen.write("\r\n");
    this.onSuspend?.();
  }
}
