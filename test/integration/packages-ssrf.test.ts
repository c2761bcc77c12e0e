/**
 * Package installs cannot reach what Python's own HTTP cannot: every URL a tenant names (a
 * wheel URL, `name @ URL`, micropip's index_urls) and every redirect hop is held to the
 * network policy before any packet, against a loopback server that counts every request it
 * gets and must get none. Names are mapped to 127.0.0.1 inside a namespace the test makes
 * (the daemon's own /etc/hosts). The operator's mirror on loopback keeps working throughout.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rejection } from "../harness/expect-error.ts";
import { buildWheel, MirrorServer, writeLockMirror } from "../harness/package-mirror.ts";
import { hostsNamespaceWorks, startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const WHEEL = "x-1.0-py3-none-any.whl";
const wheel = buildWheel({ name: "x", version: "1.0", files: { "who.py": "WHO = 'internal'\n" } });
const lockWheel = buildWheel({ name: "woma-ssrf-lock", version: "1.0" });

/** The server no tenant may reach: it serves a real wheel and an index, and counts every request. */
let internalRequests: string[] = [];
const internal = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  fetch(request) {
    const url = new URL(request.url);
    internalRequests.push(url.pathname + url.search);
    if (url.pathname.endsWith(".whl")) return new Response(wheel.bytes);
    if (url.pathname.startsWith("/simple/")) return new Response(`<a href="/files/${WHEEL}">${WHEEL}</a>`, { headers: { "content-type": "text/html" } });
    return new Response("internal", { status: 404 });
  },
});
/** A server a policy allows, which redirects to the internal one. */
const allowed = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => Response.redirect(`http://127.0.0.1:${internal.port}/internal/${WHEEL}?token=1`, 302) });
/** A port nothing listens on. */
const closedPort = (() => {
  const server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response("") });
  const port = server.port!;
  server.stop(true);
  return port;
})();

const P = internal.port!;
const path = `/internal/${WHEEL}?token=1`;
/** Every way to write the internal server's address, with the rule a default policy names. */
const SPELLINGS: [string, string][] = [
  [`http://127.0.0.1:${P}${path}`, "127.0.0.1 (loopback)"],
  [`http://[::ffff:127.0.0.1]:${P}${path}`, "loopback: IPv4-mapped 127.0.0.1"],
  [`http://2130706433:${P}${path}`, "127.0.0.1 (loopback)"],
  [`http://0x7f.1:${P}${path}`, "127.0.0.1 (loopback)"],
  [`http://localhost:${P}${path}`, "localhost (loopback name)"],
  [`http://[::1]:${P}${path}`, "::1 (loopback)"],
  [`http://0.0.0.0:${P}${path}`, "0.0.0.0 (unspecified)"],
  [`http://[::]:${P}${path}`, ":: (unspecified)"],
];
/** Spellings that need the test's names (the daemon's /etc/hosts maps them to 127.0.0.1). */
const NAMED: [string, string][] = [
  [`http://internal.test:${P}${path}`, "internal.test at 127.0.0.1 (loopback)"],
  [`http://internal.test.:${P}${path}`, "internal.test at 127.0.0.1 (loopback)"],
];
const namespaces = hostsNamespaceWorks();
if (!namespaces) console.warn("packages-ssrf: unshare -r -m cannot give the daemon its own /etc/hosts here; the named spellings are not tried");

let mirror: MirrorServer;
const flags = () => ["--isolation", "process", "--packages-url", mirror.url, "--pypi-index", mirror.indexUrl];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "woma-ssrf-mirror-"));
  writeLockMirror(dir, [{ wheel: lockWheel }]);
  mirror = MirrorServer.start({ mirrorDir: dir });
});
afterAll(() => {
  mirror?.stop();
  internal.stop(true);
  allowed.stop(true);
});

/** micropip in Python: the refusal, or "installed". */
async function viaMicropip(daemon: DaemonUnderTest, call: string): Promise<string> {
  const result = await daemon.client.run({ code: `import micropip\ntry:\n    await ${call}\n    print("installed")\nexcept Exception as e:\n    print(type(e).__name__, e)` });
  return result.stdout.trim();
}

