/** Answers messages that could not be read (bad JSON, too large, not JSON-RPC) with a JSON-RPC error. */
import type { Message, MessageWriter } from "vscode-jsonrpc";
import type { FramingProblem } from "./bounded-message-reader.ts";

/** Returns an `onProblem` callback that writes an error response for each problem to `writer`. */
export function respondToProblems(writer: MessageWriter): (problem: FramingProblem) => void {
  return (problem) => {
    const response = { jsonrpc: "2.0", id: problem.id, error: { code: problem.code, message: problem.message } };
    writer.write(response as unknown as Message).catch(() => {
      // The peer is gone; there is nobody left to tell.
    });
  };
}
