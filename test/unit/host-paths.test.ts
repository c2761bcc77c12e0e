/** The host's paths in the daemon's messages to runners become neutral names. */
import { expect, test } from "bun:test";
import { homedir } from "node:os";
import { join } from "node:path";
import { HostPaths } from "../../daemon/pool/host-paths.ts";

test("the working directory, the cache (longest first, even inside the home directory) and a mirror directory are rewritten", () => {
  const cache = join(homedir(), ".pyodide-env");
  const paths = new HostPaths(cache, { "/woma/packages": "/srv/mirror/pyodide" });
  expect(paths.scrub(`${process.cwd()}/foo @ http:/x: installing from a file is not allowed`)).toBe("/woma/cwd/foo @ http:/x: installing from a file is not allowed");
  expect(paths.scrub(`cannot write ${cache}/packages/314/a.whl`)).toBe("cannot write /woma/cache/packages/314/a.whl");
  expect(paths.scrub("no /srv/mirror/pyodide/b.whl, twice: /srv/mirror/pyodide/b.whl")).toBe("no /woma/packages/b.whl, twice: /woma/packages/b.whl");
});

test("the root and top-level directories are left alone: they would rewrite every path", () => {
  expect(new HostPaths("/cache", { "/woma/x": "/" }).scrub("/etc/passwd and /cache/x")).toBe("/etc/passwd and /cache/x");
});
