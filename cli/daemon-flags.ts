/** Command-line flags shared by every command that may start a daemon, and their translation into options. */
import { DEFAULTS } from "../protocol/defaults.ts";
import { accessSync, constants } from "node:fs";
import type { Argv } from "yargs";
import { defaultDaemonOptions, expandHome, type DaemonOptions } from "../daemon/daemon-options.ts";
import { NET_MODES, parseNetPolicy, type NetMode } from "../daemon/net/net-policy.ts";
import type { IsolationRequest } from "../daemon/sandbox/isolation.ts";
import { MAX_TIMER_MS } from "../protocol/limits.ts";
import { DEFAULT_MAX_PACKAGE_BYTES } from "../daemon/packages/package-limits.ts";
import { asUsage, UsageError } from "./usage-error.ts";

/** Flags that say where Python packages come from, shared by the daemon's commands and `woma packages`. */
export function packageSourceFlags<T>(y: Argv<T>) {
  return y
    .option("packages-url", { type: "string", describe: "Where Pyodide's packages come from: a mirror URL or directory holding pyodide-lock.json and wheels (default: Pyodide's CDN)" })
    .option("pypi-index", { type: "string", describe: "PEP 503 simple index for packages not in Pyodide's lock (default: PyPI)" })
    .option("max-package-bytes", { type: "number", describe: `Largest package file downloaded, and the most its files may hold unpacked (default ${DEFAULT_MAX_PACKAGE_BYTES})` });
}

/** `--max-package-bytes` as a checked count, or undefined for the default. */
export function maxPackageBytesFrom(args: { "max-package-bytes"?: number | undefined }): number | undefined {
  return args["max-package-bytes"] === undefined ? undefined : checkedCount("max-package-bytes", args["max-package-bytes"], 1024);
}

