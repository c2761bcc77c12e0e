/**
 * `bun run build`: compiles woma into one executable, ./woma, with the Pyodide core embedded.
 *
 * `WOMA_PACKAGES=numpy,pandas bun run build` also embeds those packages of Pyodide's
 * distribution (with their dependencies), so the binary runs them with no network. They are
 * taken from `WOMA_PACKAGES_FROM` (a mirror directory or URL, as `--packages-url` takes;
 * default Pyodide's CDN) through the package cache `WOMA_PACKAGES_CACHE` (default
 * ~/.pyodide-env, so `woma packages fetch numpy pandas` beforehand makes the build offline),
 * every file checked against its lock. `WOMA_OUTFILE` names another output file.
 */
import { chmodSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { EMBEDDED_PACKAGES, PACKAGE_WORKER_ENTRY } from "./daemon/runtime/compiled-binary.ts";
import { expandHome } from "./daemon/daemon-options.ts";
import { DEFAULTS } from "./protocol/defaults.ts";

const root = import.meta.dir;
// Asset paths are kept relative to the working directory; the binary finds them under /$bunfs/root/.
process.chdir(root);
const outfile = resolve(process.env.WOMA_OUTFILE ?? join(root, "woma"));

const wanted = (process.env.WOMA_PACKAGES ?? "")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
rmSync(join(root, EMBEDDED_PACKAGES), { recursive: true, force: true });
if (wanted.length > 0) {
  const { openPackageStore } = await import("./daemon/packages/open-store.ts");
  const cacheDir = expandHome(process.env.WOMA_PACKAGES_CACHE ?? DEFAULTS.cacheDir);
  try {
    const store = await openPackageStore({ cacheDir, packagesUrl: process.env.WOMA_PACKAGES_FROM });
    const summary = await store.writeMirror(join(root, EMBEDDED_PACKAGES), wanted);
    console.error(`embedding ${summary.packages.join(", ")} (${(summary.bytes / 1048576).toFixed(1)} MB copied) from ${process.env.WOMA_PACKAGES_FROM ?? "Pyodide's CDN"}`);
  } catch (error) {
    console.error(`woma build: WOMA_PACKAGES=${wanted.join(",")} could not be embedded: ${(error as Error).message}`);
    process.exit(1);
  }
}

const result = await Bun.build({
  // The package worker is an entry point too: a compiled binary can only start workers it contains.
  entrypoints: [join(root, "cli", "main.ts"), join(root, PACKAGE_WORKER_ENTRY)],
  compile: { outfile, ...(wanted.length > 0 ? { assets: [EMBEDDED_PACKAGES] } : {}) } as Parameters<typeof Bun.build>[0]["compile"],
  minify: true,
  sourcemap: "none",
  target: "bun",
});
if (!result.success) {
  for (const message of result.logs) console.error(message);
  process.exit(1);
}
chmodSync(outfile, 0o755);
console.error(`wrote ${outfile} (${(statSync(outfile).size / 1048576).toFixed(1)} MB)`);
