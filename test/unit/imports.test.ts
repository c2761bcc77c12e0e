/** Imports point one way: protocol/ imports nothing of ours, clients/ never import daemon/, only the worker imports pyodide. */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

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
