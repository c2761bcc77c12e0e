/** A single-producer, single-consumer byte ring in shared memory: the worker writes Python's output, the runner's main thread drains it. */

/** Ring capacity in bytes; a power of two so free-running 32-bit counters index it across wrap-around. */
export const RING_BYTES = 1 << 18;

const WRITE = 0;
const READ = 1;

/** The shared memory of one ring, passed from the main thread to the worker. */
export interface RingBuffers {
  header: SharedArrayBuffer;
  data: SharedArrayBuffer;
}

/** Allocates the shared memory of a ring. */
export function allocateRing(): RingBuffers {
  return { header: new SharedArrayBuffer(8), data: new SharedArrayBuffer(RING_BYTES) };
}

/** The worker's end: copies bytes in, waiting while the ring is full (the reader drains it every few ms). */
export class RingWriter {
  private readonly header: Int32Array;
  private readonly data: Uint8Array;

  constructor(buffers: RingBuffers) {
    this.header = new Int32Array(buffers.header);
    this.data = new Uint8Array(buffers.data);
  }

  write(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) {
      const written = Atomics.load(this.header, WRITE);
      const read = Atomics.load(this.header, READ);
      const free = RING_BYTES - ((written - read) >>> 0);
      if (free === 0) {
        // Back-pressure: wait for the reader to move its index rather than drop output.
        Atomics.wait(this.header, READ, read, 50);
        continue;
      }
      const count = Math.min(free, bytes.length - offset);
      const start = written & (RING_BYTES - 1);
      const first = Math.min(count, RING_BYTES - start);
      this.data.set(bytes.subarray(offset, offset + first), start);
      if (count > first) this.data.set(bytes.subarray(offset + first, offset + count), 0);
      Atomics.store(this.header, WRITE, (written + count) | 0);
      offset += count;
    }
  }

  /** How many bytes have been written so far (a free-running 32-bit counter), to mark a point in the stream. */
  position(): number {
    return Atomics.load(this.header, WRITE);
  }
}

/** The main thread's end: takes whatever has been written since the last drain. */
export class RingReader {
  private readonly header: Int32Array;
  private readonly data: Uint8Array;

  constructor(buffers: RingBuffers) {
    this.header = new Int32Array(buffers.header);
    this.data = new Uint8Array(buffers.data);
  }

  /**
   * Returns the unread bytes (empty when there are none) and frees their space; with
   * `upTo` (a writer's {@link RingWriter.position}), only the bytes written before that point.
   */
  drain(upTo?: number): Uint8Array {
    const written = Atomics.load(this.header, WRITE);
    const read = Atomics.load(this.header, READ);
    const available = (written - read) >>> 0;
    const count = upTo === undefined ? available : Math.min(available, (upTo - read) >>> 0);
    if (count === 0) return new Uint8Array(0);
    const out = new Uint8Array(count);
    const start = read & (RING_BYTES - 1);
    const first = Math.min(count, RING_BYTES - start);
    out.set(this.data.subarray(start, start + first), 0);
    if (count > first) out.set(this.data.subarray(0, count - first), first);
    Atomics.store(this.header, READ, (read + count) | 0);
    Atomics.notify(this.header, READ);
    return out;
  }
}
