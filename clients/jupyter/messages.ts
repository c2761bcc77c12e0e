/** Jupyter messages as the kernel handles them, whatever carries them (ZeroMQ here, a WebSocket later). */

/** The version of the Jupyter messaging spec the kernel speaks (ipykernel 6 speaks the same). */
export const JUPYTER_PROTOCOL_VERSION = "5.3";

/** A message header (messaging spec, "Message Header"). */
export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  /** ISO 8601, in UTC. */
  date: string;
  msg_type: string;
  version: string;
  /** Any other field a client sent; echoed in the parent header. */
  [extra: string]: unknown;
}

/** One Jupyter message. */
export interface JupyterMessage {
  header: MessageHeader;
  /** The header of the message this one answers or comes from; `{}` when none. */
  parent_header: Record<string, unknown>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  buffers: Uint8Array[];
}

/** The kernel's channels that carry messages (the heartbeat only echoes bytes). */
export type Channel = "shell" | "control" | "stdin" | "iopub";

/**
 * What carries the kernel's messages. The ZeroMQ transport routes a reply with the identities
 * of the request it answers; another transport may ignore them.
 */
export interface KernelTransport {
  /** Where messages from front ends go, with the routing identities they came with. */
  onMessage(handler: (channel: Channel, message: JupyterMessage, identities: Uint8Array[]) => void): void;
  /** Sends a message; `identities` route it (shell, control, stdin) or are its topic (iopub). */
  send(channel: Channel, message: JupyterMessage, identities: Uint8Array[]): void;
  /** The ports of the five channels, for connect_reply. */
  ports(): Record<string, number>;
  /** Closes every channel after what is queued has gone out (within a short grace). */
  close(): Promise<void>;
}

/** Makes the headers of the kernel's own messages: one session id per kernel process, a counter per message. */
export class HeaderMaker {
  private count = 0;
  readonly session: string;

  constructor(
    private readonly username: string,
    session: string = crypto.randomUUID(),
  ) {
    this.session = session;
  }

  /** A new header of this type. */
  header(msgType: string): MessageHeader {
    return {
      msg_id: `${this.session}_${process.pid}_${++this.count}`,
      session: this.session,
      username: this.username,
      date: new Date().toISOString(),
      msg_type: msgType,
      version: JUPYTER_PROTOCOL_VERSION,
    };
  }

  /** A message of this type answering or coming from `parent` (a header, or `{}`). */
  message(msgType: string, content: Record<string, unknown>, parent: Record<string, unknown>, metadata: Record<string, unknown> = {}): JupyterMessage {
    return { header: this.header(msgType), parent_header: parent, metadata, content, buffers: [] };
  }
}
