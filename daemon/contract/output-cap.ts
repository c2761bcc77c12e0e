/** How much of a run's output is kept, by the rule both sides of the runner contract apply: the runner to say what it cut, the daemon to keep what the runner streamed. */

/**
 * The first `cap` bytes (UTF-8) of one stream's text, cut at a character boundary, and
 * nothing after the first cut: what is kept is always a prefix of the output, however it
 * was split into pieces, so the runner and the daemon, which see different pieces, keep
 * the same text.
 */
export class OutputCap {
  private kept = 0;
  private full = false;
  /** Bytes past the cap, not kept. */
  cutBytes = 0;

  constructor(private readonly cap: number) {}

  /** Whether anything more can be kept. */
  get open(): boolean {
    return !this.full && this.kept < this.cap;
  }

  /** Takes the next piece of the stream; returns the part of it that is kept (all of it, a prefix of it, or ""). */
  keep(text: string): string {
    if (text.length === 0) return text;
    const size = Buffer.byteLength(text);
    const room = this.full ? 0 : this.cap - this.kept;
    if (size <= room) {
      this.kept += size;
      return text;
    }
    this.full = true;
    const encoded = Buffer.from(text);
    let end = Math.max(room, 0);
    // A byte 10xxxxxx continues a character: the cut goes before the character it belongs to.
    while (end > 0 && (encoded[end]! & 0xc0) === 0x80) end--;
    this.kept += end;
    this.cutBytes += size - end;
    return end === 0 ? "" : encoded.subarray(0, end).toString("utf8");
  }

  /** Counts `bytes` more bytes past the cap without looking at them. */
  drop(bytes: number): void {
    this.full = true;
    this.cutBytes += bytes;
  }
}
