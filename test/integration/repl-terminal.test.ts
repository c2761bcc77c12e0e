/**
 * The REPL at a terminal where it meets a person's habits: Ctrl+D and Ctrl+C at every stage,
 * output before input(), keys that arrive together, pasted and recalled blocks, auto-indent,
 * output past --max-output, and the first start. Each drives `woma` in a real pty; where
 * python3's own REPL is the reference, the same keys go to it in the same kind of pty.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWheel, MirrorServer, writeLockMirror } from "../harness/package-mirror.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "../harness/paths.ts";
import { startInPty, type PtySession } from "../harness/pty.ts";
import { drive, startPython, type PtyStep } from "../harness/pty-script.ts";

const ENTRY = join(REPO_ROOT, "cli", "main.ts");
const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";

/** A woma REPL in a pty, with a home of its own, at its first prompt. */
async function startWoma(args: string[] = [], cacheDir = testCacheDir()): Promise<{ repl: PtySession; home: string }> {
  const home = mkdtempSync(join(tmpdir(), "woma-home-"));
  const repl = startInPty([process.execPath, ENTRY, "--pyodide-cache", cacheDir, ...args], { HOME: home });
  await repl.waitForText(">>> ", 60_000);
  return { repl, home };
}

describe("the REPL in a terminal, beside python3 in one", () => {
  let woma: PtySession;
  let home: string;
  const pythons: PtySession[] = [];
  beforeAll(async () => {
    ({ repl: woma, home } = await startWoma(["--max-output", "20000"]));
  });
  afterAll(() => {
    woma?.close();
    for (const python of pythons) python.close();
  });

  /** Runs the same steps in woma and in a fresh python3; resolves with both transcripts. */
  const both = async (steps: PtyStep[]) => {
    const python = await startPython();
    pythons.push(python);
    return { woma: await drive(woma, steps), python: await drive(python, steps) };
  };

  test("Ctrl+D at an input() prompt is EOFError in the program; the REPL and its variables stay", async () => {
    const { woma: shown, python } = await both([
      { type: "kept = 41\r" },
      { wait: ">>> " },
      { type: 'input("p: ")\r' },
      { wait: "p: " },
      { type: "\x04" },
      { wait: "EOFError" },
      { wait: ">>> " },
      { type: "kept + 1\r" },
      { wait: "42\n>>> " },
    ]);
    for (const transcript of [shown, python]) expect(transcript).toMatch(/p: \n?Traceback \(most recent call last\):\n {2}File "<[a-z]+>", line 1, in <module>\nEOFError/);
    expect(woma.process.exitCode).toBeNull();
  });

  test("output printed before input() shows before its prompt, as python3 shows it", async () => {
    const steps: PtyStep[] = [
      { type: 'print("Enter your name:"); name = input("> ")\r' },
      { wait: "> " },
      { type: "Ada\r" },
      { wait: ">>> " },
      { type: 'print("partial", end=""); age = input("? ")\r' },
      { wait: "? " },
      { type: "36\r" },
      { wait: ">>> " },
      { type: "name, age\r" },
      { wait: "('Ada', '36')" },
    ];
    const { woma: shown, python } = await both(steps);
    for (const transcript of [shown, python]) {
      expect(transcript).toContain('name = input("> ")\nEnter your name:\n> Ada\n>>> ');
      expect(transcript).toContain('age = input("? ")\npartial? 36\n>>> ');
    }
  });

  test("Tab Tab arriving in one read completes, then lists the candidates, as python3's readline does", async () => {
    const steps: PtyStep[] = [{ type: "import os\r" }, { wait: ">>> " }, { type: "os.pa\t\t" }, { wait: "pardir" }, { type: "\x15impo\t" }, { wait: "import" }, { type: "\x15" }];
    const { woma: shown, python } = await both(steps);
    for (const transcript of [shown, python]) {
      const listing = transcript.slice(transcript.indexOf("os.pa"));
      for (const name of ["pardir", "path", "pathsep"]) expect(listing).toContain(name);
    }
    // Nothing typed went in as a literal tab.
    expect(shown).not.toContain("\t");
    await drive(woma, [{ type: "\r" }, { wait: ">>> " }]);
  });

  test("Ctrl+D at a ... prompt ends the block and runs it, as in python3; only at >>> does it leave", async () => {
    const steps: PtyStep[] = [{ type: "if True:\r" }, { wait: "... " }, { type: "    in_block = 3\r" }, { wait: "... " }, { type: "\x04" }, { wait: ">>> " }, { type: "in_block\r" }, { wait: "3\n>>> " }];
    const { woma: shown, python } = await both(steps);
    for (const transcript of [shown, python]) expect(transcript).toContain("in_block\n3\n>>> ");
  });

  test("Ctrl+D while a command runs keeps the REPL: the command's next input() gets EOFError", async () => {
    const shown = await drive(woma, [
      { type: "kept = 'still here'\r" },
      { wait: ">>> " },
      { type: 'import time; print("sleep" + "ing"); time.sleep(1.5); answer = input("q: ")\r' },
      { wait: "sleeping" },
      { type: "\x04" },
      { wait: "EOFError" },
      { wait: ">>> " },
      // A Ctrl+D during a command that reads nothing is dropped when it ends.
      { type: 'print("sleep" + "ing again"); time.sleep(1)\r' },
      { wait: "sleeping again" },
      { type: "\x04" },
      { wait: ">>> " },
      { type: "kept\r" },
      { wait: "'still here'\n>>> " },
    ]);
    expect(shown).not.toContain("readline was closed");
    expect(woma.process.exitCode).toBeNull();
  });

  test("a bracketed paste of a block with blank lines inside is one input; Enter runs it", async () => {
    const block = "def scaled(x):\r    y = x + 1\r\r    return y * 2\r\r\rprint('pasted', scaled(3))\r";
    const shown = await drive(woma, [{ type: `${PASTE_START}${block}${PASTE_END}` }, { type: "\r" }, { wait: "pasted 8\n>>> " }]);
    expect(shown).not.toContain("outside function");
    expect(shown).not.toContain("IndentationError");
  });

  test("a compile error shows its line and caret, as CPython's REPL does ('return' outside function)", async () => {
    const shown = await drive(woma, [{ type: `${PASTE_START}x = 1\r\rreturn x${PASTE_END}\r` }, { wait: "SyntaxError: 'return' outside function" }, { wait: ">>> " }]);
    expect(shown).toContain('  File "<exec>", line 3\n    return x\n    ^^^^^^^^\nSyntaxError');
  });

  test("after a line ending in ':' the next one is indented; indentation typed there takes its place", async () => {
    const shown = await drive(woma, [
      { type: "for i in range(2):\r" },
      { wait: "...     " },
      { type: "print(i * 10)\r" },
      { wait: "...     " },
      { type: "\r" },
      { wait: ">>> " },
      // Typed indentation (spaces or a Tab) replaces the auto-indent, so a block typed the old way works too.
      { type: "def typed():\r" },
      { wait: "... " },
      { type: "\tfirst = 1\r" },
      { wait: "... " },
      { type: "    return first + 1\r" },
      { wait: "... " },
      { type: "\r" },
      { wait: ">>> " },
      { type: "typed()\r" },
      { wait: "2\n>>> " },
    ]);
    expect(shown).toContain("0\n10\n>>> ");
    expect(shown).not.toContain("IndentationError");
  });

  test("the history recalls a block as a block: Up brings the whole def back, Enter runs it", async () => {
    const shown = await drive(woma, [
      { type: "def seven():\r" },
      { wait: "... " },
      { type: "return 7\r" },
      { wait: "... " },
      { type: "\r" },
      { wait: ">>> " },
      { type: "seven = None\r" },
      { wait: ">>> " },
      // Up: "seven = None"; Up again: the def, whole (a line at a time it would be "    return 7").
      { type: "\x1b[A" },
      { wait: "seven = None" },
      { type: "\x1b[A" },
      { wait: "return 7" },
      { type: "\r" },
      { wait: ">>> " },
      { type: "seven()\r" },
      { wait: "7\n>>> " },
    ]);
    expect(shown).not.toContain("IndentationError");
  });

  test("the screen gets all the output, past --max-output (which bounds what a result keeps)", async () => {
    const shown = await drive(woma, [{ type: "for i in range(5000): print(i)\r" }, { wait: "... " }, { type: "\r" }, { wait: "4999\n>>> " }]);
    expect(shown).toContain("\n2500\n");
    expect(shown).not.toContain("output cut");
  });

  test("a bare exit leaves with status 0, and the history keeps blocks whole in python's format", async () => {
    woma.type("exit\r");
    expect(await woma.process.exited).toBe(0);
    const history = readFileSync(join(home, ".woma_history"), "utf8");
    expect(history).toContain("def seven():\r\n    return 7\n");
  });
});

