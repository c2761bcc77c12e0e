/** Bytes received in pieces, read from the front without copying more than what is read. */

/**
 * A queue of received chunks. `read(n)` joins only the chunks it needs, so a large frame
 * arriving in many small pieces is copied once, not once per piece.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private offset = 0;
  /** Bytes held and not yet read. */
  length = 0;

  /** Appends a received chunk (kept, not copied). */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The byte at `index` from the front, without reading it; undefined past the end. */
  peek(index: number): number | undefined {
    if (index >= this.length) return undefined;
    let at = index + this.offset;
    for (const chunk of this.chunks) {
      if (at < chunk.length) return chunk[at];
      at -= chunk.length;
    }
    return undefined;
  }

  /** Removes and returns the first `count` bytes; the caller checks that `length` holds them. */
  read(count: number): Uint8Array {
    if (count > this.length) throw new RangeError(`read ${count} bytes of the ${this.length} held`);
    this.length -= count;
    const first = this.chunks[0];
    if (first !== undefined && first.length - this.offset >= count) {
      const out = first.subarray(this.offset, this.offset + count);
      this.offset += count;
      if (this.offset === first.length) {
        this.chunks.shift();
        this.offset = 0;
      }
      return out;
    }
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.chunks[0]!;
      const take = Math.min(chunk.length - this.offset, count - filled);
      out.set(chunk.subarray(this.offset, this.offset + take), filled);
      filled += take;
      this.offset += take;
      if (this.offset === chunk.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    return out;
  }
}
