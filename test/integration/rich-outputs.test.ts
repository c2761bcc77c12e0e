/**
 * Display outputs, session files, completion and input() against the real daemon, real
 * runners and the real Pyodide, over the JSON-RPC client every other client builds on.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DisplayOutput } from "../../protocol/generated/types.ts";
import { utf16Index } from "../../protocol/code-points.ts";
import { WomaErrorCodes, JsonRpcErrorCodes } from "../../protocol/error-codes.ts";
import { rejection as expectError } from "../harness/expect-error.ts";
import { fixture } from "../harness/fixtures.ts";
import { REPO_ROOT } from "../harness/paths.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const PNG_SIGNATURE = "89504e470d0a1a0a";
const MAX_DISPLAY_BYTES = 100_000;
const MAX_DISPLAYS = 5;
const MAX_FILE_BYTES = 6_000_000;

let daemon: DaemonUnderTest;
beforeAll(async () => {
  daemon = await startDaemon({
    transport: "stdio",
    args: ["--max-display-bytes", String(MAX_DISPLAY_BYTES), "--max-displays", String(MAX_DISPLAYS), "--max-file-bytes", String(MAX_FILE_BYTES)],
  });
});
afterAll(() => daemon?.stop());

const run = (code: string, extra: Record<string, unknown> = {}) => daemon.client.run({ code, ...extra });
const withPng = (code: string) => `${fixture("stdlib_png.py")}\n${code}`;
const bytesOf = (output: DisplayOutput, mime: string) => Buffer.from(output.data[mime]!, "base64");

describe("display outputs", () => {
  test("a PNG made with zlib and struct, shown through _repr_png_, comes back byte for byte", async () => {
    const result = await run(withPng("import hashlib\ns = Swatch(16, 9)\nprint(hashlib.sha256(s._repr_png_()).hexdigest())\ndisplay(s)"));
    expect(result.status).toBe("success");
    expect(result.outputs).toHaveLength(1);
    const [output] = result.outputs!;
    expect(output!.output_type).toBe("display_data");
    expect(output!.data["text/plain"]).toBe("Swatch(16x9)");
    const png = bytesOf(output!, "image/png");
    expect(png.subarray(0, 8).toString("hex")).toBe(PNG_SIGNATURE);
    expect(createHash("sha256").update(png).digest("hex")).toBe(result.stdout.trim());
    // 16 x 9, read from the IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([16, 9]);
  });

  test("SVG, HTML, Markdown, LaTeX and JSON come back as text; display(raw=True) takes a bundle as it is", async () => {
    const code = `
class Rich:
    def _repr_svg_(self): return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    def _repr_html_(self): return '<table><tr><td>1</td></tr></table>'
    def _repr_markdown_(self): return '# Title'
    def _repr_latex_(self): return r'$\\alpha$'
    def _repr_json_(self): return {'a': [1, 2]}
    def __repr__(self): return 'Rich()'
display(Rich())
display({'text/markdown': '**bold**', 'text/plain': 'bold'}, raw=True)
`;
    const result = await run(code);
    expect(result.status).toBe("success");
    const [rich, raw] = result.outputs!;
    expect(rich!.data).toEqual({
      "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
      "text/html": "<table><tr><td>1</td></tr></table>",
      "text/markdown": "# Title",
      "text/latex": "$\\alpha$",
      "application/json": '{"a": [1, 2]}',
      "text/plain": "Rich()",
    });
    expect(raw!.data).toEqual({ "text/markdown": "**bold**", "text/plain": "bold" });
  });

  test("_repr_mimebundle_ wins, the other _repr_*_ fill in what it lacks, and metadata comes along", async () => {
    const code = `
class Both:
    def _repr_mimebundle_(self, include=None, exclude=None):
        return {'text/html': '<i>from the bundle</i>', 'application/vnd.custom+json': {'k': 1}}, {'text/html': {'isolated': True}}
    def _repr_html_(self): return '<i>not used</i>'
    def _repr_markdown_(self): return 'from the method'
Both()
`;
    const result = await run(code);
    const [output] = result.outputs!;
    expect(output!.output_type).toBe("execute_result");
    expect(output!.data["text/html"]).toBe("<i>from the bundle</i>");
    expect(output!.data["application/vnd.custom+json"]).toBe('{"k": 1}');
    expect(output!.data["text/markdown"]).toBe("from the method");
    expect(output!.metadata).toEqual({ "text/html": { isolated: true } });
    // The result is still the repr, as before.
    expect(result.result).toStartWith("<__main__.Both object at 0x");
  });

  test("three display() calls keep their order, interleaved with stdout, in the result and as notifications", async () => {
    const events: string[] = [];
    const result = await daemon.client.run(
      { code: "print('one')\ndisplay('first')\nprint('two')\ndisplay('second')\ndisplay('third')\nprint('three')" },
      { onOutput: (stream, text) => events.push(`${stream}:${text}`), onDisplay: (output) => events.push(`display:${output.data["text/plain"]}`) },
    );
    expect(result.outputs!.map((o) => o.data["text/plain"])).toEqual(["'first'", "'second'", "'third'"]);
    const pieces: string[] = [];
    let from = 0;
    for (const output of result.outputs!) {
      pieces.push(result.stdout.slice(from, output.stdout_offset), `[${output.data["text/plain"]}]`);
      from = output.stdout_offset;
    }
    pieces.push(result.stdout.slice(from));
    expect(pieces.join("")).toBe("one\n['first']two\n['second']['third']three\n");
    // Streamed in the same order (stdout may arrive in fewer pieces than prints).
    expect(events.join("|").replace(/stdout:/g, "")).toBe("one\n|display:'first'|two\n|display:'second'|display:'third'|three\n");
  });

  test("a print right after display() never overtakes it, in the result or in the notifications", async () => {
    const events: string[] = [];
    const result = await daemon.client.run(
      { code: "for i in range(30):\n    display(f'd{i}')\n    print(f'p{i}')" },
      { onOutput: (_stream, text) => events.push(...text.split("\n").filter(Boolean)), onDisplay: (output) => events.push(output.data["text/plain"]!.slice(1, -1)) },
    );
    const expected = Array.from({ length: 30 }, (_, i) => [`d${i}`, `p${i}`]).flat().slice(0, 2 * 5);
    // --max-displays keeps five; the rest of the prints follow.
    expect(events.slice(0, 10)).toEqual(expected);
    expect(result.outputs!.map((o) => o.stdout_offset)).toEqual([0, 3, 6, 9, 12]);
  });

  test("offsets count characters as Python does, emoji included", async () => {
    const result = await run("print('héllo 🎉')\ndisplay(1)");
    // Eight code points (Python's len), though JavaScript counts nine UTF-16 units.
    expect(result.stdout.length).toBe(9);
    expect(result.outputs![0]!.stdout_offset).toBe(8);
    expect(utf16Index(result.stdout, 8)).toBe(result.stdout.length);
  });

  test("a value with no rich representation gives no outputs at all; the repr stays the result", async () => {
    const result = await run("[1, 2, 3]");
    expect(result.result).toBe("[1, 2, 3]");
    expect(result.outputs).toBeUndefined();
  });

  test("an output over --max-display-bytes loses its largest representation first, then text/plain is cut, and both cuts are said", async () => {
    const code = withPng(`
class Big:
    def _repr_html_(self): return '<p>' + 'x' * 200_000 + '</p>'
    def _repr_png_(self): return png(2, 2)
    def __repr__(self): return 'Big()'
display(Big())
display('y' * 300_000)
`);
    const result = await run(code);
    const [big, long] = result.outputs!;
    expect(Object.keys(big!.data).sort()).toEqual(["image/png", "text/plain"]);
    expect(big!.truncated).toEqual({ bytes: 200_007, mime_types: ["text/html"] });
    expect(Buffer.byteLength(long!.data["text/plain"]!)).toBe(MAX_DISPLAY_BYTES);
    expect(long!.truncated!.bytes).toBe(300_002 - MAX_DISPLAY_BYTES);
  });

  test("past --max-displays, outputs are dropped and counted", async () => {
    const result = await run("for i in range(8): display(i)");
    expect(result.outputs!.map((o) => o.data["text/plain"])).toEqual(["0", "1", "2", "3", "4"]);
    expect(result.truncated).toEqual({ displays: 3 });
  });

  test("a _repr_html_ that raises is left out with a warning on stderr; the rest of the output stands", async () => {
    const result = await run(withPng("class Half(Swatch):\n    def _repr_html_(self): raise ValueError('no html today')\ndisplay(Half())"));
    expect(Object.keys(result.outputs![0]!.data).sort()).toEqual(["image/png", "text/plain"]);
    expect(result.stderr).toContain("Half._repr_html_ raised ValueError: no html today");
  });

  test("display() outside a run (a callback after it ended) shows nothing anywhere", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    await run("import asyncio\nasyncio.get_event_loop().call_later(0.05, lambda: display('late'))", { session_id: session });
    const next = await run("import time; time.sleep(0.2)\n'after'", { session_id: session });
    expect(next.outputs).toBeUndefined();
    await daemon.client.closeSession(session);
  });
});

describe("named outputs, updates and clear_output", () => {
  test("display(display_id=True) returns a handle; update_display and clear_output come in order with stdout, as built-ins", async () => {
    const streamed: string[] = [];
    const code = "h = display('0%', display_id=True)\nprint(h.display_id)\nh.update('50%')\nupdate_display('100%', display_id=h.display_id)\nclear_output(wait=True)\nprint('done')";
    const result = await daemon.client.run({ code }, { onDisplay: (o) => streamed.push(o.output_type) });
    const id = result.stdout.split("\n")[0]!;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(result.outputs!.map((o) => [o.output_type, o.data["text/plain"], o.display_id, o.wait, o.stdout_offset])).toEqual([
      ["display_data", "'0%'", id, undefined, 0],
      ["update_display_data", "'50%'", id, undefined, 33],
      ["update_display_data", "'100%'", id, undefined, 33],
      ["clear_output", "", undefined, true, 33],
    ]);
    expect(streamed).toEqual(["display_data", "update_display_data", "update_display_data", "clear_output"]);
    expect(result.stdout).toBe(`${id}\ndone\n`);
  });

  test("a display_id that is not a str or True, and an update without one, fail as Python errors naming the problem", async () => {
    expect((await run("display(1, display_id=3)")).error).toMatchObject({ type: "TypeError", message: "display_id must be a str or True, got int" });
    expect((await run("display(1, update=True)")).error).toMatchObject({ type: "TypeError", message: "display(update=True) needs a display_id: the id of the output to replace" });
    expect((await run("update_display(1)")).error?.type).toBe("TypeError");
    expect((await run(`display(1, display_id='${"x".repeat(257)}')`)).error?.message).toBe("display_id must have 1 to 256 characters, got 257");
  });

  test("updates and clears count against --max-displays like any output", async () => {
    const result = await run("h = display(0, display_id='n')\nfor i in range(1, 8): h.update(i)");
    expect(result.outputs!.map((o) => o.data["text/plain"])).toEqual(["0", "1", "2", "3", "4"]);
    expect(result.truncated).toEqual({ displays: 3 });
  });
});

describe("IPython.display", () => {
  test("notebook code runs unchanged: HTML, Markdown, JSON, SVG, Latex, Math, and Javascript as text only", async () => {
    const code = `from IPython.display import display, HTML, Markdown, JSON, SVG, Latex, Javascript
from IPython.core.display import Math
display(HTML('<b>hi</b>'), Markdown('# T'), JSON({'a': [1]}, expanded=True), SVG('<svg xmlns="http://www.w3.org/2000/svg"/>'), Javascript('alert(1)'))`;
    const result = await run(code);
    expect(result.status).toBe("success");
    expect(result.outputs!.map((o) => o.data)).toEqual([
      { "text/html": "<b>hi</b>", "text/plain": "<IPython.core.display.HTML object>" },
      { "text/markdown": "# T", "text/plain": "<IPython.core.display.Markdown object>" },
      { "application/json": '{"a": [1]}', "text/plain": "<IPython.core.display.JSON object>" },
      { "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg"/>', "text/plain": "<IPython.core.display.SVG object>" },
      { "text/plain": "alert(1)" },
    ]);
    expect(result.outputs![2]!.metadata).toEqual({ "application/json": { expanded: true, root: "root" } });
    const math = await run("from IPython.display import Math, Latex\ndisplay(Math('x^2'), Latex(r'$\\alpha$'))");
    expect(math.outputs!.map((o) => o.data["text/latex"])).toEqual(["$\\displaystyle x^2$", "$\\alpha$"]);
  });

  test("Image takes PNG bytes or a file, with its size as metadata; the last expression is an execute_result", async () => {
    const result = await run(
      withPng("from IPython.display import Image\nopen('s.png', 'wb').write(Swatch(3, 2)._repr_png_())\ndisplay(Image(filename='s.png'))\nImage(Swatch(4, 2)._repr_png_(), width=40)"),
    );
    expect(result.outputs!.map((o) => [o.output_type, bytesOf(o, "image/png").readUInt32BE(16), o.metadata])).toEqual([
      ["display_data", 3, undefined],
      ["execute_result", 4, { "image/png": { width: 40 } }],
    ]);
  });

  test("clear_output, update_display and DisplayHandle come from IPython.display too; get_ipython() is None and other IPython modules are absent", async () => {
    const result = await run("from IPython.display import clear_output, update_display, DisplayHandle\nimport IPython\nh = DisplayHandle('p')\nh.display('a')\nh.update('b')\nclear_output()\nprint(IPython.get_ipython(), display is IPython.display.display)");
    expect(result.outputs!.map((o) => o.output_type)).toEqual(["display_data", "update_display_data", "clear_output"]);
    expect(result.outputs![2]!.wait).toBe(false);
    expect(result.stdout).toBe("None True\n");
    expect((await run("import IPython.core.interactiveshell")).error).toMatchObject({ type: "ModuleNotFoundError" });
  });

  test("a run that replaces IPython.display gets woma's back at the next run", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    await run("import sys\nsys.modules['IPython.display'] = None", { session_id: session });
    expect((await run("from IPython.display import HTML\nHTML('x')._repr_html_()", { session_id: session })).result).toBe("'x'");
    await daemon.client.closeSession(session);
  });
});

describe("matplotlib, through a stand-in package (real matplotlib cannot be fetched on this machine)", () => {
  test("pyplot is patched on import: show() and figures left open become PNG outputs with Agg, then close", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    const root = join(REPO_ROOT, "test", "fixtures", "fake_matplotlib", "matplotlib");
    for (const name of ["__init__.py", "figure.py", "pyplot.py"]) {
      await daemon.client.writeFile({ session_id: session, path: `matplotlib/${name}`, content: readFileSync(join(root, name), "utf8") });
    }
    await run("import sys, os\nsys.path.insert(0, os.getcwd())", { session_id: session });
    const result = await run(
      "import matplotlib.pyplot as plt\nimport matplotlib\nplt.figure(figsize=(3, 2))\nplt.show()\nprint('between')\nplt.figure(figsize=(5, 4))\nsmall = plt.figure(figsize=(2, 2))",
      { session_id: session },
    );
    expect(result.status).toBe("success");
    expect(result.stdout).toBe("between\n");
    expect(result.outputs!.map((o) => o.data["text/plain"])).toEqual(["<Figure size 240x160 with 1 Axes>", "<Figure size 400x320 with 1 Axes>", "<Figure size 160x160 with 1 Axes>"]);
    for (const output of result.outputs!) expect(bytesOf(output, "image/png").subarray(0, 8).toString("hex")).toBe(PNG_SIGNATURE);
    // The first came from show(), before "between"; the two left open at the end after it.
    expect(result.outputs!.map((o) => o.stdout_offset)).toEqual([0, 8, 8]);
    const after = await run("(matplotlib.calls[0], plt.get_fignums(), [c[3] for c in matplotlib.calls if c[0] == 'savefig'])", { session_id: session });
    expect(after.result).toBe("(('use', 'agg', True), [], ['agg', 'agg', 'agg'])");
    // A figure as the last value shows once, as the run's execute_result.
    const last = await run("f = plt.figure(figsize=(1, 1))\nf", { session_id: session });
    expect(last.outputs!.map((o) => o.output_type)).toEqual(["execute_result"]);
    // A figure given to display() is not shown again when the run ends, and is closed.
    const shown = await run("g = plt.figure(figsize=(2, 1))\ndisplay(g)\nprint(len(plt.get_fignums()))", { session_id: session });
    expect(shown.outputs!.map((o) => o.data["text/plain"])).toEqual(["<Figure size 160x80 with 1 Axes>"]);
    expect((await run("plt.get_fignums()", { session_id: session })).result).toBe("[]");
    await daemon.client.closeSession(session);
  });
});

describe("session files", () => {
  let session: string;
  beforeAll(async () => {
    session = (await daemon.client.createSession()).session.session_id;
  });

  test("a 5 MB binary file goes in and comes out byte for byte, and Python sees the same bytes", async () => {
    const bytes = randomBytes(5 * 1024 * 1024);
    const written = await daemon.client.writeFile({ session_id: session, path: "in/blob.bin", content: bytes.toString("base64"), encoding: "base64" });
    expect(written).toEqual({ path: "in/blob.bin", size: bytes.length });
    const digest = await run("import hashlib\nhashlib.sha256(open('in/blob.bin', 'rb').read()).hexdigest()", { session_id: session });
    expect(digest.result).toBe(`'${createHash("sha256").update(bytes).digest("hex")}'`);
    await run("open('in/blob.bin', 'ab').write(b'!')", { session_id: session });
    const read = await daemon.client.readFile({ session_id: session, path: "in/blob.bin", encoding: "base64" });
    expect(read.size).toBe(bytes.length + 1);
    expect(Buffer.from(read.content, "base64").equals(Buffer.concat([bytes, Buffer.from("!")]))).toBe(true);
  });

  test("text goes in as UTF-8; runs start in the session's working directory; a run without a session in the home directory", async () => {
    await daemon.client.writeFile({ session_id: session, path: "notes.txt", content: "héllo\n" });
    const result = await run("import os\nprint(os.getcwd())\nopen('notes.txt').read()", { session_id: session });
    expect(result.result).toBe("'héllo\\n'");
    expect(result.stdout).toBe(`/home/pyodide/sessions/${session}\n`);
    expect((await run("import os; os.getcwd()")).result).toBe("'/home/pyodide'");
    expect((await daemon.client.readFile({ session_id: session, path: "notes.txt" })).content).toBe("héllo\n");
  });

  test("an absolute path inside the working directory is accepted", async () => {
    const read = await daemon.client.readFile({ session_id: session, path: `/home/pyodide/sessions/${session}/notes.txt` });
    expect(read.path).toBe("notes.txt");
  });

  test.each([
    ["../other/notes.txt", "leaves the session's working directory"],
    ["in/../../notes.txt", "leaves the session's working directory"],
    ["/etc/passwd", "is an absolute path outside the session's working directory"],
    ["/home/pyodide/sessions", "is an absolute path outside the session's working directory"],
    ["/lib/python3.14/os.py", "is an absolute path outside the session's working directory"],
  ])("%s is refused: %s", async (path, says) => {
    const error = await expectError(daemon.client.readFile({ session_id: session, path }));
    expect(error.code).toBe(WomaErrorCodes.FilePathRefused);
    expect(error.message).toContain(says);
    const write = await expectError(daemon.client.writeFile({ session_id: session, path, content: "x" }));
    expect(write.code).toBe(WomaErrorCodes.FilePathRefused);
  });

  test("symbolic links Python makes are listed but never followed", async () => {
    await run("import os\nos.symlink('/lib', 'to-lib')\nos.symlink('notes.txt', 'to-notes')", { session_id: session });
    for (const path of ["to-lib/python3.14/os.py", "to-notes"]) {
      const error = await expectError(daemon.client.readFile({ session_id: session, path }));
      expect(error.code).toBe(WomaErrorCodes.FilePathRefused);
      expect(error.message).toContain("is a symbolic link");
    }
    expect((await expectError(daemon.client.writeFile({ session_id: session, path: "to-lib/planted.py", content: "x" }))).code).toBe(WomaErrorCodes.FilePathRefused);
    const listed = await daemon.client.listFiles({ session_id: session });
    expect(listed.entries.filter((e) => e.path.startsWith("to-")).map((e) => [e.path, e.type])).toEqual([["to-lib", "symlink"], ["to-notes", "symlink"]]);
    await daemon.client.deleteFile({ session_id: session, path: "to-lib" });
    expect((await run("import os; os.path.exists('/lib/python3.14')", { session_id: session })).result).toBe("True");
  });

  test("the size cap holds both ways, and says the limit", async () => {
    const tooBig = await expectError(daemon.client.writeFile({ session_id: session, path: "big.bin", content: Buffer.alloc(MAX_FILE_BYTES + 1).toString("base64"), encoding: "base64" }));
    expect(tooBig.code).toBe(WomaErrorCodes.FileTooLarge);
    expect(tooBig.message).toContain(`over the ${MAX_FILE_BYTES}-byte limit`);
    await run(`open('made.bin', 'wb').write(b'0' * ${MAX_FILE_BYTES + 1})`, { session_id: session });
    const read = await expectError(daemon.client.readFile({ session_id: session, path: "made.bin" }));
    expect(read.code).toBe(WomaErrorCodes.FileTooLarge);
    expect(read.message).toContain(`made.bin is ${MAX_FILE_BYTES + 1} bytes`);
  });

  test("bad input gets an error that names what was wrong, and the session keeps working", async () => {
    const missing = await expectError(daemon.client.readFile({ session_id: session, path: "nope.txt" }));
    expect(missing.code).toBe(WomaErrorCodes.FileNotFound);
    await run("open('bytes.bin', 'wb').write(bytes([0xff, 0xfe]))", { session_id: session });
    const binary = await expectError(daemon.client.readFile({ session_id: session, path: "bytes.bin" }));
    expect(binary.code).toBe(JsonRpcErrorCodes.InvalidParams);
    expect(binary.message).toContain('is not UTF-8 text; read it with encoding "base64"');
    const notBase64 = await expectError(daemon.client.writeFile({ session_id: session, path: "x", content: "not base64!", encoding: "base64" }));
    expect(notBase64.message).toContain("params.content is not base64");
    const dir = await expectError(daemon.client.readFile({ session_id: session, path: "in" }));
    expect(dir.message).toContain("in is a directory");
    const noSession = await expectError(daemon.client.listFiles({ session_id: "never-made" }));
    expect(noSession.code).toBe(WomaErrorCodes.SessionNotFound);
    const badPath = await expectError(daemon.client.readFile({ session_id: session, path: "" }));
    expect(badPath.code).toBe(JsonRpcErrorCodes.InvalidParams);
    expect((await run("1+1", { session_id: session })).result).toBe("2");
  });

  test("list and delete, a directory only with recursive; another session sees none of it; closing a session removes its files", async () => {
    const other = (await daemon.client.createSession({ session_id: `${session}-other` })).session.session_id;
    expect((await daemon.client.listFiles({ session_id: other })).entries).toEqual([]);
    const notEmpty = await expectError(daemon.client.deleteFile({ session_id: session, path: "in" }));
    expect(notEmpty.message).toContain("not empty");
    expect(await daemon.client.deleteFile({ session_id: session, path: "in", recursive: true })).toEqual({ path: "in" });
    expect((await daemon.client.listFiles({ session_id: session })).entries.map((e) => e.path)).not.toContain("in");
    await daemon.client.closeSession(session);
    await daemon.client.createSession({ session_id: session });
    expect((await daemon.client.listFiles({ session_id: session })).entries).toEqual([]);
    await daemon.client.closeSession(other);
  });
});

describe("completion and inspection", () => {
  let session: string;
  beforeAll(async () => {
    session = (await daemon.client.createSession()).session.session_id;
    await run(
      "import os\nfoo_count = 1\nfoo_name = 'x'\nclass Trap:\n    @property\n    def boom(self):\n        while True: pass\n    def __getattr__(self, name):\n        while True: pass\ntrap = Trap()",
      { session_id: session },
    );
  });

  test("`import o` offers os, and `\"abc\".up` offers upper", async () => {
    const modules = await daemon.client.complete({ code: "import o" });
    expect(modules.matches).toContain("os");
    expect([modules.cursor_start, modules.cursor_end]).toEqual([7, 8]);
    const method = await daemon.client.complete({ code: '"abc".up' });
    expect(method.matches).toEqual(["upper"]);
    expect([method.cursor_start, method.cursor_end]).toEqual([6, 8]);
  });

  test("names of the session, attributes of its modules, from-imports, and a cursor in the middle", async () => {
    expect((await daemon.client.complete({ code: "foo_", session_id: session })).matches).toEqual(["foo_count", "foo_name"]);
    expect((await daemon.client.complete({ code: "os.pa", session_id: session })).matches).toContain("path");
    expect((await daemon.client.complete({ code: "from os import pa", session_id: session })).matches).toContain("path");
    const middle = await daemon.client.complete({ code: "x = foo_ + 1", cursor: 8, session_id: session });
    expect(middle).toEqual({ matches: ["foo_count", "foo_name"], cursor_start: 4, cursor_end: 8 });
    // Without the session, its names are not there.
    expect((await daemon.client.complete({ code: "foo_" })).matches).toEqual([]);
  });

  test("completion never runs user code: a property and a __getattr__ that would spin are not called", async () => {
    expect((await daemon.client.complete({ code: "trap.bo", session_id: session })).matches).toEqual(["boom"]);
    expect((await daemon.client.complete({ code: "trap.boom.", session_id: session })).matches).toEqual([]);
    expect((await daemon.client.complete({ code: "trap.anything.", session_id: session })).matches).toEqual([]);
    expect((await daemon.client.inspect({ code: "trap.boom", session_id: session })).found).toBe(false);
    expect((await run("1", { session_id: session })).result).toBe("1");
  });

  test("inspect gives the signature and docstring of the callable being called", async () => {
    const inspected = await daemon.client.inspect({ code: "len(", session_id: session });
    expect(inspected.found).toBe(true);
    expect(inspected.name).toBe("len");
    expect(inspected.signature).toBe("(obj, /)");
    expect(inspected.docstring).toContain("Return the number of items in a container.");
    expect(await daemon.client.inspect({ code: "no_such_name" })).toEqual({ found: false });
  });

  test("a cursor past the end of the code is refused, naming both", async () => {
    const error = await expectError(daemon.client.complete({ code: "ab", cursor: 5 }));
    expect(error.code).toBe(JsonRpcErrorCodes.InvalidParams);
    expect(error.message).toContain("params.cursor 5 is past the end of the code (2 characters)");
  });
});

describe("input()", () => {
  test("a stdin string answers input() line by line, the prompt printed as with a pipe; then EOFError says why", async () => {
    const result = await run("a = input('first? ')\nb = input('second? ')\nprint(a, b)\ninput('third? ')", { stdin: "one\ntwo\n" });
    expect(result.stdout).toBe("first? second? one two\nthird? ");
    expect(result.error?.type).toBe("EOFError");
    expect(result.error?.message).toBe("EOF when reading a line: the run's stdin text is used up, and its client answers no input requests");
  });

  test("sys.stdin reads, iterates and read()s the same text; getpass takes it too", async () => {
    const result = await run("import sys, getpass\nfirst = sys.stdin.readline()\npw = getpass.getpass('pw: ')\nrest = sys.stdin.read()\n(first, pw, rest)", { stdin: "line 1\nhunter2\nline 3\nline 4" });
    expect(result.result).toBe("('line 1\\n', 'hunter2', 'line 3\\nline 4')");
    expect(result.stderr).toBe("pw: ");
    expect((await run("import sys\n[l for l in sys.stdin]", { stdin: "a\nb\n" })).result).toBe("['a\\n', 'b\\n']");
  });

  test("with no stdin and a client that takes no input requests, input() raises EOFError at once, within the run", async () => {
    const result = await run("try:\n    input('name? ')\nexcept EOFError as e:\n    print('caught:', e)\n'went on'", { timeout_ms: 60_000 });
    expect(result.status).toBe("success");
    expect(result.result).toBe("'went on'");
    expect(result.stdout).toBe("name? caught: EOF when reading a line: no input is available: this run was given no stdin text, and its client answers no input requests\n");
  });

  test("a client that answers input requests is asked past the stdin, with the prompt, and told when it is a password", async () => {
    const asked: Array<[string, boolean]> = [];
    const answers = ["Ada", "s3cret"];
    const result = await daemon.client.run(
      { code: "import getpass\nfirst = input()\nname = input('Name? ')\npw = getpass.getpass('Password: ')\n(first, name, pw)", stdin: "from stdin\n" },
      {
        onInput: async (request) => {
          asked.push([request.prompt, request.password]);
          return answers.shift() ?? null;
        },
      },
    );
    expect(asked).toEqual([["Name? ", false], ["Password: ", true]]);
    expect(result.result).toBe("('from stdin', 'Ada', 's3cret')");
    // The client showed the prompts; they are not printed again.
    expect(result.stdout).toBe("");
  });

  test("what a run printed before input() reaches the client before the input request, in order, however it was printed", async () => {
    const events: string[] = [];
    const result = await daemon.client.run(
      {
        // A line, then text with no newline, then stderr: each must arrive before the question after it.
        code: "import sys\nprint('Enter your name:')\nprint('partial ', end='')\nsys.stderr.write('warned\\n')\nname = input('> ')\nprint('hello', name)\nage = input('age? ')",
      },
      {
        onOutput: (stream, text) => events.push(`${stream}:${text}`),
        onInput: async (request) => {
          events.push(`input:${request.prompt}`);
          return request.prompt === "> " ? "Ada" : "36";
        },
      },
    );
    expect(result.status).toBe("success");
    const joined = events.join("|");
    // Output notifications may be split or joined differently; their order against the questions may not.
    const before = (question: string) => events.slice(0, events.indexOf(question)).filter((e) => !e.startsWith("input:"));
    expect(before("input:> ").filter((e) => e.startsWith("stdout:")).map((e) => e.slice(7)).join("")).toBe("Enter your name:\npartial ");
    expect(before("input:> ").filter((e) => e.startsWith("stderr:")).map((e) => e.slice(7)).join("")).toBe("warned\n");
    expect(before("input:age? ").filter((e) => e.startsWith("stdout:")).map((e) => e.slice(7)).join("")).toBe("Enter your name:\npartial hello Ada\n");
    expect(joined.indexOf("input:> ")).toBeLessThan(joined.indexOf("input:age? "));
  });

  test("end of input from the client is an EOFError; a later input() asks again", async () => {
    const answers: Array<string | null> = [null, "again"];
    const result = await daemon.client.run(
      { code: "try:\n    input()\nexcept EOFError as e:\n    first = str(e)\n(first, input())" },
      { onInput: async () => answers.shift() ?? null },
    );
    expect(result.result).toBe("('EOF when reading a line', 'again')");
  });

  test("cancelling a run that waits for input withdraws the question and keeps the session", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    await run("kept = 1", { session_id: session });
    const controller = new AbortController();
    let withdrawn = false;
    const running = daemon.client.run(
      { code: "input('waiting: ')", session_id: session },
      {
        signal: controller.signal,
        onInput: (_request, signal) =>
          new Promise<string | null>((resolve) => {
            signal.addEventListener("abort", () => {
              withdrawn = true;
              resolve(null);
            });
            controller.abort();
          }),
      },
    );
    const error = await expectError(running);
    expect(error.code).toBe(JsonRpcErrorCodes.RequestCancelled);
    expect(withdrawn).toBe(true);
    expect((await run("kept", { session_id: session })).result).toBe("1");
  });
});
