/** What one tenant may hold at once: runners, sessions, queued requests and bytes of session files, each a flag, each refusal naming it. */
import { DaemonError } from "../daemon-error.ts";

/** The default of `--max-tenant-sessions`. */
export const DEFAULT_TENANT_SESSIONS = 256;
/** The default of `--max-tenant-file-bytes`: 256 MiB, an eighth of a runner's default memory limit. */
export const DEFAULT_TENANT_FILE_BYTES = 256 * 1024 * 1024;

/** The per-tenant bounds as the daemon's options give them; 0 for a default where one is derived. */
export interface TenantQuotaSettings {
  /** Runners, shared and fresh-interpreter ones, being acquired included (`--max-tenant-runners`); 0 for half of `maxRunners`. */
  runners: number;
  /** All runners (`--max-runners`), for the default of `runners`. */
  maxRunners: number;
  /** Open sessions (`--max-tenant-sessions`). */
  sessions: number;
  /** Requests waiting for a runner, its own runners' queues and the admission queue together (`--max-queue`). */
  queued: number;
  /** Bytes of files in its sessions' working directories, as `files/write` finds them (`--max-tenant-file-bytes`). */
  fileBytes: number;
}

/**
 * The per-tenant bounds, so that no tenant can take what the next one needs: every runner
 * `--max-runners` allows (with fresh-interpreter sessions), every session, the queues, or a
 * runner's memory in files. Each check throws the refusal, which names the bound and its
 * flag and says what the tenant can do; the tenant's other work and every other tenant
 * carry on.
 */
export class TenantQuota {
  /** Runners one tenant may hold (at least 1). */
  readonly runners: number;
  readonly sessions: number;
  readonly queued: number;
  readonly fileBytes: number;

  constructor(settings: TenantQuotaSettings) {
    this.runners = settings.runners > 0 ? settings.runners : TenantQuota.defaultRunners(settings.maxRunners);
    this.sessions = settings.sessions;
    this.queued = settings.queued;
    this.fileBytes = settings.fileBytes;
  }

  /** The default of `--max-tenant-runners` for `maxRunners`: half of it, at least 1, as `woma --help` states it. */
  static defaultRunners(maxRunners: number): number {
    return Math.max(1, Math.floor(maxRunners / 2));
  }

  /** Throws `POOL_BUSY` when a tenant that holds `held` runners may not take one more. */
  admitRunner(held: number): void {
    if (held < this.runners) return;
    throw new DaemonError(
      "POOL_BUSY",
      `this client already holds ${held} runners, the most one tenant may hold (--max-tenant-runners ${this.runners}); close a session that has a runner of its own (fresh_interpreter), or try again when one of its runs ends`,
      { bound: "--max-tenant-runners", limit: this.runners, waited_ms: 0, retry_after_ms: 1000 },
    );
  }

  /** Throws `POOL_BUSY` when a tenant with `open` sessions may not open one more. */
  admitSession(open: number): void {
    if (open < this.sessions) return;
    throw new DaemonError("POOL_BUSY", `this client already has ${open} open sessions, the most one tenant may have (--max-tenant-sessions ${this.sessions}); close one first`, {
      bound: "--max-tenant-sessions",
      limit: this.sessions,
      waited_ms: 0,
      retry_after_ms: 1000,
    });
  }

  /** Throws `POOL_BUSY` when a tenant with `waiting` requests queued may not queue one more. */
  admitQueued(waiting: number): void {
    if (waiting < this.queued) return;
    throw new DaemonError("POOL_BUSY", `pool busy: ${waiting} runs are already waiting (limit ${this.queued}, --max-queue); try again when some have run`, {
      bound: "--max-queue",
      limit: this.queued,
      waited_ms: 0,
      retry_after_ms: 1000,
    });
  }
}
