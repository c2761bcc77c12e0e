/** The package store against a mirror served on 127.0.0.1: imports to wheels, one download per wheel, a verified cache, and clear faults. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pyodidePackage from "pyodide/package.json" with { type: "json" };
import { PackageStore, type PackageStoreOptions } from "../../daemon/packages/package-store.ts";
import type { DownloadProgress } from "../../daemon/packages/verified-download.ts";
import { BUNDLED_LOCK, MirrorServer, writeStandardMirror, type StandardWheels } from "../harness/package-mirror.ts";
import { packageFailure } from "../harness/expect-error.ts";

const PYODIDE_VERSION = pyodidePackage.version;

let mirrorDir: string;
let wheels: StandardWheels;
let server: MirrorServer;

beforeAll(() => {
  mirrorDir = mkdtempSync(join(tmpdir(), "woma-mirror-"));
  wheels = writeStandardMirror(mirrorDir);
  server = MirrorServer.start({ mirrorDir });
});
afterAll(() => server?.stop());

function freshCache(): string {
  return mkdtempSync(join(tmpdir(), "woma-pkg-cache-"));
}

function open(cacheDir: string, extra: Partial<PackageStoreOptions> = {}): Promise<PackageStore> {
  return PackageStore.open({ cacheDir, pyodideVersion: PYODIDE_VERSION, lockPath: BUNDLED_LOCK, source: server.url, pypiIndex: server.indexUrl, lockTimeoutMs: 2000, ...extra });
}

/** Files in the store's shared area, partial downloads included (their names start with a dot). */
function cacheFiles(store: PackageStore): string[] {
  return readdirSync(join(store.cacheDir, "sha256"));
}


