/**
 * The REPL's own commands: lines starting with `%` (IPython's habit), which Python would
 * reject as a syntax error anyway: packages (`%pip`) and files between this machine and the
 * session (`%upload`, `%download`, `%ls`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join, resolve } from "node:path";
import { errorMessage } from "../../protocol/describe.ts";
import type { PackagesProgressNotification } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { downloadLine } from "../shared/download-line.ts";
import type { TextSink } from "./text-sink.ts";

/** Where a command writes, and whether the terminal can redraw a line. */
export interface MagicIo {
  output: TextSink;
  errors: TextSink;
  tty: boolean;
}

/** What a command needs: the daemon, the REPL's session, and where to write. */
export interface MagicContext extends MagicIo {
  client: DaemonClient;
  /** The REPL's session; undefined with --reset-globals, where no files persist. */
  sessionId: string | undefined;
  /** Ctrl+C: a command that asks the daemon to do something (an install) is cancelled. */
  signal?: AbortSignal;
}

/** What a command line did: `false` when the line is not a command (run it as Python). */
export type MagicOutcome = false | { ok: boolean };

/** One line of help per command. */
export const MAGIC_HELP = [
  "%pip install NAME [NAME ...]  install packages (from the distribution, PyPI, a wheel URL, or a wheel file here: ./x.whl)",
  "%pip list                     the packages installed, and how many more load on import",
  "%upload LOCAL [REMOTE]        copy a file of this machine into the session's working directory",
  "%download REMOTE [LOCAL]      copy a file of the session to this machine (default: its name, here)",
  "%ls [PATH]                    list the session's working directory (or PATH in it)",
];

/** Splits a command line into words; single or double quotes keep spaces. */
export function words(line: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) out.push(match[1]?.replace(/\\(.)/g, "$1") ?? match[2] ?? match[3]!);
  return out;
}

/**
 * Runs `line` when it is one of the REPL's commands (and `!pip ...`, a habit from
 * notebooks); returns false when it is not one. Anything else that starts with `%` is
 * answered with the commands there are. Failures are printed, never thrown.
 */
export async function runMagic(line: string, context: MagicContext): Promise<MagicOutcome> {
  const trimmed = line.trim();
  if (!/^[%!]/.test(trimmed)) return false;
  const [command, ...args] = words(trimmed.slice(1).trim());
  if (trimmed.startsWith("!") && command !== "pip") return false; // a syntax error Python should report
  const fail = (message: string) => {
    context.errors.write(`woma: ${message}\n`);
    return { ok: false };
  };
  const known = ["pip", "upload", "download", "ls"];
  if (command === undefined || !known.includes(command)) return fail(`unknown command ${trimmed.split(/\s/)[0]}; the REPL knows:\n  ${MAGIC_HELP.join("\n  ")}`);
  try {
    if (command === "pip") return await pip(args, context);
    const session = context.sessionId;
    if (session === undefined) return fail(`%${command} needs a session, and this REPL runs every input in fresh globals (--reset-globals)`);
    switch (command) {
      case "upload": {
        if (args.length < 1 || args.length > 2) return fail("usage: %upload LOCAL [REMOTE]");
        const local = resolve(args[0]!);
        const content = readFileSync(local);
        const written = await context.client.writeFile({ session_id: session, path: args[1] ?? basename(local), content: content.toString("base64"), encoding: "base64" });
        context.output.write(`uploaded ${local} to ${written.path} (${written.size} bytes)\n`);
        return { ok: true };
      }
      case "download": {
        if (args.length < 1 || args.length > 2) return fail("usage: %download REMOTE [LOCAL]");
        const file = await context.client.readFile({ session_id: session, path: args[0]!, encoding: "base64" });
        const local = resolve(args[1] ?? basename(file.path));
        writeFileSync(local, Buffer.from(file.content, "base64"));
        context.output.write(`downloaded ${file.path} to ${local} (${file.size} bytes)\n`);
        return { ok: true };
      }
      default: {
        if (args.length > 1) return fail("usage: %ls [PATH]");
        const listing = await context.client.listFiles({ session_id: session, path: args[0] ?? "." });
        for (const entry of listing.entries) {
          const size = entry.type === "directory" ? "" : String(entry.size);
          context.output.write(`${size.padStart(10)}  ${entry.path}${entry.type === "directory" ? "/" : entry.type === "symlink" ? "@" : ""}\n`);
        }
        if (listing.entries.length === 0) context.output.write(`(${args[0] ?? "the working directory"} is empty)\n`);
        if (listing.truncated) context.output.write("(more entries than were listed)\n");
        return { ok: true };
      }
    }
  } catch (error) {
    return fail(`%${command}: ${errorMessage(error)}`);
  }
}

