/** The kernel's input history, answering history_request as IPython does: tail, range and glob search. */

/** One executed cell: its session number, its line (execution count), its code and the text of its result. */
export interface HistoryEntry {
  session: number;
  line: number;
  input: string;
  output: string | null;
}

/** A history_request's content, as the messaging spec gives it. */
export interface HistoryQuery {
  hist_access_type: "tail" | "range" | "search";
  output: boolean;
  raw: boolean;
  session?: number;
  start?: number;
  stop?: number | null;
  n?: number | null;
  pattern?: string;
  unique?: boolean;
}

/** A history_reply row: `[session, line, input]`, or `[session, line, [input, output]]` when output was asked. */
export type HistoryRow = [number, number, string | [string, string | null]];

/** Most entries kept; the oldest go first. */
const MAX_ENTRIES = 10_000;

/**
 * Turns a glob (`*`, `?`, `[abc]`, `[^abc]`, as SQLite's GLOB that IPython uses) into a
 * regular expression matching the whole text, case-sensitively.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*") source += "[^]*";
    else if (char === "?") source += "[^]";
    else if (char === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) {
        source += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith("^");
      if (negated) body = body.slice(1);
      source += `[${negated ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
      i = end;
    } else source += char.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** What one kernel ran, in order. Only this kernel's session is kept (session number 1). */
export class History {
  private readonly entries: HistoryEntry[] = [];
  /** This kernel's session number (IPython counts kernel starts; here each kernel is session 1 of its own history). */
  readonly session = 1;

  /** Records a cell that stored history. */
  add(line: number, input: string, output: string | null): void {
    this.entries.push({ session: this.session, line, input, output });
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
  }

  /** Answers a history_request; an unknown access type gives no rows. */
  query(query: HistoryQuery): HistoryRow[] {
    const rows = (entries: HistoryEntry[]) => entries.map((e): HistoryRow => [e.session, e.line, query.output ? [e.input, e.output] : e.input]);
    const last = (entries: HistoryEntry[], n: number | null | undefined) => (n === undefined || n === null ? entries : n <= 0 ? [] : entries.slice(-n));
    switch (query.hist_access_type) {
      case "tail":
        return rows(last(this.entries, query.n ?? 10));
      case "range": {
        // Session 0 is the current one, negative ones count back; only the current one is kept.
        const session = query.session === undefined || query.session <= 0 ? this.session + (query.session ?? 0) : query.session;
        if (session !== this.session) return [];
        const start = query.start ?? 1;
        const stop = query.stop ?? Number.POSITIVE_INFINITY;
        return rows(this.entries.filter((e) => e.line >= start && e.line < stop));
      }
      case "search": {
        const match = globToRegExp(query.pattern ?? "*");
        let found = this.entries.filter((e) => match.test(e.input));
        if (query.unique) {
          // Each input once, where it was last run.
          const lastIndex = new Map(found.map((e, i) => [e.input, i]));
          found = found.filter((e, i) => lastIndex.get(e.input) === i);
        }
        return rows(last(found, query.n));
      }
      default:
        return [];
    }
  }
}
