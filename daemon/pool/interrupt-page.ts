/** The daemon's end of a runner's interrupt page: a small file both map, through which the daemon interrupts Python busy in bytecode on the runner's only thread. */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INTERRUPT_ACK_SLOT, INTERRUPT_PAGE_BYTES, INTERRUPT_SIGNAL, INTERRUPT_SIGNAL_SLOT } from "../contract/runner-protocol.ts";

/** The directory of this daemon's interrupt pages: its own, mode 0700, removed at exit. */
let directory: string | undefined;

function pagesDirectory(): string {
  if (directory === undefined) {
    const made = mkdtempSync(join(tmpdir(), "woma-interrupts-"));
    directory = made;
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
  }
  return directory;
}

/**
 * One runner's interrupt page (see INTERRUPT_PAGE_BYTES in the runner contract). The file
 * exists only until the runner has mapped it (the boot's answer): then it is unlinked, and
 * the two mappings are all that is left. A runner can write anything into it; the daemon
 * reads only the acknowledgement, which at worst makes it wait for the grace period and
 * kill the runner.
 */
export class InterruptPage {
  /** The file the runner maps (bound into its sandbox). */
  readonly path: string;
  private readonly slots: Int32Array;
  private unlinked = false;

  constructor(runnerId: string) {
    this.path = join(pagesDirectory(), `${runnerId.replace(/[^A-Za-z0-9_-]/g, "_")}.page`);
    writeFileSync(this.path, new Uint8Array(INTERRUPT_PAGE_BYTES), { mode: 0o600 });
    const bytes = Bun.mmap(this.path, { shared: true } as never);
    this.slots = new Int32Array(bytes.buffer, bytes.byteOffset, INTERRUPT_PAGE_BYTES / 4);
  }

  /** Removes the file (the runner has mapped it, or never will). */
  unlink(): void {
    if (this.unlinked) return;
    this.unlinked = true;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone.
    }
  }

  /** An interrupt is on its way as a message: forget the acknowledgement of an earlier one. */
  expect(): void {
    this.slots[INTERRUPT_ACK_SLOT] = 0;
  }

  /** Whether the runner took the interrupt as a message (Python was not running bytecode). */
  get acknowledged(): boolean {
    return this.slots[INTERRUPT_ACK_SLOT] === 1;
  }

  /** Stores SIGINT for the interpreter's next signal check: KeyboardInterrupt at its next bytecode. */
  signal(): void {
    this.slots[INTERRUPT_SIGNAL_SLOT] = INTERRUPT_SIGNAL;
  }
}
