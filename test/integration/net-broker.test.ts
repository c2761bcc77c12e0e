/**
 * The network broker in-process against HTTP and HTTPS servers on 127.0.0.1, named by --allow-net.
 * Every dial goes through a guard that throws for any address outside 127.0.0.0/8 and ::1, so
 * even a broken policy cannot send a packet elsewhere; the guard also records what was dialled.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server as HttpsServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { gzipSync } from "node:zlib";
import { NetBroker } from "../../daemon/net/broker.ts";
import type { NetBrokerOptions, NetResponse } from "../../daemon/net/net-request.ts";
import { NetError } from "../../daemon/net/net-error.ts";
import { parseNetPolicy, type NetMode } from "../../daemon/net/net-policy.ts";
import type { Resolver } from "../../daemon/net/resolve.ts";

const MiB = 1024 * 1024;
const TLS_NAME = "test.woma.local";

// ---- the dial guard -------------------------------------------------------------------------

const dialled: string[] = [];
const realFetch = globalThis.fetch;

function isLoopback(host: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]";
}

beforeAll(() => {
  const guarded = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    dialled.push(url.host);
    if (!isLoopback(url.hostname)) throw new Error(`test guard: refusing to dial ${url.hostname}, outside loopback`);
    return realFetch(input, init);
  };
  globalThis.fetch = Object.assign(guarded, { preconnect: realFetch.preconnect }) as typeof fetch;
});

afterAll(() => {
  globalThis.fetch = realFetch;
});

// ---- the servers --------------------------------------------------------------------------

const pattern = new Uint8Array(64 * 1024).map((_, i) => i % 256);
let holds = 0;
const heldBodies: ReadableStreamDefaultController<Uint8Array>[] = [];
const bomb = gzipSync(new Uint8Array(16 * MiB));

const block = new Uint8Array(256 * 1024).map((_, i) => i % 256);

/** A body of `bytes` bytes (a multiple of 256 KiB) where byte i is i % 256, produced as the reader pulls. */
function patternStream(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(block);
      sent += block.length;
    },
  });
}

const http = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  idleTimeout: 0,
  async fetch(req) {
    const url = new URL(req.url);
    const [, route, arg] = url.pathname.split("/");
    switch (route) {
      case "echo":
        return Response.json({ method: req.method, headers: [...req.headers], body: await req.text(), path: url.pathname + url.search });
      case "status":
        return new Response(`status ${arg}`, { status: Number(arg) });
      case "big":
        return new Response(patternStream(Number(arg) * MiB), { headers: { "content-type": "application/octet-stream" } });
      case "sized":
        return new Response(new Uint8Array(Number(arg) * MiB));
      case "gzip-bomb":
        return new Response(bomb, { headers: { "content-encoding": "gzip" } });
      case "hang":
        return new Promise<Response>(() => {});
      case "hold":
        // Headers at once, one chunk, then nothing until the test lets go.
        holds++;
        return new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(pattern);
              heldBodies.push(controller);
            },
          }),
        );
      case "redirect": {
        const n = Number(arg);
        return new Response(null, { status: 302, headers: { location: n > 1 ? `/redirect/${n - 1}` : "/echo/done" } });
      }
      case "see-other":
        return new Response(null, { status: 303, headers: { location: "/echo/after-303" } });
      case "loop":
        return new Response(null, { status: 307, headers: { location: "/loop" } });
      case "to":
        // Redirect to whatever the query says, e.g. /to?http://169.254.169.254/
        return new Response(null, { status: 302, headers: { location: decodeURIComponent(url.search.slice(1)) } });
      default:
        return new Response("no such route", { status: 404 });
    }
  },
});
const base = `http://127.0.0.1:${http.port}`;

let dir: string;
let caFile: string;
let https: HttpsServer;
let httpsPort: number;

function openssl(args: string[]): void {
  const result = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
}

