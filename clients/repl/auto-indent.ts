/** Where the next line of a block starts, as Python 3.13's REPL indents it. */

/** One level of indentation. */
export const INDENT = "    ";

/**
 * The indentation the next line of a block gets: one level more than the last line when it
 * ends with `:` (a comment after it does not count), else the last line's own. Blank lines
 * are skipped; an empty block gets none.
 */
export function nextIndent(lines: readonly string[]): string {
  const last = [...lines].reverse().find((line) => line.trim() !== "");
  if (last === undefined) return "";
  const own = /^[ \t]*/.exec(last)![0];
  return withoutComment(last).trimEnd().endsWith(":") ? own + INDENT : own;
}

/** The line up to a `#` that starts a comment (one outside string quotes). */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "#") return line.slice(0, i);
  }
  return line;
}
