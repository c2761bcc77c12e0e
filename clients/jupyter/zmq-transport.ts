/** The kernel's ZeroMQ side: the five channels of a connection file bound with woma's own ZMTP, messages signed and checked. */
import { existsSync } from "node:fs";
import type { ConnectionInfo, ChannelName } from "./connection-file.ts";
import { CHANNELS } from "./connection-file.ts";
import type { Channel, JupyterMessage, KernelTransport } from "./messages.ts";
import { decodeMessage, encodeMessage, MessageSigner } from "./wire-message.ts";
import { listen, type Endpoint, type Listener } from "./zmtp/listener.ts";
import { PubSocket, RepSocket, RouterSocket, type SocketLimits } from "./zmtp/sockets.ts";

/** Bounds of the transport, from the kernel's flags. */
export interface TransportLimits {
  /** Most bytes of one incoming message (`--max-message-bytes`). */
  maxMessageBytes: number;
}

/** Where the transport says what it dropped and why (stderr, rate-limited by the caller). */
export type TransportLog = (line: string) => void;

const LIMITS = { maxFrames: 1024, maxPeers: 64, maxBacklogBytes: 256 * 1024 * 1024, handshakeTimeoutMs: 10_000 };
/** Messages kept for the kernel while it starts. */
const MAX_EARLY_MESSAGES = 256;

/**
 * Binds the five channels of `info` and carries messages. Returns with the ports bound
 * (written back into `info`, for ports 0). A bad message (no delimiter, a wrong or replayed
 * signature, JSON that is not an object) is dropped and logged; the sender is not told.
 */
export async function bindZmqTransport(info: ConnectionInfo, limits: TransportLimits, log: TransportLog): Promise<KernelTransport> {
  const signer = new MessageSigner(info.key, info.signature_scheme);
  const socketLimits: SocketLimits = { ...LIMITS, maxMessageBytes: limits.maxMessageBytes };
  const routers = { shell: new RouterSocket(socketLimits, log), control: new RouterSocket(socketLimits, log), stdin: new RouterSocket(socketLimits, log) };
  const iopub = new PubSocket(socketLimits, log);
  const hb = new RepSocket(socketLimits, log);
  const sockets: Record<ChannelName, RouterSocket | PubSocket | RepSocket> = { ...routers, iopub, hb };
  // Front ends connect as soon as the connection file exists, before the kernel behind this
  // transport is ready to listen: what they send meanwhile waits here (a bounded number).
  const early: Array<[Channel, JupyterMessage, Uint8Array[]]> = [];
  let handler: (channel: Channel, message: JupyterMessage, identities: Uint8Array[]) => void = (...message) => {
    if (early.length < MAX_EARLY_MESSAGES) early.push(message);
    else log(`dropped a message that came before the kernel was ready: ${MAX_EARLY_MESSAGES} are waiting already`);
  };
  for (const channel of ["shell", "control", "stdin"] as const) {
    routers[channel].onMessage((frames) => {
      const received = decodeMessage(frames, signer);
      if (typeof received === "string") return log(`dropped a message on ${channel}: ${received}`);
      handler(channel, received.message, received.identities);
    });
  }
  const listeners: Listener[] = [];
  try {
    for (const channel of CHANNELS) {
      const socket = sockets[channel];
      const listener = await listen(endpointOf(info, channel), (stream) => socket.attach(stream));
      listeners.push(listener);
      if (info.transport === "tcp") info.ports[channel] = listener.port;
    }
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  return {
    onMessage: (next) => {
      handler = next;
      for (const message of early.splice(0)) next(...message);
    },
    send: (channel, message, identities) => {
      const frames = encodeMessage(identities, message, signer);
      if (channel === "iopub") iopub.publish(frames);
      else {
        const [identity, ...rest] = frames;
        if (identity !== undefined && identities.length > 0) routers[channel].send(identity, rest);
      }
    },
    ports: () => ({ shell_port: info.ports.shell, iopub_port: info.ports.iopub, stdin_port: info.ports.stdin, control_port: info.ports.control, hb_port: info.ports.hb }),
    close: async () => {
      for (const socket of Object.values(sockets)) socket.close();
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}

/** The endpoint of one channel: `ip:port` over tcp, `ip-port` over ipc (a free number is picked for port 0, as jupyter_client does). */
function endpointOf(info: ConnectionInfo, channel: ChannelName): Endpoint {
  if (info.transport === "tcp") return { transport: "tcp", host: info.ip === "*" ? "0.0.0.0" : info.ip, port: info.ports[channel] };
  if (info.ports[channel] === 0) {
    const taken = new Set(Object.values(info.ports));
    let port = 1;
    while (taken.has(port) || existsSync(`${info.ip}-${port}`)) port++;
    info.ports[channel] = port;
  }
  return { transport: "ipc", path: `${info.ip}-${info.ports[channel]}` };
}