beforeAll(async () => {
  // A throwaway CA and a certificate for test.woma.local, made fresh for this run.
  dir = mkdtempSync(join(tmpdir(), "woma-net-test-"));
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=woma test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", `/CN=${TLS_NAME}`]);
  writeFileSync(join(dir, "ext.cnf"), `subjectAltName=DNS:${TLS_NAME}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl(["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "ext.cnf"]);
  caFile = join(dir, "ca.pem");
  https = createServer({ cert: await Bun.file(join(dir, "leaf.pem")).text(), key: await Bun.file(join(dir, "leaf.key")).text() }, (req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ sni: (req.socket as TLSSocket).servername, host: req.headers.host, path: req.url }));
  });
  await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
  httpsPort = (https.address() as { port: number }).port;
});

afterAll(() => {
  for (const body of heldBodies) {
    try {
      body.close();
    } catch {
      // Already closed: the broker cancelled that body.
    }
  }
  http.stop(true);
  https?.close();
  https?.closeAllConnections();
  rmSync(dir, { recursive: true, force: true });
});

// ---- helpers ------------------------------------------------------------------------------

/** A made-up DNS: the TLS names map to 127.0.0.1; anything else does not resolve. */
const resolverCalls: string[] = [];
const testResolver: Resolver = async (host) => {
  resolverCalls.push(host);
  if (host === TLS_NAME || host === "other.woma.local") return ["127.0.0.1"];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
};

interface Harness {
  broker: NetBroker;
  audit: string[];
}

function makeBroker(options: Partial<NetBrokerOptions> & { mode?: NetMode; allow?: string[]; deny?: string[] } = {}): Harness {
  const audit: string[] = [];
  const { mode = "public", allow = [`127.0.0.1:${http.port}`], deny = [], ...rest } = options;
  const broker = new NetBroker(parseNetPolicy(mode, allow, deny), {
    maxResponseBytes: 64 * MiB,
    resolver: testResolver,
    log: (_level, message) => audit.push(message),
    ...rest,
  });
  return { broker, audit };
}

async function text(response: NetResponse): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of response.body) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}

async function rejection(promise: Promise<unknown>): Promise<NetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NetError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

const ctx = { session: "s1" };

// ---- the tests ----------------------------------------------------------------------------

describe("plain requests", () => {
  test("GET returns status, headers and body, and is audited", async () => {
    const { broker, audit } = makeBroker();
    const response = await broker.open({ url: `${base}/echo/hello?x=1` }, ctx);
    expect(response.status).toBe(200);
    expect(response.address).toBe("127.0.0.1");
    expect(response.redirected).toBe(false);
    expect(response.headers).toContainEqual(["content-type", "application/json;charset=utf-8"]);
    const echoed = JSON.parse(await text(response));
    expect(echoed).toMatchObject({ method: "GET", path: "/echo/hello?x=1" });
    expect(audit).toEqual([expect.stringMatching(new RegExp(`^net session="s1" GET host=127.0.0.1:${http.port} address=127.0.0.1 status=200 bytes=\\d+ ms=\\d+ outcome=complete$`))]);
    expect(broker.inFlight("s1")).toBe(0);
  });

  test("POST sends its body and the guest's headers, less Host and Proxy-*", async () => {
    const { broker } = makeBroker();
    const response = await broker.open(
      {
        url: `${base}/echo`,
        method: "POST",
        headers: [
          ["Content-Type", "application/json"],
          ["X-Trace", "abc"],
          ["Host", "169.254.169.254"],
          ["Proxy-Authorization", "Basic eA=="],
        ],
        body: new TextEncoder().encode('{"a":1}'),
      },
      ctx,
    );
    const echoed = JSON.parse(await text(response)) as { method: string; body: string; headers: [string, string][] };
    expect(echoed.method).toBe("POST");
    expect(echoed.body).toBe('{"a":1}');
    const headers = new Map(echoed.headers);
    expect(headers.get("host")).toBe(`127.0.0.1:${http.port}`);
    expect(headers.get("x-trace")).toBe("abc");
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.has("proxy-authorization")).toBe(false);
  });

  test("error statuses are responses, not errors", async () => {
    const { broker } = makeBroker();
    const reasons: Record<number, string> = { 201: "Created", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable" };
    for (const [status, reason] of Object.entries(reasons)) {
      const response = await broker.open({ url: `${base}/status/${status}` }, ctx);
      expect([response.status, response.statusText, await text(response)]).toEqual([Number(status), reason, `status ${status}`]);
    }
  });

  test("a malformed request is refused before anything is sent", async () => {
    const { broker } = makeBroker();
    expect((await rejection(broker.open({ url: `${base}/echo`, method: "GET", body: new Uint8Array(1) }, ctx))).kind).toBe("invalid");
    expect((await rejection(broker.open({ url: `${base}/echo`, method: "CONNECT" }, ctx))).kind).toBe("invalid");
    expect((await rejection(broker.open({ url: `${base}/echo`, headers: [["X-A", "1\r\nX-B: 2"]] }, ctx))).kind).toBe("invalid");
    // What a broken or hostile runner might send: wrong types fail as `invalid`, naming the field.
    const malformed: [unknown, string][] = [
      [{ url: 42 }, "request field url must be a string"],
      [{ url: `${base}/echo`, headers: { accept: "*/*" } }, "request field headers must be a list of [name, value] string pairs"],
      [{ url: `${base}/echo`, method: "POST", body: "text" }, "request field body must be bytes (Uint8Array)"],
      [{ url: `${base}/echo`, redirect: "always" }, 'request field redirect must be "manual" or "follow"'],
      [null, "request field (the request) must be an object"],
    ];
    for (const [request, message] of malformed) {
      const error = await rejection(broker.open(request as never, ctx));
      expect([error.kind, error.message]).toEqual(["invalid", message]);
    }
    expect(broker.inFlight("s1")).toBe(0);
  });

  test("IPv6 loopback works when allowed", async () => {
    const v6 = Bun.serve({ hostname: "::1", port: 0, fetch: () => new Response("over ::1") });
    try {
      const { broker } = makeBroker({ allow: [`[::1]:${v6.port}`] });
      const response = await broker.open({ url: `http://[::1]:${v6.port}/` }, ctx);
      expect([response.address, await text(response)]).toEqual(["::1", "over ::1"]);
    } finally {
      v6.stop(true);
    }
  });

  test("a port with no server is a connect error naming host and address", async () => {
    const { broker } = makeBroker({ allow: ["127.0.0.1:1"] });
    const error = await rejection(broker.open({ url: "http://127.0.0.1:1/" }, ctx));
    expect(error.kind).toBe("connect");
    expect(error.message).toContain("127.0.0.1");
  });

  test("a name that does not resolve is a dns error", async () => {
    const { broker } = makeBroker({ allow: ["nowhere.woma.local"] });
    const error = await rejection(broker.open({ url: "http://nowhere.woma.local/" }, ctx));
    expect([error.kind, error.message]).toEqual(["dns", "cannot resolve nowhere.woma.local (ENOTFOUND)"]);
  });
});

