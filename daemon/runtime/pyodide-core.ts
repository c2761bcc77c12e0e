/** Finds the Pyodide core files (wasm, stdlib, lockfile, loader), extracting them to the cache when they are embedded in the binary. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import pyodidePackage from "pyodide/package.json" with { type: "json" };
import asmJs from "pyodide/pyodide.asm.mjs" with { type: "file" };
import asmWasm from "pyodide/pyodide.asm.wasm" with { type: "file" };
import lockfileImport from "pyodide/pyodide-lock.json" with { type: "file" };
import stdlib from "pyodide/python_stdlib.zip" with { type: "file" };

/** The Pyodide version woma is built with (pinned exactly in package.json). */
export const PYODIDE_VERSION: string = pyodidePackage.version;

// TypeScript types a .json import as its content; with `type: "file"` Bun gives its path instead.
const lockfile = lockfileImport as unknown as string;

let lockedPython: { version: string | undefined } | undefined;

/** The Python version inside this Pyodide, from its lockfile (known before any runner boots); read once, as `daemon/info` asks for it while a first start waits. */
export function pythonVersion(): string | undefined {
  if (lockedPython) return lockedPython.version;
  try {
    lockedPython = { version: (JSON.parse(readFileSync(lockfile, "utf8")) as { info?: { python?: string } }).info?.python };
  } catch {
    return undefined;
  }
  return lockedPython.version;
}

const CORE_FILES: Array<[embedded: string, name: string]> = [
  [asmJs, "pyodide.asm.mjs"],
  [asmWasm, "pyodide.asm.wasm"],
  [lockfile, "pyodide-lock.json"],
  [stdlib, "python_stdlib.zip"],
];

/**
 * Returns the directory (with a trailing slash) that runners load Pyodide from. Run as
 * a script, that is the `pyodide` package itself. In the compiled binary the files live
 * inside the executable, so they are copied once to `<cacheDir>/pyodide-<version>/`
 * (atomically, through a temporary directory).
 */
export function pyodideIndexURL(cacheDir: string): string {
  const embedded = CORE_FILES.some(([path]) => path.includes("$bunfs"));
  if (!embedded) return `${dirname(asmWasm)}/`;
  const target = join(cacheDir, `pyodide-${PYODIDE_VERSION}`);
  if (CORE_FILES.every(([, name]) => existsSync(join(target, name)))) return `${target}/`;
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true, mode: 0o700 });
  // copyFileSync cannot read from the binary's embedded file system; readFileSync can.
  for (const [path, name] of CORE_FILES) writeFileSync(join(temporary, name), readFileSync(path), { mode: 0o600 });
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
  return `${target}/`;
}
