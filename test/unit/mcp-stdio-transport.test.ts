/** The MCP stdio transport: an over-long line is answered (with its request's id) and the transport carries on. */
import { describe, expect, test } from "bun:test";
import { PassThrough } from "node:stream";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { RequestIdScanner } from "../../protocol/wire/request-id-scanner.ts";
import { BoundedStdioServerTransport } from "../../clients/mcp/stdio-transport.ts";

function scan(text: string, chunk = 7): string | number | null {
  const scanner = new RequestIdScanner();
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += chunk) scanner.push(bytes.subarray(i, i + chunk));
  return scanner.id;
}

describe("RequestIdScanner", () => {
  test("finds the top-level id wherever it is, in any chunking", () => {
    expect(scan('{"jsonrpc":"2.0","id":42,"method":"x"}')).toBe(42);
    expect(scan('{"method":"tools/call","params":{"id":7,"arguments":{"code":"id = 3"}},"jsonrpc":"2.0","id":"req-é"}', 1)).toBe("req-é");
    expect(scan('{ "id" : -3 }')).toBe(-3);
    expect(scan('{"params":{"text":"\\"id\\": 5"},"id":6}')).toBe(6);
  });

  test("gives null when there is no usable id", () => {
    expect(scan('{"jsonrpc":"2.0","method":"notifications/x"}')).toBeNull();
    expect(scan('[{"id":1}]')).toBeNull();
    expect(scan('{"id":null}')).toBeNull();
    expect(scan('{"id":{"a":1}}')).toBeNull();
  });
});

function transport(limit: number) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const t = new BoundedStdioServerTransport(stdin, stdout, limit);
  const received: JSONRPCMessage[] = [];
  const sent: Array<Record<string, unknown>> = [];
  let out = "";
  stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    let end: number;
    while ((end = out.indexOf("\n")) >= 0) {
      sent.push(JSON.parse(out.slice(0, end)) as Record<string, unknown>);
      out = out.slice(end + 1);
    }
  });
  t.onmessage = (m) => void received.push(m);
  t.onerror = () => {};
  let closed = false;
  t.onclose = () => void (closed = true);
  return { t, stdin, received, sent, closed: () => closed };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Bun.sleep(1);
}

describe("BoundedStdioServerTransport", () => {
  test("a line over the limit is answered with its id, not buffered, and the next line is read", async () => {
    const { t, stdin, received, sent, closed } = transport(1000);
    await t.start();
    const big = JSON.stringify({ method: "tools/call", params: { name: "run_python", arguments: { code: "x".repeat(50_000) } }, jsonrpc: "2.0", id: 9 });
    for (let i = 0; i < big.length; i += 4096) stdin.write(big.slice(i, i + 4096));
    stdin.write('\n{"jsonrpc":"2.0","id":10,"method":"ping"}\n');
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: 9, error: { code: -32600 } });
    expect((sent[0]!.error as { message: string }).message).toContain(`this message is ${big.length} bytes, larger than this server's limit of 1000 bytes (--max-message-bytes)`);
    expect((sent[0]!.error as { message: string }).message).toContain("Send large data another way");
    expect(received).toEqual([{ jsonrpc: "2.0", id: 10, method: "ping" }]);
    expect(closed()).toBe(false);
  });

  test("a line that is not JSON gets a parse error; one that is not JSON-RPC an invalid request with its id", async () => {
    const { t, stdin, received, sent } = transport(1000);
    await t.start();
    stdin.write('{oops\n{"jsonrpc":"1.0","id":3,"method":"x"}\n{"jsonrpc":"2.0","id":4,"method":"ping"}\n');
    await settle();
    expect(sent.map((m) => [m.id, (m.error as { code: number }).code])).toEqual([
      [null, -32700],
      [3, -32600],
    ]);
    expect(received).toHaveLength(1);
  });

  test("a line exactly at the limit is read; blank lines and CRLF are tolerated", async () => {
    const line = '{"jsonrpc":"2.0","id":1,"method":"ping"}';
    const { t, stdin, received, sent } = transport(line.length);
    await t.start();
    stdin.write(`\n${line}\n\n`);
    await settle();
    expect(sent).toEqual([]);
    expect(received).toHaveLength(1);
    const crlf = transport(1000);
    await crlf.t.start();
    crlf.stdin.write(`${line}\r\n`);
    await settle();
    expect(crlf.received).toHaveLength(1);
  });
});
