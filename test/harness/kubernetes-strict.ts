/** Offline validation of Kubernetes manifests: the schemas bundled in kubernetes-models, plus a strict-key pass that finds the keys no schema knows (a misspelt `replicass:` the schemas alone let through). */
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Service } from "kubernetes-models/v1/Service";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";

/**
 * Each kind's schema check: the model's `validate`, which runs the schema's compiled
 * validator (ajv's standalone code) on `this` and throws a ValidationError listing the
 * schema's complaints. Called on the manifest itself (not on a model built from it, which
 * would copy every key and so read them all).
 */
const VALIDATORS: Record<string, (this: unknown) => void> = {
  "apps/v1 Deployment": Deployment.prototype.validate,
  "v1 Service": Service.prototype.validate,
  "policy/v1 PodDisruptionBudget": PodDisruptionBudget.prototype.validate,
};

/** What was wrong with a manifest. */
export interface ManifestProblems {
  /** The schema's errors: `path: message`. */
  schema: string[];
  /** Keys no schema of the path knows, as paths (`.spec.replicass`). */
  unknownKeys: string[];
}

/**
 * Validates one manifest (a parsed YAML document) against the schema of its `apiVersion`
 * and `kind`, and finds its unknown keys. The schemas' validators read every property they
 * know of an object (and every entry of a map); the manifest is handed to them wrapped so
 * that each object records which of its keys were read. A key nobody read is one no schema
 * on its path declares. Throws for a kind this module has no schema for.
 */
export function checkManifest(manifest: Record<string, unknown>): ManifestProblems {
  const kind = `${String(manifest.apiVersion)} ${String(manifest.kind)}`;
  const validate = VALIDATORS[kind];
  if (validate === undefined) throw new Error(`no schema for ${kind}; known: ${Object.keys(VALIDATORS).join(", ")}`);
  const read = new WeakMap<object, Set<string>>();
  const watched = watch(manifest, read);
  const schema: string[] = [];
  try {
    validate.call(watched);
  } catch (error) {
    const details = (error as { errors?: Array<{ instancePath: string; message?: string; keyword: string }> }).errors;
    schema.push(...(details ?? []).map((problem) => `${problem.instancePath || "/"}: ${problem.message ?? problem.keyword}`));
    if (schema.length === 0) schema.push((error as Error).message);
  }
  const unknownKeys: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== "object") return;
    const seen = read.get(node)!;
    for (const key of Object.keys(node)) {
      if (!Array.isArray(node) && !seen.has(key)) unknownKeys.push(`${path}.${key}`);
      walk((node as Record<string, unknown>)[key], Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`);
    }
  };
  walk(watched, "");
  return { schema, unknownKeys };
}

/** A deep copy of `value` whose objects and arrays record, in `read`, every key looked up on them. */
function watch(value: unknown, read: WeakMap<object, Set<string>>): unknown {
  if (value === null || typeof value !== "object") return value;
  const keys = new Set<string>();
  const copy = Array.isArray(value) ? value.map((item) => watch(item, read)) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, watch(item, read)]));
  const proxy = new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === "string") keys.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") keys.add(key);
      return Reflect.has(target, key);
    },
  });
  read.set(proxy, keys);
  return proxy;
}
