/** A session's working directory in its runner's virtual file system, and the file operations on it, confined to it: the worker runs these with Emscripten's FS, which Python cannot reach. */
import type { FileEntry, FileType } from "../../protocol/generated/types.ts";
import type { FilesAnswer, FilesOp, FilesProblem } from "../contract/runner-protocol.ts";

/** Python's home directory in every runner; runs without a session start there. */
export const HOME = "/home/pyodide";
/** Where the sessions' working directories live. */
export const SESSIONS_ROOT = `${HOME}/sessions`;

/** The part of Emscripten's FS the operations use (the worker passes the real one; tests a fake). */
export interface VirtualFs {
  lstat(path: string): { mode: number; size: number; mtime: Date | number | string };
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  isLink(mode: number): boolean;
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  mkdir(path: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
}

/** A refusal or failure, thrown inside an operation and answered as `{ ok: false }`. */
class FilesError extends Error {
  constructor(
    readonly kind: FilesProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The working directory of a session (or the home directory for a run without one). The
 * name is the session id itself, which the schema limits to letters, digits, `.`, `_`, `:`
 * and `-`; the two ids that are path components of their own (`.`, `..`) are spelled out.
 */
export function sessionDirectory(sessionId: string | null): string {
  if (sessionId === null) return HOME;
  const name = sessionId === "." || sessionId === ".." ? sessionId.replace(/\./g, "%2E") : sessionId;
  return `${SESSIONS_ROOT}/${name}`;
}

/**
 * The components of `path` below the working directory `root`, with `.` and `..` resolved
 * as text. A relative path is taken from `root`; an absolute one must lie within it.
 * Throws `refused` for anything that would leave it.
 */
export function confine(root: string, path: string): string[] {
  if (path.includes("\0")) throw new FilesError("refused", `${JSON.stringify(path)} holds a NUL character`);
  let relative = path;
  if (path.startsWith("/")) {
    const normal = `/${path.split("/").filter((p) => p !== "" && p !== ".").join("/")}`;
    if (normal !== root && !normal.startsWith(`${root}/`)) {
      throw new FilesError("refused", `${JSON.stringify(path)} is an absolute path outside the session's working directory (${root}); give a path relative to it`);
    }
    relative = normal.slice(root.length);
  }
  const parts: string[] = [];
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) throw new FilesError("refused", `${JSON.stringify(path)} leaves the session's working directory`);
      parts.pop();
    } else parts.push(part);
  }
  return parts;
}

function stat(fs: VirtualFs, path: string): ReturnType<VirtualFs["lstat"]> | undefined {
  try {
    return fs.lstat(path);
  } catch {
    return undefined;
  }
}

function isoTime(value: Date | number | string): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/**
 * Checks that every directory from `/` down to `root` is a real directory, not a symbolic
 * link Python put in its place; creates the missing ones when `create`. Returns false when
 * `root` does not exist (and was not to be created).
 */
function checkRoot(fs: VirtualFs, root: string, create: boolean): boolean {
  let path = "";
  for (const part of root.split("/").filter(Boolean)) {
    path += `/${part}`;
    const info = stat(fs, path);
    if (info === undefined) {
      if (!create) return false;
      fs.mkdir(path);
      continue;
    }
    if (fs.isLink(info.mode)) throw new FilesError("refused", `${path} has been replaced by a symbolic link, so the session's working directory cannot be reached safely`);
    if (!fs.isDir(info.mode)) throw new FilesError("refused", `${path} is not a directory, so the session's working directory cannot be reached`);
  }
  return true;
}

/**
 * Walks to the parent of the last component, refusing symbolic links and non-directories
 * on the way (creating missing directories when `create`); returns the full path of the
 * target, which may not exist.
 */