describe("the policy inside the broker", () => {
  test("loopback is refused by default, with the rule named, audited, and never dialled", async () => {
    const { broker, audit } = makeBroker({ allow: [] });
    const before = dialled.length;
    const error = await rejection(broker.open({ url: `${base}/echo` }, ctx));
    expect(error.message).toBe(`network policy refuses 127.0.0.1 (loopback); to allow it, start woma with --allow-net 127.0.0.1:${http.port} (a rule for localhost does not cover this address)`);
    expect(dialled.length).toBe(before);
    expect(audit).toEqual([expect.stringContaining(`host=127.0.0.1:${http.port} address=127.0.0.1 ms=`)]);
    expect(audit[0]).toContain('outcome=refused error="network policy refuses 127.0.0.1 (loopback); to allow it');
  });

  test("--net off refuses a name without resolving it", async () => {
    const { broker } = makeBroker({ mode: "off", allow: [] });
    const calls = resolverCalls.length;
    const error = await rejection(broker.open({ url: `https://${TLS_NAME}/` }, ctx));
    expect(error.message).toBe(`network policy refuses ${TLS_NAME} (--net off); to allow it, start woma with --allow-net ${TLS_NAME}:443`);
    expect(resolverCalls.length).toBe(calls);
  });

  test("a name that resolves to loopback is refused unless named", async () => {
    const { broker } = makeBroker({ allow: [] });
    const error = await rejection(broker.open({ url: `https://${TLS_NAME}:${httpsPort}/` }, ctx));
    expect(error.message).toBe(`network policy refuses ${TLS_NAME} at 127.0.0.1 (loopback); to allow it, start woma with --allow-net ${TLS_NAME}:${httpsPort}`);
  });
});

