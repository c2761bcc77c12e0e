/** The text a REPL read is editing: its lines, the cursor, and every edit the keys make, as plain data a test can drive. */
import { INDENT, nextIndent } from "./auto-indent.ts";

const WORD = /[\p{L}\p{N}_]/u;

/** Splits pasted or recalled text into lines ("\r\n" and "\r" count as line ends). */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}

/** UTF-16 length of the character (code point) that ends at `index`. */
function lengthBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  return index >= 2 && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** UTF-16 length of the character (code point) that starts at `index`. */
function lengthAt(text: string, index: number): number {
  return String.fromCodePoint(text.codePointAt(index)!).length;
}

/**
 * Lines of text with a cursor (`row`, and `col` in UTF-16 units within the row). Every edit
 * keeps the cursor on a character boundary. `autoIndented` marks a row whose indentation the
 * REPL put there and nothing has been typed on yet: indentation typed there replaces it.
 */
export class EditBuffer {
  lines: string[];
  row: number;
  col: number;
  autoIndented: boolean;
  /** The text the last kill (Ctrl+U, Ctrl+K, Ctrl+W) took, for Ctrl+Y. */
  killed = "";

  constructor(indent = "") {
    this.lines = [indent];
    this.row = 0;
    this.col = indent.length;
    this.autoIndented = indent !== "";
  }

  /** The row the cursor is on. */
  get line(): string {
    return this.lines[this.row]!;
  }

  /** The whole text, rows joined by "\n". */
  text(): string {
    return this.lines.join("\n");
  }

  /** The text from the start to the cursor. */
  textBeforeCursor(): string {
    return [...this.lines.slice(0, this.row), this.line.slice(0, this.col)].join("\n");
  }

  /** True when the cursor is after the last character. */
  atEnd(): boolean {
    return this.row === this.lines.length - 1 && this.col === this.line.length;
  }

  /** Nothing typed: an empty row, or one holding only the indentation the REPL put there. */
  isBlank(): boolean {
    return this.lines.length === 1 && (this.line === "" || (this.autoIndented && this.line.trim() === ""));
  }

  /** Replaces everything with `text`, the cursor at its end. */
  setText(text: string): void {
    this.lines = splitLines(text);
    this.row = this.lines.length - 1;
    this.col = this.line.length;
    this.autoIndented = false;
  }

  /** Text a person typed: indentation typed on an auto-indented row takes the auto-indent's place. */
  type(text: string): void {
    if (this.autoIndented && /^[ \t]/.test(text) && this.line.slice(0, this.col).trim() === "") {
      this.lines[this.row] = this.line.slice(this.col);
      this.col = 0;
    }
    this.insert(text);
  }

  /** Inserts `text` (no line breaks) at the cursor. */
  insert(text: string): void {
    this.lines[this.row] = this.line.slice(0, this.col) + text + this.line.slice(this.col);
    this.col += text.length;
    this.autoIndented = false;
  }

  /** Inserts text that may hold line breaks (a paste): it carries its own indentation, so an auto-indent before it goes. */
  insertLines(lines: string[]): void {
    if (this.autoIndented && this.line.slice(0, this.col).trim() === "") {
      this.lines[this.row] = this.line.slice(this.col);
      this.col = 0;
    }
    const head = this.line.slice(0, this.col);
    const tail = this.line.slice(this.col);
    const added = lines.map((l, i) => (i === 0 ? head + l : l));
    const last = added.length - 1;
    const col = added[last]!.length;
    added[last] += tail;
    this.lines.splice(this.row, 1, ...added);
    this.row += last;
    this.col = col;
    this.autoIndented = false;
  }

  /** Breaks the row at the cursor; the new row gets the block's indentation. */
  splitRow(): void {
    const before = this.line.slice(0, this.col);
    const indent = nextIndent([...this.lines.slice(0, this.row), before]);
    this.lines.splice(this.row, 1, before, indent + this.line.slice(this.col).trimStart());
    this.row++;
    this.col = indent.length;
    this.autoIndented = indent !== "";
  }

