/** A package mirror the tests build and serve on 127.0.0.1: a Pyodide-format lock, pure-Python wheels, a PEP 503 index, and faults on demand. */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Socket, TCPSocketListener } from "bun";
import { strToU8, unzipSync, zipSync } from "fflate";
import { REPO_ROOT } from "./paths.ts";

/** The lock bundled with Pyodide, whose `info` a test mirror copies so its ABI matches. */
export const BUNDLED_LOCK = join(REPO_ROOT, "node_modules", "pyodide", "pyodide-lock.json");

/** What a test wheel holds. */
export interface WheelSpec {
  /** Distribution name, e.g. "woma-app". */
  name: string;
  version: string;
  /** Top-level module; default the name with dashes as underscores. */
  module?: string;
  /** Extra files inside the module's folder, by relative path. */
  files?: Record<string, string | Uint8Array>;
  /** `Requires-Dist` lines. */
  requires?: string[];
  /** python-abi-platform tag; default "py3-none-any". */
  tag?: string;
  /** Random bytes stored uncompressed in the module folder, to make a big file (for progress and cut-off downloads). */
  padBytes?: number;
}

/** A wheel built in memory. */
export interface BuiltWheel {
  name: string;
  version: string;
  module: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  requires: string[];
}

function recordHash(bytes: Uint8Array): string {
  return `sha256=${createHash("sha256").update(bytes).digest("base64url")}`;
}

/** Builds a wheel (a zip with the module, `*.dist-info/METADATA`, `WHEEL`, `top_level.txt` and `RECORD`), as pip would install it. */
export function buildWheel(spec: WheelSpec): BuiltWheel {
  const module = spec.module ?? spec.name.replace(/[-.]/g, "_").toLowerCase();
  const stem = `${spec.name.replace(/[-.]+/g, "_")}-${spec.version}`;
  const tag = spec.tag ?? "py3-none-any";
  const distInfo = `${stem}.dist-info`;
  const entries: Record<string, Uint8Array> = {
    [`${module}/__init__.py`]: strToU8(`"""${spec.name} ${spec.version}, built by woma's tests."""\nNAME = ${JSON.stringify(spec.name)}\n__version__ = ${JSON.stringify(spec.version)}\n`),
  };
  for (const [path, content] of Object.entries(spec.files ?? {})) entries[`${module}/${path}`] = typeof content === "string" ? strToU8(content) : content;
  if (spec.padBytes) entries[`${module}/padding.bin`] = new Uint8Array(randomBytes(spec.padBytes));
  const metadata = [`Metadata-Version: 2.1`, `Name: ${spec.name}`, `Version: ${spec.version}`, `Summary: test package`, ...(spec.requires ?? []).map((line) => `Requires-Dist: ${line}`), "", "A package built by the woma tests.", ""].join("\n");
  entries[`${distInfo}/METADATA`] = strToU8(metadata);
  entries[`${distInfo}/WHEEL`] = strToU8(`Wheel-Version: 1.0\nGenerator: woma-tests\nRoot-Is-Purelib: true\nTag: ${tag}\n`);
  entries[`${distInfo}/top_level.txt`] = strToU8(`${module}\n`);
  const record = Object.entries(entries).map(([path, bytes]) => `${path},${recordHash(bytes)},${bytes.byteLength}`);
  entries[`${distInfo}/RECORD`] = strToU8(`${[...record, `${distInfo}/RECORD,,`].join("\n")}\n`);
  // Padding is stored, not deflated, so the wheel really is that big.
  const zippable = Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, path.endsWith("padding.bin") ? ([bytes, { level: 0 }] as [Uint8Array, { level: 0 }]) : bytes]));
  const bytes = zipSync(zippable, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
  return { name: spec.name, version: spec.version, module, fileName: `${stem}-${tag}.whl`, bytes, sha256: createHash("sha256").update(bytes).digest("hex"), requires: spec.requires ?? [] };
}

/** Options of {@link buildHostileWheel}: a wheel with one entry added that a checker must refuse, or a METADATA that lies. */
export interface HostileWheelSpec extends WheelSpec {
  /** An extra entry by its raw name (`../evil.py`, `/etc/x`), optionally a symbolic link (its content is the target). */
  extra?: { name: string; content?: string; symlink?: boolean };
  /** METADATA inflates to this many bytes (blank lines after the headers) while its zip headers declare its real small size. */
  metadataInflatesTo?: number;
  /** A file of this many zero bytes, honestly declared (a high compression ratio). */
  zeros?: number;
}

