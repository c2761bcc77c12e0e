/** Answers messages that could not be read (bad JSON, too large, not JSON-RPC) with a JSON-RPC error. */
import type { Message, MessageWriter } from "vscode-jsonrpc";
import type { FramingProblem } from "./bounded-message-reader.ts";

/**
 * Returns an `onProblem` callback that writes an error response for each problem to
 * `writer`, and returns the write, so the reader can wait for it before it closes.
 */
export function respondToProblems(writer: MessageWriter): (problem: FramingProblem) => Promise<void> {
  return (problem) => {
    const error = problem.data === undefined ? { code: problem.code, message: problem.message } : { code: problem.code, message: problem.message, data: problem.data };
    const response = { jsonrpc: "2.0", id: problem.id, error };
    return writer.write(response as unknown as Message).catch(() => {
      // The peer is gone; there is nobody left to tell.
    });
  };
}