describe("Ctrl+C between Enter and the start of the run", () => {
  const started: PtySession[] = [];
  afterAll(() => {
    for (const repl of started) repl.close();
  });

  // A fresh REPL shows its prompt before its first runner is ready: an input entered at once
  // waits for the completeness check and the runner, which is when this Ctrl+C lands.
  test("cancels the run for good: what it would print never shows", async () => {
    const { repl } = await startWoma();
    started.push(repl);
    const shown = await drive(repl, [
      { type: 'import time; time.sleep(1); print("first" + "-finished")\r' },
      { type: "\x03" },
      { wait: "KeyboardInterrupt" },
      { wait: ">>> " },
      // Runs of a session go in order: had the first one run, it would have printed before this.
      { type: 'print("after" + "wards")\r' },
      { wait: "afterwards\n>>> " },
    ]);
    expect(shown).not.toContain("first-finished");
  });

  test("an input() cancelled this way does not take the next line typed", async () => {
    const { repl } = await startWoma();
    started.push(repl);
    await drive(repl, [
      { type: 'y = input("p: ")\r' },
      { type: "\x03" },
      { wait: "KeyboardInterrupt" },
      { wait: ">>> " },
      { type: "z = 5\r" },
      { wait: ">>> " },
      { type: "z, 'y' in globals()\r" },
      { wait: "(5, False)\n>>> " },
      { type: "quit\r" },
    ]);
    expect(await repl.process.exited).toBe(0);
  });
});