/**
 * Builds a wheel a checker must handle with care. `metadataInflatesTo` writes METADATA
 * padded to that size and then patches both zip headers to declare only the size of its
 * first line, the bomb that stalled the daemon before wheels were checked off its event loop.
 */
export function buildHostileWheel(spec: HostileWheelSpec): BuiltWheel {
  const base = buildWheel(spec);
  const entries = unzipSync(base.bytes);
  const zippable: Record<string, Uint8Array | [Uint8Array, { level?: 0 | 9; os?: number; attrs?: number }]> = { ...entries };
  if (spec.extra) zippable[spec.extra.name] = [strToU8(spec.extra.content ?? "x = 1\n"), spec.extra.symlink ? { os: 3, attrs: (0o120777 << 16) >>> 0 } : {}];
  if (spec.zeros) zippable[`${base.module}/zeros.bin`] = [new Uint8Array(spec.zeros), { level: 9 }];
  const metadataName = Object.keys(entries).find((name) => name.endsWith(".dist-info/METADATA"))!;
  let declared: number | undefined;
  if (spec.metadataInflatesTo) {
    const real = entries[metadataName]!;
    const padded = new Uint8Array(spec.metadataInflatesTo);
    padded.fill(10);
    padded.set(real);
    zippable[metadataName] = [padded, { level: 9 }];
    declared = real.byteLength;
  }
  let bytes: Uint8Array = zipSync(zippable as Parameters<typeof zipSync>[0], { mtime: new Date("2026-01-01T00:00:00Z") });
  if (declared !== undefined) bytes = declareSize(bytes, metadataName, declared);
  return { ...base, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Rewrites the uncompressed size that the local header and the central directory declare for `name`. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const matches = (at: number) => nameBytes.every((byte, i) => out[at + i] === byte);
  for (let at = 0; at + 46 < out.byteLength; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint16(at + 26, true) === nameBytes.byteLength && matches(at + 30)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(at + 28, true) === nameBytes.byteLength && matches(at + 46)) view.setUint32(at + 24, size, true);
  }
  return out;
}

/** An entry of a test lock: a wheel plus its lock dependencies. */
export interface LockEntry {
  wheel: BuiltWheel;
  depends?: string[];
  /** Write this sha256 in the lock instead of the wheel's own (a lock that lies). */
  sha256?: string;
}

/** Writes `dir/pyodide-lock.json` (with the bundled lock's `info`) and the wheels next to it: a mirror as Pyodide lays out its distribution. */
export function writeLockMirror(dir: string, entries: LockEntry[]): string {
  mkdirSync(dir, { recursive: true });
  const info = (JSON.parse(readFileSync(BUNDLED_LOCK, "utf8")) as { info: unknown }).info;
  const packages: Record<string, unknown> = {};
  for (const { wheel, depends, sha256 } of entries) {
    writeFileSync(join(dir, wheel.fileName), wheel.bytes);
    packages[wheel.name.toLowerCase().replace(/[-_.]+/g, "-")] = {
      name: wheel.name,
      version: wheel.version,
      file_name: wheel.fileName,
      install_dir: "site",
      sha256: sha256 ?? wheel.sha256,
      package_type: "package",
      imports: [wheel.module],
      depends: depends ?? [],
      unvendored_tests: false,
    };
  }
  writeFileSync(join(dir, "pyodide-lock.json"), JSON.stringify({ info, packages }, null, 2));
  return dir;
}

/** The wheels of the standard test mirror, by role. */
export interface StandardWheels {
  /** A dependency of `app`. */
  base: BuiltWheel;
  /** Depends on `base`. */
  app: BuiltWheel;
  /** Carries a data file, `woma_data/table.csv`. */
  data: BuiltWheel;
  /** Distribution "Woma-Renamed", imported as `wrn`. */
  renamed: BuiltWheel;
  /** About 256 KiB, for progress and cut-off downloads. */
  big: BuiltWheel;
  /** Built for another Pyodide ABI (CPython 3.13, pyemscripten_2025_0). */
  otherAbi: BuiltWheel;
}

