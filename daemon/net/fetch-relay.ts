/** Carries runners' HTTP requests to the broker and their bodies back, pulled a chunk at a time, closed with the run that made them. */
import type { RelayChunk, RelayHead, RelayRequest } from "../contract/runner-protocol.ts";
import { NetBroker } from "./broker.ts";
import { NetError } from "./net-error.ts";
import type { NetRequest } from "./net-request.ts";

/** Who is asking: the runner (any object identifying it), its run, and where the run's deadline is. */
export interface RelayCaller {
  runner: object;
  /** The session (or run) the request counts against, for the broker's per-session bound and its audit log. */
  session: string;
  /** The run's deadline as a `Date.now()` time, if it has one. */
  deadline?: number;
}

interface Open {
  runId: string;
  iterator: AsyncIterator<Uint8Array>;
  cancel(): Promise<void>;
  abort: AbortController;
  /** Bytes read ahead from the broker, not yet pulled. */
  buffer: Uint8Array[];
  buffered: number;
  /** The broker's body ended (the buffer may still hold its last bytes). */
  ended: boolean;
  /** The body failed; thrown to the pull that finds the buffer empty. */
  failure?: unknown;
  reading: boolean;
  /** A pull waiting for bytes. */
  wake?: () => void;
}

/** Most bytes one pull hands back. */
const MAX_PULL_BYTES = 1024 * 1024;
/**
 * Bytes read ahead of the runner per response. Like a browser's network buffer, it lets a
 * small body finish (and free its connection slot) even when Python reads it later, so
 * responses held unread cannot starve the session's other requests; and it keeps the next
 * chunk ready while Python handles the last one.
 */
const READ_AHEAD_BYTES = 512 * 1024;
/** Largest body handed over with its head. */
const INLINE_BYTES = 256 * 1024;
/** How long the head waits for a small body to end, in ms. */
const INLINE_WAIT_MS = 2;
/** Responses a runner may hold open at once. */
const MAX_OPEN_PER_RUNNER = 32;

/**
 * The daemon's end of `fetch` in a runner. A request opens a response (the broker checks the
 * policy, connects and reads the head); the runner pulls its body, one request per chunk. The
 * relay reads at most {@link READ_AHEAD_BYTES} ahead of what was pulled, so bytes flow only as
 * fast as Python reads them and memory stays bounded. Everything a run opened is closed when
 * that run ends or its runner dies.
 */
export class FetchRelay {
  private readonly open = new Map<object, Map<number, Open>>();
  private nextId = 1;

  constructor(private readonly broker: NetBroker) {}

  /** Starts a request; resolves with the response's head. Throws a {@link NetError} the runner turns into the library's own error. */
  async start(request: RelayRequest, caller: RelayCaller): Promise<RelayHead> {
    const table = this.tableOf(caller.runner);
    if (table.size >= MAX_OPEN_PER_RUNNER) throw new NetError("busy", `too many responses open at once (${MAX_OPEN_PER_RUNNER}); read or close some first`);
    const abort = new AbortController();
    const netRequest: NetRequest = { url: request.url };
    if (request.method !== undefined) netRequest.method = request.method;
    if (request.headers !== undefined) netRequest.headers = request.headers;
    if (request.body !== undefined) netRequest.body = new Uint8Array(Buffer.from(request.body, "base64"));
    if (request.redirect !== undefined) netRequest.redirect = request.redirect;
    if (request.timeoutMs !== undefined) netRequest.timeoutMs = request.timeoutMs;
    const context = caller.deadline === undefined ? { session: caller.session, signal: abort.signal } : { session: caller.session, signal: abort.signal, deadline: caller.deadline };
    const response = await this.broker.open(netRequest, context);
    const requestId = this.nextId++;
    const entry: Open = {
      runId: request.runId,
      iterator: response.body[Symbol.asyncIterator](),
      cancel: () => response.body.cancel(),
      abort,
      buffer: [],
      buffered: 0,
      ended: false,
      reading: false,
    };
    table.set(requestId, entry);
    this.readAhead(entry);
    const head: RelayHead = { requestId, status: response.status, statusText: response.statusText, headers: response.headers, url: response.url, redirected: response.redirected };
    // A small body usually arrives with its head: hand it over now and save Python a round trip.
    if (await this.endsSoon(entry)) {
      table.delete(requestId);
      head.bytes = joined(entry.buffer, entry.buffered);
    }
    return head;
  }

