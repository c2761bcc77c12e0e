/** What the daemon answers a runner: the requests its Python makes during a run (packages, installs, input, HTTP), and the warm-up run of a runner nobody holds yet. */
import type { DaemonOptions } from "../daemon-options.ts";
import { DaemonError } from "../daemon-error.ts";
import type { RelayRequest, RunnerInputParams, RunnerInstallParams, RunnerPackagesParams, WheelSpec } from "../contract/runner-protocol.ts";
import type { FetchRelay } from "../net/fetch-relay.ts";
import { progressNotifier, wheelSpec, type PackageService } from "../packages/package-service.ts";
import type { DownloadProgress } from "../packages/verified-download.ts";
import type { Runner } from "../pool/runner.ts";
import type { Tenant, TenantRegistry } from "../session/tenant-registry.ts";
import type { RunExecutor } from "./run-executor.ts";

/** The package service, or the error saying this daemon has none. */
export function requirePackages(packages: PackageService | undefined): PackageService {
  if (!packages) throw new DaemonError("PACKAGE_UNAVAILABLE", "this daemon has no package store");
  return packages;
}

/** Answers runners for the daemon; the guard has checked every request's params and that it belongs to the runner's current run. */
export class RunnerHost {
  constructor(
    private readonly tenants: TenantRegistry,
    private readonly executor: RunExecutor,
    private readonly packages: PackageService | undefined,
    private readonly relay: FetchRelay | undefined,
    private readonly options: Pick<DaemonOptions, "maxOutputBytes" | "maxResultChars" | "maxDisplayBytes" | "maxDisplays">,
  ) {}

  /**
   * A run of woma's own (`None`, in fresh globals, no session) in a runner that has just
   * booted and belongs to nobody yet, so that the first run of the tenant that takes it does
   * not pay for code paths run the first time. It leaves no trace a tenant could see: its
   * globals are thrown away and the runner's run count starts again at 0.
   */
  async warmUp(runner: Runner): Promise<void> {
    const { maxOutputBytes, maxResultChars, maxDisplayBytes, maxDisplays } = this.options;
    const result = await runner.run({ runId: "warm-up", sessionId: null, fresh: true, code: "None", maxOutputBytes, maxResultChars, maxDisplayBytes, maxDisplays }, () => {});
    runner.runs = 0;
    if (result.status !== "success") throw new Error(`it answered ${result.error?.type ?? result.status}`);
  }

  /**
   * What a runner asks during a run (its tenant's runner, its params checked by the guard):
   * packages for the modules its code imports, or micropip's requirements. Sessions may not
   * name files on the daemon's disk.
   */
  async answer(runner: Runner, method: string, params: unknown): Promise<unknown> {
    const tenant = this.tenants.get(runner.tenant);
    if (method.startsWith("runner/fetch")) return this.answerFetch(runner, method, params, tenant);
    if (method === "runner/input") return this.executor.answerInput(runner, params as RunnerInputParams);
    const packages = requirePackages(this.packages);
    switch (method) {
      case "runner/packages": {
        const result = await packages.forImports((params as RunnerPackagesParams).modules, this.progressForRun(runner), runner.tenant);
        for (const wheel of result.wheels) runner.packages.add(wheel.name);
        return result;
      }
      case "runner/install": {
        const { requirements, indexUrls } = params as RunnerInstallParams;
        // A runner serves one tenant: what its Python names is that tenant's request, under its policy.
        const wheels = (await packages.install(requirements, { tenant: runner.tenant ?? "unknown", localFiles: false, indexUrls, onProgress: this.progressForRun(runner) })).map(wheelSpec);
        for (const wheel of wheels) {
          tenant?.packages.set(wheel.name, wheel);
          runner.packages.add(wheel.name);
        }
        return { wheels, unknown: [] };
      }
      default:
        throw new Error(`unknown runner request ${method}`);
    }
  }

  /** The packages the tenant installed, into `runner` before its next run (those it lacks). */
  async installTenantPackages(tenant: Tenant, runner: Runner): Promise<void> {
    if (tenant.packages.size === 0) return;
    const wanted: WheelSpec[] = [...tenant.packages.values()];
    if (wanted.some((wheel) => !runner.packages.has(wheel.name))) await runner.load(wanted);
  }

  /** Reports downloads to the caller of the run going on in `runner`, when it wants them. */
  private progressForRun(runner: Runner): ((progress: DownloadProgress) => void) | undefined {
    const runId = runner.currentRun?.runId;
    const caller = runId === undefined ? undefined : this.executor.callerOf(runner);
    if (!caller?.onPackageProgress) return undefined;
    return progressNotifier(runId!, (notification) => caller.onPackageProgress?.(notification));
  }

  /** Python's HTTP: through the broker, under the network policy, for the run going on. */
  private async answerFetch(runner: Runner, method: string, params: unknown, tenant: Tenant | undefined): Promise<unknown> {
    if (!this.relay) throw new Error("this daemon has no network broker");
    const run = runner.currentRun;
    switch (method) {
      case "runner/fetch": {
        const session = `${tenant?.named ? tenant.id : "connection"}/${run?.sessionId ?? "no-session"}`;
        return this.relay.start(params as RelayRequest, { runner, session, ...(run?.deadline === undefined ? {} : { deadline: run.deadline }) });
      }
      case "runner/fetch-read":
        return this.relay.pull(runner, (params as { requestId: number }).requestId);
      default:
        await this.relay.close(runner, (params as { requestId: number }).requestId);
        return {};
    }
  }
}