/** Flags that shape a daemon, shared by every command that may start one. */
export function daemonFlags<T>(y: Argv<T>) {
  const defaults = defaultDaemonOptions();
  return packageSourceFlags(y)
    .option("workers", { type: "number", default: defaults.workers, describe: "Runners each client (tenant) may use in parallel (0: one, and no spare)" })
    .option("spares", {
      type: "number",
      describe:
        "The most untouched runners kept ready for new clients and fresh interpreters: as many as the clients arriving over the last minute need, at least one (default 0 for the REPL, serve, mcp on stdio and daemon --stdio; 1 for mcp --port and daemon --socket, which hand runners to new clients)",
    })
    .option("max-runners", { type: "number", default: defaults.maxRunners, describe: "Runners in all, spares and boots included (each client needs one; each costs 100-200 MiB); past it a client that needs one waits in the admission queue" })
    .option("max-booting", { type: "number", describe: "Runners booting at once (a boot keeps a core busy for about a second); more wait in the admission queue (default: the number of cores)" })
    .option("admission-timeout", { type: "number", default: defaults.admissionTimeoutMs / 1000, describe: "Seconds a request waits in the admission queue for a runner before it fails, naming the bound and when to retry (0: fail at once)" })
    .option("admission-queue", { type: "number", default: defaults.maxAdmissionQueue, describe: "Requests that may wait for a runner at once, across all clients; one more fails at once" })
    .option("max-tenant-runners", { type: "number", describe: "Runners one client (tenant) may hold at once, its --workers and its fresh-interpreter sessions together (default: half of --max-runners)" })
    .option("max-tenant-sessions", { type: "number", default: defaults.maxTenantSessions, describe: "Sessions one client (tenant) may have open at once" })
    .option("max-tenant-file-bytes", { type: "number", default: defaults.maxTenantFileBytes, describe: "Bytes of files one client's (tenant's) sessions may hold; files/write past it is refused" })
    .option("tenant-idle-timeout", {
      type: "number",
      describe: "Seconds a client (tenant) may leave its runners unused before they are stopped (its sessions are then reported lost, saying why); 0: never (default 1800 for daemon --socket and mcp --port, 0 otherwise)",
    })
    .option("pyodide-cache", { type: "string", default: DEFAULTS.cacheDir, describe: "Cache directory for the Pyodide snapshot (~ is expanded)" })
    .option("isolation", { choices: ["auto", "namespace", "process"] as const, default: "auto" as const, describe: "How runners are isolated (auto: namespace when available)" })
    .option("timeout", { type: "number", describe: "Timeout of a run in seconds, 0 for none, at most 2147483 (about 24.8 days); when not 0 it is also the longest a request may ask for (default: none in the REPL, 60 for daemon, 30 for serve and mcp)" })
    .option("max-output", { type: "number", default: defaults.maxOutputBytes, describe: "Bytes of stdout (and of stderr) kept per run" })
    .option("max-display-bytes", { type: "number", default: defaults.maxDisplayBytes, describe: "Bytes one display output may hold (an image in base64, HTML, ...); a bigger one loses its largest representations, and says so" })
    .option("max-displays", { type: "number", default: defaults.maxDisplays, describe: "Display outputs (display(), figures, rich values) kept per run; later ones are dropped and counted (0: none)" })
    .option("max-file-bytes", { type: "number", default: defaults.maxFileBytes, describe: `Largest file files/write takes and files/read gives, in bytes (at most ${MAX_FILE_BYTES})` })
    .option("memory-limit", { type: "number", default: defaults.memoryLimitBytes / 1048576, describe: "MiB of memory a runner may use before it is killed (0: no limit)" })
    .option("max-queue", { type: "number", default: defaults.maxQueue, describe: "Requests of one client (tenant) that may wait for a runner before new ones are refused" })
    .option("max-message-bytes", {
      type: "number",
      describe: `Largest message a client may send, in bytes (${MIN_MESSAGE_BYTES} to ${MAX_MESSAGE_BYTES}); a larger one gets an error and the connection carries on. woma mcp applies it to each MCP message too (default: 16 MiB, or more when --max-file-bytes needs it: a files/write of the largest file travels in base64)`,
    })
    .option("max-pending-input", {
      type: "number",
      default: defaults.maxPendingInputBytes,
      describe: "Bytes of requests a connection may have sent and not had answered: a message that would pass it is refused without being read (a single message is always read)",
    })
    .option("max-pending-output", {
      type: "number",
      default: defaults.maxPendingOutputBytes,
      describe: `Bytes of answers and output a connection may leave unread (at least ${MIN_PENDING_OUTPUT_BYTES}): past it its output notifications are dropped and its runs refused; past twice it the daemon stops reading it until it catches up`,
    })
    .option("snapshot", { type: "boolean", default: true, describe: "Boot runners from a memory snapshot (--no-snapshot to boot plain)" })
    .option("net", { choices: NET_MODES, default: defaults.network.mode, describe: "What Python's HTTP may reach: off, public (no loopback, private, link-local or metadata addresses) or all" })
    .option("allow-net", { type: "string", describe: "Hosts allowed whatever --net says: HOST[:PORT], *.DOMAIN[:PORT], IP[:PORT], [IPV6][:PORT] or CIDR; comma-separated, repeatable" })
    .option("deny-net", { type: "string", describe: "Hosts always refused, same syntax as --allow-net; wins over everything" })
    .option("max-response-bytes", { type: "number", default: defaults.maxResponseBytes, describe: "Most bytes of one HTTP response body, counted after decompression" })
    .option("ca-file", { type: "string", describe: "PEM file of extra CA certificates trusted for HTTPS (~ is expanded)" })
    .option("preload", { type: "string", describe: "Modules every runner imports at boot, spares included (comma-separated, e.g. numpy,pandas); their packages are fetched at start" })
    .option("log-level", { choices: ["debug", "info", "warn", "error", "silent"] as const, describe: "Lowest level of log lines printed to stderr" })
    .group(RUNNER_FLAGS, "Runners (flags every command takes):")
    .group(TENANT_FLAGS, "Many clients (docs/tenants.md):")
    .group(LIMIT_FLAGS, "Limits:")
    .group(NETWORK_FLAGS, "Network (docs/network.md):")
    .group(PACKAGE_FLAGS, "Packages (docs/packages.md):");
}

/** The shared flags in the groups `--help` shows them in, after the command's own. */
const RUNNER_FLAGS = ["workers", "spares", "max-runners", "pyodide-cache", "isolation", "snapshot", "preload", "memory-limit", "log-level"];
const TENANT_FLAGS = ["max-booting", "admission-timeout", "admission-queue", "max-tenant-runners", "max-tenant-sessions", "max-tenant-file-bytes", "max-queue", "tenant-idle-timeout"];
const LIMIT_FLAGS = ["timeout", "max-output", "max-display-bytes", "max-displays", "max-file-bytes", "max-message-bytes", "max-pending-input", "max-pending-output"];
const NETWORK_FLAGS = ["net", "allow-net", "deny-net", "max-response-bytes", "ca-file"];
const PACKAGE_FLAGS = ["packages-url", "pypi-index", "max-package-bytes"];

/** Every flag {@link daemonFlags} adds, by name. */
export const SHARED_FLAGS: readonly string[] = [...RUNNER_FLAGS, ...TENANT_FLAGS, ...LIMIT_FLAGS, ...NETWORK_FLAGS, ...PACKAGE_FLAGS];

/**
 * Puts a command's own flags in a group of their own, shown before the shared ones; call it
 * before {@link daemonFlags} so the group comes first.
 */