const PIP_USAGE = "%pip install NAME [NAME ...] installs packages; %pip list shows what is installed";

/** `%pip install NAME...` and `%pip list`. */
async function pip([action, ...rest]: string[], context: MagicContext): Promise<{ ok: boolean }> {
  const { client, output, errors } = context;
  if (action === "install") {
    const names = directReferences(rest.filter((word) => !word.startsWith("-")));
    if (names.length === 0) {
      errors.write(`woma: %pip install needs at least one package name, e.g. %pip install tabulate\n`);
      return { ok: false };
    }
    const progress = new ProgressLine(context);
    try {
      // The person at this terminal owns its files: wheel paths are theirs to install, made absolute here (the daemon may run elsewhere).
      const requirements = names.map(localWheelPath);
      const local = requirements.some((name, i) => name !== names[i]);
      const result = await client.installPackages({ requirements: requirements as [string, ...string[]], ...(local ? { local_files: true } : {}) }, { onProgress: (p) => progress.update(p), ...(context.signal ? { signal: context.signal } : {}) });
      progress.clear();
      output.write(`Installed ${result.installed.map((p) => `${p.name}-${p.version}`).join(" ")}\n`);
    } finally {
      progress.clear();
    }
    return { ok: true };
  }
  if (action === "list") {
    const listing = await client.listPackages();
    if (listing.installed.length === 0) output.write("No packages installed with %pip yet.\n");
    for (const p of listing.installed) output.write(`${p.name.padEnd(30)} ${p.version}\n`);
    output.write(`${listing.available.length} more load on import from ${listing.source} (numpy, pandas, ...).\n`);
    return { ok: true };
  }
  errors.write(`woma: ${action === undefined ? "%pip needs a command" : `%pip ${action} is not supported`}; ${PIP_USAGE}\n`);
  return { ok: false };
}

/** Words with `NAME @ URL` (PEP 508's direct reference, typed with spaces) joined back into one requirement. */
function directReferences(words: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i + 1] === "@" && words[i + 2] !== undefined) {
      joined.push(`${words[i]} @ ${words[i + 2]}`);
      i += 2;
    } else joined.push(words[i]!);
  }
  return joined;
}

/** A wheel path as an absolute path (`~` expanded); anything else (a name, `name @ URL`, a URL) as it is. */
function localWheelPath(word: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(word) || word.includes("@") || !/\.whl$/i.test(word)) return word;
  return resolve(word.startsWith("~/") ? join(homedir(), word.slice(2)) : word);
}

/**
 * Shows package downloads on stderr: one line redrawn in place on a terminal, or one line
 * per finished file when stderr is not a terminal.
 */
export class ProgressLine {
  private shown = false;

  constructor(private readonly io: MagicIo) {}

  update(progress: PackagesProgressNotification): void {
    if (!this.io.tty) {
      if (progress.done) this.io.errors.write(`${downloadLine(progress.file_name, progress.done_bytes, progress.total_bytes, true)}\n`);
      return;
    }
    this.io.errors.write(`\r\x1b[2K${downloadLine(progress.package, progress.done_bytes, progress.total_bytes, progress.done)}`);
    this.shown = true;
  }

  /** Removes the line on a terminal, so what follows starts clean. */
  clear(): void {
    if (this.shown) this.io.errors.write("\r\x1b[2K");
    this.shown = false;
  }
}