  /** Backspace: one character, or in the indentation back to the previous level; at a row's start it joins the row above. */
  backspace(): void {
    if (this.col === 0) {
      if (this.row === 0) return;
      const above = this.lines[this.row - 1]!;
      this.lines.splice(this.row - 1, 2, above + this.line);
      this.row--;
      this.col = above.length;
      return;
    }
    const before = this.line.slice(0, this.col);
    const width = /^ +$/.test(before) ? ((before.length - 1) % INDENT.length) + 1 : lengthBefore(before, before.length);
    this.lines[this.row] = this.line.slice(0, this.col - width) + this.line.slice(this.col);
    this.col -= width;
    this.autoIndented = false;
  }

  /** Delete: the character under the cursor; at a row's end it joins the row below. */
  deleteRight(): void {
    if (this.col === this.line.length) {
      if (this.row === this.lines.length - 1) return;
      this.lines.splice(this.row, 2, this.line + this.lines[this.row + 1]!);
      return;
    }
    this.lines[this.row] = this.line.slice(0, this.col) + this.line.slice(this.col + lengthAt(this.line, this.col));
    this.autoIndented = false;
  }

  /** Ctrl+U: the row up to the cursor. */
  killToStart(): void {
    this.killed = this.line.slice(0, this.col);
    this.lines[this.row] = this.line.slice(this.col);
    this.col = 0;
    this.autoIndented = false;
  }

  /** Ctrl+K: the row from the cursor. */
  killToEnd(): void {
    this.killed = this.line.slice(this.col);
    this.lines[this.row] = this.line.slice(0, this.col);
    this.autoIndented = false;
  }

  /** Ctrl+W, Alt+Backspace: the word before the cursor. */
  killWordLeft(): void {
    const start = this.wordStart();
    this.killed = this.line.slice(start, this.col);
    this.lines[this.row] = this.line.slice(0, start) + this.line.slice(this.col);
    this.col = start;
    this.autoIndented = false;
  }

  /** Alt+D: the word after the cursor. */
  killWordRight(): void {
    const end = this.wordEnd();
    this.killed = this.line.slice(this.col, end);
    this.lines[this.row] = this.line.slice(0, this.col) + this.line.slice(end);
    this.autoIndented = false;
  }

  /** Ctrl+Y: what the last kill took. */
  yank(): void {
    if (this.killed !== "") this.insert(this.killed);
  }

  /** Where the word before the cursor starts. */
  wordStart(): number {
    let i = this.col;
    while (i > 0 && !WORD.test(this.line[i - 1]!)) i--;
    while (i > 0 && WORD.test(this.line[i - 1]!)) i--;
    return i;
  }

  /** Where the word after the cursor ends. */
  wordEnd(): number {
    let i = this.col;
    while (i < this.line.length && !WORD.test(this.line[i]!)) i++;
    while (i < this.line.length && WORD.test(this.line[i]!)) i++;
    return i;
  }

  /** Puts the cursor at `col` of `row` (clamped to the row). */
  moveTo(row: number, col: number): void {
    this.row = Math.max(0, Math.min(row, this.lines.length - 1));
    this.col = Math.max(0, Math.min(col, this.line.length));
  }

  /** One character left, to the end of the row above at a row's start. */
  left(): void {
    if (this.col > 0) this.col -= lengthBefore(this.line, this.col);
    else if (this.row > 0) this.moveTo(this.row - 1, this.lines[this.row - 1]!.length);
  }

  /** One character right, to the start of the row below at a row's end. */
  right(): void {
    if (this.col < this.line.length) this.col += lengthAt(this.line, this.col);
    else if (this.row < this.lines.length - 1) this.moveTo(this.row + 1, 0);
  }

  /** The end of the last row. */
  toEnd(): void {
    this.moveTo(this.lines.length - 1, Infinity);
  }
}
