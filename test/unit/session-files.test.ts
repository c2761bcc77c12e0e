/** A session's working directory and the file operations confined to it, over an in-memory file system with links (the worker runs the same code over Emscripten's). */
import { describe, expect, test } from "bun:test";
import { confine, filesOperation, sessionDirectory } from "../../daemon/runner/session-files.ts";
import { MemoryFs } from "../harness/memory-fs.ts";

const ROOT = "/home/pyodide/sessions/s";

describe("sessionDirectory", () => {
  test("a session's directory is named after it; the ids that are path components of their own are spelled out", () => {
    expect(sessionDirectory("mcp-1a2b:main")).toBe("/home/pyodide/sessions/mcp-1a2b:main");
    expect(sessionDirectory("..")).toBe("/home/pyodide/sessions/%2E%2E");
    expect(sessionDirectory(".")).toBe("/home/pyodide/sessions/%2E");
    expect(sessionDirectory(null)).toBe("/home/pyodide");
  });
});

describe("confine", () => {
  test.each([
    ["a/b.txt", ["a", "b.txt"]],
    ["./a//b/../c", ["a", "c"]],
    [`${ROOT}/x`, ["x"]],
    [ROOT, []],
    [".", []],
  ])("%s stays inside", (path, parts) => {
    expect(confine(ROOT, path)).toEqual(parts);
  });

  test.each([
    ["..", "leaves the session's working directory"],
    ["a/../../b", "leaves the session's working directory"],
    ["/home/pyodide/sessions/s2/x", "is an absolute path outside"],
    ["/home/pyodide/sessions/s/../t/x", "leaves the session's working directory"],
    ["a\0b", "holds a NUL character"],
  ])("%s is refused", (path, says) => {
    expect(() => confine(ROOT, path)).toThrow(says);
  });
});

describe("file operations", () => {
  const fs = () => {
    const memory = new MemoryFs();
    memory.put(`${ROOT}/inside.txt`, "inside");
    memory.put("/etc/passwd", "root:x:0:0");
    return memory;
  };

  test("a write creates the directories it needs; a read gives base64 and the size", () => {
    const memory = fs();
    expect(filesOperation(memory, ROOT, { op: "write", path: "deep/er/f.bin", data: Buffer.from([1, 2, 3]).toString("base64") })).toEqual({ ok: true, path: "deep/er/f.bin", size: 3 });
    expect(filesOperation(memory, ROOT, { op: "read", path: "deep/er/f.bin", maxBytes: 10 })).toEqual({ ok: true, path: "deep/er/f.bin", size: 3, data: "AQID" });
  });

  test("a link at the end or on the way is refused for every operation, and never followed", () => {
    const memory = fs();
    memory.symlink("/etc", `${ROOT}/etc`);
    memory.symlink("/etc/passwd", `${ROOT}/pw`);
    for (const path of ["etc/passwd", "pw"]) {
      expect(filesOperation(memory, ROOT, { op: "read", path, maxBytes: 100 })).toMatchObject({ ok: false, kind: "refused" });
      expect(filesOperation(memory, ROOT, { op: "write", path, data: "eA==" })).toMatchObject({ ok: false, kind: "refused" });
    }
    expect(filesOperation(memory, ROOT, { op: "list", path: "etc", recursive: false, maxEntries: 10 })).toMatchObject({ ok: false, kind: "refused" });
    // Deleting a link removes the link, not what it points to.
    expect(filesOperation(memory, ROOT, { op: "delete", path: "pw", recursive: false })).toEqual({ ok: true, path: "pw" });
    expect(memory.nodes.has("/etc/passwd")).toBe(true);
    expect(new TextDecoder().decode(memory.readFile("/etc/passwd"))).toBe("root:x:0:0");
  });

  test("a recursive delete inside the directory removes links found there without following them", () => {
    const memory = fs();
    memory.put(`${ROOT}/d/f.txt`, "f");
    memory.symlink("/etc", `${ROOT}/d/etc`);
    expect(filesOperation(memory, ROOT, { op: "delete", path: "d", recursive: true })).toEqual({ ok: true, path: "d" });
    expect(memory.nodes.has("/etc/passwd")).toBe(true);
    expect(memory.nodes.has(`${ROOT}/d`)).toBe(false);
  });

  test("an ancestor of the working directory replaced by a link makes every operation refuse", () => {
    const memory = fs();
    memory.nodes.delete("/home/pyodide/sessions");
    memory.nodes.delete(ROOT);
    memory.nodes.delete(`${ROOT}/inside.txt`);
    memory.symlink("/etc", "/home/pyodide/sessions");
    expect(filesOperation(memory, ROOT, { op: "list", path: ".", recursive: true, maxEntries: 10 })).toMatchObject({ ok: false, kind: "refused", message: expect.stringContaining("/home/pyodide/sessions has been replaced by a symbolic link") });
    expect(filesOperation(memory, ROOT, { op: "write", path: "x", data: "eA==" })).toMatchObject({ ok: false, kind: "refused" });
  });

  test("a read over the limit is refused before it is read; a listing stops at its limit and says so", () => {
    const memory = fs();
    expect(filesOperation(memory, ROOT, { op: "read", path: "inside.txt", maxBytes: 3 })).toEqual({ ok: false, kind: "too-large", message: "inside.txt is 6 bytes, over the 3-byte limit on files (--max-file-bytes)" });
    for (let i = 0; i < 5; i++) memory.put(`${ROOT}/many/${i}`, "x");
    expect(filesOperation(memory, ROOT, { op: "list", path: "many", recursive: false, maxEntries: 3 })).toMatchObject({ ok: true, truncated: true, entries: [{ path: "0" }, { path: "1" }, { path: "2" }] });
  });

  test("what is not there, or not what the operation needs, is named", () => {
    const memory = fs();
    expect(filesOperation(memory, ROOT, { op: "read", path: "missing.txt", maxBytes: 10 })).toEqual({ ok: false, kind: "not-found", message: "no such file: missing.txt" });
    expect(filesOperation(memory, ROOT, { op: "read", path: "nodir/x", maxBytes: 10 })).toMatchObject({ ok: false, kind: "not-found", message: 'no such directory: nodir (in "nodir/x")' });
    expect(filesOperation(memory, ROOT, { op: "write", path: "inside.txt/x", data: "" })).toMatchObject({ ok: false, kind: "invalid", message: "inside.txt is not a directory" });
    expect(filesOperation(memory, ROOT, { op: "delete", path: ".", recursive: true })).toMatchObject({ ok: false, kind: "refused" });
    expect(filesOperation(memory, ROOT, { op: "write", path: ".", data: "" })).toMatchObject({ ok: false, kind: "invalid" });
  });
});
