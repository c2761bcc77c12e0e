/** Knows whether woma runs as a script or as the compiled binary, and where the binary keeps its entry points. */

/** The package worker's source (wheel checks, index pages), relative to the repository root; build.ts lists it as an entry point too. */
export const PACKAGE_WORKER_ENTRY = "daemon/packages/package-worker.ts";

/** True when this code runs from a `bun build --compile` executable. */
export function isCompiledBinary(): boolean {
  return import.meta.path.startsWith("/$bunfs/") || import.meta.url.includes("$bunfs");
}

/**
 * The specifier to start the package worker with. In the binary, bundled code all reports
 * the executable as its location, while each extra entry point keeps its path from the
 * repository root under /$bunfs/root/.
 */
export function packageWorkerSpecifier(): string {
  return isCompiledBinary() ? `/$bunfs/root/${PACKAGE_WORKER_ENTRY}` : new URL(`../../${PACKAGE_WORKER_ENTRY}`, import.meta.url).href;
}

/** Where build.ts puts the packages it embeds (`WOMA_PACKAGES`), relative to the repository root. */
export const EMBEDDED_PACKAGES = "build/embedded-packages";

/** Where the binary holds them: Bun keeps an asset directory under its own name. */
export const EMBEDDED_PACKAGES_IN_BINARY = "/$bunfs/root/embedded-packages";
