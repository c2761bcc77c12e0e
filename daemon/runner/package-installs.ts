/** Package installs in the runner: files the daemon offers, fetched by their sha256, checked again and installed one at a time; and what Python asks for (`import`, `micropip.install`). */
import type { DaemonCalls } from "./daemon-calls.ts";
import { MAX_IMPORT_MODULES, MAX_INDEX_URLS, MAX_INSTALL_REQUIREMENTS, MAX_REQUIREMENT_CHARS, MODULE_NAME, type RunnerPackagesResult, type RunnerWheel } from "../contract/runner-protocol.ts";

/** What the runner keeps of Pyodide's internals to install a package (Python can reach none of it). */
export interface PackageInternals {
  install(buffer: Uint8Array, fileName: string, installDir: string, metadata: Map<string, string>): Promise<void>;
  package_loader: { get_install_dir(kind: string): string };
}

/**
 * The packages installed in this interpreter, and the queue that keeps installs one at a
 * time (concurrent `loadPackage`-style installs cross-wire Pyodide's callbacks, pyodide#6288).
 */
export class PackageInstalls {
  private readonly installed = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private internals: PackageInternals | undefined;

  constructor(private readonly calls: DaemonCalls) {}

  /** Pyodide's installer, once the interpreter is up. */
  attach(internals: PackageInternals): void {
    this.internals = internals;
  }

  /**
   * Installs package files, in the order given (dependencies first), skipping those already
   * installed. The daemon sends each file's bytes (the runner has no access to its cache);
   * their sha256 is checked again here first.
   */
  install(wheels: RunnerWheel[]): Promise<string[]> {
    const work = this.queue.then(async () => {
      const internals = this.internals;
      if (!internals) throw new Error("the interpreter is not booted");
      const installed: string[] = [];
      for (const wheel of wheels) {
        if (this.installed.has(wheel.name)) continue;
        const { bytes } = (await this.calls.ask("runner/wheel", { sha256: wheel.sha256 })) as { bytes: Uint8Array };
        const digest = new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
        if (digest !== wheel.sha256) throw new Error(`${wheel.fileName} from the daemon's cache does not match its sha256 (${digest} instead of ${wheel.sha256}); run \`woma packages fetch ${wheel.name}\` again`);
        const dir = String(internals.package_loader.get_install_dir(wheel.installDir));
        await internals.install(bytes, wheel.fileName, dir, new Map([["INSTALLER", "woma"], ["PYODIDE_SOURCE", "woma's verified cache"]]));
        this.installed.add(wheel.name);
        installed.push(wheel.name);
      }
      return installed;
    });
    this.queue = work.catch(() => {});
    return work;
  }

  /**
   * What Python may ask of the daemon during a run: `packages` (what provides these
   * modules) or `install` (micropip requirements). The daemon fetches and verifies the files;
   * the runner installs them; Python gets the names installed and the modules no package
   * provides.
   */
  async forPython(kind: unknown, names: unknown, indexUrls?: unknown): Promise<{ installed: string[]; unknown: string[] }> {
    const list = stringList(names, "names");
    let answer: RunnerPackagesResult;
    if (kind === "install") {
      // The daemon kills a runner whose message breaks these bounds, so going past them is Python's error here.
      const urls = indexUrls === undefined || indexUrls === null ? undefined : stringList(indexUrls, "index_urls");
      if (list.length === 0) throw new Error("micropip.install needs at least one requirement");
      if (list.length > MAX_INSTALL_REQUIREMENTS) throw new Error(`${list.length} requirements are over woma's limit of ${MAX_INSTALL_REQUIREMENTS} per micropip.install`);
      if (urls && urls.length > MAX_INDEX_URLS) throw new Error(`${urls.length} index URLs are over woma's limit of ${MAX_INDEX_URLS} per micropip.install`);
      const long = [...list, ...(urls ?? [])].find((text) => text.length === 0 || text.length > MAX_REQUIREMENT_CHARS);
      if (long !== undefined) throw new Error(`a requirement or index URL of ${long.length} characters is outside woma's limit of 1 to ${MAX_REQUIREMENT_CHARS}`);
      answer = (await this.calls.ask("runner/install", urls ? { requirements: list, indexUrls: urls } : { requirements: list })) as RunnerPackagesResult;
    } else {
      // Only names that could be a package's module are asked about; no package provides the others.
      const modules = list.filter((name) => MODULE_NAME.test(name)).slice(0, MAX_IMPORT_MODULES);
      if (modules.length === 0) return { installed: [], unknown: list };
      answer = (await this.calls.ask("runner/packages", { modules })) as RunnerPackagesResult;
      answer = { ...answer, unknown: [...answer.unknown, ...list.filter((name) => !modules.includes(name))] };
    }
    const installed = await this.install(answer.wheels);
    return { installed, unknown: answer.unknown };
  }
}

/** A Python list of strings (a proxy) or a JS array of them, as a JS array; throws naming `what` otherwise. */
function stringList(value: unknown, what: string): string[] {
  const list = (value as { toJs?: () => unknown }).toJs ? (value as { toJs: () => unknown }).toJs() : value;
  if (!Array.isArray(list) || !list.every((n) => typeof n === "string")) throw new Error(`expected a list of strings for ${what}`);
  return list as string[];
}
