/** The protocol schema: every example validates, every property is described, the generated types are current. */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkParams } from "../../daemon/server/validate-params.ts";
import * as methods from "../../protocol/methods.ts";
import { renderTypes } from "../../schema/generate.ts";
import { renderProtocolDoc } from "../../schema/protocol-doc.ts";
import schema from "../../schema/protocol.schema.json" with { type: "json" };

const examplesDir = join(import.meta.dir, "..", "..", "schema", "examples");
const definitions = schema.definitions as Record<string, unknown>;

describe("schema/examples", () => {
  const cases = readdirSync(examplesDir).flatMap((type) => readdirSync(join(examplesDir, type)).map((file) => [type, file] as const));

  test("there are examples, and each names a type the schema defines", () => {
    expect(cases.length).toBeGreaterThan(10);
    for (const [type] of cases) expect(Object.keys(definitions)).toContain(type);
  });

  for (const [type, file] of cases) {
    test(`${type}/${file} matches the schema`, () => {
      const value = JSON.parse(readFileSync(join(examplesDir, type, file), "utf8"));
      expect(checkParams(type, value)).toBeUndefined();
    });
  }
});

describe("schema", () => {
  test("every property of every definition has a description (or a $ref to a described type)", () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const record = node as Record<string, unknown>;
      const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== "string" && typeof property.$ref !== "string") missing.push(`${path}.${name}`);
        visit(property, `${path}.${name}`);
      }
    };
    for (const [name, definition] of Object.entries(definitions)) {
      if (typeof (definition as { description?: unknown }).description !== "string") missing.push(name);
      visit(definition, name);
    }
    expect(missing).toEqual([]);
  });

  test("protocol/generated/types.ts is what the schema generates (run `bun run schema:gen` if not)", async () => {
    const onDisk = readFileSync(join(import.meta.dir, "..", "..", "protocol", "generated", "types.ts"), "utf8");
    expect(onDisk).toBe(await renderTypes());
  });

  test("docs/protocol.md is what the schema generates (run `bun run docs:gen` if not), and lists every method", () => {
    const onDisk = readFileSync(join(import.meta.dir, "..", "..", "docs", "protocol.md"), "utf8");
    expect(onDisk).toBe(renderProtocolDoc());
    const names = Object.values(methods).map((m) => (m as { method: string }).method);
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(onDisk).toContain(`| \`${name}\``);
  });
});

describe("params validation names what is wrong", () => {
  test.each([
    [{ code: 5 }, "params.code must be string, got the number 5"],
    [{}, "params.code is required"],
    [{ code: "1", timeout_ms: -1 }, "params.timeout_ms must be >= 0"],
    [{ code: "1", session_id: "bad name!" }, "params.session_id must match"],
    [{ code: "1", colour: "red" }, 'params has an unknown property "colour"'],
    [[1, 2], "params must be an object (by name), got an array"],
  ])("%j", (params, expected) => {
    expect(checkParams("RunParams", params)).toContain(expected);
  });

  test("valid params pass", () => {
    expect(checkParams("RunParams", { code: "1+1", session_id: "a", timeout_ms: 100 })).toBeUndefined();
  });
});
