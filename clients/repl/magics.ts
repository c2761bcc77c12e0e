/** The REPL's own commands: lines starting with `%` (as in IPython), which Python would reject as a syntax error anyway. */
import { errorMessage } from "../../protocol/describe.ts";
import type { PackagesProgressNotification } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";

/** Where a command writes, and whether the terminal can redraw a line. */
export interface MagicIo {
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  tty: boolean;
}

/** What a command line did: `false` when the line is not a command (run it as Python). */
export type MagicOutcome = false | { ok: boolean };

const USAGE = "%pip install NAME [NAME ...] installs packages; %pip list shows what is installed";

/**
 * Runs `line` when it is one of the REPL's commands (`%pip install ...`, `%pip list`, and
 * `!pip ...` as a habit from notebooks). Anything else that starts with `%` is answered
 * with the commands there are.
 */
export async function runMagic(line: string, client: DaemonClient, io: MagicIo): Promise<MagicOutcome> {
  const trimmed = line.trim();
  if (!/^[%!]/.test(trimmed)) return false;
  const words = trimmed.slice(1).trim().split(/\s+/);
  if (trimmed.startsWith("!") && words[0] !== "pip") return false; // a syntax error Python should report
  if (words[0] !== "pip") {
    io.errors.write(`woma: unknown command ${trimmed.split(/\s/)[0]}; ${USAGE}\n`);
    return { ok: false };
  }
  const [, action, ...rest] = words;
  try {
    if (action === "install") {
      const names = rest.filter((word) => !word.startsWith("-"));
      if (names.length === 0) {
        io.errors.write(`woma: %pip install needs at least one package name, e.g. %pip install tabulate\n`);
        return { ok: false };
      }
      const progress = new ProgressLine(io);
      try {
        const result = await client.installPackages({ requirements: names as [string, ...string[]] }, { onProgress: (p) => progress.update(p) });
        progress.clear();
        io.output.write(`Installed ${result.installed.map((p) => `${p.name}-${p.version}`).join(" ")}\n`);
      } finally {
        progress.clear();
      }
      return { ok: true };
    }
    if (action === "list") {
      const listing = await client.listPackages();
      if (listing.installed.length === 0) io.output.write("No packages installed with %pip yet.\n");
      for (const p of listing.installed) io.output.write(`${p.name.padEnd(30)} ${p.version}\n`);
      io.output.write(`${listing.available.length} more load on import from ${listing.source} (numpy, pandas, ...).\n`);
      return { ok: true };
    }
    io.errors.write(`woma: ${action === undefined ? "%pip needs a command" : `%pip ${action} is not supported`}; ${USAGE}\n`);
    return { ok: false };
  } catch (error) {
    io.errors.write(`woma: ${errorMessage(error)}\n`);
    return { ok: false };
  }
}

/**
 * Shows package downloads on stderr: one line redrawn in place on a terminal, or one line
 * per finished file when stderr is not a terminal.
 */
export class ProgressLine {
  private shown = false;

  constructor(private readonly io: MagicIo) {}

  update(progress: PackagesProgressNotification): void {
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    if (!this.io.tty) {
      if (progress.done) this.io.errors.write(`downloaded ${progress.file_name} (${mb(progress.done_bytes)} MB)\n`);
      return;
    }
    const of = progress.total_bytes ? ` of ${mb(progress.total_bytes)}` : "";
    this.io.errors.write(`\r\x1b[2Kdownloading ${progress.package}: ${mb(progress.done_bytes)}${of} MB${progress.done ? " done" : ""}`);
    this.shown = true;
  }

  /** Removes the line on a terminal, so what follows starts clean. */
  clear(): void {
    if (this.shown) this.io.errors.write("\r\x1b[2K");
    this.shown = false;
  }
}
