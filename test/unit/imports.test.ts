/** Imports point one way: protocol/ imports nothing of ours, clients/ never import daemon/, only the worker imports pyodide. */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { runnerCommand } from "../../daemon/pool/runner-command.ts";

const root = resolve(import.meta.dir, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(root, dir, name);
    if (statSync(path).isDirectory()) return sources(relative(root, path));
    return name.endsWith(".ts") ? [relative(root, path)] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

function resolvedTop(file: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  return relative(root, resolve(root, file, "..", spec)).split("/")[0];
}

test("protocol/ imports nothing from the rest of the repository", () => {
  const bad = sources("protocol").flatMap((f) => imports(f).filter((s) => resolvedTop(f, s) !== undefined && resolvedTop(f, s) !== "protocol").map((s) => `${f} -> ${s}`));
  expect(bad).toEqual([]);
});

test("clients/ never import daemon/ (they reach it over the wire)", () => {
  const bad = sources("clients").flatMap((f) => imports(f).filter((s) => resolvedTop(f, s) === "daemon").map((s) => `${f} -> ${s}`));
  expect(bad).toEqual([]);
});

test("only the runner's interpreter boot imports pyodide's code", () => {
  const all = [...sources("daemon"), ...sources("clients"), ...sources("protocol"), ...sources("cli")];
  // pyodide-core.ts imports pyodide's files as paths and its package.json for the version, never its code.
  const bad = all.filter((f) => imports(f).some((s) => s === "pyodide") && f !== "daemon/runner/interpreter-boot.ts");
  expect(bad).toEqual([]);
});

/** What `file` loads when it runs: its imports and re-exports, without those of types only (erased before it runs). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const statements = [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s*["']([^"']+)["']/gms)].filter((m) => m[1] === undefined).map((m) => m[2]!);
  const bare = [...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm), ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return [...statements, ...bare];
}

test("a runner loads only the packages its sandbox binds in (namespace isolation lets it read nothing else)", () => {
  const bound = new Set(runnerCommand().readOnly.filter((path) => path.includes("/node_modules/")).map((path) => path.slice(path.lastIndexOf("/node_modules/") + "/node_modules/".length)));
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith(".ts")) return;
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith(".")) visit(relative(root, resolve(root, file, "..", spec)));
      else if (!spec.startsWith("node:") && !spec.startsWith("bun:") && spec !== "bun") {
        const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
        packages.set(name, `${file} -> ${spec}`);
      }
    }
  };
  visit("daemon/runner/runner-main.ts");
  expect(seen.size).toBeGreaterThan(10);
  const unbound = [...packages].filter(([name]) => !bound.has(name)).map(([, where]) => where);
  expect(unbound).toEqual([]);
  expect([...packages.keys()].sort()).toEqual(["pyodide", "vscode-jsonrpc"]);
});

test("the generated validators import only woma's own modules (a package's CommonJS helper broke them in the compiled binary)", () => {
  const generated = ["protocol/generated/validators.ts", "protocol/generated/message-validators.ts", "daemon/contract/generated/runner-validators.ts"];
  const packages = generated.flatMap((file) => runtimeImports(file).filter((spec) => !spec.startsWith(".")).map((spec) => `${file} -> ${spec}`));
  expect(packages).toEqual([]);
  for (const file of generated) expect(readFileSync(join(root, file), "utf8")).not.toContain("require(");
});

test("no module of woma imports itself back through others (a cycle makes load order matter and hides a misplaced concept)", () => {
  const all = [...sources("daemon"), ...sources("clients"), ...sources("protocol"), ...sources("cli")];
  const graph = new Map(all.map((file) => [file, runtimeImports(file).filter((spec) => spec.startsWith(".")).map((spec) => relative(root, resolve(root, file, "..", spec)))]));
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), next].join(" -> "));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of all) if (!state.has(file)) visit(file);
  expect(cycles).toEqual([]);
});
