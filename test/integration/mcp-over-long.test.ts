/**
 * MCP over-long input (issue 16): a message over `--max-message-bytes` gets a JSON-RPC error
 * that tells the model to send large data another way, with the id of the request it
 * answers, and `woma mcp` stays up with its sessions. Through the real MCP SDK client and a
 * raw stdio client; over Streamable HTTP, a body over the limit gets the same error as a 413.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn, type ChildProcess } from "node:child_process";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { waitFor } from "../harness/paths.ts";
import { mcpArgs, runPython, startHttpMcp, startStdioMcp, textOf, type HttpMcp, type StdioMcp } from "../harness/start-mcp.ts";

const LIMIT = 1024 * 1024;
const LIMIT_FLAGS = ["--max-message-bytes", String(LIMIT)];
/** Over the limit, and under twice it (past which Bun refuses an HTTP body before woma sees it). */
const bigCode = () => `data = "${"x".repeat(1.5 * LIMIT)}"`;

describe("woma mcp on stdio, through the MCP SDK client", () => {
  let mcp: StdioMcp;
  let client: Client;
  beforeAll(async () => {
    mcp = await startStdioMcp(LIMIT_FLAGS);
    client = mcp.client;
  });
  afterAll(async () => {
    await client?.close();
  });

  test("a tool call over the limit is an error naming the limit and the way out; the server and its session stay", async () => {
    expect((await runPython(client, { code: "kept = 41", session: "main" })).isError).toBeUndefined();
    const error = await runPython(client, { code: bigCode(), session: "main" }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain(`larger than this server's limit of ${LIMIT} bytes (--max-message-bytes)`);
    expect(error?.message).toContain("Send large data another way");
    const after = await runPython(client, { code: "kept + 1", session: "main" });
    expect(textOf(after)).toContain("42");
  });
});

/** A raw line-by-line MCP client on a spawned `woma mcp`. */
function rawMcp(extra: string[]): { child: ChildProcess; send(line: string): void; lines: Array<Record<string, unknown>>; stderr(): string } {
  const child = spawn(process.execPath, mcpArgs(extra), { stdio: ["pipe", "pipe", "pipe"] });
  const lines: Array<Record<string, unknown>> = [];
  let buffer = "";
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      lines.push(JSON.parse(buffer.slice(0, end)) as Record<string, unknown>);
      buffer = buffer.slice(end + 1);
    }
  });
  return { child, send: (line) => void child.stdin!.write(`${line}\n`), lines, stderr: () => stderr };
}

describe("woma mcp on stdio, through a raw client", () => {
  test("an over-long line, a non-JSON line and a bad message are answered; the next call works and the session is kept", async () => {
    const mcp = rawMcp(LIMIT_FLAGS);
    const answer = async (id: number, what: string) => {
      await waitFor(`${what} (id ${id}); woma mcp stderr: ${mcp.stderr().slice(-500)}`, () => mcp.lines.some((l) => l.id === id), 60_000);
      return mcp.lines.find((l) => l.id === id)!;
    };
    try {
      mcp.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } }));
      await answer(1, "the initialize result");
      mcp.send('{"jsonrpc":"2.0","method":"notifications/initialized"}');
      const call = (id: number, code: string) => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "run_python", arguments: { code, session: "main" } } });
      mcp.send(call(2, "kept = 41"));
      expect((await answer(2, "the first call")).result).toMatchObject({ structuredContent: { status: "success" } });
      mcp.send(call(3, bigCode()));
      const tooLong = await answer(3, "the over-long call");
      expect(tooLong).toMatchObject({ error: { code: -32600 } });
      expect((tooLong.error as { message: string }).message).toContain("Send large data another way");
      mcp.send("{this is not json");
      await waitFor("the parse error", () => mcp.lines.some((l) => (l.error as { code?: number } | undefined)?.code === -32700), 10_000);
      mcp.send(call(4, "kept + 1"));
      expect(JSON.stringify(await answer(4, "the call after"))).toContain("42");
      expect(mcp.child.exitCode).toBeNull();
    } finally {
      mcp.child.kill("SIGTERM");
    }
  });
});

describe("woma mcp over Streamable HTTP", () => {
  let http: HttpMcp;
  beforeAll(async () => {
    http = await startHttpMcp(LIMIT_FLAGS);
  });
  afterAll(async () => {
    await http?.stop();
  });

  test("a body over the limit is a 413 with the same advice; the session goes on", async () => {
    const { client, transport } = await http.connect();
    try {
      expect((await runPython(client, { code: "kept = 41", session: "main" })).isError).toBeUndefined();
      const response = await fetch(http.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-session-id": transport.sessionId! },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "run_python", arguments: { code: bigCode() } } }),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain("Send large data another way");
      expect(textOf(await runPython(client, { code: "kept + 1", session: "main" }))).toContain("42");
    } finally {
      await client.close();
    }
  });
});
