/** Display outputs, input and session files through the whole daemon with fake runners, in-process: placing, caps the daemon enforces itself, and runners that lie. */
import { describe, expect, test } from "bun:test";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { DisplayOutput } from "../../protocol/generated/types.ts";
import { rejection } from "../harness/expect-error.ts";
import { daemonPerTest, runnerOf, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

describe("display outputs", () => {
  test("the daemon places each output in stdout by code points, streams it in order, and returns them all", async () => {
    const d = daemon();
    const streamed: string[] = [];
    const result = await d.client.run(
      { code: "print(héllo 🎉)\ndisplay(one)\nprint(x)\ndisplay(two)" },
      { onOutput: (_s, text) => streamed.push(`out:${text}`), onDisplay: (o: DisplayOutput) => streamed.push(`display:${o.data["text/plain"]}`) },
    );
    expect(result.outputs!.map((o) => [o.data["text/plain"], o.stdout_offset, o.stderr_offset])).toEqual([["one", 8], ["two", 10]].map(([t, n]) => [t, n, 0]));
    expect(streamed).toEqual(["out:héllo 🎉\n", "display:one", "out:x\n", "display:two"]);
  });

  test("a run without outputs has no outputs field", async () => {
    const d = daemon();
    expect((await d.client.run({ code: "1" })).outputs).toBeUndefined();
  });

  test("outputs made before a timeout come back in the error's data", async () => {
    const d = daemon();
    const error = await rejection(d.client.run({ code: "display(early)\nhang()", timeout_ms: 20 }));
    expect(error.code).toBe(WomaErrorCodes.RunTimedOut);
    expect((error.data as { outputs: DisplayOutput[] }).outputs.map((o) => o.data["text/plain"])).toEqual(["early"]);
  });

  test("a runner that sends more outputs than --max-displays allows is killed, whatever it says; other sessions go on", async () => {
    const d = daemon({ daemon: { maxDisplays: 1, workers: 2 } });
    await d.client.createSession({ session_id: "victim" });
    await d.client.createSession({ session_id: "other" });
    const runner = await runnerOf(d, "victim");
    const error = await rejection(d.client.run({ code: "display(a)\ndisplay(b)\nhang()", session_id: "victim" }));
    expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(await runner.exited).toContain("more display outputs than the 1 the run allows");
    expect((await d.client.run({ code: "1+1", session_id: "other" })).result).toBe("2");
  });

  const displayMessage = (output: Record<string, unknown>) => ({ kind: "send" as const, message: { method: "runner/display", params: { runId: "r1", output } } });
  const plain = { "text/plain": "" };

  test("updates and clears pass through with their display_id and wait, in order", async () => {
    const outputs = [
      { output_type: "display_data", data: { "text/plain": "0%" }, display_id: "bar" },
      { output_type: "update_display_data", data: { "text/plain": "100%" }, display_id: "bar" },
      { output_type: "clear_output", data: plain, wait: true },
    ];
    const d = daemon({ runners: { program: (code) => (code === "go" ? [...outputs.map(displayMessage), { kind: "eval", expression: "1" }] : undefined) } });
    const streamed: DisplayOutput[] = [];
    const result = await d.client.run({ code: "go", run_id: "r1" }, { onDisplay: (o) => streamed.push(o) });
    expect(result.outputs).toEqual(outputs.map((o) => ({ ...o, stdout_offset: 0, stderr_offset: 0 })) as DisplayOutput[]);
    expect(streamed).toEqual(result.outputs!);
  });

  const malformed: Array<[string, Record<string, unknown>, string]> = [
    ["an update without the display_id it replaces", { output_type: "update_display_data", data: plain }, "update_display_data without the display_id"],
    ["a clear_output without wait", { output_type: "clear_output", data: plain }, "a clear_output without it"],
    ["wait on a display_data", { output_type: "display_data", data: plain, wait: false }, "`wait` on an output that is not a clear_output"],
    ["a display_id of 257 characters", { output_type: "display_data", data: plain, display_id: "x".repeat(257) }, "does not match the runner protocol (/output/display_id must NOT have more than 256 characters)"],
    ["a kind the protocol does not have", { output_type: "comm_open", data: plain }, "does not match the runner protocol (/output/output_type must be equal to one of the allowed values)"],
  ];
  for (const [what, output, reason] of malformed) {
    test(`a runner that sends ${what} is killed for it; the daemon carries on`, async () => {
      const d = daemon({ runners: { program: (code) => (code === "go" ? [displayMessage(output), { kind: "hang" }] : undefined) } });
      const error = await rejection(d.client.run({ code: "go", run_id: "r1" }));
      expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
      expect(error.message).toContain(reason);
      expect((await d.client.run({ code: "1+1" })).result).toBe("2");
    });
  }

  test("a runner that sends an output over --max-display-bytes is killed", async () => {
    const d = daemon({ daemon: { maxDisplayBytes: 10 } });
    await d.client.createSession({ session_id: "s" });
    const runner = await runnerOf(d, "s");
    await rejection(d.client.run({ code: "display(this is more than ten bytes)\nhang()", session_id: "s" }));
    expect(await runner.exited).toContain("its display output of 27 bytes is over the 10-byte cap");
  });
});

describe("input", () => {
  test("stdin answers line by line, then input() has the reason there is no more", async () => {
    const d = daemon();
    expect((await d.client.run({ code: "input(a)", stdin: "first\nsecond\n" })).result).toBe("'first'");
    const none = await d.client.run({ code: "input(a)" });
    expect(none.error).toMatchObject({ type: "EOFError", message: "EOF when reading a line: no input is available: this run was given no stdin text, and its client answers no input requests" });
  });

  test("past the stdin, a client that allows it is asked; its end of input ends that read only", async () => {
    const d = daemon();
    const answers: Array<string | null> = ["typed", null];
    const asked: string[] = [];
    const run = (code: string) => d.client.run({ code, stdin: "piped\n" }, { onInput: async (request) => (asked.push(request.prompt), answers.shift() ?? null) });
    expect((await run("input(one)\ninput(two)")).result).toBe("'typed'");
    expect(asked).toEqual(["two"]);
    expect((await run("input(one)\ninput(three)")).error?.message).toBe("EOF when reading a line");
  });

  test("a client answering with more than 1 Mi characters ends the input with the reason; the daemon goes on", async () => {
    const d = daemon();
    const result = await d.client.run({ code: "input(big)" }, { onInput: async () => "x".repeat(1024 * 1024 + 1) });
    expect(result.error?.message).toContain("the client did not answer the input request (its answer is longer than 1048576 characters)");
    expect((await d.client.run({ code: "1+1" })).result).toBe("2");
  });
});

describe("session files", () => {
  test("write, read, list and delete reach the session's directory, and closing the session removes it", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    expect(await d.client.writeFile({ session_id: "s", path: "a/b.txt", content: "héllo" })).toEqual({ path: "a/b.txt", size: 6 });
    expect(await d.client.readFile({ session_id: "s", path: "a/b.txt" })).toEqual({ path: "a/b.txt", content: "héllo", encoding: "utf-8", size: 6 });
    expect((await d.client.listFiles({ session_id: "s", recursive: true })).entries.map((e) => [e.path, e.type])).toEqual([["a", "directory"], ["a/b.txt", "file"]]);
    const runner = await runnerOf(d, "s");
    expect(runner.fs.nodes.has("/home/pyodide/sessions/s/a/b.txt")).toBe(true);
    await d.client.closeSession("s");
    await waitUntil("the session's directory to go", () => !runner.fs.nodes.has("/home/pyodide/sessions/s"));
  });

  test("links planted on the way, even the working directory itself replaced by one, are refused", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    await d.client.createSession({ session_id: "t" });
    const runner = await runnerOf(d, "s");
    runner.fs.put("/home/pyodide/sessions/t/secret.txt", "t's");
    runner.fs.put("/home/pyodide/sessions/s/mine.txt", "s's");
    runner.fs.symlink("/home/pyodide/sessions/t", "/home/pyodide/sessions/s/to-t");
    const through = await rejection(d.client.readFile({ session_id: "s", path: "to-t/secret.txt" }));
    expect([through.code, through.message]).toEqual([WomaErrorCodes.FilePathRefused, "to-t is a symbolic link; files/* does not follow links"]);
    // Python renames its own directory away and puts a link to another session's in its place.
    runner.fs.nodes.delete("/home/pyodide/sessions/s");
    runner.fs.nodes.delete("/home/pyodide/sessions/s/mine.txt");
    runner.fs.nodes.delete("/home/pyodide/sessions/s/to-t");
    runner.fs.symlink("/home/pyodide/sessions/t", "/home/pyodide/sessions/s");
    const replaced = await rejection(d.client.readFile({ session_id: "s", path: "secret.txt" }));
    expect(replaced.code).toBe(WomaErrorCodes.FilePathRefused);
    expect(replaced.message).toContain("/home/pyodide/sessions/s has been replaced by a symbolic link");
    expect((await rejection(d.client.writeFile({ session_id: "s", path: "new.txt", content: "x" }))).code).toBe(WomaErrorCodes.FilePathRefused);
  });

  test("a runner whose file answer is over the cap is killed and the session lost, whatever size it claims", async () => {
    const d = daemon({ daemon: { maxFileBytes: 10 }, runners: { files: (params) => (params.op === "read" ? { ok: true, path: "x", size: 3, data: Buffer.alloc(30).toString("base64") } : undefined) } });
    await d.client.createSession({ session_id: "s" });
    const runner = await runnerOf(d, "s");
    const error = await rejection(d.client.readFile({ session_id: "s", path: "x" }));
    expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(await runner.exited).toContain("runner protocol violation: its files/read answer is over the 10-byte cap on files");
    await waitUntil("the session to be lost", async () => (await d.client.listSessions()).sessions[0]?.state === "lost");
  });

  test("bad input is named: a write over the cap, base64 that is not, a session that does not exist", async () => {
    const d = daemon({ daemon: { maxFileBytes: 4 } });
    await d.client.createSession({ session_id: "s" });
    expect((await rejection(d.client.writeFile({ session_id: "s", path: "x", content: "12345" }))).message).toBe("x would be 5 bytes, over the 4-byte limit on files (--max-file-bytes)");
    expect((await rejection(d.client.writeFile({ session_id: "s", path: "x", content: "@@@", encoding: "base64" }))).code).toBe(JsonRpcErrorCodes.InvalidParams);
    expect((await rejection(d.client.readFile({ session_id: "nope", path: "x" }))).code).toBe(WomaErrorCodes.SessionNotFound);
    expect((await rejection(d.client.readFile({ session_id: "s", path: "x", encoding: "latin-1" as "utf-8" }))).message).toContain("params.encoding must be one of");
  });
});

describe("completion", () => {
  test("names of the session's globals, and a cursor past the end refused", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    await d.client.run({ code: "alpha = 1\nalso = 2", session_id: "s" });
    expect(await d.client.complete({ code: "x = al", session_id: "s" })).toEqual({ matches: ["alpha", "also"], cursor_start: 4, cursor_end: 6 });
    expect((await rejection(d.client.complete({ code: "al", cursor: 3 }))).code).toBe(JsonRpcErrorCodes.InvalidParams);
  });

  test("a runner that answers with a range outside the code is killed", async () => {
    const d = daemon({ runners: { complete: () => ({ matches: ["x"], cursor_start: 0, cursor_end: 99 }) } });
    await d.client.createSession({ session_id: "s" });
    const runner = await runnerOf(d, "s");
    expect((await rejection(d.client.complete({ code: "ab", session_id: "s" }))).code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(await runner.exited).toContain("its python/complete answer names a range outside the code");
  });
});
