/** Help the way IPython gives it: `name?` asks for the pager, inspection text, and the indent of an incomplete line. */
import type { InspectResult } from "../../protocol/generated/types.ts";

/** A cell that only asks for help on a name (`len?`, `?len`, `os.path.join??`): the name and the detail level. */
export interface HelpRequest {
  name: string;
  /** 0 for `?`, 1 for `??` (IPython then adds the source; woma has none to give). */
  detailLevel: 0 | 1;
}

const HELP = /^\s*(\?{1,2})?\s*([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*(\?{1,2})?\s*$/;

/** The help a cell asks for, or undefined when it is code to run. */
export function helpRequest(code: string): HelpRequest | undefined {
  const match = HELP.exec(code);
  if (!match || (match[1] === undefined) === (match[3] === undefined)) return undefined;
  const marks = match[1] ?? match[3]!;
  return { name: match[2]!, detailLevel: marks.length === 2 ? 1 : 0 };
}

/** The text IPython's pager would show for an inspected object: signature, docstring, type. */
export function inspectionText(result: InspectResult): string {
  const lines: string[] = [];
  if (result.signature !== undefined) lines.push(`Signature: ${result.name ?? ""}${result.signature}`);
  if (result.docstring !== undefined && result.docstring !== "") lines.push(`Docstring:\n${result.docstring}`);
  else lines.push("Docstring: <no docstring>");
  if (result.type_name !== undefined) lines.push(`Type:      ${result.type_name}`);
  return lines.join("\n");
}

/**
 * The indent a console should put on the next line of incomplete code: the last line's
 * own, four spaces more after a line ending in `:` (what IPython answers).
 */
export function nextIndent(code: string): string {
  const lines = code.split("\n");
  let last = "";
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.trim() !== "") {
      last = lines[i]!;
      break;
    }
  }
  const indent = /^[ \t]*/.exec(last)![0];
  return last.trimEnd().endsWith(":") ? `${indent}    ` : indent;
}
