/** Pyodide's lock file (`pyodide-lock.json`): reading and checking it, import names, and dependency order. */
import { closestNames, didYouMean, normalizeName } from "./package-name.ts";
import { PackageError } from "./package-error.ts";
import { fileNameOfUrl, safeFileName } from "./safe-file-name.ts";
import type { PythonTarget } from "./wheel-tags.ts";

/** The lock's `info`: what the distribution was built for. */
export interface LockInfo {
  /** Pyodide's ABI, e.g. "2026_0"; a lock must match the running Pyodide's. */
  abi_version: string;
  arch: string;
  /** Emscripten platform, e.g. "emscripten_5_0_3". */
  platform: string;
  /** Full Python version, e.g. "3.14.2". */
  python: string;
  version?: string;
}

/** One package of the lock, in Pyodide's format (extra fields are kept as they are). */
export interface LockPackage {
  /** Distribution name as published, e.g. "Pillow". */
  name: string;
  version: string;
  /** A file name relative to the source (or, rarely, an absolute URL). */
  file_name: string;
  sha256: string;
  /** Names of packages this one needs (any spelling; normalised when looked up). */
  depends: string[];
  /** Top-level modules the package provides, e.g. ["PIL"] for Pillow. */
  imports: string[];
  package_type: string;
  install_dir: "site" | "dynlib";
  [extra: string]: unknown;
}

/** The whole lock file. */
export interface LockFileJson {
  info: LockInfo;
  packages: Record<string, LockPackage>;
  [extra: string]: unknown;
}

