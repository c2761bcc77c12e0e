/** A wheel is checked before any interpreter unpacks it: entry names, links, and the real (not declared) unpacked size. */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OffLoop } from "../../daemon/packages/off-loop.ts";
import { checkWheel } from "../../daemon/packages/wheel-check.ts";
import { buildHostileWheel, buildWheel, type BuiltWheel } from "../harness/package-mirror.ts";
import { packageFailure } from "../harness/expect-error.ts";

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "woma-wheel-check-"));

function written(wheel: BuiltWheel): string {
  const path = join(dir, `${wheel.sha256}.whl`);
  writeFileSync(path, wheel.bytes);
  return path;
}


describe("checkWheel", () => {
  test("a plain wheel gives its name, version, dependencies and modules", async () => {
    const wheel = buildWheel({ name: "woma-ok", version: "1.0", requires: ["tiny-dep>=1"] });
    expect(await checkWheel(written(wheel), wheel.fileName, 64 * MiB)).toEqual({ name: "woma-ok", version: "1.0", requiresDist: ["tiny-dep>=1"], imports: ["woma_ok"] });
  });

  test.each([
    ["../evil.py", /\.\.|relative/],
    ["woma_bad/../../evil.py", /\.\.|relative/],
    ["/etc/cron.d/evil", /absolute/],
    ["C:/evil.py", /absolute/],
    ["woma_bad\\evil.py", /invalid characters|\\/],
  ])("an entry named %s is refused", async (name, reason) => {
    const wheel = buildHostileWheel({ name: "woma-bad", version: "1.0", extra: { name } });
    const error = await packageFailure(checkWheel(written(wheel), wheel.fileName, 64 * MiB));
    expect(error.code).toBe("INCOMPATIBLE_WHEEL");
    expect(error.message).toStartWith(`${wheel.fileName} is refused: `);
    expect(error.message).toMatch(reason);
  });

  test("a symbolic link is refused", async () => {
    const wheel = buildHostileWheel({ name: "woma-link", version: "1.0", extra: { name: "woma_link/passwd", content: "/etc/passwd", symlink: true } });
    const error = await packageFailure(checkWheel(written(wheel), wheel.fileName, 64 * MiB));
    expect(error.message).toContain('"woma_link/passwd" is a symbolic link');
  });

  test("a METADATA that declares a few bytes and inflates to 24 MiB is refused at its declared size, not inflated whole", async () => {
    const wheel = buildHostileWheel({ name: "woma-bomb", version: "1.0", metadataInflatesTo: 24 * MiB });
    expect(wheel.bytes.byteLength).toBeLessThan(1 * MiB);
    const error = await packageFailure(checkWheel(written(wheel), wheel.fileName, 512 * MiB));
    expect(error.message).toMatch(/METADATA" inflates to other than the \d+ bytes it declares/);
  });

  test("files honestly declared but past --max-package-bytes unpacked are refused, naming the flag", async () => {
    const wheel = buildHostileWheel({ name: "woma-zeros", version: "1.0", zeros: 12 * MiB });
    const error = await packageFailure(checkWheel(written(wheel), wheel.fileName, 8 * MiB));
    expect(error.message).toContain("more than 8388608 bytes unpacked (--max-package-bytes)");
    // Under the cap, the same wheel passes.
    expect((await checkWheel(written(wheel), wheel.fileName, 32 * MiB)).name).toBe("woma-zeros");
  });

  test("a file that is not a zip is refused", async () => {
    const path = join(dir, "not-a-zip.whl");
    writeFileSync(path, "<html>404</html>");
    expect((await packageFailure(checkWheel(path, "x-1.0-py3-none-any.whl", MiB))).message).toContain("not a readable wheel");
  });

  test("through the worker thread, the same verdicts come back as PackageErrors", async () => {
    const offLoop = new OffLoop();
    try {
      const good = buildWheel({ name: "woma-thread", version: "2.0" });
      expect((await offLoop.checkWheel(written(good), good.fileName, 64 * MiB)).version).toBe("2.0");
      const bomb = buildHostileWheel({ name: "woma-bomb", version: "1.0", metadataInflatesTo: 8 * MiB });
      const error = await packageFailure(offLoop.checkWheel(written(bomb), bomb.fileName, 512 * MiB));
      expect(error.code).toBe("INCOMPATIBLE_WHEEL");
      expect(error.message).toContain("inflates to other than");
    } finally {
      offLoop.stop();
    }
  });
});