test("at process isolation the banner says why once, not again in a log line", async () => {
  const { repl } = await startWoma(["--isolation", "process"]);
  try {
    const screen = repl.screen();
    expect(screen).toContain("isolation: process");
    expect(screen.split("process isolation was requested (--isolation process)").length - 1).toBe(1);
  } finally {
    repl.close();
  }
});

describe("Ctrl+C during %pip install", () => {
  let mirror: MirrorServer;
  let held: ReturnType<typeof Bun.serve> | undefined;
  afterAll(() => {
    mirror?.stop();
    void held?.stop(true);
  });

  test("cancels the install: nothing gets installed, even once the download has finished", async () => {
    const wheel = buildWheel({ name: "woma-held", version: `1.0.${Date.now() % 1_000_000}` });
    const dir = mkdtempSync(join(tmpdir(), "woma-held-mirror-"));
    writeLockMirror(dir, []);
    mirror = MirrorServer.start({ mirrorDir: dir, index: { "woma-held": [wheel] } });
    // The index goes through a door that holds the wheel's download until the test lets it go.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    held = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      async fetch(request) {
        const { pathname, search } = new URL(request.url);
        if (pathname.startsWith("/files/")) {
          asked = true;
          await released;
        }
        return fetch(`http://127.0.0.1:${mirror.port}${pathname}${search}`, { headers: request.headers });
      },
    });
    const { repl } = await startWoma(["--packages-url", mirror.url, "--pypi-index", `http://127.0.0.1:${held.port}/simple/`]);
    try {
      repl.type("%pip install woma-held\r");
      await waitFor("the wheel's download to start", () => asked, 30_000);
      await drive(repl, [{ type: "\x03" }, { wait: "KeyboardInterrupt" }, { wait: ">>> " }]);
      release();
      // Once the download is in the cache the daemon has the install in hand: cancelled, it must install nothing.
      // (Kept by its file name, or by its sha256 in a content-addressed cache.)
      await waitFor("the wheel in the package cache", () => findFile(join(testCacheDir(), "packages"), [wheel.fileName, wheel.sha256]), 30_000);
      const shown = await drive(repl, [{ type: "%pip list\r" }, { wait: "more load on import" }, { wait: ">>> " }, { type: "import woma_held\r" }, { wait: ">>> " }]);
      expect(shown).toContain("No packages installed with %pip yet.");
      expect(shown).toContain("ModuleNotFoundError: No module named 'woma_held'");
    } finally {
      repl.close();
    }
  });
});

/** True when a file named by one of `names` is somewhere under `dir`. */
function findFile(dir: string, names: string[]): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).some((path) => names.some((name) => path.endsWith(name)));
}

describe("the first start, with an empty cache", () => {
  test("says at once what it is doing, while it does it, then gives the prompt; 1+1 answers", async () => {
    const cache = mkdtempSync(join(tmpdir(), "woma-empty-cache-"));
    const home = mkdtempSync(join(tmpdir(), "woma-home-"));
    const repl = startInPty([process.execPath, ENTRY, "--pyodide-cache", cache], { HOME: home });
    try {
      await repl.waitForText("first start: building the Python snapshot", 30_000);
      // Said while the snapshot is still being built, before any prompt.
      const snapshots = join(cache, "snapshots");
      expect(existsSync(snapshots) ? readdirSync(snapshots).filter((name) => name.endsWith(".snapshot")) : []).toEqual([]);
      expect(repl.screen()).not.toContain(">>> ");
      await repl.waitForText("woma: built the Python snapshot", 180_000);
      await repl.waitForText(">>> ", 30_000);
      const shown = await drive(repl, [{ type: "1+1\r" }, { wait: "2\n>>> " }]);
      expect(shown).toContain("1+1\n2\n>>> ");
    } finally {
      repl.close();
    }
  }, 240_000);
});