function walk(fs: VirtualFs, root: string, parts: string[], create: boolean, original: string): string {
  let path = root;
  for (const [index, part] of parts.entries()) {
    path += `/${part}`;
    if (index === parts.length - 1) break;
    const info = stat(fs, path);
    const shown = parts.slice(0, index + 1).join("/");
    if (info === undefined) {
      if (!create) throw new FilesError("not-found", `no such directory: ${shown} (in ${JSON.stringify(original)})`);
      fs.mkdir(path);
    } else if (fs.isLink(info.mode)) {
      throw new FilesError("refused", `${shown} is a symbolic link; files/* does not follow links`);
    } else if (!fs.isDir(info.mode)) {
      throw new FilesError("invalid", `${shown} is not a directory`);
    }
  }
  return path;
}

function typeOf(fs: VirtualFs, mode: number): FileType {
  if (fs.isLink(mode)) return "symlink";
  if (fs.isDir(mode)) return "directory";
  if (fs.isFile(mode)) return "file";
  return "other";
}

function children(fs: VirtualFs, path: string): string[] {
  return fs.readdir(path).filter((name) => name !== "." && name !== "..").sort();
}

/** Bytes of the regular files under `path`, never following a link (at most 64 levels deep). */
function treeBytes(fs: VirtualFs, path: string, depth = 0): number {
  const info = stat(fs, path);
  if (info === undefined || fs.isLink(info.mode)) return 0;
  if (fs.isFile(info.mode)) return info.size;
  if (!fs.isDir(info.mode) || depth > 64) return 0;
  let total = 0;
  for (const name of children(fs, path)) total += treeBytes(fs, `${path}/${name}`, depth + 1);
  return total;
}

