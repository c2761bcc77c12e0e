/** Offline validation of Kubernetes manifests: the schemas bundled in kubernetes-models, plus a strict-key pass that finds the keys no schema knows (a misspelt `replicass:` the schemas alone let through). */
import { validate as validateDeployment } from "kubernetes-models/_schemas/IoK8sApiAppsV1Deployment";
import { validate as validateService } from "kubernetes-models/_schemas/IoK8sApiCoreV1Service";
import { validate as validatePodDisruptionBudget } from "kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget";

/** A compiled schema validator of kubernetes-models (ajv's standalone code): true or false, with its errors on the function. */
type Validator = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string; keyword: string; params?: unknown }> | null };

const VALIDATORS: Record<string, Validator> = {
  "apps/v1 Deployment": validateDeployment as Validator,
  "v1 Service": validateService as Validator,
  "policy/v1 PodDisruptionBudget": validatePodDisruptionBudget as Validator,
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
  const valid = validate(watched);
  const schema = valid ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"}: ${error.message ?? error.keyword} ${JSON.stringify(error.params ?? {})}`);
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