describe("HTTPS to the checked address, verified against the original name", () => {
  test("SNI and Host carry the name while the connection goes to the checked address", async () => {
    const { broker } = makeBroker({ allow: [TLS_NAME], caFile });
    const before = dialled.length;
    const response = await broker.open({ url: `https://${TLS_NAME}:${httpsPort}/path` }, ctx);
    expect(response.url).toBe(`https://${TLS_NAME}:${httpsPort}/path`);
    expect(JSON.parse(await text(response))).toEqual({ sni: TLS_NAME, host: `${TLS_NAME}:${httpsPort}`, path: "/path" });
    expect(dialled.slice(before)).toEqual([`127.0.0.1:${httpsPort}`]);
  });

  test("a certificate for another name fails, even with a verified connection to the same address pooled", async () => {
    const { broker } = makeBroker({ allow: [TLS_NAME, "other.woma.local"], caFile });
    await text(await broker.open({ url: `https://${TLS_NAME}:${httpsPort}/` }, ctx));
    const error = await rejection(broker.open({ url: `https://other.woma.local:${httpsPort}/` }, ctx));
    expect(error.kind).toBe("tls");
    expect(error.message).toContain("ERR_TLS_CERT_ALTNAME_INVALID");
  });

  test("NODE_TLS_REJECT_UNAUTHORIZED=0 in the daemon's environment does not switch verification off", async () => {
    const { broker } = makeBroker({ allow: [TLS_NAME] });
    const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
    try {
      expect((await rejection(broker.open({ url: `https://${TLS_NAME}:${httpsPort}/` }, ctx))).kind).toBe("tls");
    } finally {
      if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
    }
  });

  test("without --ca-file the private CA is not trusted", async () => {
    const { broker } = makeBroker({ allow: [TLS_NAME] });
    const error = await rejection(broker.open({ url: `https://${TLS_NAME}:${httpsPort}/` }, ctx));
    expect(error.kind).toBe("tls");
  });
});

