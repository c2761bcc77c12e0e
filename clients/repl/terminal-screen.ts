/** The REPL's terminal output: everything goes through one writer that follows the column the cursor is in, so a prompt can be redrawn where it started. */

/** The terminal's output side as the REPL uses it. */
export interface TerminalOutput {
  write(text: string): unknown;
  columns?: number;
  isTTY?: boolean;
  on?(event: "resize", listener: () => void): unknown;
  off?(event: "resize", listener: () => void): unknown;
}

/** A place on the screen relative to where some text began: rows down, and the column (equal to the width while a wrap is pending). */
export interface ScreenPosition {
  row: number;
  col: number;
}

// Escape sequences take no room: CSI, OSC (ended by BEL or ST), and APC/DCS strings such as kitty's images.
const ESCAPE = /^\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[_P][^\x1b]*\x1b\\|[@-Z\\-_])/;

/** Columns text takes on a terminal: 2 for each wide character (CJK, emoji), 0 for combining marks and escape sequences. */
export function textWidth(text: string): number {
  return Bun.stringWidth(text);
}

/**
 * Where the cursor is after `text` is written from `from` on a terminal `columns` wide:
 * lines wrap at the edge (a wide character that does not fit moves to the next row), "\n"
 * goes down, "\r" back to the start, tabs to the next stop of 8, escape sequences take no room.
 */
export function advance(from: ScreenPosition, text: string, columns: number): ScreenPosition {
  let { row, col } = from;
  for (let i = 0; i < text.length; ) {
    if (text[i] === "\x1b") {
      const escape = ESCAPE.exec(text.slice(i, i + 4096));
      i += escape ? escape[0].length : 1;
      continue;
    }
    const point = text.codePointAt(i)!;
    const ch = String.fromCodePoint(point);
    i += ch.length;
    if (ch === "\n") {
      row++;
      col = 0;
    } else if (ch === "\r") col = 0;
    else if (ch === "\b") col = Math.max(0, Math.min(col, columns - 1) - 1);
    else if (ch === "\t") {
      if (col >= columns) {
        row++;
        col = 0;
      }
      col = Math.min(columns - 1, (Math.floor(col / 8) + 1) * 8);
    } else if (point >= 0x20 && point !== 0x7f) {
      const width = textWidth(ch);
      if (width === 0) continue;
      if (col + width > columns) {
        row++;
        col = 0;
      }
      col += width;
    }
  }
  return { row, col };
}

/** Where the terminal shows a position: past the last column, at the start of the next row. */
export function visible(position: ScreenPosition, columns: number): ScreenPosition {
  return position.col >= columns ? { row: position.row + 1, col: 0 } : position;
}

/**
 * Writes to the terminal and follows the cursor's column. stdout and stderr are followed
 * alike when both are the terminal; writes to a stderr that is not (redirected to a file)
 * do not move the cursor.
 */
export class TerminalScreen {
  /** The column the cursor is in (the width while a wrap is pending). */
  column = 0;

  constructor(
    readonly output: TerminalOutput,
    private readonly errors: TerminalOutput = output,
  ) {}

  /** The terminal's width (80 when it does not say). */
  get columns(): number {
    return this.output.columns || 80;
  }

  /** Writes `text` as it is, to stdout or (`toErrors`) to stderr. */
  write(text: string, toErrors = false): void {
    if (text === "") return;
    const stream = toErrors ? this.errors : this.output;
    stream.write(text);
    if (stream === this.output || stream.isTTY) this.column = advance({ row: 0, col: this.column }, text, this.columns).col;
  }
}
