/** woma's version constant matches package.json, and pyodide is pinned to an exact version. */
import { expect, test } from "bun:test";
import pkg from "../../package.json" with { type: "json" };
import { WOMA_VERSION } from "../../protocol/version.ts";

test("WOMA_VERSION is package.json's version", () => {
  expect(WOMA_VERSION).toBe(pkg.version);
});

test("pyodide is pinned exactly", () => {
  expect(pkg.dependencies.pyodide).toMatch(/^\d+\.\d+\.\d+$/);
});
