/** micropip-style resolution: requirements to lock packages and index wheels, dependencies first, chosen by the daemon. */
import { compare, explain, valid } from "@renovatebot/pep440";
import { basename } from "node:path";
import type { LockPackage, PackageLock } from "./lock-file.ts";
import { evaluateMarker, type MarkerEnvironment } from "./markers.ts";
import { closestNames, didYouMean, normalizeName } from "./package-name.ts";
import { PackageError } from "./package-error.ts";
import { classifyRequirement, parseRequirement, specifierAllowsPrereleases, versionSatisfies, type Requirement, type RequirementInput } from "./requirement.ts";
import { fileNameOfUrl, safeFileName } from "./safe-file-name.ts";
import type { FetchTrust } from "./package-fetch.ts";
import { fetchProjectFiles, type IndexFile, type IndexReader, type PackageIndex } from "./simple-index.ts";
import type { WheelMetadata } from "./wheel-metadata.ts";
import { assertWheelCompatible, parseWheelFileName, wheelCompatibility, type PythonTarget } from "./wheel-tags.ts";

/** A wheel that is not in the lock, already in the cache. */
export interface ResolvedWheel {
  kind: "wheel";
  /** Normalised distribution name. */
  name: string;
  version: string;
  fileName: string;
  path: string;
  sha256: string;
  imports: string[];
  /** Where it came from: the index, a URL the user gave, or a file the user gave. */
  source: "index" | "url" | "file";
}

/** A package of the lock (fetched later, with the others, by the store). */
export interface ResolvedLock {
  kind: "lock";
  pkg: LockPackage;
}

/** One step of an install plan, in install order. */
export type Resolved = ResolvedLock | ResolvedWheel;

/** How the resolver gets a wheel into the cache (the store's verified, single-flight download). */
export type ObtainWheel = (wheel: {
  name: string;
  fileName: string;
  from: { kind: "url"; url: string } | { kind: "dir"; path: string };
  /** The hash the file must have: from the index, or a `#sha256=` pin. */
  sha256?: string | undefined;
  /** True when `sha256` comes from a source the operator configured: then the file may be shared between tenants. */
  vouched: boolean;
  /** The policy a URL is fetched under. */
  trust: FetchTrust;
  remedy: string;
}) => Promise<{ path: string; sha256: string }>;

/** What the resolver needs from the store. */
export interface ResolverContext {
  lock: PackageLock;
  target: PythonTarget;
  env: MarkerEnvironment;
  /** The indexes for names the lock lacks (or whose lock version does not fit), tried in order: `--pypi-index`, or the tenant's own. */
  indexes: PackageIndex[];
  /** How index pages are fetched and read. */
  reader: IndexReader;
  /** The policy for wheel URLs a requirement names: the requester's. */
  urlTrust: FetchTrust;
  obtain: ObtainWheel;
  /** Checks a wheel in the cache (names, links, real unpacked size) and reads its metadata, off the event loop. */
  check: (path: string, label: string) => Promise<WheelMetadata>;
  log: (level: "debug" | "info" | "warn", message: string) => void;
  /** Whether wheel paths and file URLs may be installed (they read the daemon's own disk). */
  allowFiles: boolean;
}

interface Chosen {
  name: string;
  version: string;
  /** What asked for it first, named in conflicts. */
  by: string;
  /** Extras whose dependencies were added. */
  extras: Set<string>;
  metadata?: WheelMetadata;
}

const NO_EXTRA = "";

function byVersionDescending(a: { version: string }, b: { version: string }): number {
  return compare(b.version, a.version);
}

/**
 * Resolves requirements the way micropip does, but in the daemon: a name the lock has
 * (at a version the specifier accepts) comes from the lock with its lock dependencies;
 * anything else comes from the index as the newest wheel that is pure Python or built for
 * this Pyodide's ABI, with its `Requires-Dist` resolved in turn (markers evaluated for
 * Pyodide). The first version chosen for a name stays; a later requirement it does not
 * satisfy is a RESOLUTION_CONFLICT. No backtracking.
 */
