/** `bun run build`: compiles woma into one executable, ./woma, with the Pyodide core embedded. */
import { chmodSync, statSync } from "node:fs";
import { join } from "node:path";
import { WORKER_ENTRY } from "./daemon/compiled-binary.ts";

const root = import.meta.dir;
const outfile = join(root, "woma");

const result = await Bun.build({
  // The worker is a second entry point: a compiled binary can only start workers it contains.
  entrypoints: [join(root, "cli", "main.ts"), join(root, WORKER_ENTRY)],
  compile: { outfile },
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
