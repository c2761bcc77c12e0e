/** The protocol is spelled once: no literal union re-spells a schema enum, and no object type copies a generated one by hand. */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import schema from "../../schema/protocol.schema.json" with { type: "json" };

const root = join(import.meta.dir, "..", "..");
const generatedPath = join(root, "protocol", "generated", "types.ts");

/**
 * Re-spellings in files this branch does not own (the runner and the pool, worked on
 * elsewhere at the same time). Each entry must still occur, so the list can only shrink:
 * whoever replaces one with the generated name deletes its line here.
 */
const NOT_YET_REPLACED = new Set([
  'daemon/pool/runner.ts: "stdout" | "stderr" re-spells Stream',
  'daemon/pool/runner.ts: "complete" | "incomplete" | "invalid" re-spells CheckStatus',
  'daemon/pool/runner-process.ts: "complete" | "incomplete" | "invalid" re-spells CheckStatus',
  'daemon/pool/runner-pool.ts: "complete" | "incomplete" | "invalid" re-spells CheckStatus',
  'daemon/pool/runner-pool.ts: "shared" | "dedicated" re-spells RunnerRole',
  'daemon/pool/snapshot-store.ts: "ready" | "building" | "unavailable" | "missing" re-spells SnapshotState',
]);

/** Every TypeScript source file of the daemon, the clients, the CLI and the protocol, except the generated one. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && path !== generatedPath) files.push(path);
    }
  };
  for (const dir of ["daemon", "clients", "cli", "protocol", "schema"]) walk(join(root, dir));
  return files;
}

/** The schema's string enums, by definition name. */
function schemaEnums(): Map<string, Set<string>> {
  const enums = new Map<string, Set<string>>();
  for (const [name, definition] of Object.entries(schema.definitions as Record<string, { enum?: unknown[] }>)) {
    if (Array.isArray(definition.enum)) enums.set(name, new Set(definition.enum.map(String)));
  }
  return enums;
}

/** Each literal union in `text` (`"a" | "b"`, at least two members), with its members. */
function literalUnions(text: string): Array<{ spelled: string; members: string[] }> {
  const literal = `(?:"[^"\\n]*"|'[^'\\n]*')`;
  const union = new RegExp(`${literal}(?:\\s*\\|\\s*${literal})+`, "g");
  return [...text.matchAll(union)].map((match) => ({
    spelled: match[0].replace(/'/g, '"').replace(/\s*\|\s*/g, " | "),
    members: [...match[0].matchAll(new RegExp(literal, "g"))].map((m) => m[0].slice(1, -1)),
  }));
}

/** The property names of each interface declared in `text`, by interface name (top-level members only). */
function interfaceKeys(text: string): Map<string, Set<string>> {
  const shapes = new Map<string, Set<string>>();
  for (const match of text.matchAll(/^( *)(?:export )?interface (\w+)[^{\n]*\{\n([^]*?)^\1\}/gm)) {
    const indent = `${match[1]}  `;
    const keys = [...match[3]!.matchAll(new RegExp(`^${indent}(?:readonly )?(\\w+)\\??:`, "gm"))].map((m) => m[1]!);
    shapes.set(match[2]!, new Set(keys));
  }
  return shapes;
}

/** The property names of each one-line object type literal in `text` (`{ a: string; b?: number }`). */
function inlineShapes(text: string): Array<{ spelled: string; keys: Set<string> }> {
  const member = String.raw`(?:readonly )?\w+\??:\s*[^;{}\n]+`;
  const shape = new RegExp(String.raw`\{\s*${member}(?:;\s*${member})+;?\s*\}`, "g");
  return [...text.matchAll(shape)].map((match) => ({
    spelled: match[0],
    keys: new Set([...match[0].matchAll(/(?:^|[{;]\s*)(?:readonly )?(\w+)\??:/g)].map((m) => m[1]!)),
  }));
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((k) => b.has(k));

describe("the protocol is spelled once", () => {
  const files = sourceFiles().map((path) => ({ name: relative(root, path), text: readFileSync(path, "utf8") }));

  test("no literal union re-spells an enum of the schema (import the generated name instead)", () => {
    const enums = schemaEnums();
    expect(enums.size).toBeGreaterThanOrEqual(10);
    const found = new Set<string>();
    for (const file of files) {
      for (const union of literalUnions(file.text)) {
        for (const [name, values] of enums) {
          if (union.members.filter((member) => values.has(member)).length >= 2) found.add(`${file.name}: ${union.spelled} re-spells ${name}`);
        }
      }
    }
    const unexpected = [...found].filter((line) => !NOT_YET_REPLACED.has(line));
    const gone = [...NOT_YET_REPLACED].filter((line) => !found.has(line));
    expect({ unexpected, "gone (delete from NOT_YET_REPLACED)": gone }).toEqual({ unexpected: [], "gone (delete from NOT_YET_REPLACED)": [] });
  });

  test("no interface or object type copies a generated type's fields by hand", () => {
    const generated = [...interfaceKeys(readFileSync(generatedPath, "utf8"))].filter(([, keys]) => keys.size >= 2);
    expect(generated.length).toBeGreaterThan(15);
    const copies: string[] = [];
    for (const file of files) {
      const shapes = [...[...interfaceKeys(file.text)].map(([name, keys]) => ({ spelled: `interface ${name}`, keys })), ...inlineShapes(file.text)];
      for (const shape of shapes) {
        for (const [name, keys] of generated) if (sameSet(shape.keys, keys)) copies.push(`${file.name}: ${shape.spelled} copies ${name}`);
      }
    }
    expect(copies).toEqual([]);
  });

  test("the checks see what they look for", () => {
    expect(literalUnions(`let s: "stdout" | 'stderr';`)).toEqual([{ spelled: '"stdout" | "stderr"', members: ["stdout", "stderr"] }]);
    expect(inlineShapes("error: { type: string; message: string; traceback: string } | null;")[0]?.keys).toEqual(new Set(["type", "message", "traceback"]));
    expect(interfaceKeys("export interface E {\n  type: string;\n  message?: string;\n  nested: {\n    x: number;\n  };\n}\n").get("E")).toEqual(new Set(["type", "message", "nested"]));
  });
});
