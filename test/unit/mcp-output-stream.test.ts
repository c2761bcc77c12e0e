/** Streaming a run's output to an MCP client: only what it asked for, coalesced, in order, with progress counting the characters. */
import { describe, expect, test } from "bun:test";
import type { LoggingLevel, ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import { OutputForwarder } from "../../clients/mcp/output-stream.ts";

function forwarder(loggingLevel: LoggingLevel | undefined, progressToken?: string) {
  const sent: ServerNotification[] = [];
  const output = new OutputForwarder({ loggingLevel, progressToken, send: async (n) => void sent.push(n) });
  return { output, sent };
}

describe("OutputForwarder", () => {
  test("a client that asked for nothing gets nothing, and the run needs no listener", async () => {
    const { output, sent } = forwarder(undefined);
    expect(output.wanted).toBe(false);
    output.push("stdout", "hi\n");
    await output.finish();
    expect(sent).toEqual([]);
  });

  test("log messages: stdout at info, stderr at warning, chunks of one stream coalesced, order kept", async () => {
    const { output, sent } = forwarder("debug");
    expect(output.wanted).toBe(true);
    output.push("stdout", "a");
    output.push("stdout", "b");
    output.push("stderr", "oops");
    output.push("stdout", "c");
    await output.finish();
    expect(sent).toEqual([
      { method: "notifications/message", params: { level: "info", logger: "stdout", data: "ab" } },
      { method: "notifications/message", params: { level: "warning", logger: "stderr", data: "oops" } },
      { method: "notifications/message", params: { level: "info", logger: "stdout", data: "c" } },
    ]);
  });

  test("a logging level above info lets only stderr through", async () => {
    const { output, sent } = forwarder("warning");
    output.push("stdout", "quiet");
    output.push("stderr", "loud");
    await output.finish();
    expect(sent.map((n) => (n.params as { logger: string }).logger)).toEqual(["stderr"]);
  });

  test("a progress token gets progress notifications whose progress counts the characters printed so far", async () => {
    const { output, sent } = forwarder(undefined, "tok");
    expect(output.wanted).toBe(true);
    output.push("stdout", "12345");
    output.push("stderr", "678");
    await output.finish();
    expect(sent).toEqual([
      { method: "notifications/progress", params: { progressToken: "tok", progress: 5, message: "12345" } },
      { method: "notifications/progress", params: { progressToken: "tok", progress: 8, message: "678" } },
    ]);
  });

  test("a client that has gone away does not break the run", async () => {
    const output = new OutputForwarder({ loggingLevel: "info", progressToken: undefined, send: async () => Promise.reject(new Error("closed")) });
    output.push("stdout", "x");
    await output.finish();
  });
});