export function ownFlags<T>(y: Argv<T>, heading: string, names: string[]): Argv<T> {
  return y.group(names, heading);
}

/** The parsed values of {@link daemonFlags}. */
export interface DaemonArgs {
  workers: number;
  "pyodide-cache": string;
  isolation: IsolationRequest;
  timeout?: number;
  "max-output": number;
  "max-display-bytes"?: number;
  "max-displays"?: number;
  "max-file-bytes"?: number;
  "memory-limit": number;
  "max-queue": number;
  "max-message-bytes"?: number;
  "max-pending-output"?: number;
  "max-pending-input"?: number;
  spares?: number;
  "max-runners": number;
  "max-booting"?: number;
  "admission-timeout"?: number;
  "admission-queue"?: number;
  "max-tenant-runners"?: number;
  "max-tenant-sessions"?: number;
  "max-tenant-file-bytes"?: number;
  "tenant-idle-timeout"?: number;
  snapshot: boolean;
  net?: NetMode;
  "allow-net"?: string | string[];
  "deny-net"?: string | string[];
  "max-response-bytes"?: number;
  "ca-file"?: string;
  "packages-url"?: string;
  "pypi-index"?: string;
  "max-package-bytes"?: number;
  preload?: string | string[];
}

/** Bounds of `--max-message-bytes`: a message must hold at least a small run, and one message may not take more than 1 GiB. */
const MIN_MESSAGE_BYTES = 1024;
const MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;
/** Least `--max-pending-output`: room for a few output notifications. */
const MIN_PENDING_OUTPUT_BYTES = 64 * 1024;

/**
 * A duration flag given in seconds, as milliseconds: 0 or more, and at most the longest
 * timer JavaScript keeps (2^31 - 1 ms, about 24.8 days), past which `setTimeout` fires at once.
 */
export function timerFlagMs(name: string, seconds: number): number {
  const ms = Math.round(seconds * 1000);
  if (!(ms >= 0 && ms <= MAX_TIMER_MS)) {
    throw new UsageError(`--${name} must be a number of seconds from 0 to ${Math.floor(MAX_TIMER_MS / 1000)} (about 24.8 days, the longest timer JavaScript keeps), got ${seconds}`);
  }
  return ms;
}

