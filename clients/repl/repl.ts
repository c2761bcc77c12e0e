/** The line REPL: Python's `>>>` prompt over the daemon, with line editing, history and Ctrl+C that interrupts. */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { errorMessage } from "../../protocol/describe.ts";
import type { CheckStatus, DisplayOutput, PackagesProgressNotification, RunResult } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { isCancelled, isSessionLost } from "../shared/run-errors.ts";
import { SessionKeeper } from "../shared/session-keeper.ts";
import { daemonCompleter } from "./completion.ts";
import { ReplDisplay, type InlineImages } from "./display.ts";
import { answerInput } from "./input.ts";
import { LineSource } from "./line-source.ts";
import { ProgressLine, runMagic } from "./magics.ts";

/** The tenant REPLs name when they attach to a named session. */
export const REPL_TENANT = "repl";

/** How the REPL behaves. */
export interface ReplOptions {
  /** Run every input in fresh globals (`--reset-globals`). */
  resetGlobals: boolean;
  /**
   * Use the session of this name, creating it if needed, and leave it open at exit
   * (`--session`), so a REPL attached to a running daemon can come back to it. Without
   * it the REPL gets a session of its own and closes it when it leaves.
   */
  session?: string;
  /** The tenant to act for (`--tenant`); default: "repl" with `session`, else a tenant of the REPL's own. */
  tenant?: string;
  /** The daemon lives in this process (shown in the banner). */
  embedded: boolean;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  errorOutput?: NodeJS.WritableStream;
  /** File holding the line history (default ~/.woma_history); only used on a terminal. */
  historyFile?: string;
  /** Where images a run displays are written (`--output-dir`); default: a new temporary directory. */
  outputDir?: string;
  /** Draw images in the terminal too, with kitty's or iTerm2's protocol (`--inline-images`); default off. */
  inlineImages?: InlineImages;
}

const HISTORY_LINES = 1000;

/** Maps a SystemExit's message to an exit code the way CPython does. */
function exitCode(message: string): { code: number; print?: string } {
  if (message === "" || message === "None") return { code: 0 };
  if (/^-?\d+$/.test(message)) return { code: Number(message) & 0xff };
  return { code: 1, print: message };
}

/**
 * Runs the REPL until Ctrl+D, end of input or `exit()`, and returns the exit code. On a
 * terminal it prompts with `>>> ` and `... `; with piped input it prints no prompts,
 * runs each complete statement as it arrives, and returns 1 if any of them failed.
 */
