/**
 * The Kubernetes manifests of deploy/kubernetes/, validated offline: no cluster can run here
 * (kind and k3s need downloads; kubectl will not validate without an API server). yamllint
 * checks the YAML, kubernetes-models' schemas each object, a strict-key pass the keys no
 * schema knows; then what the deployment must hold for woma's drain and probes.
 */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { checkManifest } from "../harness/kubernetes-strict.ts";
import { REPO_ROOT } from "../harness/paths.ts";

const DIR = join(REPO_ROOT, "deploy", "kubernetes");
const FILES = readdirSync(DIR).filter((name) => name.endsWith(".yaml"));

// `any`: a parsed manifest, walked by known paths; its shape is what the schema test checks.
type Doc = Record<string, any>;

/** Every document of every manifest file, parsed. */
function documents(): Array<{ file: string; doc: Doc }> {
  return FILES.flatMap((file) => parseAllDocuments(readFileSync(join(DIR, file), "utf8")).map((parsed) => ({ file, doc: parsed.toJS() as Doc })));
}

const byKind = (kind: string) => documents().filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc);

describe("deploy/kubernetes", () => {
  test("the YAML passes yamllint", () => {
    expect(FILES.length).toBeGreaterThan(0);
    const run = spawnSync("yamllint", ["-d", "{extends: default, rules: {line-length: {max: 160}}}", ...FILES.map((file) => join(DIR, file))], { encoding: "utf8" });
    if (run.error) throw new Error(`yamllint could not run (apt-get install yamllint): ${run.error.message}`);
    expect({ code: run.status, output: run.stdout }).toEqual({ code: 0, output: "" });
  });

  test("every object matches its schema, with no key the schema does not know", () => {
    const kinds = documents().map(({ file, doc }) => {
      expect({ file, kind: doc.kind, ...checkManifest(doc) }).toEqual({ file, kind: doc.kind, schema: [], unknownKeys: [] });
      return doc.kind as string;
    });
    expect(kinds.sort()).toEqual(["Deployment", "PodDisruptionBudget", "Service", "Service"]);
  });

  test("the strict pass finds what the schemas let through, and the schemas what is mistyped", () => {
    const deployment = structuredClone(byKind("Deployment")[0]!);
    deployment.spec.replicass = 3;
    deployment.spec.template.spec.containers[0].imagePullPolicyy = "Always";
    deployment.spec.template.spec.containers[0].readinessProbe.httpGet.paht = "/ready";
    expect(checkManifest(deployment).unknownKeys.sort()).toEqual([".spec.replicass", ".spec.template.spec.containers[0].imagePullPolicyy", ".spec.template.spec.containers[0].readinessProbe.httpGet.paht"]);
    const mistyped = structuredClone(byKind("Deployment")[0]!);
    mistyped.spec.replicas = "three";
    expect(checkManifest(mistyped).schema.join("\n")).toContain("/spec/replicas");
  });

  test("readiness on /ready, liveness on /health, a grace period above the drain, non-root, sized resources, a budget that selects the pods", () => {
    const deployment = byKind("Deployment")[0]!;
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe("/ready");
    expect(container.livenessProbe.httpGet.path).toBe("/health");
    expect(container.startupProbe.httpGet.path).toBe("/health");
    const flag = (name: string) => (container.args as string[]).find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
    const drainSeconds = Number(flag("drain-timeout") ?? 30);
    const preStopSeconds = Number(container.lifecycle.preStop.exec.command[1]);
    // SIGTERM comes after preStop; the drain may last --drain-timeout, then 2 s to stop.
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds + drainSeconds + 2);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
    expect(container.resources.requests.memory).toMatch(/^\d+Mi$/);
    expect(container.resources.limits.memory).toMatch(/^\d+Mi$/);
    // The limit holds --max-runners runners at --memory-limit each, beside the server.
    expect(Number.parseInt(container.resources.limits.memory)).toBeGreaterThan(Number(flag("max-runners")) * Number(flag("memory-limit")));
    const labels = deployment.spec.template.metadata.labels;
    for (const selector of [...byKind("Service").map((s) => s.spec.selector), ...byKind("PodDisruptionBudget").map((b) => b.spec.selector.matchLabels)]) {
      expect(labels).toMatchObject(selector);
    }
  });

  test("the container's arguments are flags woma serve has", () => {
    const container = byKind("Deployment")[0]!.spec.template.spec.containers[0];
    const [command, ...flags] = container.args as string[];
    expect(command).toBe("serve");
    const help = spawnSync(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), "serve", "--help"], { encoding: "utf8" }).stdout;
    for (const flag of flags) expect(help).toContain(`${flag.split("=")[0]} `);
  });
});
