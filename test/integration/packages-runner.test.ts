/**
 * Packages as a user meets them: an import loads its package (dependencies included) from a
 * mirror the test serves on 127.0.0.1, through the daemon's verified cache; micropip and
 * `packages/install` install from an index; --preload readies them at boot; faults give clear
 * errors and the runner goes on.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { buildWheel, MirrorServer, writeStandardMirror, type StandardWheels } from "../harness/package-mirror.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const cache = mkdtempSync(join(tmpdir(), "woma-pkg-runner-"));
const mirrorDir = mkdtempSync(join(tmpdir(), "woma-pkg-mirror-"));
let wheels: StandardWheels;
let mirror: MirrorServer;
const indexed = {
  tool: buildWheel({ name: "woma-tool", version: "3.1.0", requires: ["woma-helper>=1"] }),
  helper: buildWheel({ name: "woma-helper", version: "1.4.0" }),
};

beforeAll(() => {
  wheels = writeStandardMirror(mirrorDir);
  mirror = MirrorServer.start({ mirrorDir, index: { "woma-tool": [indexed.tool], "woma-helper": [indexed.helper] } });
});
afterAll(() => mirror?.stop());

// Each daemon here has a fresh cache (the package cache is what is under test), so it boots
// runners plainly rather than building a memory snapshot first in each of them.
const packageFlags = () => ["--packages-url", mirror.url, "--pypi-index", mirror.indexUrl, "--allow-net", "127.0.0.1", "--no-snapshot"];
const cachedFiles = () => readdirSync(join(cache, "packages"), { recursive: true }).map(String);

describe("packages on import", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket", cacheDir: cache, args: packageFlags() });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("an import loads its package and the package's dependency, fetched once into the cache", async () => {
    const result = await daemon.client.run({ code: "import woma_app, woma_base\n(woma_app.NAME, woma_base.__version__)" });
    expect(result.result).toBe("('woma-app', '1.0.0')");
    expect(mirror.requests(wheels.app.fileName)).toBe(1);
    expect(mirror.requests(wheels.base.fileName)).toBe(1);
    // Named by content in the shared area: the lock vouched for its hash.
    expect(cachedFiles().some((f) => f.endsWith(`sha256/${wheels.app.sha256}`))).toBe(true);
  });

  test("a package's data file is there after its import", async () => {
    const data = await daemon.client.run({ code: "import woma_data, importlib.resources\nimportlib.resources.files('woma_data').joinpath('table.csv').read_text()" });
    expect(data.result).toBe("'x,y\\n1,2\\n3,4\\n'");
  });

  test("an import the scan cannot see (importlib, exec) loads too, by an import name that differs from the distribution's (wrn is Woma-Renamed); a module no package provides is a plain ModuleNotFoundError", async () => {
    const dynamic = await daemon.client.run({ code: "import importlib\nimportlib.import_module('wrn').NAME" });
    expect(dynamic.result).toBe("'Woma-Renamed'");
    const unknown = await daemon.client.run({ code: "exec('import woma_nothing_provides_this')" });
    expect(unknown.error?.type).toBe("ModuleNotFoundError");
  });

  test("two sessions importing the same new package at once cause one download", async () => {
    const a = (await daemon.client.createSession()).session.session_id;
    const other = await daemon.connect();
    const results = await Promise.all([
      daemon.client.run({ code: "import woma_big; woma_big.NAME", session_id: a }),
      other.run({ code: "import woma_big; woma_big.NAME" }),
    ]);
    expect(results.map((r) => r.result)).toEqual(["'woma-big'", "'woma-big'"]);
    expect(mirror.requests(wheels.big.fileName)).toBe(1);
    other.dispose();
  });

  test("micropip.install from the index resolves the dependency; the package imports after", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    const installed = await daemon.client.run({ code: "import micropip\nawait micropip.install('woma-tool')\nimport woma_tool, woma_helper\n(woma_tool.__version__, woma_helper.__version__)", session_id: session });
    expect(installed.result).toBe("('3.1.0', '1.4.0')");
  });

  test("packages/install by name and by wheel path; a wheel path from a session (micropip) is refused", async () => {
    const byName = await daemon.client.installPackages({ requirements: ["woma-tool==3.1.0"] });
    expect(byName.installed.map((p) => p.name)).toEqual(["woma-helper", "woma-tool"]);
    const path = join(mirrorDir, wheels.renamed.fileName);
    const byPath = await daemon.client.installPackages({ requirements: [path], local_files: true });
    expect(byPath.installed.map((p) => p.name)).toEqual(["woma-renamed"]);
    const refused = await rejection(daemon.client.installPackages({ requirements: [path] }));
    expect(refused.code).toBe(WomaErrorCodes.PackageUnavailable);
    const fromPython = await daemon.client.run({ code: `import micropip\nawait micropip.install(${JSON.stringify(path)})` });
    expect(fromPython.error?.type).toBe("ValueError");
  });

  test("a session cannot poison a package for later sessions: a fresh interpreter gets the verified file", async () => {
    await daemon.client.run({ code: "import woma_base, pathlib\npathlib.Path(woma_base.__file__).write_text('POISON = True')" });
    const fresh = (await daemon.client.createSession({ fresh_interpreter: true })).session.session_id;
    expect((await daemon.client.run({ code: "import woma_base; hasattr(woma_base, 'POISON')", session_id: fresh })).result).toBe("False");
    const file = cachedFiles().find((f) => f.endsWith(wheels.base.sha256))!;
    expect(createHash("sha256").update(readFileSync(join(cache, "packages", file))).digest("hex")).toBe(wheels.base.sha256);
  });
});

describe("faults", () => {
  test("a tampered wheel is refused with a clear error naming the checksum; the runner and its session go on", async () => {
    const faultCache = mkdtempSync(join(tmpdir(), "woma-pkg-fault-"));
    const daemon = await startDaemon({ transport: "stdio", cacheDir: faultCache, args: packageFlags() });
    try {
      const session = (await daemon.client.createSession()).session.session_id;
      await daemon.client.run({ code: "kept = 1", session_id: session });
      mirror.tamper(wheels.data.fileName);
      const bad = await daemon.client.run({ code: "import woma_data", session_id: session });
      expect(bad.error?.type).toBe("ModuleNotFoundError");
      expect(bad.error?.message).toContain("sha256");
      mirror.tamper(wheels.data.fileName, false);
      mirror.cutAfter(wheels.big.fileName, 10_000);
      const cut = await daemon.client.run({ code: "import woma_big", session_id: session });
      expect(cut.error?.type).toBe("ModuleNotFoundError");
      expect(cut.error?.message).toContain("woma-big");
      expect((await daemon.client.run({ code: "kept", session_id: session })).result).toBe("1");
      mirror.cutAfter(wheels.big.fileName, undefined);
      // An import that needs several missing packages names all of them, the same way whatever the order and however often.
      mirror.tamper(wheels.data.fileName);
      mirror.tamper(wheels.renamed.fileName);
      const messages: string[] = [];
      for (const code of ["import woma_data, wrn", "import wrn\nimport woma_data"]) {
        const fresh = (await daemon.client.createSession({ fresh_interpreter: true })).session.session_id;
        for (let again = 0; again < 2; again++) messages.push((await daemon.client.run({ code, session_id: fresh })).error?.message.replace(/'(woma_data|wrn)'/, "'MODULE'") ?? "imported");
      }
      expect(messages[0]).toContain('2 packages could not be had (woma-data, woma-renamed)');
      expect([...new Set(messages)]).toEqual([messages[0]!]);
      mirror.tamper(wheels.data.fileName, false);
      mirror.tamper(wheels.renamed.fileName, false);
      // A failure is remembered for the session's runner only until a new run tries again from another runner.
      const retry = await daemon.client.run({ code: "import woma_data; woma_data.NAME" });
      expect(retry.result ?? retry.error?.message).toBe("'woma-data'");
    } finally {
      await daemon.stop();
    }
  });

  test("with the mirror stopped, a second start loads from the cache; --preload readies a package at boot", async () => {
    const offlineCache = mkdtempSync(join(tmpdir(), "woma-pkg-offline-"));
    const first = await startDaemon({ transport: "stdio", cacheDir: offlineCache, args: packageFlags() });
    expect((await first.client.run({ code: "import woma_app; woma_app.NAME" })).result).toBe("'woma-app'");
    await first.stop();
    mirror.stop();
    try {
      const second = await startDaemon({ transport: "stdio", cacheDir: offlineCache, args: [...packageFlags(), "--preload", "woma_app"] });
      try {
        const fresh = (await second.client.createSession({ fresh_interpreter: true })).session.session_id;
        // Imported at boot (it is in sys.modules before any run imports it), with its dependency installed.
        expect((await second.client.run({ code: "import sys, importlib.util\n('woma_app' in sys.modules, importlib.util.find_spec('woma_base') is not None)", session_id: fresh })).result).toBe("(True, True)");
        expect((await second.client.run({ code: "import woma_app; woma_app.NAME" })).result).toBe("'woma-app'");
        const missing = await second.client.run({ code: "import woma_renamed_not_cached_x; 1" });
        expect(missing.error?.type).toBe("ModuleNotFoundError");
      } finally {
        await second.stop();
      }
    } finally {
      mirror.restart();
    }
  });
});
