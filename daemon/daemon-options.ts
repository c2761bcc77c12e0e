/** The daemon's settings, with their defaults. */
import { DEFAULTS } from "../protocol/defaults.ts";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { defaultNetPolicy, type NetPolicy } from "./net/net-policy.ts";
import type { IsolationRequest } from "./sandbox/isolation.ts";
import { DEFAULT_ADMISSION_QUEUE, DEFAULT_ADMISSION_TIMEOUT_MS } from "./pool/admission.ts";
import { DEFAULT_TENANT_FILE_BYTES, DEFAULT_TENANT_SESSIONS } from "./pool/tenant-quota.ts";

/** Everything that shapes a daemon; see {@link defaultDaemonOptions}. */
export interface DaemonOptions {
  /** Runners each tenant may use in parallel for its sessions and one-off runs (`--workers`; 0 counts as 1). */
  workers: number;
  /** Untouched runners kept ready for new tenants and fresh interpreters (`--spares`); the first runner boots at start regardless. */
  spares: number;
  /** All runners together, spares included (`--max-runners`): each costs 100-200 MiB, and each tenant needs one. */
  maxRunners: number;
  /** Runners one tenant may hold at once, shared and fresh-interpreter ones together (`--max-tenant-runners`); 0 for half of `maxRunners`. */
  maxTenantRunners: number;
  /** Cache directory for snapshots and, in the binary, the Pyodide core (`--pyodide-cache`). */
  cacheDir: string;
  /** Requested isolation (`--isolation`). */
  isolation: IsolationRequest;
  /** Timeout of a run that gives none, in ms; 0 for none (`--timeout`, in seconds on the command line). */
  defaultTimeoutMs: number;
  /** How long a run may ignore the interrupt before its runner is killed, in ms. */
  interruptGraceMs: number;
  /** Most bytes kept of a run's stdout, and of its stderr. */
  maxOutputBytes: number;
  /** Most characters kept of a result's repr. */
  maxResultChars: number;
  /** Most bytes of one display output (`--max-display-bytes`): the UTF-8 length of its values, base64 for images. */
  maxDisplayBytes: number;
  /** Most display outputs kept per run (`--max-displays`); 0 turns them off. */
  maxDisplays: number;
  /** Largest file `files/write` takes and `files/read` gives, in bytes (`--max-file-bytes`). */
  maxFileBytes: number;
  /** Largest JSON-RPC message accepted from a client, in bytes (`--max-message-bytes`). */
  maxMessageBytes: number;
  /**
   * Bytes of answers and output a connection may leave unread (`--max-pending-output`).
   * Past it the connection's output notifications are dropped and its runs refused; past
   * twice it the daemon stops reading the connection until the client catches up.
   */
  maxPendingOutputBytes: number;
  /** Most requests of one tenant waiting for a runner at once (`--max-queue`). */
  maxQueue: number;
  /** Most runners booting at once (`--max-booting`); 0 for the number of cores. */
  maxBooting: number;
  /** Longest a request waits in the admission queue for a runner, in ms (`--admission-timeout`); 0 refuses at once. */
  admissionTimeoutMs: number;
  /** Most requests waiting for a runner at once, across tenants (`--admission-queue`). */
  maxAdmissionQueue: number;
  /** Most sessions one tenant may have open (`--max-tenant-sessions`). */
  maxTenantSessions: number;
  /** Most bytes of files one tenant's sessions may hold, as `files/write` finds them (`--max-tenant-file-bytes`). */
  maxTenantFileBytes: number;
  /** Runners of a tenant that has not used them for this long are stopped, in ms; 0 for never (`--tenant-idle-timeout`). */
  tenantIdleTimeoutMs: number;
  /**
   * Bytes of requests one connection may have read and not yet answered (`--max-pending-input`).
   * A request that would pass it is refused unread.
   */
  maxPendingInputBytes: number;
  /** Resident memory above which a runner is killed, in bytes; 0 for no limit. */
  memoryLimitBytes: number;
  /** Boot runners from a memory snapshot kept in the cache directory. */
  snapshot: boolean;
  /** What Python's HTTP may reach through the broker (`--net`, `--allow-net`, `--deny-net`); see docs/network.md. */
  network: NetPolicy;
  /** Most bytes of one HTTP response body, counted after decompression (`--max-response-bytes`). */
  maxResponseBytes: number;
  /** A PEM file of extra CA certificates for HTTPS, trusted besides the bundled ones (`--ca-file`). */
  caFile: string | undefined;
  /** Where lock packages come from (`--packages-url`): a mirror URL or directory; undefined for Pyodide's CDN. */
  packagesUrl?: string | undefined;
  /** PEP 503 simple index for packages the lock lacks (`--pypi-index`); undefined for PyPI. */
  pypiIndex?: string | undefined;
  /** Largest package file downloaded, and the most its files may hold unpacked (`--max-package-bytes`); undefined for 512 MiB. */
  maxPackageBytes?: number | undefined;
  /** Modules every runner imports at boot, spares included (`--preload numpy,pandas`); their packages are fetched at start. */
  preload: string[];
}

/** Expands a leading `~` to the home directory and makes the path absolute. */
export function expandHome(path: string): string {
  if (path === "~") return homedir();
  if (path.startsWith("~/")) return join(homedir(), path.slice(2));
  return resolve(path);
}

/** The defaults: one worker, `~/.pyodide-env`, 1 MiB of output per stream, 32 display outputs of at most 4 MiB per run, files of 16 MiB, 2 GiB per runner, network `public` with 64 MiB per response. */
export function defaultDaemonOptions(): DaemonOptions {
  return {
    workers: 1,
    spares: 0,
    maxRunners: 16,
    maxTenantRunners: 0,
    cacheDir: expandHome(DEFAULTS.cacheDir),
    isolation: "auto",
    defaultTimeoutMs: 0,
    interruptGraceMs: 1000,
    maxOutputBytes: DEFAULTS.maxOutputBytes,
    maxResultChars: DEFAULTS.maxResultChars,
    maxDisplayBytes: 4 * 1024 * 1024,
    maxDisplays: 32,
    maxFileBytes: 16 * 1024 * 1024,
    maxMessageBytes: 16 * 1024 * 1024,
    maxPendingOutputBytes: 64 * 1024 * 1024,
    maxQueue: 256,
    maxBooting: 0,
    admissionTimeoutMs: DEFAULT_ADMISSION_TIMEOUT_MS,
    maxAdmissionQueue: DEFAULT_ADMISSION_QUEUE,
    maxTenantSessions: DEFAULT_TENANT_SESSIONS,
    maxTenantFileBytes: DEFAULT_TENANT_FILE_BYTES,
    tenantIdleTimeoutMs: 0,
    maxPendingInputBytes: 64 * 1024 * 1024,
    memoryLimitBytes: 2 * 1024 * 1024 * 1024,
    snapshot: true,
    network: defaultNetPolicy(),
    maxResponseBytes: 64 * 1024 * 1024,
    caFile: undefined,
    preload: [],
  };
}
