/** Generates docs/protocol.md, the protocol reference, from schema/protocol.schema.json and protocol/error-codes.ts; `--check` fails on drift instead of writing. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../protocol/error-codes.ts";

const root = join(import.meta.dir, "..");
const schemaPath = join(root, "schema", "protocol.schema.json");
const errorCodesPath = join(root, "protocol", "error-codes.ts");
const outPath = join(root, "docs", "protocol.md");

/** The parts of a JSON Schema node this page shows. */
interface Node {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Node[];
  items?: Node;
  properties?: Record<string, Node>;
  required?: string[];
  pattern?: string;
  minimum?: number;
  maxLength?: number;
}

/** One method of the protocol, as the schema's descriptions name it. */
interface Method {
  name: string;
  params?: string;
  result?: string;
  notification?: string;
  /** A request the daemon sends the client (its params' description says "daemon to client"). */
  toClient?: boolean;
}

const anchor = (name: string) => name.toLowerCase();
const link = (name: string) => `[${name}](#${anchor(name)})`;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A type as a short Markdown phrase: a link to a named type, an enum's values, or the JSON type. */
function typeOf(node: Node): string {
  if (node.$ref) return link(node.$ref.split("/").pop()!);
  if (node.enum) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(" \\| ");
  if (node.anyOf) return node.anyOf.map(typeOf).join(" or ");
  if (node.type === "array") return `array of ${node.items ? typeOf(node.items) : "anything"}`;
  if (Array.isArray(node.type)) return node.type.join(" or ");
  return node.type ?? "any";
}

/** Limits a reader needs that the description may not repeat (a pattern, a minimum, a length). */
function limitsOf(node: Node): string {
  const limits: string[] = [];
  if (node.pattern) limits.push(`matches \`${node.pattern}\``);
  if (node.minimum !== undefined) limits.push(`at least ${node.minimum}`);
  if (node.maxLength !== undefined) limits.push(`at most ${node.maxLength} characters`);
  return limits.length > 0 ? ` (${limits.join(", ")})` : "";
}

/** The methods, found from the definitions' descriptions: "Params of `m`", "Result of `m`", "`m`: ..." for a notification. */
function methodsOf(definitions: Record<string, Node>): Method[] {
  const methods = new Map<string, Method>();
  const method = (name: string) => methods.get(name) ?? (methods.set(name, { name }), methods.get(name)!);
  for (const [name, definition] of Object.entries(definitions)) {
    const description = definition.description ?? "";
    const call = /^(?:@since [0-9.]+\. )?(Params|Result) of `([a-z]+\/[a-z]+)`/.exec(description);
    if (call) method(call[2]!)[call[1] === "Params" ? "params" : "result"] = name;
    if (call && call[1] === "Params" && description.includes("(daemon to client)")) method(call[2]!).toClient = true;
    const note = /^(?:@since [0-9.]+\. )?`([a-z]+\/[a-z]+)`:/.exec(description);
    if (note && name.endsWith("Notification")) method(note[1]!).notification = name;
  }
  return [...methods.values()];
}

/** The first sentence of a description. */
function firstSentence(text: string): string {
  return /^[^]*?\.(?=\s|$)/.exec(text)?.[0] ?? text;
}

function describeDefinition(name: string, node: Node, definitions: Record<string, Node>): string {
  const lines = [`### ${name}`, "", node.description ?? ""];
  if (node.properties && Object.keys(node.properties).length > 0) {
    const required = new Set(node.required ?? []);
    lines.push("", "| field | type | required | description |", "| --- | --- | --- | --- |");
    for (const [field, property] of Object.entries(node.properties)) {
      // A bare reference says what its type's description says first.
      const referred = property.$ref ? firstSentence(definitions[property.$ref.split("/").pop()!]?.description ?? "") : "";
      lines.push(`| \`${field}\` | ${typeOf(property)} | ${required.has(field) ? "yes" : "no"} | ${cell((property.description ?? referred) + limitsOf(property))} |`);
    }
  } else if (node.properties) {
    lines.push("", "No fields: send `{}` or leave params out.");
  } else {
    lines.push("", `Type: ${typeOf(node)}${limitsOf(node)}.`);
  }
  return lines.join("\n");
}

/** The one-line comment above each code in protocol/error-codes.ts, by code name. */
function errorCodeComments(): Map<string, string> {
  const source = readFileSync(errorCodesPath, "utf8");
  return new Map([...source.matchAll(/\/\*\* ([^*]+?) \*\/\n\s+(\w+):/g)].map((m) => [m[2]!, m[1]!.trim()]));
}

/** Renders the page's text from the schema and the error codes on disk. */
export function renderProtocolDoc(): string {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as { description: string; definitions: Record<string, Node> };
  const { definitions } = schema;
  const methods = methodsOf(definitions);
  const comments = errorCodeComments();
  const out: string[] = [
    "<!-- Generated from schema/protocol.schema.json and protocol/error-codes.ts by `npm run docs:gen`. DO NOT EDIT: change those and regenerate. -->",
    "",
    "# The woma protocol",
    "",
    schema.description,
    "",
    "Messages are JSON-RPC 2.0, each framed by a `Content-Length: N` header (the body's size in bytes) and a blank line, as in LSP. Params are always by name (an object). Cancel a request with vscode-jsonrpc's `$/cancelRequest`. The README's editor quickstart shows one exchange; `DaemonClient` (docs/client-library.md) speaks it for TypeScript and JavaScript programs.",
    "",
    "## Methods",
    "",
    "| method | params | result |",
    "| --- | --- | --- |",
  ];
  for (const m of methods) {
    if (m.notification) out.push(`| \`${m.name}\` (notification, daemon to client) | ${link(m.notification)} | — |`);
    else out.push(`| \`${m.name}\`${m.toClient ? " (request, daemon to client)" : ""} | ${m.params ? link(m.params) : "—"} | ${m.result ? link(m.result) : "—"} |`);
  }
  out.push("", "## Errors", "", "A failed request gets a JSON-RPC error. A Python exception is not one: it is a `RunResult` with status `exception`. Errors that end a `python/run` carry a [RunFailureData](#runfailuredata) as `data`.", "", "| code | name | meaning |", "| --- | --- | --- |");
  for (const [name, code] of Object.entries(JsonRpcErrorCodes)) out.push(`| ${code} | ${name} | ${cell(comments.get(name) ?? "")} |`);
  for (const [name, code] of Object.entries(WomaErrorCodes)) {
    if (name === "rangeStart" || name === "rangeEnd") continue;
    out.push(`| ${code} | ${name} | ${cell(comments.get(name) ?? "")} |`);
  }
  out.push("", `woma's own codes lie in ${WomaErrorCodes.rangeStart}..${WomaErrorCodes.rangeEnd}, outside JSON-RPC's reserved range.`, "", "## Types", "");
  for (const [name, node] of Object.entries(definitions)) out.push(describeDefinition(name, node, definitions), "");
  return `${out.join("\n").trimEnd()}\n`;
}

if (import.meta.main) {
  const fresh = renderProtocolDoc();
  if (process.argv.includes("--check")) {
    let onDisk = "";
    try {
      onDisk = readFileSync(outPath, "utf8");
    } catch {
      // A missing page is drift too.
    }
    if (onDisk !== fresh) {
      console.error(`${outPath} is out of date with ${schemaPath}: run \`npm run docs:gen\``);
      process.exit(1);
    }
    console.error("docs/protocol.md matches the schema");
  } else {
    writeFileSync(outPath, fresh);
    console.error(`wrote ${outPath}`);
  }
}
