/** Pyodide's bundled lock: import names map to packages, dependencies come first, and bad or foreign locks are refused. */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PackageLock } from "../../daemon/packages/lock-file.ts";
import { PackageError } from "../../daemon/packages/package-error.ts";
import { REPO_ROOT } from "../harness/paths.ts";

const BUNDLED = join(REPO_ROOT, "node_modules", "pyodide", "pyodide-lock.json");
const text = readFileSync(BUNDLED, "utf8");
const lock = PackageLock.parse(text, BUNDLED, "2026_0");

function thrown(action: () => unknown): PackageError {
  try {
    action();
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error("expected a PackageError, nothing was thrown");
}

describe("the bundled lock", () => {
  test("lists Pyodide's 357 packages for ABI 2026_0 and Python 3.14", () => {
    expect(lock.names()).toHaveLength(357);
    expect(lock.info.abi_version).toBe("2026_0");
    expect(lock.info.python).toMatch(/^3\.14\./);
  });

  test("import names that differ from package names map to their package", () => {
    expect(lock.packageForImport("cv2")).toBe("opencv-python");
    expect(lock.packageForImport("PIL")).toBe("pillow");
    expect(lock.packageForImport("yaml")).toBe("pyyaml");
    expect(lock.packageForImport("skimage")).toBe("scikit-image");
    expect(lock.packageForImport("bs4")).toBe("beautifulsoup4");
  });

  test("a dotted import loads its top-level package: matplotlib.pyplot is matplotlib", () => {
    expect(lock.packageForImport("matplotlib.pyplot")).toBe("matplotlib");
    const names = lock.packagesForImports(["matplotlib.pyplot"]);
    expect(names.at(-1)).toBe("matplotlib");
    expect(names).toEqual(expect.arrayContaining(["numpy", "pillow", "python-dateutil", "six", "pyparsing"]));
  });

  test("dependencies come before what needs them, each once", () => {
    const names = lock.packagesForImports(["cv2", "pandas", "numpy"]);
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf("numpy")).toBeLessThan(names.indexOf("opencv-python"));
    expect(names.indexOf("numpy")).toBeLessThan(names.indexOf("pandas"));
    expect(names.indexOf("six")).toBeLessThan(names.indexOf("python-dateutil"));
    expect(names.indexOf("python-dateutil")).toBeLessThan(names.indexOf("pandas"));
  });

  test("standard-library and unknown modules need no package", () => {
    expect(lock.packagesForImports(["os", "json", "asyncio", "my_own_module"])).toEqual([]);
  });

  test("a dependency spelled with underscores is found (lazy_loader → lazy-loader)", () => {
    const names = lock.resolve(["scikit-image"]).map((pkg) => pkg.name.toLowerCase().replace(/_/g, "-"));
    expect(names).toContain("lazy-loader");
  });

  test("names match in any PEP 503 spelling", () => {
    expect(lock.get("Pillow")?.version).toBe(lock.get("pillow")!.version);
    expect(lock.get("Python_DateUtil")?.name).toBe("python-dateutil");
  });

  test("an unknown package is refused with close names", () => {
    const error = thrown(() => lock.resolve(["numpyy"]));
    expect(error.code).toBe("UNKNOWN_PACKAGE");
    expect(error.message).toContain('"numpyy"');
    expect(error.message).toContain("did you mean numpy");
  });

  test("asking for a module name instead of a package says which package has it", () => {
    const error = thrown(() => lock.resolve(["cv2"]));
    expect(error.message).toContain("opencv-python");
  });
});

describe("locks that must be refused", () => {
  const json = JSON.parse(text) as { info: Record<string, string>; packages: Record<string, Record<string, unknown>> };

  test("a lock for another ABI, naming both ABIs", () => {
    const foreign = JSON.stringify({ ...json, info: { ...json.info, abi_version: "2025_0" } });
    const error = thrown(() => PackageLock.parse(foreign, "mirror/pyodide-lock.json", "2026_0"));
    expect(error.code).toBe("LOCK_ABI_MISMATCH");
    expect(error.message).toContain("2025_0");
    expect(error.message).toContain("2026_0");
    expect(error.message).toContain("mirror/pyodide-lock.json");
  });

  test("a file name with a path in it (a lock is untrusted)", () => {
    const evil = { info: json.info, packages: { six: { ...json.packages.six, file_name: "../../.bashrc" } } };
    const error = thrown(() => PackageLock.parse(JSON.stringify(evil), "evil.json", "2026_0"));
    expect(error.code).toBe("LOCK_INVALID");
    expect(error.message).toContain("../../.bashrc");
  });

  test("a malformed sha256, and text that is not JSON", () => {
    const bad = { info: json.info, packages: { six: { ...json.packages.six, sha256: "abc" } } };
    expect(thrown(() => PackageLock.parse(JSON.stringify(bad), "bad.json", "2026_0")).message).toContain("sha256");
    expect(thrown(() => PackageLock.parse("<html>", "page.html", "2026_0")).message).toContain("not JSON");
  });

  test("a dependency the lock does not list", () => {
    const open = { info: json.info, packages: { "python-dateutil": json.packages["python-dateutil"] } };
    const partial = PackageLock.parse(JSON.stringify(open), "partial.json", "2026_0");
    const error = thrown(() => partial.resolve(["python-dateutil"]));
    expect(error.code).toBe("LOCK_INVALID");
    expect(error.message).toContain('"six"');
  });
});
