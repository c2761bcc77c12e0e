/** Checks incoming params against schema/protocol.schema.json, with messages that name the offending field. */
import { describeValue } from "../../protocol/describe.ts";
import type { ErrorObject } from "ajv";
import { MAX_TIMER_MS } from "../../protocol/limits.ts";
import * as validators from "../../protocol/generated/validators.ts";

/** A validator compiled ahead of time (schema/generate.ts): true or false, with Ajv's errors on itself. */
type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function validator(definition: string): Validate {
  // Params are checked on every request; other definitions only by tests, so their validators load when first asked for.
  const table = definition.endsWith("Params") ? validators : (require("../../protocol/generated/message-validators.ts") as object);
  const validate = (table as Record<string, Validate | undefined>)[definition];
  if (!validate) throw new Error(`schema has no definition ${definition}`);
  return validate;
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split("/").slice(1)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return value;
}

function explain(error: ErrorObject, params: unknown): string {
  const field = `params${error.instancePath.split("/").slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("")}`;
  const got = describeValue(valueAt(params, error.instancePath));
  switch (error.keyword) {
    case "required":
      return `${field}.${(error.params as { missingProperty: string }).missingProperty} is required`;
    case "additionalProperties":
      return `${field} has an unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case "type":
      return `${field} must be ${(error.params as { type: string }).type}, got ${got}`;
    case "pattern":
      return `${field} must match ${(error.params as { pattern: string }).pattern}, got ${got}`;
    case "maximum":
      return `${field} must be at most ${(error.params as { limit: number }).limit}${(error.params as { limit: number }).limit === MAX_TIMER_MS ? " (about 24.8 days, the longest timer JavaScript keeps)" : ""}, got ${got}`;
    case "enum":
      return `${field} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}, got ${got}`;
    default:
      return `${field} ${error.message ?? "is invalid"}, got ${got}`;
  }
}

/** Returns undefined when `params` match the schema definition, else a sentence naming the problem. */
export function checkParams(definition: string, params: unknown): string | undefined {
  if (Array.isArray(params)) return "params must be an object (by name), got an array";
  const validate = validator(definition);
  if (validate(params ?? {})) return undefined;
  const error = validate.errors?.[0];
  return error ? explain(error, params ?? {}) : "params are invalid";
}
