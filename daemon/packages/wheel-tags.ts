/** Wheel file names (PEP 427) and whether a wheel's tags suit this Pyodide (pure Python, or its emscripten ABI). */
import { PackageError } from "./package-error.ts";

/** The parts of a wheel file name `{dist}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
export interface WheelName {
  fileName: string;
  /** The distribution name as written in the file name (underscores for dashes). */
  distribution: string;
  version: string;
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

/** What Pyodide runs: from the lock's `info` (`python` "3.14.2", `abi_version` "2026_0", `platform` "emscripten_5_0_3", `arch` "wasm32"). */
export interface PythonTarget {
  /** Full Python version, e.g. "3.14.2". */
  python: string;
  /** Pyodide's ABI, e.g. "2026_0". */
  abi: string;
  /** Emscripten platform, e.g. "emscripten_5_0_3". */
  platform: string;
  /** e.g. "wasm32". */
  arch: string;
}

/** Parses a wheel file name; undefined when it is not one. */
export function parseWheelFileName(fileName: string): WheelName | undefined {
  if (!fileName.endsWith(".whl")) return undefined;
  const parts = fileName.slice(0, -4).split("-");
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [distribution, version] = parts as [string, string];
  const [python, abi, platform] = parts.slice(-3) as [string, string, string];
  if (!distribution || !version || !python || !abi || !platform) return undefined;
  return { fileName, distribution, version, pythonTags: python.split("."), abiTags: abi.split("."), platformTags: platform.split(".") };
}

/** The platform tags a binary wheel for `target` may carry: PEP 783's `pyemscripten_<abi>_<arch>`, its predecessor `pyodide_<abi>_<arch>`, and `<emscripten platform>_<arch>`. */
export function platformTagsFor(target: PythonTarget): string[] {
  return [`pyemscripten_${target.abi}_${target.arch}`, `pyodide_${target.abi}_${target.arch}`, `${target.platform}_${target.arch}`];
}

function minorOf(target: PythonTarget): number {
  return Number(target.python.split(".")[1]);
}

/** Python tags as (major, minor-or-undefined) for `py3`, `py314`, `cp314`; undefined for other interpreters. */
function pythonTag(tag: string): { impl: "py" | "cp"; major: number; minor: number | undefined } | undefined {
  const match = /^(py|cp)(\d)(\d*)$/.exec(tag);
  if (!match) return undefined;
  return { impl: match[1] as "py" | "cp", major: Number(match[2]), minor: match[3] === "" ? undefined : Number(match[3]) };
}

/** Whether a wheel suits this Pyodide, and if not why not (a sentence naming what it was built for). */
export type Compatibility = { ok: true; pure: boolean } | { ok: false; reason: string };

/** Decides whether `wheel` can be installed into Pyodide running `target`. */
export function wheelCompatibility(wheel: WheelName, target: PythonTarget): Compatibility {
  const minor = minorOf(target);
  const cpTag = `cp3${minor}`;
  const pure = wheel.platformTags.includes("any");
  const accepted = platformTagsFor(target);
  if (!pure && !wheel.platformTags.some((tag) => accepted.includes(tag))) {
    return { ok: false, reason: `it is built for platform ${wheel.platformTags.join(".")}; this Pyodide needs ${accepted[0]} or a pure-Python (none-any) wheel` };
  }
  // A tag set matches when some (python, abi) pair does: py3/py3N with abi none, cp3N with abi3 (N <= ours), or cp3<ours> with its own abi.
  const pairOk = wheel.pythonTags.some((py) => {
    const tag = pythonTag(py);
    if (!tag || tag.major !== 3 || (tag.minor !== undefined && tag.minor > minor)) return false;
    return wheel.abiTags.some((abi) => {
      if (abi === "none") return tag.impl === "py" || tag.minor === undefined || tag.minor <= minor;
      if (abi === "abi3") return tag.impl === "cp";
      return abi === cpTag && py === cpTag;
    });
  });
  if (!pairOk) {
    return { ok: false, reason: `it is built for ${wheel.pythonTags.join(".")}-${wheel.abiTags.join(".")}; this Pyodide runs CPython ${target.python} (${cpTag}, or py3 with no ABI)` };
  }
  return { ok: true, pure };
}

/** Throws INCOMPATIBLE_WHEEL when `fileName` is a wheel that does not suit `target`; other files (a lock's shared-library zips) pass. */
export function assertWheelCompatible(fileName: string, target: PythonTarget, what: string): void {
  if (!fileName.endsWith(".whl")) return;
  const wheel = parseWheelFileName(fileName);
  if (!wheel) throw new PackageError("INCOMPATIBLE_WHEEL", `${what}: ${fileName} is not a valid wheel file name (name-version-python-abi-platform.whl)`, { fileName });
  const verdict = wheelCompatibility(wheel, target);
  if (!verdict.ok) throw new PackageError("INCOMPATIBLE_WHEEL", `${what}: refused ${fileName}: ${verdict.reason}`, { fileName });
}