export async function runRepl(client: DaemonClient, options: ReplOptions): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const errors = options.errorOutput ?? process.stderr;
  const tty = Boolean(input.isTTY && output.isTTY);
  const historyFile = options.historyFile ?? join(homedir(), ".woma_history");

  // A named session must outlive this connection, so it lives in a named tenant (all REPLs of
  // this user share "repl" unless told otherwise); otherwise the REPL is a tenant of its own.
  const tenant = options.tenant ?? (options.session ? REPL_TENANT : undefined);
  const hello = await client.initialize("woma-repl", tenant);
  if (tty) {
    const v = hello.server;
    output.write(`woma ${v.woma} · Python ${v.python ?? "3"} on Pyodide ${v.pyodide} · isolation: ${hello.isolation.level}\n`);
    if (hello.isolation.level === "process") output.write(`(${hello.isolation.detail})\n`);
    output.write(`Ctrl+C interrupts a running command, Ctrl+D or exit() leaves.${options.resetGlobals ? " Every input runs in fresh globals." : ""}\n`);
  }

  // A named session that exists already is the one to attach to; otherwise the REPL makes one of its own.
  const keeper = new SessionKeeper(client, { createParams: () => ({}) });
  const sessionId = options.resetGlobals ? undefined : (options.session ?? `repl-${randomBytes(4).toString("hex")}`);
  const sessionReady = sessionId === undefined ? Promise.resolve() : keeper.ensure(sessionId);
  sessionReady.catch(() => {}); // reported when the first input needs it

  let buffer: string[] = [];
  const rl: Interface = createInterface({
    input,
    output: tty ? output : undefined,
    terminal: tty,
    historySize: HISTORY_LINES,
    history: tty ? loadHistory(historyFile) : [],
    removeHistoryDuplicates: true,
    prompt: ">>> ",
    // Tab asks the daemon, in the session, with the block typed so far (completion.ts).
    ...(tty ? { completer: daemonCompleter(client, () => sessionId, () => buffer) } : {}),
  });
  // One queue of lines for the prompt and for input() (line-source.ts).
  const lines = new LineSource(rl);
  const display = new ReplDisplay(output, { inline: tty ? (options.inlineImages ?? "off") : "off", ...(options.outputDir === undefined ? {} : { outputDir: options.outputDir }) });
  const onInput = answerInput({ rl, lines, tty, output, errors });

  let running: AbortController | undefined;
  let failed = false;
  let exitWith: number | undefined;

  const interrupt = () => {
    if (running) {
      running.abort();
      // What was being typed for input() goes with the interrupted run, as in Python's REPL.
      if (tty) (rl as unknown as { line: string }).line = "";
      return;
    }
    // At the prompt, Ctrl+C drops the line being typed, as Python's REPL does.
    buffer = [];
    if (tty) {
      (rl as unknown as { line: string }).line = "";
      output.write("\nKeyboardInterrupt\n");
      rl.setPrompt(">>> ");
      rl.prompt();
    } else {
      exitWith = 130;
      rl.close();
    }
  };
  rl.on("SIGINT", interrupt);
  process.on("SIGINT", interrupt);

  const show = (result: RunResult) => {
    if (result.stdout && !result.stdout.endsWith("\n") && tty) output.write("\n");
    if (result.status === "exception" && result.error) {
      if (result.error.type === "SystemExit") {
        const exit = exitCode(result.error.message);
        if (exit.print) errors.write(`${exit.print}\n`);
        exitWith = exit.code;
        return;
      }
      failed = true;
      errors.write(result.error.traceback);
    } else if (result.result !== null) {
      output.write(`${result.result}\n`);
    }
    if (result.truncated) {
      const cut = Object.entries(result.truncated).map(([what, n]) => `${n} ${what.replace("_", " ")}`).join(", ");
      errors.write(`[output cut: ${cut}]\n`);
    }
  };

  const execute = async (code: string) => {
    try {
      await sessionReady;
    } catch (error) {
      errors.write(`woma: no Python session: ${errorMessage(error)}\n`);
      failed = true;
      return;
    }
    running = new AbortController();
    // The first import of a package may download it: shown while it happens.
    const progress = new ProgressLine({ output, errors, tty });
    try {
      const runOptions = {
        signal: running.signal,
        onOutput: (stream: string, text: string) => {
          progress.clear();
          (stream === "stdout" ? output : errors).write(text);
        },
        onDisplay: (shown: DisplayOutput) => {
          progress.clear();
          display.show(shown);
        },
        onInput,
        onPackageProgress: (p: PackagesProgressNotification) => progress.update(p),
      };
      if (sessionId === undefined) show(await client.run({ code }, runOptions));
      else {
        const kept = await keeper.run(sessionId, { code }, runOptions);
        if (kept.refusal) errors.write(`woma: session "${sessionId}" ${kept.refusal.cause === "lost" ? "had been lost" : "no longer existed"}; it was started again, so this ran in empty globals\n`);
        show(kept.result);
      }
    } catch (error) {
      failed = true;
      if (isCancelled(error)) {
        errors.write("\nKeyboardInterrupt\n");
      } else {
        errors.write(`woma: ${errorMessage(error)}\n`);
      }
      if (isSessionLost(error) && sessionId) {
        try {
          await (keeper.settled(sessionId) ?? keeper.recover(sessionId));
          errors.write(`woma: session "${sessionId}" was reset; its variables are gone\n`);
        } catch (resetError) {
          errors.write(`woma: could not reset the session: ${errorMessage(resetError)}\n`);
        }
      }
    } finally {
      progress.clear();
      running = undefined;
    }
  };

  const prompt = () => {
    if (!tty || exitWith !== undefined) return;
    rl.setPrompt(buffer.length === 0 ? ">>> " : "... ");
    rl.prompt();
  };

  prompt();
  for (let line = await lines.next(); line !== null; line = await lines.next()) {
    buffer.push(line);
    const source = buffer.join("\n");
    if (buffer.length === 1 && source.trim() === "") {
      buffer = [];
      prompt();
      continue;
    }
    if (buffer.length === 1) {
      // `%pip install ...` and the REPL's other commands (magics.ts).
      const magic = await runMagic(source, { client, sessionId, output, errors, tty });
      if (magic !== false) {
        if (!magic.ok) failed = true;
        buffer = [];
        prompt();
        continue;
      }
    }
    let status: CheckStatus;
    try {
      status = (await client.check(source)).status;
    } catch (error) {
      errors.write(`woma: ${errorMessage(error)}\n`);
      status = "complete";
    }
    if (status === "incomplete") {
      prompt();
      continue;
    }
    buffer = [];
    await execute(source);
    if (exitWith !== undefined) break;
    prompt();
  }
  rl.close();
  process.off("SIGINT", interrupt);
  if (sessionId && !options.session) await keeper.close(sessionId).catch(() => {});
  if (tty) {
    saveHistory(historyFile, (rl as unknown as { history: string[] }).history);
    if (exitWith === undefined) output.write("\n");
  } else if (buffer.length > 0 && exitWith === undefined) {
    // Piped input that ends inside a block: run what there is, as Python does at end of file.
    await execute(buffer.join("\n"));
  }
  if (exitWith !== undefined) return exitWith;
  return !tty && failed ? 1 : 0;
}

function loadHistory(path: string): string[] {
  try {
    // readline keeps the newest entry first.
    return readFileSync(path, "utf8").split("\n").filter(Boolean).reverse().slice(0, HISTORY_LINES);
  } catch {
    return [];
  }
}

function saveHistory(path: string, history: string[]): void {
  try {
    writeFileSync(path, `${[...history].reverse().join("\n")}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience; a read-only home must not break leaving the REPL.
  }
}