describe("bodies and limits", () => {
  test("a 20 MB download arrives whole, in chunks of at most 64 KiB", async () => {
    const { broker, audit } = makeBroker();
    const response = await broker.open({ url: `${base}/big/20` }, ctx);
    let bytes = 0;
    let largest = 0;
    let wrong = 0;
    for await (const chunk of response.body) {
      largest = Math.max(largest, chunk.length);
      for (let i = 0; i < chunk.length; i += 4099) if (chunk[i] !== (bytes + i) % 256) wrong++;
      bytes += chunk.length;
    }
    expect({ bytes, wrong }).toEqual({ bytes: 20 * MiB, wrong: 0 });
    expect(largest).toBeLessThanOrEqual(64 * 1024);
    expect(audit.at(-1)).toContain(`bytes=${20 * MiB}`);
  });

  test("a response over the cap fails cleanly as too_large and frees its slot", async () => {
    const { broker, audit } = makeBroker({ maxResponseBytes: MiB });
    const response = await broker.open({ url: `${base}/big/3` }, ctx);
    const error = await rejection(text(response));
    expect([error.kind, error.message]).toEqual(["too_large", `response from 127.0.0.1 is larger than the limit of ${MiB} bytes (--max-response-bytes)`]);
    expect(broker.inFlight("s1")).toBe(0);
    expect(audit.at(-1)).toContain("outcome=too_large");
  });

  test("a declared length over the cap fails on the first read, before the bytes come", async () => {
    const { broker } = makeBroker({ maxResponseBytes: MiB });
    const response = await broker.open({ url: `${base}/sized/2` }, ctx);
    const error = await rejection(text(response));
    expect(error.message).toBe(`response from 127.0.0.1 declares ${2 * MiB} bytes, more than the limit of ${MiB} bytes (--max-response-bytes)`);
    expect(response.body.bytes).toBe(0);
  });

  test("the cap counts decompressed bytes: a small gzip bomb is stopped", async () => {
    const { broker } = makeBroker({ maxResponseBytes: MiB });
    expect(bomb.length).toBeLessThan(MiB);
    const response = await broker.open({ url: `${base}/gzip-bomb` }, ctx);
    expect(response.headers.find(([name]) => name === "content-encoding")).toBeUndefined();
    expect((await rejection(text(response))).kind).toBe("too_large");
  });

  test("a server that never answers times out at the run's deadline", async () => {
    const { broker } = makeBroker();
    const started = performance.now();
    const error = await rejection(broker.open({ url: `${base}/hang` }, { session: "s1", deadline: Date.now() + 400 }));
    const elapsed = performance.now() - started;
    expect([error.kind, error.message]).toEqual(["timeout", `request to 127.0.0.1:${http.port} timed out after 0.4 s (the run's deadline)`]);
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(2000);
    expect(broker.inFlight("s1")).toBe(0);
  });

  test("the connect timeout bounds the wait for response headers", async () => {
    const { broker } = makeBroker({ connectTimeoutMs: 300 });
    const error = await rejection(broker.open({ url: `${base}/hang` }, ctx));
    expect([error.kind, error.message]).toEqual(["timeout", "no response from 127.0.0.1 within 0.3 s (connect timeout)"]);
  });

  test("a body that stalls times out at the request's own timeout, even while nobody reads", async () => {
    const { broker } = makeBroker();
    const response = await broker.open({ url: `${base}/hold`, timeoutMs: 400 }, ctx);
    expect(broker.inFlight("s1")).toBe(1);
    const error = await rejection(text(response));
    expect(error.kind).toBe("timeout");
    expect(broker.inFlight("s1")).toBe(0);
  });

  test("aborting mid-download stops the body with `aborted` and frees the slot", async () => {
    const { broker, audit } = makeBroker();
    const controller = new AbortController();
    const response = await broker.open({ url: `${base}/big/20` }, { session: "s1", signal: controller.signal });
    let bytes = 0;
    const error = await rejection(
      (async () => {
        for await (const chunk of response.body) {
          bytes += chunk.length;
          if (bytes >= MiB) controller.abort();
        }
      })(),
    );
    expect(error.kind).toBe("aborted");
    expect(bytes).toBeLessThan(20 * MiB);
    expect(broker.inFlight("s1")).toBe(0);
    expect(audit.at(-1)).toContain("outcome=aborted");
  });

  test("breaking out of the loop drops the rest and frees the slot", async () => {
    const { broker, audit } = makeBroker();
    const response = await broker.open({ url: `${base}/big/20` }, ctx);
    for await (const _ of response.body) break;
    expect(broker.inFlight("s1")).toBe(0);
    expect(audit.at(-1)).toContain("outcome=cancelled");
  });
});