describe("a mirror on 127.0.0.1", () => {
  test("the mirror's own lock is used, with the bundled lock's ABI", async () => {
    const store = await open(freshCache());
    expect(store.lock.names()).toEqual(["woma-app", "woma-base", "woma-big", "woma-data", "woma-native", "woma-renamed"]);
    expect(store.lock.info.abi_version).toBe(JSON.parse(readFileSync(BUNDLED_LOCK, "utf8")).info.abi_version);
  });

  test("imports map to packages with their dependency, which arrive verified in the cache", async () => {
    const store = await open(freshCache());
    expect(store.packagesForImports(["woma_app.sub", "os", "wrn"])).toEqual(["woma-base", "woma-app", "woma-renamed"]);
    const ready = await store.ensure(store.packagesForImports(["woma_app"]));
    expect(ready.map((wheel) => wheel.name)).toEqual(["woma-base", "woma-app"]);
    const app = ready[1]!;
    expect(app).toMatchObject({ name: "woma-app", version: "1.2.0", fileName: wheels.app.fileName, sha256: wheels.app.sha256, installDir: "site", packageType: "package", imports: ["woma_app"], source: "lock" });
    // Named by content: the lock vouched for the hash, so the file is shared between tenants.
    expect(app.path).toBe(join(store.cacheDir, "sha256", wheels.app.sha256));
    expect(readFileSync(app.path).equals(Buffer.from(wheels.app.bytes))).toBe(true);
    expect((await store.list()).filter((row) => row.cached).map((row) => row.name)).toEqual(["woma-app", "woma-base"]);
  });

  test("a package with a data file arrives whole", async () => {
    const store = await open(freshCache());
    const [data] = await store.ensure(["woma-data"]);
    expect(readFileSync(data!.path).includes(Buffer.from("woma_data/table.csv"))).toBe(true);
  });

  test("progress reports bytes done out of the total, ending with the whole file", async () => {
    const store = await open(freshCache());
    const seen: DownloadProgress[] = [];
    await store.ensure(["woma-big"], { onProgress: (progress) => seen.push(progress) });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ name: "woma-big", done: true, bytesDone: wheels.big.bytes.byteLength, bytesTotal: wheels.big.bytes.byteLength });
    expect(seen.some((progress) => !progress.done && progress.bytesTotal === wheels.big.bytes.byteLength)).toBe(true);
  });

  test("two callers that want the same wheel at once cause one download", async () => {
    const store = await open(freshCache());
    const before = server.requests(wheels.big.fileName);
    const [first, second] = await Promise.all([store.ensure(["woma-big"]), store.ensure(["woma-big"])]);
    expect(server.requests(wheels.big.fileName) - before).toBe(1);
    expect(first[0]!.path).toBe(second[0]!.path);
  });

  test("a second store (a cold start) with the mirror stopped loads from the cache", async () => {
    const cache = freshCache();
    const warm = await open(cache);
    await warm.ensure(["woma-app"]);
    server.stop();
    try {
      const cold = await open(cache);
      // The mirror's lock was saved at the first start, so the cold store still knows its packages.
      expect(cold.lock.names()).toContain("woma-app");
      const ready = await cold.ensure(["woma-app"]);
      expect(ready.map((wheel) => wheel.sha256)).toEqual([wheels.base.sha256, wheels.app.sha256]);
      // What was never fetched cannot be had: the error names the package, the source and the way out.
      const error = await packageFailure(cold.ensure(["woma-data"]));
      expect(error.code).toBe("SOURCE_UNREACHABLE");
      expect(error.message).toContain('"woma-data"');
      expect(error.message).toContain(server.url);
      expect(error.message).toContain("woma packages fetch woma-data");
    } finally {
      server.restart();
    }
  });

  test("a wheel whose sha256 does not match the lock is refused and nothing is cached", async () => {
    const store = await open(freshCache());
    server.tamper(wheels.data.fileName);
    try {
      const error = await packageFailure(store.ensure(["woma-data"]));
      expect(error.code).toBe("CHECKSUM_MISMATCH");
      expect(error.message).toContain(wheels.data.fileName);
      expect(error.message).toContain(wheels.data.sha256);
      expect(error.message).toMatch(/its sha256 is [0-9a-f]{64}/);
      expect(cacheFiles(store)).toEqual([]);
    } finally {
      server.tamper(wheels.data.fileName, false);
    }
    const [data] = await store.ensure(["woma-data"]);
    expect(data!.sha256).toBe(wheels.data.sha256);
  });

  test("a mirror that dies mid-download gives a clear error, leaves nothing behind, and a retry works once it is back", async () => {
    const store = await open(freshCache());
    server.cutAfter(wheels.big.fileName, 64 * 1024);
    try {
      const error = await packageFailure(store.ensure(["woma-big"]));
      expect(error.code).toBe("DOWNLOAD_FAILED");
      expect(error.message).toContain('"woma-big"');
      expect(error.message).toContain(server.url);
      expect(error.message).toContain(`of ${wheels.big.bytes.byteLength} bytes`);
      expect(error.message).toContain("woma packages fetch woma-big");
      expect(cacheFiles(store)).toEqual([]);
    } finally {
      server.cutAfter(wheels.big.fileName, undefined);
    }
    const [big] = await store.ensure(["woma-big"]);
    expect(big!.sha256).toBe(wheels.big.sha256);
    expect(cacheFiles(store)).toEqual([wheels.big.sha256]);
  });

  test("a partial file left by a killed process is removed when the next store opens", async () => {
    const cache = freshCache();
    const store = await open(cache);
    // pid 2^22+1 is above Linux's pid_max default, so no live process owns it.
    const stale = join(store.cacheDir, "sha256", `.${wheels.big.fileName}.4194305.abcdefgh.part`);
    writeFileSync(stale, "half a wheel");
    // And a tenant's private area of a daemon that is gone.
    const area = join(store.cacheDir, "private", "4194305-0123456789abcdef");
    mkdirSync(area, { recursive: true });
    writeFileSync(join(area, wheels.big.sha256), "a tenant's file");
    await open(cache);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(area)).toBe(false);
  });

  test("an unknown package is refused with close names, before any download", async () => {
    const store = await open(freshCache());
    const error = await packageFailure(store.ensure(["woma-ap"]));
    expect(error.code).toBe("UNKNOWN_PACKAGE");
    expect(error.message).toContain("did you mean woma-app");
  });

  test("a wheel for another ABI is refused with the reason, and never downloaded", async () => {
    const store = await open(freshCache());
    const error = await packageFailure(store.ensure(["woma-native"]));
    expect(error.code).toBe("INCOMPATIBLE_WHEEL");
    expect(error.message).toContain(wheels.otherAbi.fileName);
    expect(error.message).toContain("pyemscripten_2026_0_wasm32");
    expect(server.requests(wheels.otherAbi.fileName)).toBe(0);
  });

  test("a directory mirror works the same, copied and verified", async () => {
    const store = await open(freshCache(), { source: mirrorDir });
    const ready = await store.ensure(["woma-app"]);
    expect(ready.map((wheel) => wheel.sha256)).toEqual([wheels.base.sha256, wheels.app.sha256]);
    expect(ready[1]!.path.startsWith(store.cacheDir)).toBe(true);
  });

  test("a mirror whose lock is for another ABI is refused at open", async () => {
    const dir = mkdtempSync(join(tmpdir(), "woma-foreign-"));
    const lock = JSON.parse(readFileSync(join(mirrorDir, "pyodide-lock.json"), "utf8"));
    lock.info.abi_version = "2024_0";
    writeFileSync(join(dir, "pyodide-lock.json"), JSON.stringify(lock));
    const error = await packageFailure(open(freshCache(), { source: dir }));
    expect(error.code).toBe("LOCK_ABI_MISMATCH");
    expect(error.message).toContain("2024_0");
  });

  test("writeMirror writes a mirror another store uses with no network", async () => {
    const store = await open(freshCache());
    const out = mkdtempSync(join(tmpdir(), "woma-out-mirror-"));
    const summary = await store.writeMirror(out, ["woma-app"]);
    expect(summary.packages).toEqual(["woma-app", "woma-base"]);
    const offline = await open(freshCache(), { source: out });
    const ready = await offline.ensure(["woma-app"]);
    expect(ready.map((wheel) => wheel.sha256)).toEqual([wheels.base.sha256, wheels.app.sha256]);
    expect(offline.lock.names()).toEqual(["woma-app", "woma-base"]);
  });
});
