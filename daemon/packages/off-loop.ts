/** Hands heavy package work (checking a wheel, parsing an index page) to the package worker thread and waits for it, so the daemon's event loop stays free for every tenant. */
import { packageWorkerSpecifier } from "../runtime/compiled-binary.ts";
import { PackageError, type PackageErrorCode } from "./package-error.ts";
import type { IndexFile } from "./simple-index.ts";
import type { WheelMetadata } from "./wheel-metadata.ts";

/** Work the package worker does. */
export type OffLoopJob =
  | { kind: "wheel"; path: string; label: string; maxUnpackedBytes: number }
  | { kind: "index"; bytes: Uint8Array; contentType: string; url: string; project: string; maxFiles: number };

/** The worker's answer to one job. */
export type OffLoopReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; code?: PackageErrorCode | undefined; message: string; data?: Record<string, unknown> | undefined };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** How long a job may take before the worker is stopped and the job refused, in ms. */
const JOB_TIMEOUT_MS = 120_000;
/** How long an idle worker is kept, in ms (a thread costs memory; starting one costs a few ms). */
const IDLE_MS = 10_000;

/**
 * One worker thread, started on first use and stopped when idle. A job that takes longer
 * than two minutes stops the thread (the others in it fail too, and are said to) and fails
 * with a PackageError; the next job starts a new thread.
 */
export class OffLoop {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** Checks the wheel at `path` (see checkWheel) and returns its metadata; throws the check's PackageError. */
  checkWheel(path: string, label: string, maxUnpackedBytes: number): Promise<WheelMetadata> {
    return this.run({ kind: "wheel", path, label, maxUnpackedBytes }) as Promise<WheelMetadata>;
  }

  /** Parses an index page (its bytes are handed over, not copied) into its files for `project`. */
  parseIndex(bytes: Uint8Array, contentType: string, url: string, project: string, maxFiles: number): Promise<IndexFile[]> {
    return this.run({ kind: "index", bytes, contentType, url, project, maxFiles }, [bytes.buffer as ArrayBuffer]) as Promise<IndexFile[]>;
  }

  /** Stops the worker now (jobs in it fail). */
  stop(why = "the package worker was stopped"): void {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    worker?.terminate();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new PackageError("DOWNLOAD_FAILED", why));
      this.pending.delete(id);
    }
  }

  private run(job: OffLoopJob, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const worker = this.started();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(`checking a package took longer than ${JOB_TIMEOUT_MS / 1000} s and was stopped`), JOB_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      // A buffer that cannot be handed over (a view of a shared one) is copied instead.
      try {
        worker.postMessage({ id, job }, transfer);
      } catch {
        worker.postMessage({ id, job });
      }
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(packageWorkerSpecifier());
    worker.onmessage = (event: MessageEvent<OffLoopReply>) => {
      const reply = event.data;
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(reply.code ? new PackageError(reply.code, reply.message, reply.data) : new Error(reply.message));
      if (this.pending.size === 0) this.idleSoon();
    };
    worker.onerror = (event) => this.stop(`the package worker failed: ${event.message}`);
    // The worker must not keep a stopping daemon alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private idleSoon(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) this.stop();
    }, IDLE_MS);
    this.idleTimer.unref?.();
  }
}
