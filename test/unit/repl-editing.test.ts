/** The REPL's editing as plain data: the edit buffer's keys, auto-indent, the history file, and where text leaves the cursor on a terminal. */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nextIndent } from "../../clients/repl/auto-indent.ts";
import { EditBuffer } from "../../clients/repl/edit-buffer.ts";
import { History } from "../../clients/repl/history.ts";
import { advance } from "../../clients/repl/terminal-screen.ts";

describe("auto-indent", () => {
  test("a level more after a line ending in ':', the same level otherwise; blank lines and comments do not count", () => {
    expect(nextIndent([])).toBe("");
    expect(nextIndent(["def f(x):"])).toBe("    ");
    expect(nextIndent(["def f(x):", "    y = 1"])).toBe("    ");
    expect(nextIndent(["def f(x):", "    if y:  # a comment"])).toBe("        ");
    expect(nextIndent(["for c in s:", "    d = {'a': 1}", ""])).toBe("    ");
    expect(nextIndent(["x = '#:'"])).toBe("");
    expect(nextIndent(["s = 'ends with colon:'"])).toBe("");
  });
});

describe("the edit buffer", () => {
  test("indentation typed on an auto-indented row takes the auto-indent's place; other text goes after it", () => {
    const typed = new EditBuffer("    ");
    typed.type(" ");
    typed.type("   return 1");
    expect(typed.text()).toBe("    return 1");
    const kept = new EditBuffer("    ");
    kept.type("return 1");
    expect(kept.text()).toBe("    return 1");
  });

  test("backspace in the indentation goes back a level; elsewhere one character, a whole emoji included", () => {
    const buffer = new EditBuffer("        ");
    buffer.backspace();
    expect(buffer.text()).toBe("    ");
    buffer.type("x = '😀'");
    buffer.left();
    buffer.backspace();
    expect(buffer.text()).toBe("    x = ''");
  });

  test("a paste splices its lines in at the cursor, and an auto-indent before it goes", () => {
    const buffer = new EditBuffer("    ");
    buffer.insertLines(["def f():", "    return 1", "", "f()"]);
    expect(buffer.lines).toEqual(["def f():", "    return 1", "", "f()"]);
    expect([buffer.row, buffer.col]).toEqual([3, 3]);
  });

  test("splitting a row gives the new one the block's indentation", () => {
    const buffer = new EditBuffer();
    buffer.type("if x: y = 1");
    buffer.moveTo(0, 5);
    buffer.splitRow();
    expect(buffer.lines).toEqual(["if x:", "    y = 1"]);
    expect(buffer.autoIndented).toBe(true);
  });

  test("kills and yank, words and rows", () => {
    const buffer = new EditBuffer();
    buffer.type("print(value)");
    buffer.moveTo(0, 11);
    buffer.killWordLeft();
    expect(buffer.text()).toBe("print()");
    buffer.yank();
    expect(buffer.text()).toBe("print(value)");
    buffer.moveTo(0, 6);
    buffer.killToEnd();
    buffer.killToStart();
    expect(buffer.text()).toBe("");
    expect(buffer.isBlank()).toBe(true);
  });

  test("backspace at a row's start joins it to the row above; delete at a row's end joins the row below", () => {
    const buffer = new EditBuffer();
    buffer.setText("a\nb\nc");
    buffer.moveTo(1, 0);
    buffer.backspace();
    expect(buffer.lines).toEqual(["ab", "c"]);
    buffer.moveTo(0, 2);
    buffer.deleteRight();
    expect(buffer.lines).toEqual(["abc"]);
  });
});

describe("the history", () => {
  test("blocks are one entry each, written as Python 3.13's REPL writes them, and read back whole", () => {
    const path = join(mkdtempSync(join(tmpdir(), "woma-history-")), "history");
    const history = new History();
    history.add("1+1");
    history.add("def f():\n    return 7\n\n");
    history.add("def f():\n    return 7");
    history.add("   ");
    history.save(path);
    expect(readFileSync(path, "utf8")).toBe("1+1\ndef f():\r\n    return 7\n");
    const back = History.load(path);
    expect([back.size, back.at(0), back.at(1)]).toEqual([2, "1+1", "def f():\n    return 7"]);
  });

  test("a history written a line per entry (by an older woma) still loads", () => {
    const path = join(mkdtempSync(join(tmpdir(), "woma-history-")), "history");
    writeFileSync(path, "x = 1\nprint(x)\n");
    const history = History.load(path);
    expect([history.size, history.at(1)]).toEqual([2, "print(x)"]);
  });
});

describe("where text leaves the cursor on a terminal", () => {
  test("rows wrap at the edge, a wide character that does not fit moves down whole, escapes take no room", () => {
    expect(advance({ row: 0, col: 0 }, "abc", 10)).toEqual({ row: 0, col: 3 });
    expect(advance({ row: 0, col: 8 }, "abc", 10)).toEqual({ row: 1, col: 1 });
    expect(advance({ row: 0, col: 0 }, "0123456789", 10)).toEqual({ row: 0, col: 10 });
    expect(advance({ row: 0, col: 9 }, "中", 10)).toEqual({ row: 1, col: 2 });
    expect(advance({ row: 0, col: 0 }, "\x1b[31mred\x1b[0m\ttab", 40)).toEqual({ row: 0, col: 11 });
    expect(advance({ row: 0, col: 5 }, "ab\r\ncd\rx", 40)).toEqual({ row: 1, col: 1 });
  });
});
