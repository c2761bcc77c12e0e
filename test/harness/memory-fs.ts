/** An in-memory stand-in for Emscripten's FS (the part woma's file operations use), with symbolic links, for tests without Pyodide. */
import type { VirtualFs } from "../../daemon/runner/session-files.ts";

const DIR = 0o040000;
const FILE = 0o100000;
const LINK = 0o120000;
const TYPE = 0o170000;

type Node = { mode: number; data: Uint8Array; target?: string; mtime: Date };

/**
 * A flat map from absolute path to node. `lstat` does not follow a link at the end of the
 * path; every other call follows links as Emscripten does (so a test can show what a
 * missing check would reach).
 */
export class MemoryFs implements VirtualFs {
  readonly nodes = new Map<string, Node>([["/", { mode: DIR, data: new Uint8Array(), mtime: new Date(0) }]]);

  private resolve(path: string, followLast: boolean, depth = 0): string {
    if (depth > 16) throw new Error("ELOOP");
    const parts = path.split("/").filter(Boolean);
    let current = "";
    for (const [index, part] of parts.entries()) {
      const next = `${current}/${part}`;
      const node = this.nodes.get(next);
      if (node && (node.mode & TYPE) === LINK && (followLast || index < parts.length - 1)) {
        const target = node.target!.startsWith("/") ? node.target! : `${current}/${node.target}`;
        current = this.resolve(target, true, depth + 1);
      } else current = next;
    }
    return current || "/";
  }

  private get(path: string, followLast: boolean): Node {
    const node = this.nodes.get(this.resolve(path, followLast));
    if (!node) throw Object.assign(new Error(`ENOENT: ${path}`), { errno: 44 });
    return node;
  }

  lstat(path: string) {
    const node = this.get(path, false);
    return { mode: node.mode, size: node.data.length, mtime: node.mtime };
  }
  isDir(mode: number) {
    return (mode & TYPE) === DIR;
  }
  isFile(mode: number) {
    return (mode & TYPE) === FILE;
  }
  isLink(mode: number) {
    return (mode & TYPE) === LINK;
  }
  readdir(path: string): string[] {
    const dir = this.resolve(path, true);
    if (!this.isDir(this.get(dir, true).mode)) throw new Error(`ENOTDIR: ${path}`);
    const prefix = dir === "/" ? "/" : `${dir}/`;
    const names = [...this.nodes.keys()].filter((p) => p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes("/")).map((p) => p.slice(prefix.length));
    return [".", "..", ...names];
  }
  readFile(path: string): Uint8Array {
    const node = this.get(path, true);
    if (!this.isFile(node.mode)) throw new Error(`EISDIR: ${path}`);
    return node.data;
  }
  writeFile(path: string, data: Uint8Array): void {
    const real = this.resolve(path, true);
    const parent = real.slice(0, real.lastIndexOf("/")) || "/";
    if (!this.nodes.has(parent)) throw new Error(`ENOENT: ${path}`);
    this.nodes.set(real, { mode: FILE, data: new Uint8Array(data), mtime: new Date() });
  }
  mkdir(path: string): void {
    const real = this.resolve(path, false);
    if (this.nodes.has(real)) throw new Error(`EEXIST: ${path}`);
    this.nodes.set(real, { mode: DIR, data: new Uint8Array(), mtime: new Date() });
  }
  unlink(path: string): void {
    const real = this.resolve(path, false);
    if (!this.nodes.delete(real)) throw new Error(`ENOENT: ${path}`);
  }
  rmdir(path: string): void {
    const real = this.resolve(path, false);
    if (this.readdir(real).length > 2) throw new Error(`ENOTEMPTY: ${path}`);
    this.nodes.delete(real);
  }

  /** What Python's os.symlink would make. */
  symlink(target: string, path: string): void {
    this.nodes.set(this.resolve(path, false), { mode: LINK, data: new TextEncoder().encode(target), target, mtime: new Date() });
  }
  /** What Python's os.makedirs and open().write() would make. */
  put(path: string, text: string): void {
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join("/")}`;
      if (!this.nodes.has(dir)) this.mkdir(dir);
    }
    this.writeFile(path, new TextEncoder().encode(text));
  }
}
