/** How a read shows on the terminal: its prompt and rows drawn from where the prompt began, wrapped as the terminal wraps them, and the cursor put in place. */
import type { EditBuffer } from "./edit-buffer.ts";
import { advance, visible, type ScreenPosition, type TerminalScreen } from "./terminal-screen.ts";

/** The prompt of the lines after the first. */
export const CONTINUATION = "... ";

const CSI = "\x1b[";

/**
 * Draws one read. It remembers where its prompt began (the column, and how many rows above
 * the cursor) so each redraw starts there: everything from that point is cleared and written
 * again as one write. A password's prompt is drawn once and nothing typed ever shows.
 */
export class EditView {
  /** The column the prompt began in. */
  private startCol = 0;
  /** Rows between the prompt's first row and the cursor's. */
  private cursorRow = 0;
  private drawn = false;

  constructor(
    private readonly screen: TerminalScreen,
    readonly prompt: string,
    private readonly password: boolean,
  ) {}

  /** Starts the view where the cursor is now (on the next row, when the output before filled its row exactly). */
  begin(): void {
    if (this.screen.column >= this.screen.columns) this.screen.write("\r\n");
    this.startCol = this.screen.column;
    this.cursorRow = 0;
  }

  /** The text each row shows, prompts included. */
  private rows(buffer: EditBuffer): string[] {
    if (this.password) return [this.prompt];
    return buffer.lines.map((line, i) => (i === 0 ? this.prompt : CONTINUATION) + line);
  }

  /** Where the content ends and where the cursor is, relative to the prompt's first row. */
  private layout(buffer: EditBuffer): { end: ScreenPosition; cursor: ScreenPosition } {
    const columns = this.screen.columns;
    let position: ScreenPosition = { row: 0, col: this.startCol };
    let cursor: ScreenPosition | undefined;
    this.rows(buffer).forEach((text, i) => {
      // "\r\n" between rows: down one row from where the last character was written (a pending wrap included).
      if (i > 0) position = { row: position.row + 1, col: 0 };
      if (i === buffer.row && !this.password) {
        const promptLength = text.length - buffer.lines[i]!.length;
        cursor = visible(advance(position, text.slice(0, promptLength + buffer.col), columns), columns);
      }
      position = advance(position, text, columns);
    });
    return { end: position, cursor: cursor ?? visible(position, columns) };
  }

  /** Draws the whole read and puts the cursor in place (once only for a password, unless forced). */
  render(buffer: EditBuffer, force = false): void {
    if (this.password && this.drawn && !force) return;
    this.drawn = true;
    const columns = this.screen.columns;
    let out = this.toStart();
    out += this.rows(buffer).join("\r\n");
    const { end, cursor } = this.layout(buffer);
    let endRow = end.row;
    if (end.col >= columns) {
      // The text fills its last row exactly: go down now, so the cursor can be put after it.
      out += "\r\n";
      endRow++;
    }
    if (endRow > cursor.row) out += `${CSI}${endRow - cursor.row}A`;
    out += `\r${cursor.col > 0 ? `${CSI}${cursor.col}C` : ""}`;
    this.screen.output.write(out);
    this.screen.column = cursor.col;
    this.cursorRow = cursor.row;
  }

  /**
   * After `text` was inserted at the end of the last row: when the row still ends before the
   * terminal's edge, writes just the text (the terminal wraps it as the layout does), so the
   * screen shows what a person typed; otherwise draws the whole read.
   */
  appended(buffer: EditBuffer, text: string): void {
    const { end, cursor } = this.layout(buffer);
    if (this.password || end.col >= this.screen.columns) return this.render(buffer);
    this.screen.write(text);
    this.cursorRow = cursor.row;
  }

  /** Moves to the prompt's start and clears from there: the escape sequences that do it. */
  private toStart(): string {
    return `${this.cursorRow > 0 ? `${CSI}${this.cursorRow}A` : ""}\r${this.startCol > 0 ? `${CSI}${this.startCol}C` : ""}${CSI}J`;
  }

  /** Takes the read off the screen (to write output where it was, then draw it again after). */
  clear(): void {
    this.screen.output.write(this.toStart());
    this.screen.column = this.startCol;
  }

  /** Puts the cursor after the last character of the text (the read is ending); drawn again only when it was elsewhere. */
  moveToEnd(buffer: EditBuffer): void {
    if (buffer.atEnd()) return;
    buffer.toEnd();
    this.render(buffer);
  }
}