function checkedCount(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, got ${value}`);
  if (value > max) throw new UsageError(`--${name} must be at most ${max}, got ${value}`);
  return value;
}

/** --tenant-idle-timeout where many clients come and go (daemon --socket, mcp --port): 30 minutes, as MCP's session idle timeout. */
export const TENANT_IDLE_SECONDS = 1800;

/** What a command does when a flag is absent. */
export interface CommandDefaults {
  /** --timeout, in seconds. */
  timeoutSeconds: number;
  /** --spares: 1 where runners are handed to new clients as they come, 0 where one client is all there is. */
  spares: number;
  /** --tenant-idle-timeout, in seconds: where many clients come and go, their idle runners are reclaimed; where one client is all there is, never (0). Default 0. */
  tenantIdleTimeoutSeconds?: number;
}

/** Turns parsed flags into daemon options, with the command's own defaults where a flag is absent. */
export function daemonOptionsFrom(args: DaemonArgs, defaults: CommandDefaults): DaemonOptions {
  const timeout = args.timeout ?? defaults.timeoutSeconds;
  return {
    ...defaultDaemonOptions(),
    workers: Math.max(1, checkedCount("workers", args.workers, 0)),
    // --workers 0 keeps its old meaning: the leanest setup, one runner and no spare.
    spares: args.workers === 0 && args.spares === undefined ? 0 : checkedCount("spares", args.spares ?? defaults.spares, 0),
    maxRunners: checkedCount("max-runners", args["max-runners"], 1),
    maxTenantRunners: args["max-tenant-runners"] === undefined ? 0 : checkedCount("max-tenant-runners", args["max-tenant-runners"], 1),
    ...admissionOptionsFrom(args, defaults),
    cacheDir: expandHome(args["pyodide-cache"]),
    isolation: args.isolation,
    defaultTimeoutMs: timerFlagMs("timeout", timeout),
    maxOutputBytes: checkedCount("max-output", args["max-output"], 0),
    ...displayAndFileOptionsFrom(args),
    memoryLimitBytes: checkedCount("memory-limit", args["memory-limit"], 0, Math.floor(Number.MAX_SAFE_INTEGER / 1048576)) * 1048576,
    maxQueue: checkedCount("max-queue", args["max-queue"], 0),
    maxPendingOutputBytes: checkedCount("max-pending-output", args["max-pending-output"] ?? defaultDaemonOptions().maxPendingOutputBytes, MIN_PENDING_OUTPUT_BYTES),
    snapshot: args.snapshot,
    packagesUrl: args["packages-url"],
    preload: [args.preload ?? []].flat().flatMap((value) => value.split(",")).map((name) => name.trim()).filter(Boolean),
    pypiIndex: args["pypi-index"],
    maxPackageBytes: maxPackageBytesFrom(args),
    ...networkOptionsFrom(args),
  };
}

/** The admission queue, the boots and the per-tenant bounds, from their flags. */
function admissionOptionsFrom(
  args: DaemonArgs,
  defaults: CommandDefaults,
): Pick<DaemonOptions, "maxBooting" | "admissionTimeoutMs" | "maxAdmissionQueue" | "maxTenantSessions" | "maxTenantFileBytes" | "tenantIdleTimeoutMs" | "maxPendingInputBytes"> {
  const base = defaultDaemonOptions();
  return {
    maxBooting: args["max-booting"] === undefined ? 0 : checkedCount("max-booting", args["max-booting"], 1),
    admissionTimeoutMs: timerFlagMs("admission-timeout", args["admission-timeout"] ?? base.admissionTimeoutMs / 1000),
    maxAdmissionQueue: checkedCount("admission-queue", args["admission-queue"] ?? base.maxAdmissionQueue, 1),
    maxTenantSessions: checkedCount("max-tenant-sessions", args["max-tenant-sessions"] ?? base.maxTenantSessions, 1),
    maxTenantFileBytes: checkedCount("max-tenant-file-bytes", args["max-tenant-file-bytes"] ?? base.maxTenantFileBytes, 1),
    tenantIdleTimeoutMs: timerFlagMs("tenant-idle-timeout", args["tenant-idle-timeout"] ?? defaults.tenantIdleTimeoutSeconds ?? 0),
    maxPendingInputBytes: checkedCount("max-pending-input", args["max-pending-input"] ?? base.maxPendingInputBytes, MIN_PENDING_INPUT_BYTES),
  };
}

/** Least `--max-pending-input`: a few requests. */
const MIN_PENDING_INPUT_BYTES = 64 * 1024;

/** Largest `--max-file-bytes`: its base64 must fit in one message to a runner (64 MiB). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The display and file limits, and the largest message a client may send: `--max-message-bytes`
 * when given, else 16 MiB or, when more is needed, room for a files/write of the largest file
 * (`--max-file-bytes`) in base64 and the rest of the message.
 */
function displayAndFileOptionsFrom(args: DaemonArgs): Pick<DaemonOptions, "maxDisplayBytes" | "maxDisplays" | "maxFileBytes" | "maxMessageBytes"> {
  const defaults = defaultDaemonOptions();
  const maxFileBytes = checkedCount("max-file-bytes", args["max-file-bytes"] ?? defaults.maxFileBytes, 1);
  if (maxFileBytes > MAX_FILE_BYTES) throw new UsageError(`--max-file-bytes must be at most ${MAX_FILE_BYTES}, got ${maxFileBytes}`);
  const given = args["max-message-bytes"];
  return {
    maxDisplayBytes: checkedCount("max-display-bytes", args["max-display-bytes"] ?? defaults.maxDisplayBytes, 1),
    maxDisplays: checkedCount("max-displays", args["max-displays"] ?? defaults.maxDisplays, 0),
    maxFileBytes,
    maxMessageBytes:
      given === undefined ? Math.max(defaults.maxMessageBytes, fileWriteMessageBytes(maxFileBytes)) : checkedCount("max-message-bytes", given, MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES),
  };
}

/** Bytes of a files/write message carrying a file of `fileBytes` bytes: its base64, and 1 MiB for the rest. */
export function fileWriteMessageBytes(fileBytes: number): number {
  return Math.ceil(fileBytes / 3) * 4 + 1024 * 1024;
}

function networkOptionsFrom(args: DaemonArgs): Pick<DaemonOptions, "network" | "maxResponseBytes" | "caFile"> {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());
  const caFile = args["ca-file"] === undefined ? undefined : expandHome(args["ca-file"]);
  if (caFile !== undefined) {
    try {
      accessSync(caFile, constants.R_OK);
    } catch {
      throw new UsageError(`--ca-file ${caFile} cannot be read`);
    }
  }
  return {
    network: asUsage(() => parseNetPolicy(args.net ?? "public", list(args["allow-net"]), list(args["deny-net"]))),
    maxResponseBytes: checkedCount("max-response-bytes", args["max-response-bytes"] ?? defaultDaemonOptions().maxResponseBytes, 1),
    caFile,
  };
}

/** Exits once stdout has been written out, so a last answer on a pipe is not lost. */
export function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.exit(code));
}
