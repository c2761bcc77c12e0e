/** Checks a tool call's arguments against the tool's own input schema, with a message that names the argument. */
import { describeValue } from "../../protocol/describe.ts";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";

/** The outcome of {@link checkArguments}: the arguments, or a sentence saying what was expected and what arrived. */
export type ArgumentCheck<T> = { ok: true; args: T } | { ok: false; problem: string };

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new WeakMap<Tool["inputSchema"], ValidateFunction>();

function explain(error: ErrorObject, tool: Tool, args: Record<string, unknown>): string {
  const name = error.instancePath.split("/")[1];
  const field = name === undefined ? "the arguments" : `argument "${name}"`;
  const got = describeValue(name === undefined ? args : args[name]);
  const known = Object.keys(tool.inputSchema.properties ?? {});
  switch (error.keyword) {
    case "required":
      return `argument "${(error.params as { missingProperty: string }).missingProperty}" is required`;
    case "additionalProperties":
      return `unknown argument "${(error.params as { additionalProperty: string }).additionalProperty}"; ${tool.name} takes ${known.length > 0 ? known.map((k) => `"${k}"`).join(", ") : "no arguments"}`;
    case "type":
      return `${field} must be a ${(error.params as { type: string }).type}, got ${got}`;
    case "pattern":
      return `${field} must be 1 to 64 letters, digits, '.', '_' or '-', got ${got}`;
    case "exclusiveMinimum":
      return `${field} must be more than ${(error.params as { limit: number }).limit}, got ${got}`;
    default:
      return `${field} ${error.message ?? "is invalid"}, got ${got}`;
  }
}

/**
 * Validates `args` (absent counts as `{}`) against `tool.inputSchema`. The first problem is
 * reported, e.g. `argument "code" must be a string, got the number 5`.
 */
export function checkArguments<T>(tool: Tool, args: Record<string, unknown> | undefined): ArgumentCheck<T> {
  let validate = validators.get(tool.inputSchema);
  if (!validate) {
    validate = ajv.compile(tool.inputSchema);
    validators.set(tool.inputSchema, validate);
  }
  const value = args ?? {};
  if (validate(value)) return { ok: true, args: value as T };
  const error = validate.errors?.[0];
  return { ok: false, problem: error ? explain(error, tool, value) : "the arguments do not match the input schema" };
}
