/** The REPL as a person uses it: in a real pseudo-terminal, and with piped input. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, testCacheDir } from "../harness/paths.ts";
import { startInPty, type PtySession } from "../harness/pty.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const ENTRY = join(REPO_ROOT, "cli", "main.ts");

describe("the REPL in a terminal", () => {
  let repl: PtySession;
  const home = mkdtempSync(join(tmpdir(), "woma-home-"));
  beforeAll(async () => {
    repl = startInPty([process.execPath, ENTRY, "--pyodide-cache", testCacheDir()], { HOME: home });
    await repl.waitForText(">>> ", 30_000);
  });
  afterAll(() => repl?.close());

  /** Types a line and waits for the text it should produce after the current end of the screen. */
  const enter = async (line: string, expected: string, timeoutMs = 15_000) => {
    const from = repl.screen().length;
    repl.type(`${line}\r`);
    await repl.waitForText(expected, timeoutMs, from);
  };

  test("the banner names Python, Pyodide and the isolation level", () => {
    expect(repl.screen()).toMatch(/woma \d+\.\d+\.\d+ · Python 3\.\d+\.\d+ on Pyodide \d+\.\d+\.\d+ · isolation: (namespace|process)/);
  });

  test("1+1 prints 2", async () => {
    await enter("1+1", "2\r\n>>> ".replace(/\r/g, ""));
  });

  test("a multi-line def gets ... prompts and works", async () => {
    await enter("def double(x):", "... ");
    await enter("    return x * 2", "... ");
    await enter("", ">>> ");
    await enter("double(21)", "42");
  });

  test("Ctrl+C during a runaway loop returns to the prompt and keeps the session", async () => {
    await enter("kept = 'still here'", ">>> ");
    const from = repl.screen().length;
    // One line that prints before it spins, so the test sees the loop has started.
    repl.type(`exec("print('spin' + 'ning', flush=True)\\nwhile True: pass")\r`);
    await repl.waitForText("spinning", 10_000, from);
    repl.type("\x03");
    await repl.waitForText("KeyboardInterrupt", 10_000, from);
    await repl.waitForText(">>> ", 10_000, from);
    await enter("kept", "'still here'");
  });

  test("Ctrl+C at the prompt drops the line being typed", async () => {
    const from = repl.screen().length;
    repl.type("this is not python");
    repl.type("\x03");
    await repl.waitForText("KeyboardInterrupt", 10_000, from);
    await enter("6*7", "42");
  });

  test("a traceback prints as CPython prints it", async () => {
    await enter("1/0", "ZeroDivisionError: division by zero");
    expect(repl.screen()).toContain('Traceback (most recent call last):\n  File "<exec>", line 1, in <module>');
  });

  test("Ctrl+D leaves, exit status 0, and the history is saved", async () => {
    repl.type("\x04");
    expect(await repl.process.exited).toBe(0);
    expect(readFileSync(join(home, ".woma_history"), "utf8")).toContain("double(21)");
  });
});

describe("the REPL attached to a running daemon", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket" });
  });
  afterAll(async () => {
    await daemon?.stop();
  });
  const attach = async (input: string, args: string[] = []) => {
    const proc = Bun.spawn([process.execPath, ENTRY, "--connect", daemon.socketPath!, ...args], { stdin: new TextEncoder().encode(input), stdout: "pipe", stderr: "pipe" });
    const [stdout, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
    return { stdout, code };
  };

  test("--session NAME comes back to the same variables in a later REPL", async () => {
    expect((await attach("x = 41\n", ["--session", "work"])).code).toBe(0);
    expect(await attach("x + 1\n", ["--session", "work"])).toEqual({ stdout: "42\n", code: 0 });
  });

  test("a REPL without --session closes its own session when it leaves", async () => {
    const before = (await daemon.client.listSessions()).sessions.length;
    expect((await attach("y = 1\nprint(y)\n")).stdout).toBe("1\n");
    expect((await daemon.client.listSessions()).sessions.length).toBe(before);
  });
});

describe("the REPL with piped input", () => {
  const pipe = async (input: string, args: string[] = []) => {
    const proc = Bun.spawn([process.execPath, ENTRY, "--pyodide-cache", testCacheDir(), ...args], { stdin: new TextEncoder().encode(input), stdout: "pipe", stderr: "pipe" });
    const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    return { stdout, stderr, code };
  };

  test("printf 'x=6\\nprint(x*7)\\n' | woma prints 42 and exits 0", async () => {
    expect(await pipe("x=6\nprint(x*7)\n")).toEqual({ stdout: "42\n", stderr: "", code: 0 });
  });

  test("a failing line prints its traceback to stderr, later lines still run, and the exit status is 1", async () => {
    const { stdout, stderr, code } = await pipe("1/0\nprint('after')\n");
    expect(stderr).toContain("ZeroDivisionError");
    expect(stdout).toBe("after\n");
    expect(code).toBe(1);
  });

  test("what is printed before input() comes before its prompt, as python prints it to a pipe", async () => {
    const { stdout, code } = await pipe('print("Enter your name:"); name = input("> ")\nAda\nprint("hi", name)\n');
    expect({ stdout, code }).toEqual({ stdout: "Enter your name:\n> hi Ada\n", code: 0 });
  });

  test("exit(3) leaves with status 3", async () => {
    expect((await pipe("print('bye')\nexit(3)\nprint('never')\n")).code).toBe(3);
  });

  test("--reset-globals runs every input in fresh globals", async () => {
    const { stdout, stderr } = await pipe("x = 1\nprint('x' in globals())\n", ["--reset-globals"]);
    expect(stdout).toBe("False\n");
    expect(stderr).toBe("");
  });
});
