/** The REPL's images, Tab completion, input() and getpass, and file commands, in a real pseudo-terminal and with piped input. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture } from "../harness/fixtures.ts";
import { REPO_ROOT, testCacheDir } from "../harness/paths.ts";
import { startInPty, type PtySession } from "../harness/pty.ts";

const ENTRY = join(REPO_ROOT, "cli", "main.ts");

describe("the REPL in a terminal", () => {
  let repl: PtySession;
  const home = mkdtempSync(join(tmpdir(), "woma-home-"));
  const outputs = join(mkdtempSync(join(tmpdir(), "woma-out-")), "images");
  const work = mkdtempSync(join(tmpdir(), "woma-cwd-"));
  beforeAll(async () => {
    repl = startInPty([process.execPath, ENTRY, "--pyodide-cache", testCacheDir(), "--output-dir", outputs, "--inline-images", "kitty"], { HOME: home });
    await repl.waitForText(">>> ", 30_000);
  });
  afterAll(() => repl?.close());

  /** Types `keys` and waits for `expected` after the current end of the screen. */
  const type = async (keys: string, expected: string, timeoutMs = 15_000) => {
    const from = repl.screen().length;
    repl.type(keys);
    await repl.waitForText(expected, timeoutMs, from);
    return from;
  };

  test("a PNG made with zlib and struct, shown through _repr_png_, is written to --output-dir and its path printed (and drawn inline)", async () => {
    // The fixture's definitions, one line each, so the REPL takes them as one block apiece.
    await type(`exec(${JSON.stringify(fixture("stdlib_png.py"))})\r`, "\n>>> ");
    const from = await type("Swatch(9, 4)\r", "Swatch(9x4)\n>>> ");
    const line = /\[image\/png 9x4 saved to (\S+)\]/.exec(repl.screen().slice(from));
    expect(line).not.toBeNull();
    expect(line![1]!.startsWith(outputs)).toBe(true);
    expect(readFileSync(line![1]!).subarray(1, 4).toString()).toBe("PNG");
    // kitty's graphics protocol, asked for with --inline-images kitty.
    expect(repl.screen().slice(from)).toContain("\x1b_Gf=100,a=T,m=0;");
  });

  test("display() of text prints it", async () => {
    await type("display('shown'); print('printed')\r", "'shown'\nprinted\n>>> ");
  });

  test("Tab completes through the daemon: a keyword, a module, a method of a literal, a name of the session", async () => {
    await type("impo\t", "import");
    await type(" o\t\t", "os");
    repl.type("\x15"); // Ctrl+U drops the line
    await type('"abc".up\t', "upper");
    await type("()\r", "'ABC'\n>>> ");
    await type("long_variable_name = 1\r", "= 1\n>>> ");
    await type("long_var\t", "long_variable_name");
    await type("\r", "\n1\n>>> ");
  });

  test("Tab on an empty line indents, as in Python's REPL", async () => {
    await type("if True:\r", "... ");
    await type("\tx_indented = 5\r", "... ");
    await type("\r", ">>> ");
    await type("x_indented\r", "5\n>>> ");
  });

  test("input() is answered from the terminal", async () => {
    // The prompt is built at run time, so the echo of the typed line does not already show it.
    await type("name = input('Na' + 'me? ')\r", "Name? ");
    await type("Ada\r", "Ada\n>>> ");
    await type("name\r", "'Ada'\n>>> ");
  });

  test("getpass hides what is typed, and it stays out of the history", async () => {
    await type("import getpass; pw = getpass.getpass('Pass' + 'word: ')\r", "Password: ");
    const from = await type("hunter2\r", "\n>>> ");
    expect(repl.screen().slice(from)).not.toContain("hunter2");
    await type("len(pw)\r", "7\n>>> ");
  });

  test("Ctrl+C while input() waits interrupts the run; the session keeps its state", async () => {
    await type("kept = 'yes'\r", "'yes'\n>>> ");
    await type("input('wait' + 'ing: ')\r", "waiting: ");
    repl.type("half-typed");
    await type("\x03", "KeyboardInterrupt\n>>> ");
    await type("kept\r", "'yes'\n>>> ");
  });

  test("%upload, %ls and %download move files between this machine and the session", async () => {
    const local = join(work, "local.txt");
    writeFileSync(local, "from the host\n");
    await type(`%upload ${local} data.txt\r`, "bytes)\n>>> ");
    expect(repl.screen()).toContain(`uploaded ${local} to data.txt (14 bytes)`);
    await type("open('data.txt').read()\r", "'from the host\\n'\n>>> ");
    await type("open('made.txt', 'w').write('from python')\r", "11\n>>> ");
    await type("%ls\r", "made.txt\n>>> ");
    const back = join(work, "back.txt");
    await type(`%download made.txt ${back}\r`, "bytes)\n>>> ");
    expect(readFileSync(back, "utf8")).toBe("from python");
    await type("%download ../etc/passwd\r", "leaves the session's working directory\n>>> ");
    await type("%frobnicate\r", "unknown command %frobnicate");
  });

  test("Ctrl+D leaves; the password was never written to the history", async () => {
    repl.type("\x04");
    expect(await repl.process.exited).toBe(0);
    const history = readFileSync(join(home, ".woma_history"), "utf8");
    expect(history).toContain("getpass.getpass");
    expect(history).not.toContain("hunter2");
    expect(history).not.toContain("Ada\n");
  });
});

describe("the REPL with piped input", () => {
  const pipe = async (input: string, args: string[] = [], cwd?: string) => {
    const proc = Bun.spawn([process.execPath, ENTRY, "--pyodide-cache", testCacheDir(), ...args], { stdin: new TextEncoder().encode(input), stdout: "pipe", stderr: "pipe", ...(cwd ? { cwd } : {}) });
    const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    return { stdout, stderr, code };
  };

  test("input() takes the next line of the input, as python does when piped", async () => {
    expect(await pipe("x = input('Name? ')\nAda\nprint('hi', x)\n")).toEqual({ stdout: "Name? hi Ada\n", stderr: "", code: 0 });
  });

  test("input() at the end of the input raises EOFError, which fails the run", async () => {
    const { stderr, code } = await pipe("input()\n");
    expect(stderr).toContain("EOFError: EOF when reading a line");
    expect(code).toBe(1);
  });

  test("images go to a new temporary directory by default, and the path is printed", async () => {
    const { stdout } = await pipe(`exec(${JSON.stringify(fixture("stdlib_png.py"))})\ndisplay(Swatch(2, 2))\n`);
    const path = /saved to (\S+)\]/.exec(stdout)![1]!;
    expect(path.startsWith(tmpdir())).toBe(true);
    expect(existsSync(path)).toBe(true);
  });
});
