/** Paths and waiting helpers shared by the tests. */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository's root directory. */
export const REPO_ROOT = resolve(import.meta.dir, "..", "..");

/**
 * The cache directory the suite shares, so the Pyodide snapshot is built once per
 * machine rather than once per test file. WOMA_TEST_CACHE overrides it.
 */
export function testCacheDir(): string {
  const dir = process.env.WOMA_TEST_CACHE ?? join(tmpdir(), "woma-test-cache");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Polls `condition` every 20 ms; throws naming `what` if it is not true within `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await Bun.sleep(20);
  }
}