export class PypiResolver {
  private readonly chosen = new Map<string, Chosen>();
  private readonly order: Resolved[] = [];

  constructor(private readonly context: ResolverContext) {}

  /** Resolves requirement strings (names, PEP 508 specs, wheel URLs, wheel paths) into an install plan, dependencies first. */
  async resolve(requirements: string[], cwd?: string): Promise<Resolved[]> {
    const inputs = requirements.map((text) => classifyRequirement(text, cwd));
    for (const input of inputs) await this.add(input, "the request");
    return [...this.order];
  }

  private async add(input: RequirementInput, by: string): Promise<void> {
    if (input.kind === "wheel-url") return this.addWheel({ kind: "url", url: input.url.replace(/#.*$/, "") }, input.url, by, [], pinOf(input.url), "url", this.context.urlTrust);
    if (input.kind === "wheel-path") return this.addWheel({ kind: "dir", path: input.path }, input.path, by, [], undefined, "file", this.context.urlTrust);
    const requirement = input.requirement;
    if (requirement.marker !== undefined && !evaluateMarker(requirement.marker, { ...this.context.env, extra: NO_EXTRA })) {
      this.context.log("debug", `skipped ${requirement.text}: its marker does not hold on Pyodide`);
      return;
    }
    return this.addRequirement(requirement, by);
  }

  private async addRequirement(requirement: Requirement, by: string): Promise<void> {
    const key = normalizeName(requirement.name);
    const existing = this.chosen.get(key);
    if (existing) {
      if (!versionSatisfies(existing.version, requirement.specifier, true)) {
        throw new PackageError("RESOLUTION_CONFLICT", `${by} needs ${requirement.name}${requirement.specifier}, but ${existing.name} ${existing.version} was already chosen for ${existing.by}`, { package: key, chosen: existing.version, wanted: requirement.specifier });
      }
      const fresh = requirement.extras.filter((extra) => !existing.extras.has(extra));
      if (fresh.length > 0 && existing.metadata) {
        for (const extra of fresh) existing.extras.add(extra);
        await this.addDependencies(existing, fresh, false);
      }
      return;
    }
    if (requirement.url !== undefined) {
      const url = requirement.url;
      if (/^https?:\/\//i.test(url)) {
        if (!/\.whl$/i.test(new URL(url.replace(/#.*$/, "")).pathname)) throw new PackageError("BAD_REQUIREMENT", `requirement ${JSON.stringify(requirement.text)}: the URL must point at a .whl file`, { requirement: requirement.text });
        return this.addWheel({ kind: "url", url: url.replace(/#.*$/, "") }, url, by, requirement.extras, pinOf(url), "url", this.context.urlTrust, key);
      }
      const input = /^file:/i.test(url) ? classifyRequirement(url) : undefined;
      if (input?.kind !== "wheel-path") throw new PackageError("BAD_REQUIREMENT", `requirement ${JSON.stringify(requirement.text)}: the URL must be an http(s) or file URL of a .whl`, { requirement: requirement.text });
      return this.addWheel({ kind: "dir", path: input.path }, input.path, by, requirement.extras, undefined, "file", this.context.urlTrust, key);
    }
    const locked = this.context.lock.get(key);
    if (locked && versionSatisfies(locked.version, requirement.specifier, true)) return this.addLock(locked, by);
    const { file, index } = await this.pickFromIndex(requirement, locked);
    return this.addWheel({ kind: "url", url: file.url }, file.url, by, requirement.extras, file.sha256, "index", index.trust, key);
  }

  private addLock(pkg: LockPackage, by: string): void {
    for (const member of this.context.lock.resolve([pkg.name])) {
      const key = normalizeName(member.name);
      const existing = this.chosen.get(key);
      if (existing) {
        if (existing.version !== member.version) this.context.log("warn", `${pkg.name} from the lock depends on ${member.name}; keeping ${existing.version} (chosen for ${existing.by}) rather than the lock's ${member.version}`);
        continue;
      }
      this.chosen.set(key, { name: member.name, version: member.version, by: member === pkg ? by : pkg.name, extras: new Set() });
      this.order.push({ kind: "lock", pkg: member });
    }
  }

  private async addWheel(from: { kind: "url"; url: string } | { kind: "dir"; path: string }, text: string, by: string, extras: string[], sha256: string | undefined, source: ResolvedWheel["source"], trust: FetchTrust, expected?: string): Promise<void> {
    if (source === "file" && !this.context.allowFiles) {
      throw new PackageError("NOT_ALLOWED", `${text}: installing from a file on the daemon's machine is not allowed for this client; give a package name or a wheel URL`, { requirement: text });
    }
    const fileName = safeFileName(from.kind === "url" ? fileNameOfUrl(from.url) : basename(from.path), text);
    const wheel = parseWheelFileName(fileName);
    if (!wheel) throw new PackageError("BAD_REQUIREMENT", `${text} is not a wheel (name-version-python-abi-platform.whl)`, { requirement: text });
    assertWheelCompatible(fileName, this.context.target, `installing ${text}`);
    const key = expected ?? normalizeName(wheel.distribution);
    const existing = this.chosen.get(key);
    if (existing) {
      if (existing.version === wheel.version) return;
      throw new PackageError("RESOLUTION_CONFLICT", `${text} is ${key} ${wheel.version}, but ${existing.version} was already chosen for ${existing.by}`, { package: key });
    }
    const remedy = source === "index" ? `check the index (${this.context.indexes.map((index) => index.url).join(", ")}), or install from a wheel file` : `check ${text}`;
    // A hash is vouched for only by an index the operator configured; a tenant's pin or index keeps the file to that tenant.
    const vouched = source === "index" && trust.kind === "operator" && sha256 !== undefined;
    const obtained = await this.context.obtain({ name: key, fileName, from, sha256, vouched, trust, remedy });
    const metadata = await this.context.check(obtained.path, fileName);
    if (normalizeName(metadata.name) !== key) {
      throw new PackageError("INCOMPATIBLE_WHEEL", `${fileName} says it is ${metadata.name}, but ${key} was asked for`, { fileName, package: key });
    }
    if (metadata.requiresPython && !versionSatisfies(this.context.target.python, metadata.requiresPython.replace(/\s+/g, ""), true)) {
      throw new PackageError("INCOMPATIBLE_WHEEL", `${fileName} requires Python ${metadata.requiresPython}; Pyodide runs ${this.context.target.python}`, { fileName });
    }
    const chosen: Chosen = { name: metadata.name, version: metadata.version, by, extras: new Set(extras), metadata };
    this.chosen.set(key, chosen);
    await this.addDependencies(chosen, [NO_EXTRA, ...extras], true);
    this.order.push({ kind: "wheel", name: key, version: metadata.version, fileName, path: obtained.path, sha256: obtained.sha256, imports: metadata.imports, source });
  }

  /** Adds the `Requires-Dist` entries whose marker holds for one of `extras` ("" for none); with `withBase` false, skips those that held without an extra. */
  private async addDependencies(chosen: Chosen, extras: string[], withBase: boolean): Promise<void> {
    for (const line of chosen.metadata?.requiresDist ?? []) {
      let dependency: Requirement;
      try {
        dependency = parseRequirement(line);
      } catch (error) {
        this.context.log("warn", `${chosen.name} ${chosen.version}: ignored Requires-Dist ${JSON.stringify(line)} (${(error as Error).message})`);
        continue;
      }
      const holds = (extra: string) => dependency.marker === undefined || evaluateMarker(dependency.marker, { ...this.context.env, extra });
      if (!withBase && holds(NO_EXTRA)) continue;
      if (!extras.some(holds)) continue;
      await this.addRequirement(dependency, `${chosen.name} ${chosen.version}`);
    }
  }

  private async pickFromIndex(requirement: Requirement, locked: LockPackage | undefined): Promise<{ file: IndexFile; index: PackageIndex }> {
    const { target, lock } = this.context;
    const key = normalizeName(requirement.name);
    const wanted = `${requirement.name}${requirement.specifier}`;
    // As micropip does: the first index that has the project is the one used.
    let files: IndexFile[] | undefined;
    let index = this.context.indexes[0]!;
    for (const candidate of this.context.indexes) {
      index = candidate;
      files = await fetchProjectFiles(candidate, requirement.name, this.context.reader);
      if (files !== undefined) break;
    }
    const indexUrl = this.context.indexes.map((i) => i.url).join(", ");
    if (files === undefined) {
      if (locked) throw new PackageError("NO_MATCHING_DISTRIBUTION", `${wanted}: the Pyodide lock has ${locked.name} ${locked.version}, which does not satisfy it, and the index ${indexUrl} has no project "${key}"`, { package: key });
      throw new PackageError("UNKNOWN_PACKAGE", `no package "${requirement.name}" in the Pyodide lock or on the index ${indexUrl}${didYouMean(closestNames(requirement.name, lock.names()))}`, { package: key, source: indexUrl });
    }
    const skipped = new Set<string>();
    const candidates: Array<IndexFile & { version: string; pure: boolean }> = [];
    for (const file of files) {
      const wheel = parseWheelFileName(file.fileName);
      if (!wheel) {
        skipped.add("source distributions (Pyodide cannot build them)");
        continue;
      }
      if (normalizeName(wheel.distribution) !== key || !valid(wheel.version)) continue;
      const verdict = wheelCompatibility(wheel, target);
      if (!verdict.ok) {
        skipped.add(`${file.fileName} (${verdict.reason})`);
        continue;
      }
      if (file.requiresPython && !versionSatisfies(target.python, file.requiresPython.replace(/\s+/g, ""), true)) {
        skipped.add(`${file.fileName} (requires Python ${file.requiresPython})`);
        continue;
      }
      candidates.push({ ...file, version: wheel.version, pure: verdict.pure });
    }
    const pinned = /^===?[^,*]+$/.test(requirement.specifier);
    const usable = candidates.filter((file) => !file.yanked || pinned);
    const pick = (prereleases: boolean) => usable.filter((file) => versionSatisfies(file.version, requirement.specifier, prereleases));
    let matching = pick(false);
    // As pip does: pre-releases only when the specifier names one, or when nothing else is there.
    if (matching.length === 0 && (specifierAllowsPrereleases(requirement.specifier) || usable.every((file) => explain(file.version)?.is_prerelease))) matching = pick(true);
    // Newest version first; for one version, a wheel built for Pyodide before a pure one.
    matching.sort((a, b) => byVersionDescending(a, b) || Number(a.pure) - Number(b.pure));
    const best = matching[0];
    if (best) {
      this.context.log("debug", `${wanted}: chose ${best.fileName} from ${index.url}`);
      return { file: best, index };
    }
    const versions = [...new Set(candidates.map((file) => file.version))].sort((a, b) => compare(b, a)).slice(0, 5);
    const details = [versions.length > 0 ? `compatible versions: ${versions.join(", ")}` : "", skipped.size > 0 ? `skipped: ${[...skipped].slice(0, 4).join("; ")}` : ""].filter(Boolean).join("; ");
    throw new PackageError("NO_MATCHING_DISTRIBUTION", `${wanted}: the index ${indexUrl} has no pure-Python or Pyodide (${target.abi}) wheel that satisfies it${locked ? ` (the lock has ${locked.version})` : ""}${details ? ` (${details})` : ""}`, { package: key, source: indexUrl });
  }
}

/** The `#sha256=` pin of a URL, if it has one. */
function pinOf(url: string): string | undefined {
  return /#(?:.*&)?sha256=([0-9a-f]{64})/i.exec(url)?.[1]?.toLowerCase();
}
