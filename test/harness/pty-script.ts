/** Drives a program in a pty with a script of keys and the texts to wait for, so the same script can run against woma's REPL and against python3's. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startInPty, type PtySession } from "./pty.ts";

/** One step: keys to type, or a text to wait for after what the previous wait found. */
export type PtyStep = { type: string } | { wait: string; timeoutMs?: number };

/**
 * Runs `steps` in order and resolves with what the screen showed from the first step on.
 * Each wait looks after the end of what the previous wait found, so a script reads like a
 * transcript. A wait that times out throws, naming the text and showing the screen.
 */
export async function drive(session: PtySession, steps: PtyStep[]): Promise<string> {
  const start = session.screen().length;
  let position = start;
  for (const step of steps) {
    if ("type" in step) {
      session.type(step.type);
      continue;
    }
    await session.waitForText(step.wait, step.timeoutMs ?? 20_000, position);
    position = session.screen().indexOf(step.wait, position) + step.wait.length;
  }
  return session.screen().slice(start);
}

/**
 * Python's own REPL (`python3 -q`, the reference for how a REPL behaves in a terminal) in a
 * pty, with a home of its own and no start-up file, at its first prompt.
 */
export async function startPython(): Promise<PtySession> {
  const home = mkdtempSync(join(tmpdir(), "woma-python-home-"));
  const python = startInPty(["python3", "-q"], { HOME: home, PYTHONSTARTUP: "", PYTHONHISTFILE: join(home, ".python_history") });
  await python.waitForText(">>> ", 20_000);
  return python;
}