/** Builds the standard wheels (fresh random padding each call). */
export function standardWheels(): StandardWheels {
  return {
    base: buildWheel({ name: "woma-base", version: "1.0.0" }),
    app: buildWheel({ name: "woma-app", version: "1.2.0", requires: ["woma-base>=1.0"] }),
    data: buildWheel({ name: "woma-data", version: "0.3.0", files: { "table.csv": "x,y\n1,2\n3,4\n" } }),
    renamed: buildWheel({ name: "Woma-Renamed", version: "2.0.0", module: "wrn" }),
    big: buildWheel({ name: "woma-big", version: "1.0.0", padBytes: 256 * 1024 }),
    otherAbi: buildWheel({ name: "woma-native", version: "1.0.0", tag: "cp313-cp313-pyemscripten_2025_0_wasm32" }),
  };
}

/** Writes the standard mirror into `dir` and returns its wheels. */
export function writeStandardMirror(dir: string, wheels = standardWheels()): StandardWheels {
  writeLockMirror(dir, [
    { wheel: wheels.base },
    { wheel: wheels.app, depends: ["woma_base"] },
    { wheel: wheels.data },
    { wheel: wheels.renamed },
    { wheel: wheels.big },
    { wheel: wheels.otherAbi },
  ]);
  return wheels;
}

/** A project on the test's simple index: its wheels, by file name. */
export type IndexProjects = Record<string, BuiltWheel[]>;

/** Options of {@link MirrorServer.start}. */
export interface MirrorServerOptions {
  /** The mirror directory served at `/` (lock plus wheels). */
  mirrorDir: string;
  /** Projects served under `/simple/<name>/`, their files under `/files/`. */
  index?: IndexProjects;
  /** Also serve these files (e.g. a wheel from pip) under `/files/`, listed on the index under their project. */
  extraIndexFiles?: string[];
  /** "json" answers PEP 691 JSON when the client accepts it (the default); "html" always answers PEP 503 HTML. */
  indexFormat?: "json" | "html";
  /** Port to listen on (default: any free one; give the old port to bring a stopped mirror back). */
  port?: number;
  /** False: the index gives no sha256 for its files (default true). */
  indexHashes?: boolean;
}

interface Pending {
  /** The whole response, head and body. */
  bytes: Uint8Array;
  /** Bytes written so far. */
  offset: number;
  /** Write up to here, then finish (the whole response) or die (a cut-off body). */
  stopAt: number;
  die: boolean;
  finished?: boolean;
}

/**
 * The mirror and index over HTTP/1.1 on 127.0.0.1, written on raw TCP so a test can make
 * it die in the middle of a body (after announcing the full Content-Length), which a
 * higher-level server does not allow. Counts requests per path.
 */
export class MirrorServer {
  private listener: TCPSocketListener<{ buffer: string; pending?: Pending }> | undefined;
  private readonly counts = new Map<string, number>();
  private readonly cuts = new Map<string, number>();
  private readonly tampered = new Set<string>();
  private readonly wrongIndexHashes = new Set<string>();
  private readonly redirects = new Map<string, string>();
  private readonly held = new Map<string, Promise<unknown>>();
  private readonly indexFiles = new Map<string, { project: string; bytes: Uint8Array }>();

  private constructor(private readonly options: MirrorServerOptions) {
    for (const [project, wheels] of Object.entries(options.index ?? {})) {
      for (const wheel of wheels) this.indexFiles.set(wheel.fileName, { project: normal(project), bytes: wheel.bytes });
    }
    for (const path of options.extraIndexFiles ?? []) {
      const fileName = basename(path);
      this.indexFiles.set(fileName, { project: normal(fileName.split("-")[0]!), bytes: readFileSync(path) });
    }
  }

  /** Starts serving. */
  static start(options: MirrorServerOptions): MirrorServer {
    const server = new MirrorServer(options);
    server.listen(options.port ?? 0);
    return server;
  }

  /** The port, kept across {@link stop} and {@link restart}. */
  port = 0;

  /** The mirror's URL (for `--packages-url`). */
  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** The simple index's URL (for `--pypi-index`). */
  get indexUrl(): string {
    return `http://127.0.0.1:${this.port}/simple/`;
  }

  /** How many requests asked for `/<path>` (e.g. a wheel's file name, or `files/<name>`). */
  requests(path: string): number {
    return this.counts.get(path) ?? 0;
  }

