/**
 * woma as a Jupyter kernel, driven by Jupyter's own tools from Debian's Python: the official
 * kernel test suite, a notebook through nbclient and `jupyter execute`, and jupyter_client
 * scripts for interrupt, input, restart, shutdown, parent death and the ipc transport.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runnerPids } from "../harness/runner-processes.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "../harness/paths.ts";
import { WOMA } from "../harness/process-group.ts";

/** Debian's Python, which has jupyter_client, nbclient and jupyter_kernel_test (a pyenv python3 may come first on PATH). */
const PYTHON = "/usr/bin/python3";
const KERNEL = "woma-test";
/** Debian's jupyter command (jupyter-core), whose `execute` is nbclient's. */
const JUPYTER = "/usr/bin/jupyter";
const SCRIPTS = join(REPO_ROOT, "test", "jupyter");

let home: string;
let env: Record<string, string>;

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (killed after `timeoutMs`), with the test's Jupyter paths. */
async function run(command: string[], timeoutMs = 240_000): Promise<Finished> {
  const child = Bun.spawn(command, { env, stdout: "pipe", stderr: "pipe", cwd: home });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** The JSON line a client_checks.py scenario prints. */
async function scenario(name: string, ...args: string[]): Promise<Record<string, unknown>> {
  const done = await run([PYTHON, join(SCRIPTS, "client_checks.py"), name, KERNEL, ...args]);
  if (done.code !== 0) throw new Error(`client_checks.py ${name} exited ${done.code}:\n${done.stderr}`);
  return JSON.parse(done.stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

beforeAll(async () => {
  const tools = Bun.spawnSync([PYTHON, "-c", "import jupyter_kernel_test, nbclient, jupyter_client"], { stderr: "pipe" });
  if (!existsSync(JUPYTER) || tools.exitCode !== 0) throw new Error(`Jupyter's test tools are missing (${tools.stderr.toString().trim().split("\n").at(-1)}): apt-get install python3-jupyter-kernel-test python3-nbclient jupyter-client (.ci/run does)`);
  home = mkdtempSync(join(tmpdir(), "woma-jupyter-"));
  env = { ...(process.env as Record<string, string>), JUPYTER_PATH: join(home, "share", "jupyter"), JUPYTER_RUNTIME_DIR: join(home, "runtime"), JUPYTER_DATA_DIR: join(home, "data"), PYDEVD_DISABLE_FILE_VALIDATION: "1", WOMA_KERNEL_NAME: KERNEL };
  const installed = await run([...WOMA, "jupyter", "install", "--prefix", home, "--name", KERNEL, "--display-name", "woma under test", "--", "--pyodide-cache", testCacheDir()]);
  expect(installed.stderr).toBe("");
  expect(installed.code).toBe(0);
});
afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

describe("the official kernel tests", () => {
  test("jupyter_kernel_test.KernelTests with woma's samples: all 12 run and pass, none skipped", async () => {
    const done = await run([PYTHON, join(SCRIPTS, "kernel_tests.py")], 300_000);
    const summary = done.stderr;
    expect(summary).toContain("Ran 12 tests");
    expect(summary).not.toContain("skipped");
    expect(summary.trim().endsWith("OK")).toBe(true);
    expect(done.code).toBe(0);
  });
});

describe("a notebook", () => {
  interface Output {
    output_type: string;
    name?: string;
    text?: string;
    data?: Record<string, string>;
    ename?: string;
    execution_count?: number;
  }
  /** nbformat writes multi-line text as a list of lines: join them back. */
  const joined = (output: Output): Output => ({
    ...output,
    ...(output.text === undefined ? {} : { text: [output.text].flat().join("") }),
    ...(output.data === undefined ? {} : { data: Object.fromEntries(Object.entries(output.data).map(([mime, value]) => [mime, [value].flat().join("")])) }),
  });

  test("nbclient runs every cell: outputs in order with the right MIME types, and the cell after an error runs", async () => {
    const done = await run([PYTHON, join(SCRIPTS, "execute_notebook.py"), join(SCRIPTS, "outputs.ipynb"), KERNEL]);
    expect(done.code).toBe(0);
    const cells = (JSON.parse(done.stdout) as { cells: Array<{ execution_count: number; outputs: Output[] }> }).cells.map((cell) => ({ ...cell, outputs: cell.outputs.map(joined) }));
    const shape = (o: Output) => [o.output_type, o.name ?? o.ename ?? Object.keys(o.data ?? {}).sort().join(",")];
    expect(cells.map((cell) => cell.outputs.map(shape))).toEqual([
      [["stream", "stdout"]],
      [["execute_result", "text/plain"]],
      [["stream", "stdout"], ["display_data", "text/html,text/plain"], ["stream", "stdout"]],
      [["execute_result", "image/png,text/plain"]],
      [["stream", "stderr"]],
      [["error", "ZeroDivisionError"]],
      [["stream", "stdout"]],
    ]);
    expect(cells.map((cell) => cell.execution_count)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cells[0]!.outputs[0]!.text).toBe("hello from woma\n");
    expect(cells[1]!.outputs[0]!.data!["text/plain"]).toBe("42");
    expect(cells[2]!.outputs.map((o) => o.text ?? o.data!["text/html"])).toEqual(["before\n", "<b>bold</b>", "after\n"]);
    const png = Buffer.from(cells[3]!.outputs[0]!.data!["image/png"]!, "base64");
    expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(["PNG", 8, 5]);
    expect(cells[4]!.outputs[0]!.text).toBe("to stderr\n");
    expect(cells[6]!.outputs[0]!.text).toBe("after the error\n");
  });

  test("`jupyter execute` finishes with --allow-errors, and stops at the failing cell without it", async () => {
    const allowed = await run([JUPYTER, "execute", "--allow-errors", `--kernel_name=${KERNEL}`, join(SCRIPTS, "outputs.ipynb")]);
    expect(allowed.code).toBe(0);
    const strict = await run([JUPYTER, "execute", `--kernel_name=${KERNEL}`, join(SCRIPTS, "outputs.ipynb")]);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain("ZeroDivisionError");
  });
});

describe("jupyter_client, as a front end uses it", () => {
  let seen: Record<string, unknown>;
  beforeAll(async () => {
    seen = await scenario("session");
  });

  test("interrupting `while True: pass` answers within a second with KeyboardInterrupt, and the variables stay", () => {
    expect(seen.interrupt_seconds as number).toBeLessThan(1);
    expect(seen.interrupt_reply).toEqual({ status: "error", ename: "KeyboardInterrupt" });
    expect(seen.interrupt_iopub).toEqual(["status", "execute_input", "error", "status"]);
    expect(seen.after_interrupt).toContainEqual(["execute_result", { execution_count: 3, data: { "text/plain": "42" }, metadata: {} }]);
  });

  test("input() sends an input_request routed to the asking front end, and its answer comes back to Python", () => {
    expect(seen.input_request).toEqual({ content: { prompt: "who? ", password: false }, parent: true });
    expect(seen.input_iopub).toContainEqual(["stream", { name: "stdout", text: "hi ada\n" }]);
    expect(seen.no_stdin).toMatchObject({ status: "error", ename: "EOFError" });
  });

  test("stop_on_error aborts the cells queued behind a failing one; stop_on_error=False does not", () => {
    expect(seen.stop_on_error).toEqual(["error", "aborted", "aborted"]);
    expect(seen.after_abort).toContainEqual(["execute_result", expect.objectContaining({ data: { "text/plain": "False" } })]);
    expect(seen.no_stop_on_error).toEqual(["error", "ok"]);
  });

  test("a silent cell publishes only busy and idle; user_expressions come back as MIME bundles or errors", () => {
    expect(seen.silent).toEqual({ iopub: ["status", "status"], count_unchanged: true });
    expect(seen.user_expressions).toEqual({
      double: { status: "ok", data: { "text/plain": "4" }, metadata: {} },
      bad: expect.objectContaining({ status: "error", ename: "NameError" }),
    });
  });

  test("display ids, updates and clear_output become display_data, update_display_data and clear_output in order", () => {
    const kinds = (seen.display_updates as Array<[string, Record<string, unknown>]>).filter(([kind]) => kind !== "status" && kind !== "execute_input");
    expect(kinds).toEqual([
      ["display_data", { data: { "text/plain": "'v1'" }, metadata: {}, transient: { display_id: "d" } }],
      ["update_display_data", { data: { "text/plain": "'v2'" }, metadata: {}, transient: { display_id: "d" } }],
      ["clear_output", { wait: true }],
      ["stream", { name: "stdout", text: "end\n" }],
    ]);
  });

  test("history tail gives the last cells with their outputs", () => {
    const rows = seen.history_tail as Array<[number, number, [string, string | null]]>;
    expect(rows).toHaveLength(2);
    expect(rows[0]![2]).toEqual(["a = 2", null]);
    expect(rows[1]![2]![0]).toContain("clear_output(wait=True)");
    expect(rows[1]![1]).toBe(rows[0]![1] + 1);
  });

  test("restart starts a new process whose globals are empty; the old one is gone", async () => {
    const result = await scenario("restart");
    expect(result.new_process).toBe(true);
    expect(result.old_alive).toBe(false);
    expect(result.after_restart).toContainEqual(["execute_result", { execution_count: 1, data: { "text/plain": "False" }, metadata: {} }]);
  });

  test("shutdown answers on control and leaves no process: not the kernel, not a runner", async () => {
    const result = await scenario("shutdown");
    expect(result.reply).toEqual({ status: "ok", restart: false });
    expect(result.reply_parent).toBe(true);
    expect(result.exit_code).toBe(0);
    expect(alive(result.pid as number)).toBe(false);
  });

  test("the ipc transport works, over owner-only socket files that are removed at the end", async () => {
    const directory = mkdtempSync(join(home, "ipc-"));
    const result = await scenario("ipc", directory);
    expect(result.transport).toBe("ipc");
    expect(result.status).toBe("ok");
    expect(result.iopub).toContainEqual(["stream", { name: "stdout", text: "over ipc 42\n" }]);
    expect(result.sockets).toEqual(["kernel-1", "kernel-2", "kernel-3", "kernel-4", "kernel-5"]);
    expect(result.left).toEqual([]);
  });

  test("killing the front end's process ends the kernel and its runners within a few seconds", async () => {
    const parent = Bun.spawn([PYTHON, join(SCRIPTS, "client_checks.py"), "parent", KERNEL], { env, stdout: "pipe", stderr: "pipe", cwd: home });
    const reader = parent.stdout.getReader();
    let text = "";
    while (!text.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`client_checks.py parent ended before starting a kernel: ${await new Response(parent.stderr).text()}`);
      text += new TextDecoder().decode(value);
    }
    const kernelPid = (JSON.parse(text) as { kernel_pid: number }).kernel_pid;
    const runners = runnerPids(kernelPid);
    expect(runners.length).toBeGreaterThan(0);
    parent.kill("SIGKILL");
    await parent.exited;
    await waitFor("the kernel to exit after its parent died", () => !alive(kernelPid), 8000);
    await waitFor("the kernel's runners to exit", () => runners.every((pid) => !alive(pid)), 5000);
  });
});
