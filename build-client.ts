/** `bun run build:client`: bundles the typed client (clients/shared/index.ts) into dist/client.js, with declarations in dist/types, for programs that import `woma/client` without running TypeScript; `npm install` runs it (prepare). */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = import.meta.dir;
const dist = join(root, "dist");
rmSync(join(dist, "types"), { recursive: true, force: true });

const result = await Bun.build({
  entrypoints: [join(root, "clients", "shared", "index.ts")],
  outdir: dist,
  naming: "client.js",
  target: "node",
  format: "esm",
  // vscode-jsonrpc stays a dependency of the package rather than a copy in the bundle.
  packages: "external",
});
if (!result.success) {
  for (const message of result.logs) console.error(message);
  process.exit(1);
}

const tsc = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(root, "tsconfig.client.json")], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// The sources import each other as `./x.ts`; a declaration file must name `./x.js` for Node's resolution to find `./x.d.ts`.
const rewrite = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rewrite(path);
    else if (name.endsWith(".d.ts")) writeFileSync(path, readFileSync(path, "utf8").replace(/(from\s+["']\.{1,2}\/[^"']+)\.ts(["'])/g, "$1.js$2"));
  }
};
rewrite(join(dist, "types"));
console.error(`wrote ${join(dist, "client.js")} and its declarations in ${join(dist, "types")}`);