describe("the default policy, with the test's names mapped to 127.0.0.1", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    internalRequests = [];
    daemon = await startDaemon({ transport: "socket", args: [...flags(), "--allow-net", `127.0.0.1:${allowed.port}`], ...(namespaces ? { hosts: { "internal.test": "127.0.0.1" } } : {}) });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("every spelling of a loopback wheel URL is refused through micropip and packages/install, and no request reaches the server", async () => {
    for (const [url, rule] of [...SPELLINGS, ...(namespaces ? NAMED : [])]) {
      for (const call of [`micropip.install(${JSON.stringify(url)})`, `micropip.install(${JSON.stringify(`x @ ${url}`)})`]) {
        const said = await viaMicropip(daemon, call);
        expect(said).toStartWith("ValueError");
        expect(said).toContain("network policy refuses");
        expect(said).toContain(rule);
      }
      for (const requirement of [url, `x @ ${url}`]) {
        const error = await rejection(daemon.client.installPackages({ requirements: [requirement] }));
        expect(error.message).toContain("network policy refuses");
        expect(error.message).toContain(rule);
      }
    }
    expect(internalRequests).toEqual([]);
  });

  test("an index a tenant names for micropip is held to its policy too", async () => {
    const said = await viaMicropip(daemon, `micropip.install("x", index_urls=["http://127.0.0.1:${P}/simple/"])`);
    expect(said).toContain("network policy refuses 127.0.0.1 (loopback)");
    if (namespaces) expect(await viaMicropip(daemon, `micropip.install("x", index_urls="http://internal.test:${P}/simple/")`)).toContain("network policy refuses internal.test at 127.0.0.1 (loopback)");
    expect(internalRequests).toEqual([]);
  });

  test("a redirect from an allowed server to loopback is refused at that hop", async () => {
    const said = await viaMicropip(daemon, `micropip.install("http://127.0.0.1:${allowed.port}/${WHEEL}")`);
    expect(said).toContain("network policy refuses 127.0.0.1 (loopback)");
    expect(internalRequests).toEqual([]);
  });

  test("a closed port and an open one get the same answer", async () => {
    const answer = async (port: number) => (await viaMicropip(daemon, `micropip.install("http://127.0.0.1:${port}/${WHEEL}")`)).replaceAll(String(port), "PORT");
    expect(await answer(closedPort)).toBe(await answer(P));
    const rpc = async (port: number) => (await rejection(daemon.client.installPackages({ requirements: [`http://127.0.0.1:${port}/${WHEEL}`] }))).message.replaceAll(String(port), "PORT");
    expect(await rpc(closedPort)).toBe(await rpc(P));
    expect(internalRequests).toEqual([]);
  });

  test("the operator's mirror and index on loopback keep working", async () => {
    const result = await daemon.client.run({ code: "import woma_ssrf_lock; woma_ssrf_lock.NAME" });
    expect(result.result).toBe("'woma-ssrf-lock'");
  });
});

describe("--net all with deny rules: every spelling that reaches a denied target is refused", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    internalRequests = [];
    daemon = await startDaemon({ transport: "stdio", args: [...flags(), "--net", "all", "--deny-net", "127.0.0.1,::1,internal.test"], ...(namespaces ? { hosts: { "internal.test": "127.0.0.1" } } : {}) });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("0.0.0.0, [::], [::ffff:0.0.0.0] and a name with trailing dots, through micropip, packages/install and Python's own HTTP", async () => {
    const urls = [`http://0.0.0.0:${P}${path}`, `http://[::]:${P}${path}`, `http://[::ffff:0.0.0.0]:${P}${path}`, `http://0:${P}${path}`, ...(namespaces ? [`http://internal.test..:${P}${path}`, `http://INTERNAL.test...:${P}${path}`] : [])];
    for (const url of urls) {
      expect(await viaMicropip(daemon, `micropip.install(${JSON.stringify(url)})`)).toMatch(/network policy refuses .*\(--deny-net (127\.0\.0\.1|::1|internal\.test)\)/);
      expect((await rejection(daemon.client.installPackages({ requirements: [url] }))).message).toMatch(/--deny-net/);
      const python = await daemon.client.run({ code: `import urllib.request\nurllib.request.urlopen(${JSON.stringify(url)}, timeout=5)` });
      expect(python.error?.message).toMatch(/network policy refuses .*--deny-net/);
    }
    expect(internalRequests).toEqual([]);
  });
});

describe("--net off", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    internalRequests = [];
    daemon = await startDaemon({ transport: "stdio", args: [...flags(), "--net", "off"] });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("a tenant's wheel URL is refused, and the operator's mirror still serves imports", async () => {
    expect(await viaMicropip(daemon, `micropip.install("http://127.0.0.1:${P}${path}")`)).toContain("(--net off)");
    expect((await rejection(daemon.client.installPackages({ requirements: [`http://127.0.0.1:${P}${path}`] }))).message).toContain("--net off");
    expect(internalRequests).toEqual([]);
    expect((await daemon.client.run({ code: "import woma_ssrf_lock; woma_ssrf_lock.__version__" })).result).toBe("'1.0'");
  });
});
