/** Keys from a terminal in raw mode, one event per key, and a bracketed paste as one event whatever it holds. */
import { emitKeypressEvents } from "node:readline";

/** A key as node:readline decodes it (`name` is undefined for a plain character), or a whole bracketed paste. */
export type KeyEvent =
  | { kind: "key"; name: string | undefined; sequence: string; ctrl: boolean; meta: boolean; shift: boolean }
  | { kind: "paste"; text: string };

/** Asks the terminal to mark pasted text (bracketed paste), so a pasted block is not taken for typed lines. */
export const BRACKETED_PASTE_ON = "\x1b[?2004h";
/** Turns bracketed paste off again. */
export const BRACKETED_PASTE_OFF = "\x1b[?2004l";

/** The terminal's input side as the REPL uses it. */
export interface TerminalInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

interface DecodedKey {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/**
 * Reads keys from `input` in raw mode and hands each to `onKey`, in order, however many
 * arrived in one read (readline's own handling takes a Tab that arrives with other keys for
 * pasted text). The characters between a paste's start and end marks come as one `paste`.
 */
export class TerminalKeys {
  private pasted: string[] | undefined;
  private started = false;

  constructor(
    private readonly input: TerminalInput,
    private readonly onKey: (event: KeyEvent) => void,
  ) {}

  /** Raw mode on, keys flowing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    emitKeypressEvents(this.input);
    this.input.on("keypress", this.listener);
    this.raw(true);
    this.input.resume();
  }

  /** Raw mode off, input paused (for leaving, or while the process is suspended). */
  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.input.off("keypress", this.listener);
    this.raw(false);
    this.input.pause();
  }

  /** Sets raw mode when the input is a terminal that has it. */
  raw(on: boolean): void {
    if (this.input.isTTY) this.input.setRawMode?.(on);
  }

  private readonly listener = (text: string | undefined, key: DecodedKey | undefined): void => {
    const sequence = key?.sequence ?? text ?? "";
    if (key?.name === "paste-start") {
      this.pasted = [];
      return;
    }
    if (key?.name === "paste-end") {
      const pasted = (this.pasted ?? []).join("");
      this.pasted = undefined;
      this.onKey({ kind: "paste", text: pasted });
      return;
    }
    if (this.pasted) {
      this.pasted.push(sequence);
      return;
    }
    this.onKey({ kind: "key", name: key?.name, sequence, ctrl: key?.ctrl === true, meta: key?.meta === true, shift: key?.shift === true });
  };
}
