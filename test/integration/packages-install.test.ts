/** install() as micropip would do it, done by the daemon: names from a PEP 503 index on 127.0.0.1 with dependencies, wheel paths, and refusals. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pyodidePackage from "pyodide/package.json" with { type: "json" };
import { PackageStore } from "../../daemon/packages/package-store.ts";
import { parseNetPolicy } from "../../daemon/net/net-policy.ts";
import { BUNDLED_LOCK, buildWheel, downloadRealWheel, MirrorServer, writeStandardMirror, type BuiltWheel, type StandardWheels } from "../harness/package-mirror.ts";
import { packageFailure } from "../harness/expect-error.ts";

// A real pure-Python wheel from pip's index when it can be reached; the harness-built wheels cover everything else.
const real = downloadRealWheel("tabulate");
if (!real.ok) console.warn(`pip's index cannot be reached (${real.reason}): the real-wheel test is skipped; the harness-built wheels still run`);

const tinyDep10 = buildWheel({ name: "tiny-dep", version: "1.0" });
const tinyDep11 = buildWheel({ name: "tiny_dep", version: "1.1" });
const tinyDepPre = buildWheel({ name: "tiny-dep", version: "2.0rc1" });
const greet10 = buildWheel({ name: "greet-lib", version: "1.0", module: "greet" });
const greet20 = buildWheel({
  name: "greet-lib",
  version: "2.0",
  module: "greet",
  requires: ["tiny-dep>=1.0", "woma-base", 'colorama; sys_platform == "win32"', 'fancy-extra; extra == "fancy"'],
});
// Newer, but built for another Pyodide: the resolver must pass it over.
const greet30 = buildWheel({ name: "greet-lib", version: "3.0", module: "greet", tag: "cp313-cp313-pyemscripten_2025_0_wasm32" });
const lying = buildWheel({ name: "lying-hash", version: "1.0" });

let wheels: StandardWheels;
let server: MirrorServer;
let htmlServer: MirrorServer;

beforeAll(() => {
  const mirrorDir = mkdtempSync(join(tmpdir(), "woma-mirror-"));
  wheels = writeStandardMirror(mirrorDir);
  const index = { "tiny-dep": [tinyDep10, tinyDep11, tinyDepPre], "greet-lib": [greet10, greet20, greet30], "lying-hash": [lying] };
  server = MirrorServer.start({ mirrorDir, index, extraIndexFiles: real.ok ? [real.path] : [] });
  htmlServer = MirrorServer.start({ mirrorDir, index, indexFormat: "html" });
  server.wrongIndexHash(lying.fileName);
});
afterAll(() => {
  server?.stop();
  htmlServer?.stop();
});

function open(mirror = server): Promise<PackageStore> {
  const cacheDir = mkdtempSync(join(tmpdir(), "woma-pkg-cache-"));
  return PackageStore.open({ cacheDir, pyodideVersion: pyodidePackage.version, lockPath: BUNDLED_LOCK, source: mirror.url, pypiIndex: mirror.indexUrl, lockTimeoutMs: 2000 });
}


/** Every file under the cache's package folders (temporary ones included), as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith("locks/"));
}

function summary(ready: Array<{ name: string; version: string; source: string }>): string[] {
  return ready.map((wheel) => `${wheel.name} ${wheel.version} ${wheel.source}`);
}

describe("install from a simple index", () => {
  test("by name: the newest compatible wheel, its index dependency, its lock dependency from the lock, markers honoured", async () => {
    const store = await open();
    const ready = await store.install(["greet-lib"]);
    expect(summary(ready)).toEqual(["tiny-dep 1.1 index", "woma-base 1.0.0 lock", "greet-lib 2.0 index"]);
    const greet = ready.at(-1)!;
    expect(greet).toMatchObject({ fileName: greet20.fileName, sha256: greet20.sha256, imports: ["greet"], installDir: "site", packageType: "package" });
    // The operator's index vouched for its hash: the file is shared, named by its content.
    expect(greet.path).toBe(join(store.cacheDir, "sha256", greet20.sha256));
    // The win32-only dependency and the one behind an extra were never looked up.
    expect(server.requests("simple/colorama/")).toBe(0);
    expect(server.requests("simple/fancy-extra/")).toBe(0);
    // The wheel for another ABI was never downloaded.
    expect(server.requests(`files/${greet30.fileName}`)).toBe(0);
  });

  test("a version specifier is honoured, pre-releases are not chosen unless asked for", async () => {
    const store = await open();
    expect(summary(await store.install(["greet-lib==1.0"]))).toEqual(["greet-lib 1.0 index"]);
    expect(summary(await store.install(["tiny-dep<1.1"]))).toEqual(["tiny-dep 1.0 index"]);
    expect(summary(await store.install(["tiny-dep>=2.0rc1"]))).toEqual(["tiny-dep 2.0rc1 index"]);
  });

  test("an extra pulls in what it names", async () => {
    const store = await open();
    const error = await packageFailure(store.install(["greet-lib[fancy]"]));
    // fancy-extra is not on the index: asking for the extra is what made the resolver look for it.
    expect(error.code).toBe("UNKNOWN_PACKAGE");
    expect(error.message).toContain('"fancy-extra"');
  });

  test("a name the lock has comes from the lock", async () => {
    const store = await open();
    expect(summary(await store.install(["woma-app"]))).toEqual(["woma-base 1.0.0 lock", "woma-app 1.2.0 lock"]);
  });

  test("the HTML form of the index works the same", async () => {
    const store = await open(htmlServer);
    expect(summary(await store.install(["greet-lib"]))).toEqual(["tiny-dep 1.1 index", "woma-base 1.0.0 lock", "greet-lib 2.0 index"]);
  });

  test("a hash the index gives is checked, and a mismatch keeps nothing", async () => {
    const store = await open();
    const error = await packageFailure(store.install(["lying-hash"]));
    expect(error.code).toBe("CHECKSUM_MISMATCH");
    expect(error.message).toContain(lying.fileName);
    expect(error.message).toContain(lying.sha256);
    expect(filesUnder(store.cacheDir)).toEqual([]);
  });

  test("a package neither the lock nor the index has is refused", async () => {
    const store = await open();
    const error = await packageFailure(store.install(["woma-nothing"]));
    expect(error.code).toBe("UNKNOWN_PACKAGE");
    expect(error.message).toContain(server.indexUrl);
  });

  test("a specifier no compatible wheel satisfies says what there is", async () => {
    const store = await open();
    const error = await packageFailure(store.install(["greet-lib>=3"]));
    expect(error.code).toBe("NO_MATCHING_DISTRIBUTION");
    expect(error.message).toContain("2.0");
    expect(error.message).toContain(greet30.fileName);
  });

  test("conflicting requirements are reported, naming both", async () => {
    const store = await open();
    const error = await packageFailure(store.install(["tiny-dep==1.0", "greet-lib==2.0", "tiny-dep>=1.1"]));
    expect(error.code).toBe("RESOLUTION_CONFLICT");
    expect(error.message).toContain("tiny-dep");
    expect(error.message).toContain("1.0");
  });

  test.skipIf(!real.ok)("a real pure-Python wheel from pip's index installs", async () => {
    const store = await open();
    const ready = await store.install(["tabulate"]);
    expect(ready.at(-1)).toMatchObject({ name: "tabulate", source: "index" });
    expect(ready.at(-1)!.imports).toContain("tabulate");
  });
});

describe("install from a wheel file", () => {
  function writeWheel(wheel: BuiltWheel): string {
    const path = join(mkdtempSync(join(tmpdir(), "woma-wheel-")), wheel.fileName);
    writeFileSync(path, wheel.bytes);
    return path;
  }

  test("by path, with its dependencies from the index and the lock", async () => {
    const store = await open();
    const local = buildWheel({ name: "woma-local", version: "0.1", requires: ["tiny-dep", "woma-data"] });
    const ready = await store.install([writeWheel(local)]);
    expect(summary(ready)).toEqual(["tiny-dep 1.1 index", "woma-data 0.3.0 lock", "woma-local 0.1 file"]);
    expect(ready.at(-1)!.sha256).toBe(local.sha256);
    // A file no trusted hash vouched for is kept for its requester alone.
    expect(ready.at(-1)!.path).toStartWith(join(store.cacheDir, "private"));
    expect(ready.at(-1)!.path).toEndWith(local.sha256);
  });

  test("by relative path and by file URL", async () => {
    const store = await open();
    const path = writeWheel(buildWheel({ name: "woma-rel", version: "0.2" }));
    expect(summary(await store.install([`./${path.split("/").at(-1)}`], { cwd: join(path, "..") }))).toEqual(["woma-rel 0.2 file"]);
    expect(summary(await store.install([`file://${path}`]))).toEqual(["woma-rel 0.2 file"]);
  });

  test("by URL", async () => {
    const store = await open();
    expect(summary(await store.install([`${server.url}files/${greet10.fileName}`]))).toEqual(["greet-lib 1.0 url"]);
  });

  test("a wheel for another ABI is refused with the reason", async () => {
    const store = await open();
    const error = await packageFailure(store.install([writeWheel(wheels.otherAbi)]));
    expect(error.code).toBe("INCOMPATIBLE_WHEEL");
    expect(error.message).toContain(wheels.otherAbi.fileName);
    expect(error.message).toContain("pyemscripten_2026_0_wasm32");
  });

  test("a client not allowed to name files gets a refusal, and the file is not read", async () => {
    const store = await open();
    const error = await packageFailure(store.install([writeWheel(buildWheel({ name: "woma-secret", version: "1.0" }))], { allowFiles: false }));
    expect(error.code).toBe("NOT_ALLOWED");
    expect(filesUnder(store.cacheDir)).toEqual([]);
  });

  test("a wheel URL a tenant names is fetched under its network policy: refused before any request, and each redirect hop checked", async () => {
    const store = await open();
    const tenant = (allow: string[]) => ({ id: "tenant-a", policy: parseNetPolicy("public", allow) });
    const url = `${server.url}files/${greet10.fileName}`;
    const before = server.requests(`files/${greet10.fileName}`);
    const refused = await packageFailure(store.install([url], { tenant: tenant([]) }));
    expect(refused.code).toBe("NOT_ALLOWED");
    expect(refused.message).toContain("network policy refuses 127.0.0.1 (loopback)");
    expect(server.requests(`files/${greet10.fileName}`)).toBe(before);
    // A name resolved through the operator's index is the operator's word, so the tenant's policy does not apply.
    expect(summary(await store.install(["greet-lib==1.0"], { tenant: tenant([]) }))).toEqual(["greet-lib 1.0 index"]);
    // Allowed on the mirror's port, a redirect to another port of 127.0.0.1 is refused at that hop.
    server.redirect(`elsewhere/${greet10.fileName}`, `${htmlServer.url}files/${greet10.fileName}`);
    const moved = await packageFailure(store.install([`${server.url}elsewhere/${greet10.fileName}`], { tenant: tenant([`127.0.0.1:${server.port}`]) }));
    expect(moved.code).toBe("NOT_ALLOWED");
    expect(moved.message).toContain("network policy refuses 127.0.0.1 (loopback)");
    expect(htmlServer.requests(`files/${greet10.fileName}`)).toBe(0);
    // Where the policy allows every hop, it is followed.
    server.redirect(`moved/${greet10.fileName}`, `/files/${greet10.fileName}`);
    expect(summary(await store.install([`${server.url}moved/${greet10.fileName}`], { tenant: tenant([`127.0.0.1:${server.port}`]) }))).toEqual(["greet-lib 1.0 url"]);
  });

  test("a missing file is named", async () => {
    const store = await open();
    const error = await packageFailure(store.install(["/nowhere/woma_gone-1.0-py3-none-any.whl"]));
    expect(error.message).toContain("/nowhere/woma_gone-1.0-py3-none-any.whl");
  });
});
