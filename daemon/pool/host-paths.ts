/** Replaces the host's paths in text the daemon hands a runner (and so Python) with neutral names: the host's file layout is none of Python's business. */
import { homedir, tmpdir } from "node:os";
import { dirname, resolve } from "node:path";
import { isCompiledBinary } from "../runtime/compiled-binary.ts";

/**
 * Rewrites every occurrence of the daemon's working directory, its cache directory, woma's own
 * files, the home directory and the temporary directory into `/woma/cwd`, `/woma/cache`,
 * `/woma/app`, `/woma/home` and `/woma/tmp`, longest first (the cache often lies in the home
 * directory). Python sees the daemon's messages (a refused requirement resolved against the
 * working directory, a download error naming the cache), not the paths in them.
 */
export class HostPaths {
  private readonly pairs: Array<[host: string, neutral: string]>;

  constructor(cacheDir: string, extra: Record<string, string> = {}) {
    const app = isCompiledBinary() ? dirname(process.execPath) : resolve(import.meta.dir, "..", "..");
    const named: Record<string, string> = { "/woma/cwd": process.cwd(), "/woma/cache": cacheDir, "/woma/app": app, "/woma/home": homedir(), "/woma/tmp": tmpdir(), ...extra };
    this.pairs = Object.entries(named)
      .map(([neutral, host]): [string, string] => [resolve(host), neutral])
      // The root directory, or one directly under it, would rewrite half of every path.
      .filter(([host]) => host.split("/").filter(Boolean).length >= 2)
      .sort(([a], [b]) => b.length - a.length);
  }

  /** `text` with each host path replaced by its neutral name. */
  scrub(text: string): string {
    let out = text;
    for (const [host, neutral] of this.pairs) if (out.includes(host)) out = out.split(host).join(neutral);
    return out;
  }
}
