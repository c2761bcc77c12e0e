/** The stdio transport: JSON-RPC on the process's stdin and stdout (stdout then belongs to the protocol). */
import { FrameWriter } from "../../protocol/wire/frame-writer.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";
import { respondToProblems } from "../../protocol/wire/problem-responder.ts";
import type { TransportEnd } from "../../protocol/wire/linked-pair.ts";

/** Reader and writer over this process's stdin and stdout; the reader closes at stdin EOF. */
export function stdioTransport(maxMessageBytes: number): TransportEnd {
  const writer = new FrameWriter(process.stdout);
  const reader = new BoundedMessageReader(nodeStreamSource(process.stdin), { maxMessageBytes, onProblem: respondToProblems(writer) });
  return { reader, writer };
}
