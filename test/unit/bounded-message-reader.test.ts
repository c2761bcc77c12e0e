/** Framing: the reader delivers good messages and reports, then skips, every kind of bad one. */
import { describe, expect, test } from "bun:test";
import type { Message } from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { BoundedMessageReader, messageBytes, type FramingProblem } from "../../protocol/wire/bounded-message-reader.ts";
import { webStreamSource } from "../../protocol/wire/byte-sources.ts";

function reader(maxMessageBytes = 1024, answer?: (p: FramingProblem) => Promise<void>) {
  const messages: Message[] = [];
  const problems: FramingProblem[] = [];
  let end: () => void = () => {};
  let closed = false;
  const r = new BoundedMessageReader(
    { onData: () => ({ dispose() {} }), onClose: (listener) => void (end = listener), onError() {} },
    {
      maxMessageBytes,
      onProblem: (p) => {
        problems.push(p);
        return answer?.(p);
      },
    },
  );
  r.onClose(() => void (closed = true));
  r.listen((m) => messages.push(m));
  const feed = (text: string | Uint8Array) => r.onData(typeof text === "string" ? new TextEncoder().encode(text) : text);
  const frame = (body: string) => `Content-Length: ${new TextEncoder().encode(body).length}\r\n\r\n${body}`;
  return { messages, problems, feed, frame, end: () => end(), closed: () => closed, reader: r };
}

const ping = '{"jsonrpc":"2.0","id":1,"method":"daemon/info","params":{}}';

