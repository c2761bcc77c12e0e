/** input() over Jupyter's stdin channel: an input_request to the front end that ran the cell, and its input_reply. */
import type { HeaderMaker, JupyterMessage, KernelTransport } from "./messages.ts";

/** The one input_request a kernel may have waiting at a time (a cell asks for one line, then waits). */
export class StdinChannel {
  private pending: { msgId: string; answer(value: string | null): void } | undefined;

  constructor(
    private readonly transport: KernelTransport,
    private readonly headers: HeaderMaker,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Asks the front end that sent `request` for a line: its stdin socket has the identity of its
   * shell socket, so the request is routed with the cell's identities (messaging spec, "stdin").
   * Resolves with the line, or null at the end of input or when `signal` aborts (an interrupt).
   */
  ask(request: { message: JupyterMessage; identities: Uint8Array[] }, prompt: string, password: boolean, signal: AbortSignal): Promise<string | null> {
    const message = this.headers.message("input_request", { prompt, password }, request.message.header);
    return new Promise((resolve) => {
      const done = (value: string | null) => {
        if (this.pending?.msgId !== message.header.msg_id) return;
        this.pending = undefined;
        signal.removeEventListener("abort", aborted);
        resolve(value);
      };
      const aborted = () => done(null);
      this.pending = { msgId: message.header.msg_id, answer: done };
      signal.addEventListener("abort", aborted);
      this.transport.send("stdin", message, request.identities);
    });
  }

  /** Takes a message from the stdin channel: the input_reply to the waiting request; anything else is ignored. */
  receive(message: JupyterMessage): void {
    if (message.header.msg_type !== "input_reply" || this.pending === undefined) return;
    const parentId = message.parent_header.msg_id;
    if (parentId !== undefined && parentId !== this.pending.msgId) return this.log("dropped an input_reply to an input_request that is not waiting");
    const value = message.content.value;
    // "\x04" (Ctrl+D) is the end of input, as ipykernel reads it.
    this.pending.answer(typeof value !== "string" || value === "\x04" ? null : value);
  }
}