function fail(origin: string, what: string): never {
  throw new PackageError("LOCK_INVALID", `${origin}: ${what}`, { lock: origin });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * Parses and checks a lock file's text; `origin` (a path or URL) names it in errors.
 * Every package needs a name, a version, a plain file name (no path: locks are
 * untrusted), a sha256 of 64 hex digits, and `depends`/`imports` lists. Throws
 * LOCK_INVALID naming the package and field.
 */
export function parseLock(text: string, origin: string): LockFileJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(origin, `not JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null) fail(origin, "not a JSON object");
  const { info, packages } = json as { info?: unknown; packages?: unknown };
  if (typeof info !== "object" || info === null) fail(origin, 'no "info" object');
  for (const key of ["abi_version", "arch", "platform", "python"] as const) {
    if (typeof (info as Record<string, unknown>)[key] !== "string") fail(origin, `"info.${key}" must be a string`);
  }
  if (typeof packages !== "object" || packages === null || Array.isArray(packages)) fail(origin, 'no "packages" object');
  for (const [key, value] of Object.entries(packages)) {
    const where = `package "${key}"`;
    if (typeof value !== "object" || value === null) fail(origin, `${where} is not an object`);
    const pkg = value as Record<string, unknown>;
    for (const field of ["name", "version", "file_name", "sha256", "package_type"] as const) {
      if (typeof pkg[field] !== "string" || pkg[field] === "") fail(origin, `${where}: "${field}" must be a non-empty string`);
    }
    if (!/^[0-9a-f]{64}$/i.test(pkg.sha256 as string)) fail(origin, `${where}: "sha256" must be 64 hex digits, got ${JSON.stringify(pkg.sha256)}`);
    if (!isStringArray(pkg.depends)) fail(origin, `${where}: "depends" must be a list of names`);
    if (!isStringArray(pkg.imports)) fail(origin, `${where}: "imports" must be a list of module names`);
    pkg.install_dir ??= "site";
    if (pkg.install_dir !== "site" && pkg.install_dir !== "dynlib") fail(origin, `${where}: "install_dir" must be "site" or "dynlib", got ${JSON.stringify(pkg.install_dir)}`);
    lockFileName(pkg as LockPackage, origin);
  }
  return json as LockFileJson;
}

/** The name a lock package's file is kept under (its `file_name`, or the last segment of an absolute URL), checked to be a plain name. */
export function lockFileName(pkg: LockPackage, origin: string): string {
  const name = /^https?:\/\//i.test(pkg.file_name) ? fileNameOfUrl(pkg.file_name) : pkg.file_name;
  return safeFileName(name, `${origin}: package "${pkg.name}"`);
}

/** The Python a lock's distribution was built for, as wheel tags see it. */
export function targetOf(info: LockInfo): PythonTarget {
  return { python: info.python, abi: info.abi_version, platform: info.platform, arch: info.arch };
}

/**
 * A checked lock: packages by normalised name, the module → package map, and
 * dependency resolution. Built by {@link PackageLock.parse}.
 */
export class PackageLock {
  private readonly byName = new Map<string, LockPackage>();
  private readonly byImport = new Map<string, string>();

  private constructor(
    /** The lock as read (kept whole, so a mirror can write it back). */
    readonly json: LockFileJson,
    /** Where it came from: a path or URL, named in errors. */
    readonly origin: string,
  ) {
    for (const [key, pkg] of Object.entries(json.packages)) {
      const name = normalizeName(key);
      this.byName.set(name, pkg);
      for (const module of pkg.imports) if (!this.byImport.has(module)) this.byImport.set(module, name);
    }
  }

  /**
   * Parses `text` (see {@link parseLock}) and refuses a lock built for another ABI than
   * `expectedAbi` (LOCK_ABI_MISMATCH), as Pyodide itself would at load.
   */
  static parse(text: string, origin: string, expectedAbi: string): PackageLock {
    const json = parseLock(text, origin);
    if (json.info.abi_version !== expectedAbi) {
      throw new PackageError(
        "LOCK_ABI_MISMATCH",
        `${origin} is a lock for Pyodide ABI ${json.info.abi_version}, but this Pyodide's ABI is ${expectedAbi}; use a mirror of the matching Pyodide distribution`,
        { lock: origin, abi: json.info.abi_version, expected: expectedAbi },
      );
    }
    return new PackageLock(json, origin);
  }

  /**
   * `base` with the packages of `top` added, `top`'s winning where both have a name (the
   * packages embedded in the binary over the lock of the source).
   */
  static overlay(base: PackageLock, top: PackageLock): PackageLock {
    const packages = { ...base.json.packages };
    const topNames = new Set(Object.keys(top.json.packages).map(normalizeName));
    for (const key of Object.keys(packages)) if (topNames.has(normalizeName(key))) delete packages[key];
    return new PackageLock({ ...base.json, packages: { ...packages, ...top.json.packages } }, `${base.origin} with ${top.origin}`);
  }

  /** What the distribution was built for. */
  get info(): LockInfo {
    return this.json.info;
  }

  /** Normalised names of every package, sorted. */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** The package of that name (any spelling), or undefined. */
  get(name: string): LockPackage | undefined {
    return this.byName.get(normalizeName(name));
  }

  /** The package of that name; throws UNKNOWN_PACKAGE with close names (and the package providing it, when `name` is an import name). */
  require(name: string): LockPackage {
    const pkg = this.get(name);
    if (pkg) return pkg;
    const provider = this.byImport.get(name);
    const hint = provider ? ` (the module ${name} is provided by the package ${provider})` : didYouMean(closestNames(name, this.byName.keys()));
    throw new PackageError("UNKNOWN_PACKAGE", `no package "${name}" in ${this.origin}${hint}`, { package: name, ...(provider ? { provider } : {}) });
  }

  /** The normalised name of the package providing `module` (only its top level counts: "matplotlib.pyplot" → "matplotlib"), or undefined. */
  packageForImport(module: string): string | undefined {
    const top = module.split(".")[0] ?? module;
    return this.byImport.get(top);
  }

  /**
   * The packages `modules` need, dependencies included, in install order. Modules the
   * lock does not provide (the standard library, the user's own) are skipped.
   */
  packagesForImports(modules: Iterable<string>): string[] {
    const names = new Set<string>();
    for (const module of modules) {
      const name = this.packageForImport(module);
      if (name) names.add(name);
    }
    return this.resolve([...names]).map((pkg) => normalizeName(pkg.name));
  }

  /**
   * `names` with everything they depend on, recursively, each once, every package after
   * its dependencies (a depth-first post-order; cycles are broken where met). Throws
   * UNKNOWN_PACKAGE for a name the lock lacks, and LOCK_INVALID for a dependency it lacks.
   */
  resolve(names: Iterable<string>): LockPackage[] {
    const order: LockPackage[] = [];
    const seen = new Set<string>();
    const visit = (name: string, neededBy: string | undefined) => {
      const key = normalizeName(name);
      if (seen.has(key)) return;
      seen.add(key);
      const pkg = this.byName.get(key);
      if (!pkg) {
        if (neededBy === undefined) this.require(name);
        fail(this.origin, `package "${neededBy}" depends on "${name}", which the lock does not list`);
      }
      for (const dependency of pkg.depends) visit(dependency, pkg.name);
      order.push(pkg);
    };
    for (const name of names) visit(name, undefined);
    return order;
  }
}