  /** From now on, answers for `/<path>` announce the whole size and drop the connection after `bytes` of the body; `undefined` heals it. */
  cutAfter(path: string, bytes: number | undefined): void {
    if (bytes === undefined) this.cuts.delete(path);
    else this.cuts.set(path, bytes);
  }

  /** Serves `/<path>` with one byte changed (its sha256 no longer matches), or heals it. */
  tamper(path: string, on = true): void {
    if (on) this.tampered.add(path);
    else this.tampered.delete(path);
  }

  /** Makes the index list a wrong sha256 for this file, or heals it. */
  wrongIndexHash(fileName: string, on = true): void {
    if (on) this.wrongIndexHashes.add(fileName);
    else this.wrongIndexHashes.delete(fileName);
  }

  /** Holds the answer for `/<path>` until `until` settles (a download in flight as long as a test needs). */
  hold(path: string, until: Promise<unknown>): void {
    this.held.set(path, until);
  }

  /** Answers `/<path>` with a 302 to `location` (relative to the server, or absolute). */
  redirect(path: string, location: string): void {
    this.redirects.set(path, location);
  }

  /** Stops listening and drops every open connection (the mirror is gone). */
  stop(): void {
    this.listener?.stop(true);
    this.listener = undefined;
  }

  /** Listens again on the same port (the mirror is back). */
  restart(): void {
    if (!this.listener) this.listen(this.port);
  }

  private listen(port: number): void {
    this.listener = Bun.listen<{ buffer: string; pending?: Pending }>({
      hostname: "127.0.0.1",
      port,
      data: { buffer: "" },
      socket: {
        open: (socket) => {
          socket.data = { buffer: "" };
        },
        data: (socket, chunk) => {
          if (socket.data.pending) return;
          socket.data.buffer += chunk.toString("latin1");
          const end = socket.data.buffer.indexOf("\r\n\r\n");
          if (end < 0) return;
          const head = socket.data.buffer.slice(0, end).split("\r\n");
          const [method = "", target = "/"] = (head[0] ?? "").split(" ");
          const accept = head.find((line) => line.toLowerCase().startsWith("accept:"))?.slice(7).trim() ?? "";
          this.respond(socket, method, target, accept);
        },
        drain: (socket) => this.flush(socket),
        error: () => {},
      },
    });
    this.port = this.listener.port;
  }

  private respond(socket: Socket<{ buffer: string; pending?: Pending }>, method: string, target: string, accept: string, released = false): void {
    const path = decodeURIComponent(new URL(target, "http://x").pathname).replace(/^\/+/, "");
    if (!released) this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    const held = released ? undefined : this.held.get(path);
    if (held) {
      socket.data.pending = { bytes: new Uint8Array(), offset: 0, stopAt: 0, die: false, finished: true };
      void held.finally(() => {
        socket.data.pending = undefined;
        this.respond(socket, method, target, accept, true);
      });
      return;
    }
    const redirect = this.redirects.get(path);
    const answer = method !== "GET" ? { status: 405, type: "text/plain", body: strToU8("GET only\n") } : redirect !== undefined ? { status: 302, type: "text/plain", body: new Uint8Array(), location: redirect } : this.route(path, accept);
    let body = answer.body;
    if (this.tampered.has(path) && body.byteLength > 0) {
      body = body.slice();
      body[body.byteLength - 1]! ^= 0xff;
    }
    const location = "location" in answer ? `Location: ${answer.location}\r\n` : "";
    const header = strToU8(`HTTP/1.1 ${answer.status} ${answer.status === 200 ? "OK" : "Other"}\r\nContent-Type: ${answer.type}\r\nContent-Length: ${body.byteLength}\r\n${location}Connection: close\r\n\r\n`);
    const bytes = new Uint8Array(header.byteLength + body.byteLength);
    bytes.set(header);
    bytes.set(body, header.byteLength);
    const cut = this.cuts.get(path);
    const die = cut !== undefined && cut < body.byteLength;
    socket.data.pending = { bytes, offset: 0, stopAt: die ? header.byteLength + cut : bytes.byteLength, die };
    this.flush(socket);
  }

