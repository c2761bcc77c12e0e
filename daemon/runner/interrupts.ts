/** Interrupts in the runner: the page the daemon shares with it, the signal buffer Pyodide reads from it, and the waits an interrupt wakes. */
import { INTERRUPT_ACK_SLOT, INTERRUPT_PAGE_BYTES, INTERRUPT_SIGNAL_SLOT } from "../contract/runner-protocol.ts";

/** What Pyodide reads as its interrupt buffer: index 0, read and reset by the interpreter's periodic signal check. */
export interface SignalBuffer {
  0: number;
}

/**
 * The runner's end of its interrupt page: a small file the daemon and the runner both map
 * (see `daemon/pool/interrupt-page.ts`). Python runs on the runner's only thread, so a run
 * busy in bytecode cannot read the daemon's `runner/interrupt` message; the daemon then
 * stores SIGINT in the page, and the interpreter's periodic signal check, which reads it,
 * raises KeyboardInterrupt. When the runner takes the message itself (Python was suspended
 * or idle), it sets the acknowledgement slot, and the daemon leaves the buffer alone.
 */
export class Interrupts {
  private readonly page: Int32Array;
  /** Rejections of the waits in progress: an interrupt wakes them all. */
  private readonly waits = new Set<(error: Error) => void>();

  /**
   * Maps the page at `path`, or a private one when there is none (a snapshot builder, or a
   * test's runner): interrupts then come only as messages.
   */
  constructor(path: string | undefined) {
    const bytes = path === undefined ? new Uint8Array(new SharedArrayBuffer(INTERRUPT_PAGE_BYTES)) : Bun.mmap(path, { shared: true } as never);
    if (bytes.byteLength < INTERRUPT_PAGE_BYTES) throw new Error(`the interrupt page ${path} is ${bytes.byteLength} bytes, not ${INTERRUPT_PAGE_BYTES}`);
    this.page = new Int32Array(bytes.buffer, bytes.byteOffset, INTERRUPT_PAGE_BYTES / 4);
  }

  /**
   * The buffer to give Pyodide's `setInterruptBuffer`: its slot is the page's, and each time
   * the interpreter checks it (every few dozen bytecode ticks) `onCheck` runs first, which
   * lets the runner send output while Python keeps its thread busy; `onSignal` runs when the
   * check finds the daemon's signal (the interpreter then raises KeyboardInterrupt).
   */
  signalBuffer(onCheck: () => void, onSignal: () => void): SignalBuffer {
    const page = this.page;
    return Object.freeze(
      Object.create(null, {
        0: {
          get: () => {
            onCheck();
            const signal = page[INTERRUPT_SIGNAL_SLOT]!;
            if (signal !== 0) onSignal();
            return signal;
          },
          set: (value: number) => {
            page[INTERRUPT_SIGNAL_SLOT] = value;
          },
        },
      }),
    ) as SignalBuffer;
  }

  /** Forgets a signal meant for a run that has ended, so it cannot land in whatever Python runs next. */
  clear(): void {
    this.page[INTERRUPT_SIGNAL_SLOT] = 0;
  }

  /** Tells the daemon the interrupt was taken while no bytecode ran, and wakes every wait. */
  taken(): void {
    this.page[INTERRUPT_ACK_SLOT] = 1;
    this.page[INTERRUPT_SIGNAL_SLOT] = 0;
    for (const wake of [...this.waits]) wake(new Error("the run was interrupted"));
  }

  /** A promise that resolves after `ms`, or rejects as soon as the daemon interrupts the run (Python's time.sleep blocks on it). */
  wait(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(done, Math.min(Math.max(ms, 0), 2 ** 31 - 1));
      const wake = (error: Error) => {
        clearTimeout(timer);
        this.waits.delete(wake);
        reject(error);
      };
      this.waits.add(wake);
    });
  }
}
