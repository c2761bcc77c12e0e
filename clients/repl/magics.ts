/** The REPL's own commands, typed at the `>>>` prompt with a leading `%` (IPython's habit): files between this machine and the session. */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { errorMessage } from "../../protocol/describe.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";

/** What a command needs: the daemon, the REPL's session, and where to write. */
export interface MagicContext {
  client: DaemonClient;
  /** The REPL's session; undefined with --reset-globals, where no files persist. */
  sessionId: string | undefined;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
}

/** One line of help per command. */
export const MAGIC_HELP = [
  "%upload LOCAL [REMOTE]    copy a file of this machine into the session's working directory",
  "%download REMOTE [LOCAL]  copy a file of the session to this machine (default: its name, here)",
  "%ls [PATH]                list the session's working directory (or PATH in it)",
];

/** Splits a command line into words; single or double quotes keep spaces. */
export function words(line: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) out.push(match[1]?.replace(/\\(.)/g, "$1") ?? match[2] ?? match[3]!);
  return out;
}

/**
 * Runs a `%` command; returns false when the line is not one (it does not start with `%`).
 * Failures are printed, never thrown; returns true then too, with `ok` false.
 */
export async function runMagic(line: string, context: MagicContext): Promise<{ handled: boolean; ok: boolean }> {
  const trimmed = line.trim();
  if (!trimmed.startsWith("%")) return { handled: false, ok: true };
  const [command, ...args] = words(trimmed.slice(1));
  const fail = (message: string) => {
    context.errors.write(`woma: ${message}\n`);
    return { handled: true, ok: false };
  };
  const known = ["upload", "download", "ls"];
  if (command === undefined || !known.includes(command)) return fail(`unknown command %${command ?? ""}; the REPL knows:\n  ${MAGIC_HELP.join("\n  ")}`);
  const session = context.sessionId;
  if (session === undefined) return fail(`%${command} needs a session, and this REPL runs every input in fresh globals (--reset-globals)`);
  try {
    switch (command) {
      case "upload": {
        if (args.length < 1 || args.length > 2) return fail("usage: %upload LOCAL [REMOTE]");
        const local = resolve(args[0]!);
        const content = readFileSync(local);
        const written = await context.client.writeFile({ session_id: session, path: args[1] ?? basename(local), content: content.toString("base64"), encoding: "base64" });
        context.output.write(`uploaded ${local} to ${written.path} (${written.size} bytes)\n`);
        return { handled: true, ok: true };
      }
      case "download": {
        if (args.length < 1 || args.length > 2) return fail("usage: %download REMOTE [LOCAL]");
        const file = await context.client.readFile({ session_id: session, path: args[0]!, encoding: "base64" });
        const local = resolve(args[1] ?? basename(file.path));
        writeFileSync(local, Buffer.from(file.content, "base64"));
        context.output.write(`downloaded ${file.path} to ${local} (${file.size} bytes)\n`);
        return { handled: true, ok: true };
      }
      default: {
        if (args.length > 1) return fail("usage: %ls [PATH]");
        const listing = await context.client.listFiles({ session_id: session, path: args[0] ?? "." });
        for (const entry of listing.entries) {
          const size = entry.type === "directory" ? "" : String(entry.size);
          context.output.write(`${size.padStart(10)}  ${entry.path}${entry.type === "directory" ? "/" : entry.type === "symlink" ? "@" : ""}\n`);
        }
        if (listing.truncated) context.output.write("(more entries than were listed)\n");
        return { handled: true, ok: true };
      }
    }
  } catch (error) {
    return fail(`%${command}: ${errorMessage(error)}`);
  }
}