describe("BoundedMessageReader", () => {
  test("delivers a message split across many chunks, byte by byte", () => {
    const { messages, problems, feed, frame } = reader();
    for (const byte of new TextEncoder().encode(frame(ping))) feed(new Uint8Array([byte]));
    expect(problems).toEqual([]);
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("delivers two messages that arrive in one chunk, in order", () => {
    const { messages, feed, frame } = reader();
    feed(frame(ping) + frame(ping.replace('"id":1', '"id":2')));
    expect(messages.map((m) => (m as unknown as { id: number }).id)).toEqual([1, 2]);
  });

  test("counts Content-Length in bytes, not characters", () => {
    const { messages, feed, frame } = reader();
    const body = '{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"print(\'héllo ✓\')"}}';
    feed(frame(body));
    expect((messages[0] as unknown as { params: { code: string } }).params.code).toBe("print('héllo ✓')");
  });

  test("invalid JSON is a parse error naming JSON, and the next message still arrives", () => {
    const { messages, problems, feed, frame } = reader();
    feed(frame("{not json") + frame(ping));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe(JsonRpcErrorCodes.ParseError);
    expect(problems[0]!.message).toContain("not valid JSON");
    expect(messages).toHaveLength(1);
  });

  test("invalid UTF-8 is a parse error", () => {
    const { problems, feed } = reader();
    feed(new Uint8Array([...new TextEncoder().encode("Content-Length: 2\r\n\r\n"), 0xff, 0xfe]));
    expect(problems[0]!.message).toContain("UTF-8");
  });

  test("a batch (JSON array) is an invalid request, not a crash", () => {
    const { problems, feed, frame } = reader();
    feed(frame(`[${ping}]`));
    expect(problems[0]!.code).toBe(JsonRpcErrorCodes.InvalidRequest);
    expect(problems[0]!.message).toContain("batch");
  });

  test("an object that is not JSON-RPC keeps its id in the error", () => {
    const { problems, feed, frame } = reader();
    feed(frame('{"jsonrpc":"1.0","id":42,"method":"x"}'));
    expect(problems[0]).toMatchObject({ id: 42, code: JsonRpcErrorCodes.InvalidRequest });
    expect(problems[0]!.message).toContain('"jsonrpc" must be "2.0"');
  });

  test("a message over the limit is reported with its size and skipped, even when it arrives in pieces", () => {
    const { messages, problems, feed, frame } = reader(100);
    const big = `{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"${"x".repeat(500)}"}}`;
    const bytes = new TextEncoder().encode(frame(big) + frame(ping));
    for (let i = 0; i < bytes.length; i += 37) feed(bytes.subarray(i, i + 37));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe(WomaErrorCodes.MessageTooLarge);
    expect(problems[0]!.message).toContain("limit of 100 bytes");
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("a message over the limit is answered with its own id, found as it streams past, even when the id comes last", () => {
    const { messages, problems, feed, frame } = reader(100);
    const big = `{"jsonrpc":"2.0","method":"files/write","params":{"content":"${"x".repeat(500)}"},"id":"late-id"}`;
    const bytes = new TextEncoder().encode(frame(big) + frame(ping));
    for (let i = 0; i < bytes.length; i += 41) feed(bytes.subarray(i, i + 41));
    expect(problems).toEqual([expect.objectContaining({ id: "late-id", code: WomaErrorCodes.MessageTooLarge })]);
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("limitInput refuses a message from its declared length before reading it, with the refusal's data, and lets the next one through", () => {
    const { messages, problems, feed, frame, reader: r } = reader(1_000_000);
    r.limitInput((bytes) => (bytes > 200 ? { code: WomaErrorCodes.PoolBusy, message: `${bytes} bytes would pass --max-pending-input`, data: { bound: "--max-pending-input" } } : undefined));
    const big = `{"jsonrpc":"2.0","id":7,"method":"files/write","params":{"content":"${"x".repeat(300)}"}}`;
    feed(frame(big) + frame(ping));
    expect(problems).toEqual([{ id: 7, code: WomaErrorCodes.PoolBusy, message: `${big.length} bytes would pass --max-pending-input`, data: { bound: "--max-pending-input" } }]);
    expect(messages).toEqual([JSON.parse(ping)]);
    expect(messageBytes(messages[0]!)).toBe(ping.length);
  });

  test("a refused message is answered as soon as its id has streamed past, not when its body ends", () => {
    const { problems, feed, end, reader: r } = reader(1_000_000);
    r.limitInput(() => ({ code: WomaErrorCodes.PoolBusy, message: "refused" }));
    feed('Content-Length: 5000\r\n\r\n{"jsonrpc":"2.0","id":9,');
    expect(problems).toEqual([{ id: 9, code: WomaErrorCodes.PoolBusy, message: "refused" }]);
    end();
    expect(problems).toHaveLength(1);
  });

  test("a refused message cut off by the end of the input before its id is still answered", () => {
    const { problems, feed, end, reader: r } = reader(1_000_000);
    r.limitInput(() => ({ code: WomaErrorCodes.PoolBusy, message: "refused" }));
    feed('Content-Length: 5000\r\n\r\n{"jsonrpc":"2.0",');
    expect(problems).toEqual([]);
    end();
    expect(problems).toEqual([{ id: null, code: WomaErrorCodes.PoolBusy, message: "refused" }]);
  });

  test("a refused body whose id is not in its first 64 KiB is answered without it there, and the rest streams past unread", () => {
    const { messages, problems, feed, frame, reader: r } = reader(10_000_000);
    r.limitInput((bytes) => (bytes > 1000 ? { code: WomaErrorCodes.PoolBusy, message: "refused" } : undefined));
    const big = `{"jsonrpc":"2.0","method":"files/write","params":{"content":"${"x".repeat(200_000)}"},"id":"late"}`;
    const bytes = new TextEncoder().encode(frame(big));
    feed(bytes.subarray(0, 70_000));
    expect(problems).toEqual([{ id: null, code: WomaErrorCodes.PoolBusy, message: "refused" }]);
    feed(bytes.subarray(70_000));
    feed(frame(ping));
    expect(problems).toHaveLength(1);
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("a header without Content-Length is reported and dropped", () => {
    const { messages, problems, feed, frame } = reader();
    feed(`Content-Type: application/json\r\n\r\n${frame(ping)}`);
    expect(problems[0]!.message).toContain("no valid Content-Length");
    expect(messages).toHaveLength(1);
  });

  test("endless bytes without a header end are dropped once past 8 KiB", () => {
    const { problems, feed } = reader();
    feed("x".repeat(9000));
    expect(problems[0]!.message).toContain("longer than 8192 bytes");
  });

  test("a message left incomplete at the end of the input is answered, and close waits for the answer", async () => {
    let written!: () => void;
    const { problems, feed, end, closed } = reader(1024, () => new Promise<void>((resolve) => (written = resolve)));
    feed('Content-Length: 80\r\n\r\n{"jsonrpc":"2.0"');
    end();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe(JsonRpcErrorCodes.ParseError);
    expect(problems[0]!.message).toContain("the input ended 16 bytes into a message body of 80 bytes");
    await Bun.sleep(1);
    expect(closed()).toBe(false);
    written();
    await Bun.sleep(1);
    expect(closed()).toBe(true);
  });

  test("stray bytes at the end of the input are answered; trailing blank lines are not", () => {
    const stray = reader();
    stray.feed('de":"1+1"}}');
    stray.end();
    expect(stray.problems[0]!.message).toContain('the input ended with 11 bytes that are not a whole message ("de\\":\\"1+1\\"}}")');
    const blank = reader();
    blank.feed(blank.frame(ping) + "\r\n\r\n");
    blank.end();
    expect(blank.problems).toEqual([]);
  });

  test("a Content-Length too small: the body's tail is skipped and the next frame is read", () => {
    const { messages, problems, feed, frame } = reader();
    const body = '{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"1+1"}}';
    feed(`Content-Length: 59\r\n\r\n${body}` + frame(ping));
    expect(problems.map((p) => p.code)).toEqual([JsonRpcErrorCodes.ParseError, JsonRpcErrorCodes.ParseError]);
    expect(problems[1]!.message).toContain("11 bytes before a Content-Length header were not a message");
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("a Content-Length too large: a next frame swallowed whole is read again from its header", () => {
    const { messages, problems, feed, frame } = reader();
    const next = frame(ping);
    feed(`Content-Length: ${5 + next.length}\r\n\r\n{bad}` + next);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain("not valid JSON");
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("a Content-Length too large that swallows part of the next frame loses that frame, and only it", () => {
    const { messages, feed, frame } = reader();
    const second = ping.replace('"id":1', '"id":2');
    feed(`Content-Length: 30\r\n\r\n{bad}` + frame(ping) + frame(second));
    expect(messages).toEqual([JSON.parse(second)]);
  });

  test("a whole frame inside a body is only taken when it ends inside that body", () => {
    const { messages, feed, frame } = reader();
    // The body's own length is right; the header inside it announces more than the body holds.
    feed(frame('{"a": Content-Length: 3\r\n\r\n}') + frame(ping));
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("a whole frame inside a body is read again, but a header after it that the body cannot complete is dropped (fuzz seed 1694356495)", () => {
    const { messages, problems, feed, frame } = reader();
    // The inner frame ('":"') ends inside the body; the second header announces 3 bytes the body does not hold,
    // so it must not take them from the client's next message.
    feed(frame('{"x":"a Content-Length: 3\r\n\r\n":"fuzz"}}Content-Length: 3\r\n\r\n') + frame(ping));
    expect(messages).toEqual([JSON.parse(ping)]);
    // The outer body is not JSON; the inner frame's body is a JSON string, not a request.
    expect(problems.map((p) => p.code)).toEqual([JsonRpcErrorCodes.ParseError, JsonRpcErrorCodes.InvalidRequest]);
  });

  test("garbage past 8 KiB keeps the header that follows it in the same chunk", () => {
    const { messages, problems, feed, frame } = reader();
    feed("x".repeat(9000) + frame(ping).slice(0, 30));
    feed(frame(ping).slice(30));
    expect(problems).toHaveLength(1);
    expect(messages).toEqual([JSON.parse(ping)]);
  });

  test("a listener that throws does not stop the rest of the chunk", () => {
    const delivered: number[] = [];
    const errors: Error[] = [];
    const r = new BoundedMessageReader({ onData: () => ({ dispose() {} }), onClose() {}, onError() {} }, { maxMessageBytes: 1024, onProblem: () => {} });
    r.onError((error) => void errors.push(error as Error));
    r.listen((m) => {
      const id = (m as unknown as { id: number }).id;
      if (id === 1) throw new Error("boom");
      delivered.push(id);
    });
    const frame = (body: string) => `Content-Length: ${body.length}\r\n\r\n${body}`;
    r.onData(new TextEncoder().encode(frame(ping) + frame(ping.replace('"id":1', '"id":2'))));
    expect(delivered).toEqual([2]);
    expect(errors[0]!.message).toBe("boom");
  });
});

describe("webStreamSource (how a runner reads the daemon)", () => {
  const frame = (value: object) => {
    const body = JSON.stringify(value);
    return new TextEncoder().encode(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };

  test("messages split across chunks arrive whole; the end of the stream closes the reader", async () => {
    const bytes = new Uint8Array([...frame({ jsonrpc: "2.0", id: 1, method: "a" }), ...frame({ jsonrpc: "2.0", method: "b", params: { é: 1 } })]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.subarray(at, at + 7));
        controller.close();
      },
    });
    const reader = new BoundedMessageReader(webStreamSource(stream), { maxMessageBytes: 1 << 20, onProblem: () => {} });
    const got: Message[] = [];
    const closed = new Promise<void>((resolve) => reader.onClose(() => resolve()));
    reader.listen((m) => got.push(m));
    await closed;
    expect(got.map((m) => (m as { method?: string }).method)).toEqual(["a", "b"]);
  });

  test("pause stops reading until resume; a read error is reported and closes the reader", async () => {
    let pulls = 0;
    let fail = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          if (fail) controller.error(new Error("the channel broke"));
          else controller.enqueue(frame({ jsonrpc: "2.0", method: `m${pulls}` }));
        },
      },
      { highWaterMark: 0 },
    );
    const source = webStreamSource(stream);
    const seen: string[] = [];
    source.onData((chunk) => {
      seen.push(new TextDecoder().decode(chunk));
      if (seen.length === 2) source.pause?.();
    });
    const errors: string[] = [];
    source.onError((error) => void errors.push(error.message));
    const closed = new Promise<void>((resolve) => source.onClose(resolve));
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toHaveLength(2);
    fail = true;
    source.resume?.();
    await closed;
    expect(errors).toEqual(["the channel broke"]);
  });
});