/** Deletes `path` and what it holds, never following a link. */
function removeTree(fs: VirtualFs, path: string): void {
  const info = stat(fs, path);
  if (info === undefined) return;
  if (fs.isDir(info.mode) && !fs.isLink(info.mode)) {
    for (const name of children(fs, path)) removeTree(fs, `${path}/${name}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

function list(fs: VirtualFs, dir: string, recursive: boolean, maxEntries: number): { entries: FileEntry[]; truncated: boolean } {
  const entries: FileEntry[] = [];
  let truncated = false;
  const visit = (path: string, prefix: string, depth: number) => {
    for (const name of children(fs, path)) {
      if (entries.length >= maxEntries) {
        truncated = true;
        return;
      }
      const info = stat(fs, `${path}/${name}`);
      if (info === undefined) continue;
      const type = typeOf(fs, info.mode);
      entries.push({ path: prefix + name, type, size: type === "directory" ? 0 : info.size, modified: isoTime(info.mtime) });
      if (recursive && type === "directory" && depth < 64) visit(`${path}/${name}`, `${prefix}${name}/`, depth + 1);
    }
  };
  visit(dir, "", 0);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, truncated };
}

/**
 * Carries out one operation in the working directory `root`. Paths that leave it, and
 * symbolic links anywhere on the way (from `/` down), are refused: Python can make links
 * and rename directories, so every component is checked with lstat at the time of the
 * operation, and no Python runs meanwhile (the daemon queues file operations between runs).
 */
export function filesOperation(fs: VirtualFs, root: string, request: FilesOp): FilesAnswer {
  try {
    const parts = confine(root, request.path);
    const shown = parts.length === 0 ? "." : parts.join("/");
    switch (request.op) {
      case "write": {
        if (parts.length === 0) throw new FilesError("invalid", "the path names the working directory itself, not a file");
        checkRoot(fs, root, true);
        const path = walk(fs, root, parts, true, request.path);
        const info = stat(fs, path);
        if (info !== undefined && fs.isLink(info.mode)) throw new FilesError("refused", `${shown} is a symbolic link; files/* does not follow links`);
        if (info !== undefined && !fs.isFile(info.mode)) throw new FilesError("invalid", `${shown} exists and is not a regular file`);
        const bytes = Buffer.from(request.data, "base64");
        if (request.maxTotalBytes === undefined) {
          fs.writeFile(path, bytes);
          return { ok: true, path: shown, size: bytes.length };
        }
        // What Python wrote counts too: the files are measured where they are, not as files/write saw them.
        const total = treeBytes(fs, HOME) - (info?.size ?? 0) + bytes.length;
        if (total > request.maxTotalBytes) {
          throw new FilesError(
            "too-large",
            `${shown} (${bytes.length} bytes) would bring this client's session files to ${total} bytes, over the ${request.maxTotalBytes} bytes they may hold (--max-tenant-file-bytes); delete some first`,
          );
        }
        fs.writeFile(path, bytes);
        return { ok: true, path: shown, size: bytes.length, usage: total };
      }
      case "read": {
        if (!checkRoot(fs, root, false)) throw new FilesError("not-found", `no such file: ${shown} (the session's working directory is empty)`);
        const path = walk(fs, root, parts, false, request.path);
        const info = parts.length === 0 ? stat(fs, root) : stat(fs, path);
        if (info === undefined) throw new FilesError("not-found", `no such file: ${shown}`);
        if (fs.isLink(info.mode)) throw new FilesError("refused", `${shown} is a symbolic link; files/* does not follow links`);
        if (fs.isDir(info.mode)) throw new FilesError("invalid", `${shown} is a directory; list it with files/list`);
        if (!fs.isFile(info.mode)) throw new FilesError("refused", `${shown} is not a regular file`);
        if (info.size > request.maxBytes) throw new FilesError("too-large", `${shown} is ${info.size} bytes, over the ${request.maxBytes}-byte limit on files (--max-file-bytes)`);
        const bytes = fs.readFile(path);
        if (bytes.length > request.maxBytes) throw new FilesError("too-large", `${shown} is ${bytes.length} bytes, over the ${request.maxBytes}-byte limit on files (--max-file-bytes)`);
        return { ok: true, path: shown, size: bytes.length, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64") };
      }
      case "list": {
        checkRoot(fs, root, true);
        const path = parts.length === 0 ? root : walk(fs, root, parts, false, request.path);
        const info = stat(fs, path);
        if (info === undefined) throw new FilesError("not-found", `no such directory: ${shown}`);
        if (fs.isLink(info.mode)) throw new FilesError("refused", `${shown} is a symbolic link; files/* does not follow links`);
        if (!fs.isDir(info.mode)) throw new FilesError("invalid", `${shown} is not a directory`);
        return { ok: true, path: shown, ...list(fs, path, request.recursive, request.maxEntries) };
      }
      case "delete": {
        if (parts.length === 0) throw new FilesError("refused", "the working directory itself cannot be deleted; close the session instead");
        if (!checkRoot(fs, root, false)) throw new FilesError("not-found", `no such file or directory: ${shown}`);
        const path = walk(fs, root, parts, false, request.path);
        const info = stat(fs, path);
        if (info === undefined) throw new FilesError("not-found", `no such file or directory: ${shown}`);
        if (fs.isDir(info.mode) && !fs.isLink(info.mode)) {
          if (children(fs, path).length > 0 && !request.recursive) throw new FilesError("invalid", `${shown} is a directory that is not empty; delete it with recursive`);
          removeTree(fs, path);
        } else fs.unlink(path);
        return { ok: true, path: shown };
      }
    }
  } catch (error) {
    if (error instanceof FilesError) return { ok: false, kind: error.kind, message: error.message };
    return { ok: false, kind: "invalid", message: `the file system refused: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Deletes a session's working directory when the session closes (links inside are removed, never followed). */
export function removeSessionDirectory(fs: VirtualFs, sessionId: string): void {
  const root = sessionDirectory(sessionId);
  try {
    if (checkRoot(fs, root, false)) removeTree(fs, root);
  } catch {
    // A directory Python made unreachable is left where it is: nothing outside it is touched.
  }
}
