/** The one-line account of a package download that the REPL and the MCP server show. */
import { formatSize } from "../../protocol/describe.ts";

/** "downloading numpy: 1.2 MB of 3.4 MB", "downloading six: 5 KB", or "downloaded six (12 KB)". */
export function downloadLine(name: string, done: number, total: number | null, finished: boolean): string {
  if (finished) return `downloaded ${name} (${formatSize(done)})`;
  return total ? `downloading ${name}: ${formatSize(done)} of ${formatSize(total)}` : `downloading ${name}: ${formatSize(done)}`;
}