  private flush(socket: Socket<{ buffer: string; pending?: Pending }>): void {
    const pending = socket.data.pending;
    if (!pending) return;
    while (pending.offset < pending.stopAt) {
      const written = socket.write(pending.bytes.subarray(pending.offset, pending.stopAt));
      if (written <= 0) return; // The rest goes out on drain.
      pending.offset += written;
    }
    if (pending.finished) return;
    pending.finished = true;
    // A dying mirror resets the connection once the client has the headers and part of the body.
    if (pending.die) setTimeout(() => socket.terminate(), 20);
    else socket.end();
  }

  private route(path: string, accept: string): { status: number; type: string; body: Uint8Array } {
    const simple = /^simple\/([^/]+)\/?$/.exec(path);
    if (simple) return this.indexPage(normal(simple[1]!), accept);
    const file = /^files\/([^/]+)$/.exec(path);
    if (file) {
      const entry = this.indexFiles.get(file[1]!);
      return entry ? { status: 200, type: "application/octet-stream", body: entry.bytes } : notFound();
    }
    if (path.includes("/") || path.startsWith(".")) return notFound();
    try {
      const type = path.endsWith(".json") ? "application/json" : "application/octet-stream";
      return { status: 200, type, body: readFileSync(join(this.options.mirrorDir, path)) };
    } catch {
      return notFound();
    }
  }

  private indexPage(project: string, accept: string): { status: number; type: string; body: Uint8Array } {
    const files = [...this.indexFiles.entries()].filter(([, entry]) => entry.project === project);
    if (files.length === 0) return notFound();
    const hash = (fileName: string, bytes: Uint8Array) => (this.wrongIndexHashes.has(fileName) ? "0".repeat(64) : createHash("sha256").update(bytes).digest("hex"));
    const hashed = this.options.indexHashes !== false;
    if (this.options.indexFormat !== "html" && accept.includes("application/vnd.pypi.simple.v1+json")) {
      const json = { meta: { "api-version": "1.0" }, name: project, files: files.map(([fileName, entry]) => ({ filename: fileName, url: `../../files/${fileName}`, hashes: hashed ? { sha256: hash(fileName, entry.bytes) } : {} })) };
      return { status: 200, type: "application/vnd.pypi.simple.v1+json", body: strToU8(JSON.stringify(json)) };
    }
    const links = files.map(([fileName, entry]) => `<a href="../../files/${fileName}${hashed ? `#sha256=${hash(fileName, entry.bytes)}` : ""}" data-requires-python="&gt;=3.8">${fileName}</a><br/>`);
    return { status: 200, type: "text/html", body: strToU8(`<!DOCTYPE html><html><body><h1>Links for ${project}</h1>\n${links.join("\n")}\n</body></html>\n`) };
  }
}

function normal(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

function notFound() {
  return { status: 404, type: "text/plain", body: strToU8("not found\n") };
}

/** A real pure-Python wheel from pip's index, or why there is none. */
export type RealWheel = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Downloads one real wheel with `pip download --no-deps --only-binary=:all:` into a fresh
 * directory. The tests use it when pip's index can be reached and say so when it cannot.
 */
export function downloadRealWheel(requirement: string, timeoutMs = 60_000): RealWheel {
  return downloadRealWheels([requirement], timeoutMs).get(requirement)!;
}

/**
 * Downloads several real wheels in one pip call (pip gives up on an unreachable index once,
 * not once per name), each answered as a path or the reason there is none.
 */
export function downloadRealWheels(requirements: string[], timeoutMs = 90_000): Map<string, RealWheel> {
  const dir = mkdtempSync(join(tmpdir(), "woma-pip-"));
  const result = spawnSync(
    "python3",
    ["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check", "--retries", "1", "--timeout", "10", "-q", "-d", dir, ...requirements],
    { encoding: "utf8", timeout: timeoutMs },
  );
  const files = readdirSync(dir).filter((name) => name.endsWith(".whl"));
  const reason = result.error?.message ?? (result.stderr.trim().split("\n").at(-1) || `pip exited with ${result.status}`);
  const answers = new Map<string, RealWheel>();
  for (const requirement of requirements) {
    const project = normal(requirement.split(/[<>=!~ \[]/)[0]!);
    const wheel = files.find((name) => normal(name.split("-")[0]!) === project);
    answers.set(requirement, wheel ? { ok: true, path: join(dir, wheel) } : { ok: false, reason: `no wheel for ${requirement}: ${reason}` });
  }
  return answers;
}