describe("redirects", () => {
  test("a chain is followed, each hop checked and audited", async () => {
    const { broker, audit } = makeBroker();
    const response = await broker.open({ url: `${base}/redirect/3`, redirect: "follow" }, ctx);
    expect(response.status).toBe(200);
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${base}/echo/done`);
    await text(response);
    expect(audit.map((line) => /outcome=(\w+)/.exec(line)?.[1])).toEqual(["redirect", "redirect", "redirect", "complete"]);
  });

  test("`manual` hands the 3xx back", async () => {
    const { broker } = makeBroker();
    const response = await broker.open({ url: `${base}/redirect/2` }, ctx);
    expect(response.status).toBe(302);
    expect(response.headers).toContainEqual(["location", "/redirect/1"]);
    await response.body.cancel();
    expect(broker.inFlight("s1")).toBe(0);
  });

  test("303 turns a POST into a GET without its body", async () => {
    const { broker } = makeBroker();
    const response = await broker.open({ url: `${base}/see-other`, method: "POST", body: new Uint8Array([1, 2]), headers: [["content-type", "application/octet-stream"]], redirect: "follow" }, ctx);
    const echoed = JSON.parse(await text(response)) as { method: string; body: string; headers: [string, string][] };
    expect([echoed.method, echoed.body, new Map(echoed.headers).has("content-type")]).toEqual(["GET", "", false]);
  });

  test("a redirect to the metadata address is refused before any packet goes there", async () => {
    const { broker, audit } = makeBroker();
    const before = dialled.length;
    const error = await rejection(broker.open({ url: `${base}/to?${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`, redirect: "follow" }, ctx));
    expect(error).toMatchObject({ kind: "refused", message: "network policy refuses 169.254.169.254 (link-local); to allow it, start woma with --allow-net 169.254.169.254:80" });
    expect(dialled.slice(before)).toEqual([`127.0.0.1:${http.port}`]);
    expect(audit.at(-1)).toContain("host=169.254.169.254:80 address=169.254.169.254");
  });

  test("a redirect to another scheme is checked again", async () => {
    const { broker } = makeBroker();
    const error = await rejection(broker.open({ url: `${base}/to?${encodeURIComponent("file:///etc/passwd")}`, redirect: "follow" }, ctx));
    expect(error.message).toBe("network policy refuses file: URL (only http: and https: are allowed)");
  });

  test("more than 10 hops fail as `redirect`", async () => {
    const { broker } = makeBroker();
    const error = await rejection(broker.open({ url: `${base}/loop`, redirect: "follow" }, ctx));
    expect([error.kind, error.message]).toEqual(["redirect", "more than 10 redirects, the last from 127.0.0.1"]);
  });
});

describe("concurrency", () => {
  test("8 concurrent downloads of one session all arrive whole", async () => {
    const { broker } = makeBroker();
    const sizes = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const response = await broker.open({ url: `${base}/big/2` }, ctx);
        let bytes = 0;
        for await (const chunk of response.body) bytes += chunk.length;
        return bytes;
      }),
    );
    expect(sizes).toEqual(Array(8).fill(2 * MiB));
    expect(broker.inFlight("s1")).toBe(0);
  });

  test("a ninth request waits for a slot, while other sessions go ahead", async () => {
    const { broker } = makeBroker({ maxInFlightPerSession: 8 });
    const holdsBefore = holds;
    const open = await Promise.all(Array.from({ length: 8 }, () => broker.open({ url: `${base}/hold` }, { session: "busy" })));
    expect(broker.inFlight("busy")).toBe(8);
    let ninthOpened = false;
    const ninth = broker.open({ url: `${base}/hold` }, { session: "busy" }).then((r) => {
      ninthOpened = true;
      return r;
    });
    // Another session is served meanwhile; the ninth request has not reached the server.
    await text(await broker.open({ url: `${base}/echo` }, { session: "other" }));
    expect([holds - holdsBefore, ninthOpened]).toEqual([8, false]);
    await open[0]!.body.cancel();
    const response = await ninth;
    expect(holds - holdsBefore).toBe(9);
    for (const r of [...open.slice(1), response]) await r.body.cancel();
    expect(broker.inFlight("busy")).toBe(0);
  });
});
