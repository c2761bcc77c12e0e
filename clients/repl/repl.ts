/** The REPL: Python's `>>>` prompt over the daemon, with the line editor at a terminal and a line at a time from a pipe. */
import { randomBytes } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { errorMessage } from "../../protocol/describe.ts";
import type { CheckStatus, InitializeResult } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { SessionKeeper } from "../shared/session-keeper.ts";
import { nextIndent } from "./auto-indent.ts";
import { daemonCompleter } from "./completion.ts";
import { ReplDisplay, type InlineImages } from "./display.ts";
import { announceFirstStart } from "./first-start.ts";
import { History } from "./history.ts";
import { pipedInput, terminalInput } from "./input.ts";
import { LineEditor } from "./line-editor.ts";
import { LineSource } from "./line-source.ts";
import { runMagic } from "./magics.ts";
import { abortable, Interrupted, ReplRuns, type ReplSink } from "./repl-runs.ts";
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, TerminalKeys, type TerminalInput } from "./terminal-keys.ts";
import { TerminalScreen, type TerminalOutput } from "./terminal-screen.ts";

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
  /** The daemon lives in this process (the banner leaves out what its log already said). */
  embedded: boolean;
  input?: TerminalInput;
  output?: TerminalOutput & NodeJS.WritableStream;
  errorOutput?: TerminalOutput & NodeJS.WritableStream;
  /** File holding the history (default ~/.woma_history); only used on a terminal. */
  historyFile?: string;
  /** Where images a run displays are written (`--output-dir`); default: a new temporary directory. */
  outputDir?: string;
  /** Draw images in the terminal too, with kitty's or iTerm2's protocol (`--inline-images`); default off. */
  inlineImages?: InlineImages;
}

/** Everything one REPL shares between its loop and its runs. */
interface Repl {
  client: DaemonClient;
  options: ReplOptions;
  sessionId: string | undefined;
  runs: ReplRuns;
  sink: ReplSink;
  tty: boolean;
}

/** A daemon speaking protocol 1.2 or later streams output past the cap when asked (`stream_all_output`). */
function streamsAll(hello: InitializeResult): boolean {
  const [major, minor] = hello.protocol_version.split(".").map(Number);
  return major! > 1 || (major === 1 && minor! >= 2);
}

/**
 * Runs the REPL until Ctrl+D, end of input, `exit()` or a bare `exit`/`quit` at the prompt,
 * and returns the exit code. On a terminal it prompts with `>>> ` and `... ` and edits with
 * the line editor; with piped input it prints no prompts, runs each complete statement as it
 * arrives, and returns 1 if any of them failed.
 */
export async function runRepl(client: DaemonClient, options: ReplOptions): Promise<number> {
  const input = options.input ?? (process.stdin as TerminalInput);
  const output = options.output ?? process.stdout;
  const errors = options.errorOutput ?? process.stderr;
  const tty = Boolean(input.isTTY && output.isTTY);

  // A named session must outlive this connection, so it lives in a named tenant (all REPLs of
  // this user share "repl" unless told otherwise); otherwise the REPL is a tenant of its own.
  const tenant = options.tenant ?? (options.session ? REPL_TENANT : undefined);
  const hello = await client.initialize("woma-repl", tenant);
  await announceFirstStart(client, { tty: tty && Boolean(errors.isTTY), err: (text) => errors.write(text), columns: () => errors.columns || 80 });

  const keeper = new SessionKeeper(client, { createParams: () => ({}) });
  const sessionId = options.resetGlobals ? undefined : (options.session ?? `repl-${randomBytes(4).toString("hex")}`);
  const sessionReady = sessionId === undefined ? Promise.resolve() : keeper.ensure(sessionId);
  sessionReady.catch(() => {}); // reported when the first input needs it

  const code = tty
    ? await terminalRepl(client, options, hello, { keeper, sessionId, sessionReady, input, output, errors })
    : await pipedRepl(client, options, { keeper, sessionId, sessionReady, input, output, errors });
  if (sessionId && !options.session) await keeper.close(sessionId).catch(() => {});
  return code;
}

interface ReplParts {
  keeper: SessionKeeper;
  sessionId: string | undefined;
  sessionReady: Promise<unknown>;
  input: TerminalInput;
  output: TerminalOutput & NodeJS.WritableStream;
  errors: TerminalOutput & NodeJS.WritableStream;
}

