/** Generates protocol/generated/types.ts from schema/protocol.schema.json; `--check` fails on drift instead of writing. */
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const schemaPath = join(root, "schema", "protocol.schema.json");
const outPath = join(root, "protocol", "generated", "types.ts");

const banner = `/**
 * The protocol's TypeScript types, generated from schema/protocol.schema.json.
 * DO NOT EDIT: change the schema and run \`npm run schema:gen\`.
 */`;

/**
 * A property that is a `$ref` with a description of its own (`{ "$ref": "#/definitions/Stream",
 * "description": "..." }`) would make the generator declare a second, identical type for it
 * (`Stream1`). Wrapping the reference in a one-item `allOf`, which validates the same, makes
 * the property use the named type and keeps its description as the property's doc comment.
 */
function referToNamedTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(referToNamedTypes);
  if (node === null || typeof node !== "object") return node;
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === "string" && typeof record.description === "string") {
    const { $ref, ...rest } = record;
    return { ...rest, allOf: [{ $ref }] };
  }
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, referToNamedTypes(value)]));
}

/** Renders the generated file's text from the schema on disk. */
export async function renderTypes(): Promise<string> {
  const schema = referToNamedTypes(JSON.parse(readFileSync(schemaPath, "utf8"))) as JSONSchema;
  const body = await compile(schema, "WomaProtocol", {
    bannerComment: banner,
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    style: { printWidth: 100, singleQuote: false },
  });
  // The root has no properties of its own; drop its empty interface so only real types remain.
  return body.replace(/\n\/\*\*\n \* The JSON-RPC 2\.0 contract[^]*?export interface WomaProtocol \{\}\n/, "\n");
}

if (import.meta.main) {
  const check = process.argv.includes("--check");
  const fresh = await renderTypes();
  if (check) {
    const onDisk = readFileSync(outPath, "utf8");
    if (onDisk !== fresh) {
      console.error(`${outPath} is out of date with ${schemaPath}: run \`npm run schema:gen\``);
      process.exit(1);
    }
    console.error("protocol/generated/types.ts matches the schema");
  } else {
    writeFileSync(outPath, fresh);
    console.error(`wrote ${outPath}`);
  }
}
