/** Which wheels suit Pyodide 314 (CPython 3.14, ABI 2026_0): pure Python, or built for its emscripten ABI. */
import { describe, expect, test } from "bun:test";
import { PackageError } from "../../daemon/packages/package-error.ts";
import { assertWheelCompatible, parseWheelFileName, wheelCompatibility, type PythonTarget } from "../../daemon/packages/wheel-tags.ts";

const target: PythonTarget = { python: "3.14.2", abi: "2026_0", platform: "emscripten_5_0_3", arch: "wasm32" };

function verdict(fileName: string) {
  const wheel = parseWheelFileName(fileName);
  if (!wheel) throw new Error(`not a wheel name: ${fileName}`);
  return wheelCompatibility(wheel, target);
}

describe("wheel tags", () => {
  test("pure-Python wheels are accepted", () => {
    expect(verdict("six-1.17.0-py2.py3-none-any.whl")).toEqual({ ok: true, pure: true });
    expect(verdict("tabulate-0.10.0-py3-none-any.whl")).toEqual({ ok: true, pure: true });
    expect(verdict("x-1.0-py314-none-any.whl").ok).toBe(true);
  });

  test("wheels built for this Pyodide's ABI are accepted, as in the lock", () => {
    expect(verdict("numpy-2.4.6-cp314-cp314-pyemscripten_2026_0_wasm32.whl")).toEqual({ ok: true, pure: false });
    expect(verdict("x-1.0-cp312-abi3-pyemscripten_2026_0_wasm32.whl").ok).toBe(true);
    expect(verdict("x-1.0-py3-none-pyemscripten_2026_0_wasm32.whl").ok).toBe(true);
    expect(verdict("x-1.0-cp314-cp314-emscripten_5_0_3_wasm32.whl").ok).toBe(true);
  });

  test("another Pyodide ABI, another CPython, or another OS is refused with the reason", () => {
    const otherAbi = verdict("x-1.0-cp314-cp314-pyemscripten_2025_0_wasm32.whl");
    expect(otherAbi.ok).toBe(false);
    if (!otherAbi.ok) expect(otherAbi.reason).toContain("pyemscripten_2026_0_wasm32");
    const otherPython = verdict("x-1.0-cp313-cp313-pyemscripten_2026_0_wasm32.whl");
    expect(otherPython.ok).toBe(false);
    if (!otherPython.ok) expect(otherPython.reason).toContain("3.14.2");
    expect(verdict("x-1.0-cp314-cp314-manylinux_2_17_x86_64.whl").ok).toBe(false);
    expect(verdict("x-1.0-py2-none-any.whl").ok).toBe(false);
    expect(verdict("x-1.0-py315-none-any.whl").ok).toBe(false);
  });

  test("a build tag is read", () => {
    expect(parseWheelFileName("x-1.0-1-py3-none-any.whl")?.version).toBe("1.0");
    expect(parseWheelFileName("x-1.0.tar.gz")).toBeUndefined();
  });

  test("assertWheelCompatible throws INCOMPATIBLE_WHEEL naming the file, and lets shared-library zips through", () => {
    assertWheelCompatible("libopenblas-0.3.31.zip", target, "test");
    try {
      assertWheelCompatible("x-1.0-cp313-cp313-pyodide_2025_0_wasm32.whl", target, "installing x");
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(PackageError);
      expect((error as PackageError).code).toBe("INCOMPATIBLE_WHEEL");
      expect((error as PackageError).message).toContain("x-1.0-cp313-cp313-pyodide_2025_0_wasm32.whl");
    }
  });
});
