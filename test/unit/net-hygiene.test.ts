/** Request hygiene and the per-session bound: what headers leave, which come back, and how slots are handed out. */
import { describe, expect, test } from "bun:test";
import { guestRequestHeaders, redirectHeaders, responseHeaders } from "../../daemon/net/http-headers.ts";
import { auditLine } from "../../daemon/net/net-audit.ts";
import { NetError } from "../../daemon/net/net-error.ts";
import { SessionSlots } from "../../daemon/net/session-slots.ts";

describe("request headers", () => {
  test("hop-by-hop, Host, Content-Length, Expect and Proxy-* are dropped; the rest goes out", () => {
    const out = guestRequestHeaders([
      ["Accept", "application/json"],
      ["Host", "169.254.169.254"],
      ["Connection", "keep-alive, X-Secret-Hop"],
      ["X-Secret-Hop", "1"],
      ["Keep-Alive", "timeout=5"],
      ["Transfer-Encoding", "chunked"],
      ["TE", "trailers"],
      ["Upgrade", "websocket"],
      ["Proxy-Authorization", "Basic eA=="],
      ["Proxy-Connection", "close"],
      ["Content-Length", "999"],
      ["Expect", "100-continue"],
      ["Authorization", "Bearer guest-token"],
      ["X-Custom", "  padded  "],
    ]);
    expect(out).toEqual([
      ["Accept", "application/json"],
      ["Authorization", "Bearer guest-token"],
      ["X-Custom", "padded"],
    ]);
  });

  test("a malformed name or a value with a line break is an invalid request", () => {
    expect(() => guestRequestHeaders([["Bad Name", "x"]])).toThrow(NetError);
    expect(() => guestRequestHeaders([["X-Injected", "a\r\nHost: evil"]])).toThrow(/invalid value for header X-Injected/);
  });

  test("a redirect to another origin drops credentials; one that drops the body drops its headers", () => {
    const headers: [string, string][] = [
      ["Authorization", "Bearer t"],
      ["Cookie", "a=b"],
      ["Content-Type", "application/json"],
      ["Accept", "*/*"],
    ];
    expect(redirectHeaders(headers, false, false)).toEqual(headers);
    expect(redirectHeaders(headers, true, true)).toEqual([["Accept", "*/*"]]);
  });
});

describe("response headers", () => {
  test("after decoding, Content-Encoding and Content-Length are dropped; Set-Cookie stays one per line", () => {
    const headers = new Headers([
      ["content-encoding", "gzip"],
      ["content-length", "123"],
      ["content-type", "text/plain"],
      ["set-cookie", "a=1"],
      ["set-cookie", "b=2"],
    ]);
    const { headers: list, decoded } = responseHeaders(headers);
    expect(decoded).toBe(true);
    expect(list).toEqual([
      ["content-type", "text/plain"],
      ["set-cookie", "a=1"],
      ["set-cookie", "b=2"],
    ]);
  });

  test("an encoding Bun does not decode is passed on with its length", () => {
    const { headers, decoded } = responseHeaders(new Headers([["content-encoding", "compress"], ["content-length", "5"]]));
    expect(decoded).toBe(false);
    expect(headers).toEqual([["content-encoding", "compress"], ["content-length", "5"]]);
  });
});

describe("SessionSlots", () => {
  test("a session gets maxActive slots, then waits in order, then is turned away", async () => {
    const slots = new SessionSlots(2, 1);
    const signal = new AbortController().signal;
    const a = await slots.acquire("s", signal);
    await slots.acquire("s", signal);
    expect(slots.active("s")).toBe(2);
    const waiting = slots.acquire("s", signal);
    await expect(slots.acquire("s", signal)).rejects.toMatchObject({ kind: "busy" });
    // Another session is not held up by this one.
    const other = await slots.acquire("t", signal);
    a();
    a(); // releasing twice frees one slot only
    const c = await waiting;
    expect(slots.active("s")).toBe(2);
    c();
    other();
    expect(slots.active("t")).toBe(0);
  });

  test("a waiter whose signal aborts leaves the queue with the signal's reason", async () => {
    const slots = new SessionSlots(1, 4);
    const release = await slots.acquire("s", new AbortController().signal);
    const controller = new AbortController();
    const waiting = slots.acquire("s", controller.signal);
    controller.abort(new NetError("aborted", "run cancelled"));
    await expect(waiting).rejects.toMatchObject({ kind: "aborted" });
    release();
    expect(slots.active("s")).toBe(0);
  });
});

test("an audit line names session, method, host, address, status, bytes and outcome", () => {
  expect(auditLine({ session: "s1", method: "GET", host: "example.com:443", address: "93.184.215.14", status: 200, bytes: 1256, ms: 41.2, outcome: "complete" })).toBe(
    'net session="s1" GET host=example.com:443 address=93.184.215.14 status=200 bytes=1256 ms=41 outcome=complete',
  );
});
