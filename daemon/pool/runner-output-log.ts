/** What the daemon logs of a runner process's own stdout and stderr: bounded in rate and in total, and unable to forge a log line. */
import type { Stream } from "../../protocol/generated/types.ts";
import { log } from "../log.ts";

/** Lines logged at once before the rate applies. */
const BURST_LINES = 20;
/** Lines per second logged past the burst. */
const LINES_PER_SECOND = 5;
/** Characters kept of one line. */
const MAX_LINE_CHARS = 300;
/** Characters logged from one runner in its life; past it nothing more is. */
const MAX_TOTAL_CHARS = 256 * 1024;

/**
 * Logs a runner's stray output at debug level: each line cut to {@link MAX_LINE_CHARS} with
 * its control characters escaped (so it can neither forge a "woma error:" line nor move the
 * terminal's cursor), at most {@link BURST_LINES} at once and {@link LINES_PER_SECOND} a second
 * after that, and {@link MAX_TOTAL_CHARS} in the runner's life. What is left out is counted and
 * said. A runner's stdout and stderr are only ever logged: nothing there reaches a client.
 */
export class RunnerOutputLog {
  private tokens = BURST_LINES;
  private refilledAt: number;
  private total = 0;
  private dropped = 0;
  private capped = false;

  constructor(
    private readonly runnerId: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.refilledAt = clock();
  }

  /** Logs the complete lines of a chunk of the runner's `stream`. */
  write(stream: Stream, chunk: string): void {
    for (const line of chunk.split("\n")) {
      if (line.trim()) this.line(stream, line);
    }
  }

  private line(stream: Stream, line: string): void {
    if (this.capped) return;
    const now = this.clock();
    this.tokens = Math.min(BURST_LINES, this.tokens + ((now - this.refilledAt) / 1000) * LINES_PER_SECOND);
    this.refilledAt = now;
    if (this.tokens < 1) {
      this.dropped++;
      return;
    }
    this.tokens--;
    if (this.dropped > 0) {
      log("debug", `runner ${this.runnerId}: ${this.dropped} more lines of its output were not logged (more than ${LINES_PER_SECOND} a second)`);
      this.dropped = 0;
    }
    const shown = escapeControls(line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line);
    this.total += shown.length;
    log("debug", `runner ${this.runnerId} ${stream}: ${shown}`);
    if (this.total >= MAX_TOTAL_CHARS) {
      this.capped = true;
      log("debug", `runner ${this.runnerId}: ${MAX_TOTAL_CHARS} characters of its output were logged; the rest of it will not be`);
    }
  }
}

/** Control characters as \\xNN (tabs kept), so a line stays one line of plain text. */
function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