/** The REPL at a terminal: the banner, then inputs read with the line editor until the person leaves. */
async function terminalRepl(client: DaemonClient, options: ReplOptions, hello: InitializeResult, parts: ReplParts): Promise<number> {
  const screen = new TerminalScreen(parts.output, parts.errors);
  const editor = new LineEditor(screen);
  const sink: ReplSink = { out: (text) => editor.write(text), err: (text) => editor.write(text, true), atLineStart: () => screen.column === 0 };
  const v = hello.server;
  sink.out(`woma ${v.woma} · Python ${v.python ?? "3"} on Pyodide ${v.pyodide} · isolation: ${hello.isolation.level}\n`);
  // An embedded daemon has logged why it runs at process isolation just before; a daemon elsewhere has not.
  if (hello.isolation.level === "process" && !options.embedded) sink.out(`(${hello.isolation.detail})\n`);
  sink.out(`Ctrl+C interrupts a running command, Ctrl+D or exit() leaves.${options.resetGlobals ? " Every input runs in fresh globals." : ""}\n`);

  // The stage the last Enter started (a magic, the completeness check, the wait for a runner, the run), and what Ctrl+D meant meanwhile.
  let stage: AbortController | undefined;
  let endOfInput = false;
  const interrupt = () => stage?.abort();
  editor.whileBusy({ interrupt, endOfInput: () => (endOfInput = true) });
  const keys = new TerminalKeys(parts.input, (event) => editor.key(event));
  const takeTerminal = () => {
    keys.start();
    parts.output.write(BRACKETED_PASTE_ON);
  };
  const giveTerminal = () => {
    parts.output.write(BRACKETED_PASTE_OFF);
    keys.stop();
  };
  editor.onSuspend = () => {
    giveTerminal();
    process.once("SIGCONT", takeTerminal);
    process.kill(process.pid, "SIGTSTP");
  };
  const onResize = () => editor.resized();
  parts.output.on?.("resize", onResize);
  // A SIGINT from outside (kill -INT) interrupts as Ctrl+C does.
  const onSigint = () => editor.key({ kind: "key", name: "c", sequence: "\x03", ctrl: true, meta: false, shift: false });
  process.on("SIGINT", onSigint);
  takeTerminal();

  let buffer: string[] = [];
  const runs = new ReplRuns({
    client,
    keeper: parts.keeper,
    sessionId: parts.sessionId,
    sessionReady: parts.sessionReady,
    display: new ReplDisplay({ write: (text: string) => sink.out(text) }, { inline: options.inlineImages ?? "off", ...(options.outputDir === undefined ? {} : { outputDir: options.outputDir }) }),
    sink,
    tty: true,
    streamAll: streamsAll(hello),
    onInput: terminalInput({
      editor,
      takeEndOfInput: () => {
        const was = endOfInput;
        endOfInput = false;
        return was;
      },
      interrupt,
    }),
  });
  const repl: Repl = { client, options, sessionId: parts.sessionId, runs, sink, tty: true };
  const historyFile = options.historyFile ?? join(homedir(), ".woma_history");
  const history = History.load(historyFile);
  const complete = daemonCompleter(client, () => parts.sessionId, () => buffer);

  try {
    while (runs.exitWith === undefined) {
      // A Ctrl+D that came during the last command was for it; the prompt starts afresh.
      endOfInput = false;
      const read = await editor.read({ prompt: buffer.length === 0 ? ">>> " : "... ", indent: nextIndent(buffer), history, complete, multiline: true });
      if (read.kind === "interrupt") {
        buffer = [];
        sink.err("\nKeyboardInterrupt\n");
        continue;
      }
      if (read.kind !== "line") {
        // Ctrl+D: at >>> it leaves; in a block it ends the block, as Python's REPL does.
        if (buffer.length === 0) break;
      }
      const entered = read.kind === "line" ? read.text : "";
      const lines = entered.split("\n");
      if (buffer.length === 0 && lines.length === 1) {
        if (entered.trim() === "") continue;
        // Python 3.13's REPL leaves on a bare exit or quit, as on exit().
        if (entered.trim() === "exit" || entered.trim() === "quit") break;
      }
      // A line of nothing but indentation ends a block, like an empty one.
      buffer.push(...(lines.length === 1 && entered.trim() === "" ? [""] : lines));
      stage = new AbortController();
      const source = buffer.join("\n");
      try {
        const status = read.kind === "line" ? await decide(repl, buffer, lines.length > 1, stage.signal) : "complete";
        if (status === "incomplete") continue;
        history.add(source);
        buffer = [];
        if (status === "magic") continue;
        await runs.execute(source, stage.signal);
      } catch (error) {
        if (!(error instanceof Interrupted)) throw error;
        // Ctrl+C after Enter, before the run started: nothing runs, as if the input had never been entered.
        buffer = [];
        sink.err(`${screen.column === 0 ? "" : "\n"}KeyboardInterrupt\n`);
      } finally {
        stage = undefined;
      }
    }
  } finally {
    giveTerminal();
    parts.output.off?.("resize", onResize);
    process.off("SIGINT", onSigint);
    history.save(historyFile);
  }
  return runs.exitWith ?? 0;
}