  /**
   * The next part of a body: what has arrived (up to 1 MiB) without waiting for more, or, when
   * nothing has, the next bytes to arrive; or the end, which closes it.
   */
  async pull(runner: object, requestId: number): Promise<RelayChunk> {
    const entry = this.open.get(runner)?.get(requestId);
    if (!entry) throw new NetError("invalid", `no open response ${requestId} (a response is closed when the run that made it ends)`);
    while (entry.buffered === 0 && !entry.ended && entry.failure === undefined) {
      await new Promise<void>((resolve) => {
        entry.wake = resolve;
        this.readAhead(entry);
      });
    }
    if (entry.buffered === 0) {
      this.open.get(runner)?.delete(requestId);
      if (entry.failure !== undefined) throw entry.failure;
      return { done: true };
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    while (size < MAX_PULL_BYTES && entry.buffer.length > 0) {
      const next = entry.buffer[0]!;
      const room = MAX_PULL_BYTES - size;
      if (next.length > room) {
        parts.push(next.subarray(0, room));
        entry.buffer[0] = next.subarray(room);
        size += room;
        break;
      }
      parts.push(next);
      entry.buffer.shift();
      size += next.length;
    }
    entry.buffered -= size;
    const bytes = joined(parts, size);
    if (entry.buffered === 0 && entry.ended && entry.failure === undefined) {
      // The body is complete: close it now, since a reader that knows the length never asks for the end.
      this.open.get(runner)?.delete(requestId);
      return { done: false, bytes, last: true };
    }
    this.readAhead(entry);
    return { done: false, bytes };
  }

  /** True when the whole body (at most {@link INLINE_BYTES}) is in the buffer within a moment. */
  private async endsSoon(entry: Open): Promise<boolean> {
    const deadline = performance.now() + INLINE_WAIT_MS;
    while (!entry.ended && entry.failure === undefined && entry.buffered <= INLINE_BYTES && performance.now() < deadline) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return entry.ended && entry.failure === undefined && entry.buffered <= INLINE_BYTES;
  }

  /** Reads from the broker until the buffer holds READ_AHEAD_BYTES, the body ends or fails. */
  private readAhead(entry: Open): void {
    if (entry.reading || entry.ended || entry.failure !== undefined || entry.buffered >= READ_AHEAD_BYTES) return;
    entry.reading = true;
    void (async () => {
      try {
        while (entry.buffered < READ_AHEAD_BYTES) {
          const next = await entry.iterator.next();
          if (next.done) {
            entry.ended = true;
            break;
          }
          if (next.value.length === 0) continue;
          entry.buffer.push(next.value);
          entry.buffered += next.value.length;
          entry.wake?.();
          entry.wake = undefined;
        }
      } catch (error) {
        entry.failure = error;
      } finally {
        entry.reading = false;
        entry.wake?.();
        entry.wake = undefined;
      }
    })();
  }

  /** The runner dropped a response unread (or the rest of it). */
  async close(runner: object, requestId: number): Promise<void> {
    const entry = this.open.get(runner)?.get(requestId);
    if (!entry) return;
    this.open.get(runner)?.delete(requestId);
    entry.buffer = [];
    entry.buffered = 0;
    entry.failure ??= new NetError("aborted", `response ${requestId} was closed`);
    entry.wake?.();
    entry.wake = undefined;
    entry.abort.abort();
    await entry.cancel().catch(() => {});
  }

  /** A run ended: whatever it left open is closed. */
  endRun(runner: object, runId: string): void {
    for (const [id, entry] of this.open.get(runner) ?? []) if (entry.runId === runId) void this.close(runner, id);
  }

  /** A runner died: everything it had open is closed. */
  endRunner(runner: object): void {
    for (const id of [...(this.open.get(runner)?.keys() ?? [])]) void this.close(runner, id);
    this.open.delete(runner);
  }

  private tableOf(runner: object): Map<number, Open> {
    let table = this.open.get(runner);
    if (!table) {
      table = new Map();
      this.open.set(runner, table);
    }
    return table;
  }
}

/** The parts as one array: the only part itself when there is one, else Buffer.concat's copy. */
function joined(parts: Uint8Array[], size: number): Uint8Array {
  return parts.length === 1 && parts[0]!.length === size ? parts[0]! : Buffer.concat(parts, size);
}
