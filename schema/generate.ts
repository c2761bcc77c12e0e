/**
 * Generates the protocols' TypeScript from their schemas: protocol/generated/types.ts and
 * validators.ts from schema/protocol.schema.json (the client protocol), and
 * daemon/contract/generated/runner-types.ts and runner-validators.ts from
 * daemon/contract/runner.schema.json (the daemon<->runner contract). `--check` fails on
 * drift instead of writing.
 */
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const root = join(import.meta.dir, "..");
const schemaPath = join(root, "schema", "protocol.schema.json");
const outPath = join(root, "protocol", "generated", "types.ts");
const validatorsPath = join(root, "protocol", "generated", "validators.ts");
const otherValidatorsPath = join(root, "protocol", "generated", "message-validators.ts");
const runnerSchemaPath = join(root, "daemon", "contract", "runner.schema.json");
const runnerTypesPath = join(root, "daemon", "contract", "generated", "runner-types.ts");
const runnerValidatorsPath = join(root, "daemon", "contract", "generated", "runner-validators.ts");

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

/**
 * Compiles validators of JSON Schemas ahead of time (Ajv's standalone code): one exported
 * function per name in `refs`, each checking what the schema at that reference says, with
 * Ajv's error objects. A process that validates with them loads neither Ajv's compiler nor
 * code it generates at run time, which cost a daemon about 25 MiB of memory. The few runtime
 * helpers the code needs come from Ajv's package, imported at the top.
 */
export function renderValidators(schemas: Record<string, object>, refs: Record<string, string>, banner: string, outFile: string): string {
  const ajv = new Ajv({ allErrors: false, strict: false, code: { source: true, esm: true, lines: true } });
  for (const [id, schema] of Object.entries(schemas)) ajv.addSchema(schema, id);
  let code = standaloneCode(ajv, refs).replace(/^"use strict";/, "");
  const helpers = new Map<string, string>();
  code = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/g, (_match, path: string) => {
    const own = AJV_RUNTIME_HELPERS[path];
    if (!own) throw new Error(`the generated validators need ${path}, which woma does not provide yet: add it to AJV_RUNTIME_HELPERS`);
    helpers.set(own.name, relative(dirname(outFile), join(root, own.file)));
    return own.name;
  });
  if (/require\(/.test(code)) throw new Error(`the generated validators call require() in a way schema/generate.ts does not rewrite: ${/require\([^)]*\)/.exec(code)![0]}`);
  const imports = [...helpers].map(([name, path]) => `import { ${name} } from "${path.startsWith(".") ? path : `./${path}`}";`).join("\n");
  // The generated code is plain JavaScript; the banner's ts-nocheck lets the type checker pass over it.
  return `${banner}\n// @ts-nocheck\n${imports}\n${code.trim()}\n`;
}

/**
 * Ajv's runtime helpers that the generated validators call, each replaced by woma's own
 * function that computes the same. Ajv's are CommonJS modules whose function is their
 * `default` export, which the compiled binary's bundle does not resolve as Ajv expects
 * (the validators called a module object, and every request failed in the binary).
 */
const AJV_RUNTIME_HELPERS: Record<string, { name: string; file: string }> = {
  // String length in code points, as JSON Schema counts maxLength: a surrogate pair counts once.
  "ajv/dist/runtime/ucs2length": { name: "codePointLength", file: "protocol/code-points.ts" },
};

const validatorsBanner = `/**
 * Validators of the protocol's params, compiled ahead of time from schema/protocol.schema.json.
 * DO NOT EDIT: change the schema and run \`npm run schema:gen\`.
 */`;

/**
 * The client protocol's validators: those of the params (`...Params`, which the daemon
 * checks every request against), or of every other definition (loaded only by what checks
 * more than params: the tests of the examples).
 */
export function renderProtocolValidators(params: boolean): string {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as { definitions: Record<string, object> };
  const names = Object.keys(schema.definitions).filter((name) => name.endsWith("Params") === params).sort();
  return renderValidators({ protocol: schema }, Object.fromEntries(names.map((name) => [name, `protocol#/definitions/${name}`])), validatorsBanner, params ? validatorsPath : otherValidatorsPath);
}

/** What the runner schema's `x-methods` says of one method. */
interface RunnerMethod {
  from: "daemon" | "runner";
  params: string;
  result?: string;
  notification?: true;
  during?: "run" | "any";
}

/** The runner contract's types, one per definition. */
export async function renderRunnerTypes(): Promise<string> {
  const schema = JSON.parse(readFileSync(runnerSchemaPath, "utf8")) as JSONSchema & { "x-methods"?: unknown };
  delete schema["x-methods"];
  const body = await compile(referToNamedTypes(schema) as JSONSchema, "WomaRunnerContract", {
    bannerComment: `/**
 * The daemon<->runner contract's TypeScript types, generated from daemon/contract/runner.schema.json.
 * DO NOT EDIT: change the schema and run \`npm run schema:gen\`.
 */`,
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    // A bounded array stays an array, not a union of tuples.
    maxItems: -1,
    style: { printWidth: 100, singleQuote: false },
  });
  // The root has no properties of its own; drop its interface so only real types remain.
  const shared = "import type { CheckStatus, CompleteResult, DisplayOutputType, FileEntry, InspectResult, MimeBundle, RunError, RunStatus, Stream } from \"../../../protocol/generated/types.ts\";";
  return body
    .replace(/\n\/\*\*\n \* The contract between the woma daemon[^]*?export interface WomaRunnerContract \{[^}]*\}\n/, "\n")
    // Shapes the client protocol already names (tsType in the schema) are its types, not copies.
    .replace(/\*\/\n/, `*/\n${shared}\n`);
}

/**
 * The runner guard's validators: for each method, what a runner sends of it (the result of a
 * request the daemon makes; the params of a request or notification the runner makes), one
 * export per definition.
 */
export function renderRunnerValidators(): string {
  const schema = JSON.parse(readFileSync(runnerSchemaPath, "utf8")) as { "x-methods": Record<string, RunnerMethod> };
  const names = [...new Set(Object.values(schema["x-methods"]).map((m) => (m.from === "daemon" ? m.result : m.params)).filter((name): name is string => name !== undefined))].sort();
  return renderValidators({ runner: schema }, Object.fromEntries(names.map((name) => [name, `runner#/definitions/${name}`])), `/**
 * Validators of what a runner sends, compiled ahead of time from daemon/contract/runner.schema.json.
 * DO NOT EDIT: change the schema and run \`npm run schema:gen\`.
 */`, runnerValidatorsPath);
}

if (import.meta.main) {
  const check = process.argv.includes("--check");
  const outputs: Array<[string, string]> = [
    [outPath, await renderTypes()],
    [validatorsPath, renderProtocolValidators(true)],
    [otherValidatorsPath, renderProtocolValidators(false)],
    [runnerTypesPath, await renderRunnerTypes()],
    [runnerValidatorsPath, renderRunnerValidators()],
  ];
  for (const [path, fresh] of outputs) {
    if (check) {
      const onDisk = readFileSync(path, "utf8");
      if (onDisk !== fresh) {
        console.error(`${path} is out of date with its schema: run \`npm run schema:gen\``);
        process.exit(1);
      }
      console.error(`${path.slice(root.length + 1)} matches the schema`);
    } else {
      writeFileSync(path, fresh);
      console.error(`wrote ${path}`);
    }
  }
}