/**
 * What to do with the block entered so far: a REPL command (`%pip ...`) run now; more lines
 * needed; or run it. A block that arrived whole (pasted, or recalled from the history) is
 * complete when it compiles as it stands, blank lines inside and all, as in Python's REPL.
 */
async function decide(repl: Repl, buffer: string[], whole: boolean, signal: AbortSignal): Promise<CheckStatus | "magic"> {
  const source = buffer.join("\n");
  if (buffer.length === 1) {
    const gate = gated(repl.sink, signal);
    const magic = await abortable(runMagic(source, { client: repl.client, sessionId: repl.sessionId, output: gate.out, errors: gate.err, tty: repl.tty, signal }), signal);
    if (magic !== false) {
      if (!magic.ok) repl.runs.failed = true;
      return "magic";
    }
  }
  try {
    return (await abortable(repl.client.check(whole ? `${source}\n` : source), signal)).status;
  } catch (error) {
    if (error instanceof Interrupted) throw error;
    repl.sink.err(`woma: ${errorMessage(error)}\n`);
    return "complete";
  }
}

/** Writers that fall silent once `signal` aborts: a command interrupted at the prompt may still be finishing. */
function gated(sink: ReplSink, signal: AbortSignal) {
  return {
    out: { write: (text: string) => signal.aborted || sink.out(text) },
    err: { write: (text: string) => signal.aborted || sink.err(text) },
  };
}

/** The REPL reading a pipe: no prompts, each complete statement run as it arrives, exit status 1 if any failed. */
async function pipedRepl(client: DaemonClient, options: ReplOptions, parts: ReplParts): Promise<number> {
  const rl = createInterface({ input: parts.input, terminal: false });
  const lines = new LineSource(rl);
  const sink: ReplSink = { out: (text) => void parts.output.write(text), err: (text) => void parts.errors.write(text), atLineStart: () => true };
  const runs = new ReplRuns({
    client,
    keeper: parts.keeper,
    sessionId: parts.sessionId,
    sessionReady: parts.sessionReady,
    display: new ReplDisplay(parts.output, { inline: "off", ...(options.outputDir === undefined ? {} : { outputDir: options.outputDir }) }),
    sink,
    tty: false,
    streamAll: true,
    onInput: pipedInput(lines, parts.output, parts.errors),
  });
  const repl: Repl = { client, options, sessionId: parts.sessionId, runs, sink, tty: false };
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    rl.close();
  };
  process.on("SIGINT", onSigint);
  let buffer: string[] = [];
  const never = new AbortController().signal;
  try {
    for (let line = await lines.next(); line !== null && runs.exitWith === undefined; line = await lines.next()) {
      buffer.push(line);
      if (buffer.length === 1 && line.trim() === "") {
        buffer = [];
        continue;
      }
      const status = await decide(repl, buffer, false, never);
      if (status === "incomplete") continue;
      const source = buffer.join("\n");
      buffer = [];
      if (status !== "magic") await runs.execute(source, never);
    }
    // Piped input that ends inside a block: run what there is, as Python does at end of file.
    if (buffer.length > 0 && runs.exitWith === undefined && !interrupted) await runs.execute(buffer.join("\n"), never);
  } finally {
    process.off("SIGINT", onSigint);
    rl.close();
  }
  if (interrupted) return 130;
  if (runs.exitWith !== undefined) return runs.exitWith;
  return runs.failed ? 1 : 0;
}
