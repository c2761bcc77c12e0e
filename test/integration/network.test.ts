/**
 * HTTP from Python as a user writes it (urllib, http.client, pyfetch, requests, httpx sync and
 * async), through the daemon's broker, against HTTP and HTTPS servers this test runs on
 * 127.0.0.1 and names with --allow-net; and the default policy, which refuses loopback,
 * private and metadata addresses. No packet leaves loopback: refused addresses are refused by
 * the policy before anything connects.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rejection } from "../harness/expect-error.ts";
import { buildWheel, downloadRealWheels, MirrorServer, writeLockMirror } from "../harness/package-mirror.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";
import { makeTestCertificates } from "../harness/test-ca.ts";

const BIG = 20 * 1024 * 1024;
let inFlight = 0;
let maxInFlight = 0;
let slowClosed = 0;

function routes(request: Request): Response | Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname;
  if (path === "/hello") return new Response(`hello from ${url.protocol.replace(":", "")}`, { headers: { "x-served-by": "woma-test" } });
  if (path === "/echo") return request.text().then((body) => Response.json({ method: request.method, body, header: request.headers.get("x-custom") }));
  if (path.startsWith("/status/")) return new Response(`status ${path.slice(8)}`, { status: Number(path.slice(8)) });
  if (path.startsWith("/chain/")) {
    const left = Number(path.slice(7));
    return left === 0 ? new Response("end of the chain") : Response.redirect(`/chain/${left - 1}`, 302);
  }
  if (path === "/to-metadata") return Response.redirect("http://169.254.169.254/latest/meta-data/", 302);
  if (path === "/big") return new Response(new Uint8Array(BIG).fill(97));
  if (path === "/huge") return new Response(new Uint8Array(40 * 1024 * 1024).fill(98));
  if (path === "/csv") return new Response("a,b\n1,2\n3,4\n", { headers: { "content-type": "text/csv" } });
  if (path === "/concurrent") {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return Bun.sleep(200).then(() => {
      inFlight--;
      return new Response("ok");
    });
  }
  if (path === "/slow") {
    // A body that trickles for a minute: only a timeout or a cancel ends it.
    let timer: ReturnType<typeof setInterval> | undefined;
    const stream = new ReadableStream({
      start(controller) {
        timer = setInterval(() => controller.enqueue(new TextEncoder().encode(".")), 200);
      },
      cancel() {
        clearInterval(timer);
        slowClosed++;
      },
    });
    return new Response(stream);
  }
  return new Response("not found", { status: 404 });
}

describe("HTTP from Python through the broker", () => {
  let daemon: DaemonUnderTest;
  let http: ReturnType<typeof Bun.serve>;
  let https: ReturnType<typeof Bun.serve>;
  let mirror: MirrorServer | undefined;
  let libraries: { ok: true } | { ok: false; reason: string } = { ok: false, reason: "not prepared" };
  const base = () => `http://127.0.0.1:${http.port}`;
  const secure = () => `https://127.0.0.1:${https.port}`;
  const run = (code: string, timeout_ms = 30_000) => daemon.client.run({ code, timeout_ms });

  beforeAll(async () => {
    const certificates = makeTestCertificates(["127.0.0.1", "localhost"]);
    http = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: routes, idleTimeout: 120 });
    https = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: routes, tls: { cert: certificates.cert, key: certificates.key } });
    // requests and httpx are pure-Python wheels from pip's index, served to woma from a
    // test index (charset-normalizer has no pure wheel; a small stand-in is written instead).
    const names = ["requests", "urllib3", "certifi", "idna", "httpx", "httpcore", "anyio", "h11", "sniffio", "typing-extensions"];
    const downloads = [...downloadRealWheels(names).values()];
    const failed = downloads.find((d) => !d.ok);
    const mirrorDir = mkdtempSync(join(tmpdir(), "woma-net-mirror-"));
    writeLockMirror(mirrorDir, []);
    const standIn = buildWheel({ name: "charset-normalizer", version: "3.4.0", module: "charset_normalizer", files: { "api.py": "" } });
    mirror = MirrorServer.start({
      mirrorDir,
      index: { "charset-normalizer": [standIn] },
      extraIndexFiles: downloads.flatMap((d) => (d.ok ? [d.path] : [])),
    });
    libraries = failed && !failed.ok ? { ok: false, reason: failed.reason } : { ok: true };
    daemon = await startDaemon({
      transport: "socket",
      args: ["--allow-net", `127.0.0.1,localhost`, "--ca-file", certificates.caFile, "--max-response-bytes", String(30 * 1024 * 1024), "--packages-url", mirror.url, "--pypi-index", mirror.indexUrl],
    });
  });
  afterAll(async () => {
    await daemon?.stop();
    http?.stop(true);
    https?.stop(true);
    mirror?.stop();
  });

  test("urllib: GET, POST with a body and a header, status codes, a redirect chain, over HTTP and HTTPS (certificate checked)", async () => {
    const result = await run(`
import urllib.request, urllib.error, json
out = []
out.append(urllib.request.urlopen("${base()}/hello").read().decode())
out.append(urllib.request.urlopen("${secure()}/hello").read().decode())
posted = urllib.request.Request("${base()}/echo", data=b"payload", headers={"X-Custom": "yes"})
out.append(json.loads(urllib.request.urlopen(posted).read()))
try:
    urllib.request.urlopen("${base()}/status/418")
except urllib.error.HTTPError as e:
    out.append(e.code)
out.append(urllib.request.urlopen("${base()}/chain/5").read().decode())
out`);
    expect(result.result).toBe("['hello from http', 'hello from https', {'method': 'POST', 'body': 'payload', 'header': 'yes'}, 418, 'end of the chain']");
  });

  test("http.client directly, and csv over HTTP the way pandas.read_csv(url) fetches it", async () => {
    const result = await run(`
import http.client, csv, io, urllib.request
c = http.client.HTTPConnection("127.0.0.1", ${http.port})
c.request("GET", "/status/404")
r = c.getresponse()
rows = list(csv.reader(io.TextIOWrapper(urllib.request.urlopen("${base()}/csv"), "utf-8")))
(r.status, r.read(), rows)`);
    expect(result.result).toBe("(404, b'status 404', [['a', 'b'], ['1', '2'], ['3', '4']])");
  });

  test("pyfetch: GET, POST, status; and 8 requests at once from one session", async () => {
    const result = await run(`
import asyncio
from pyodide.http import pyfetch
r = await pyfetch("${base()}/hello")
p = await pyfetch("${base()}/echo", method="POST", body="x=1", headers={"X-Custom": "py"})
s = await pyfetch("${base()}/status/503")
many = await asyncio.gather(*[pyfetch("${base()}/concurrent") for _ in range(8)])
texts = [await m.string() for m in many]
(await r.string(), await p.json(), s.status, texts.count("ok"))`);
    expect(result.result).toBe("('hello from http', {'method': 'POST', 'body': 'x=1', 'header': 'py'}, 503, 8)");
    expect(maxInFlight).toBeGreaterThan(1);
  });

  test("a 20 MB download arrives whole", async () => {
    const result = await run(`
import urllib.request, hashlib
data = urllib.request.urlopen("${base()}/big").read()
(len(data), data == b"a" * ${BIG})`);
    expect(result.result).toBe(`(${BIG}, True)`);
  });

  test("a response over --max-response-bytes is an error, and the runner goes on", async () => {
    const result = await run(`import urllib.request\nurllib.request.urlopen("${base()}/huge").read()`);
    expect(result.status).toBe("exception");
    expect(`${result.error?.type}: ${result.error?.message}`).toMatch(/larger than|too large|limit|cap/i);
    expect((await run("1 + 1")).result).toBe("2");
  });

  test("past the runner's bounds (a 20 KB URL, 300 headers) a request is a Python error naming the limit, and the runner is not killed; pyfetch names a body over --max-response-bytes", async () => {
    const result = await run(`
import urllib.request
from pyodide.http import pyfetch
said = []
for make in (lambda: urllib.request.urlopen("${base()}/hello?" + "a" * 20000),
             lambda: urllib.request.urlopen(urllib.request.Request("${base()}/hello", headers={f"x-h{i}": "v" for i in range(300)}))):
    try:
        make(); said.append("sent")
    except Exception as e:
        said.append(f"{type(e).__name__}: {e}")
for url in ("${base()}/hello?" + "a" * 20000, "${base()}/huge"):
    try:
        r = await pyfetch(url)
        await r.bytes(); said.append("read")
    except Exception as e:
        said.append(f"{type(e).__name__}: {e}")
print("\\n".join(said))
"alive"`);
    expect(result.result).toBe("'alive'");
    const [longUrl, headers, fetchedUrl, body] = result.stdout.trim().split("\n");
    expect(longUrl).toMatch(/URL of 200\d\d characters is over woma's limit of 16384/);
    expect(headers).toContain("over woma's limit of 200 headers per request");
    expect(fetchedUrl).toContain("over woma's limit of 16384");
    expect(body).toContain("more than the limit of 31457280 bytes (--max-response-bytes)");
    expect((await run("1 + 1")).result).toBe("2");
  });

  test("a slow server: the library's timeout fires, and a run's own timeout ends the request without killing the runner", async () => {
    const started = performance.now();
    const timed = await run(`import urllib.request\nurllib.request.urlopen("${base()}/slow", timeout=1).read()`);
    expect(timed.status).toBe("exception");
    expect(timed.error?.message).toMatch(/timed out|timeout/i);
    expect(performance.now() - started).toBeLessThan(10_000);
    const error = await rejection(run(`import urllib.request\nurllib.request.urlopen("${base()}/slow").read()`, 1500));
    expect(error.message).toContain("timed out after 1500 ms; it was interrupted");
    expect((await run("'still here'")).result).toBe("'still here'");
  });

  test("a run cancelled mid-download stops, and the server sees the request end", async () => {
    const before = slowClosed;
    const controller = new AbortController();
    const pending = daemon.client.run({ code: `import urllib.request\nurllib.request.urlopen("${base()}/slow").read()` }, { signal: controller.signal });
    await Bun.sleep(500); // the download is going: the server trickles a byte every 200 ms
    controller.abort();
    const error = await rejection(pending);
    expect(error.message).toContain("cancelled");
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 10_000;
      const check = () => (slowClosed > before ? resolve() : Date.now() > deadline ? reject(new Error("the server never saw the request end")) : setTimeout(check, 50));
      check();
    });
  });

  test("a redirect to a refused host is refused by the policy, naming the address and the rule", async () => {
    const result = await run(`import urllib.request\nurllib.request.urlopen("${base()}/to-metadata").read()`);
    expect(result.status).toBe("exception");
    expect(result.error?.message).toContain("network policy refuses 169.254.169.254 (link-local)");
  });

  test("requests and httpx (sync and AsyncClient), installed from the index, go through the broker", async () => {
    // Needs pip's index (see .ci/run); when it cannot be reached, this fails with pip's reason.
    expect(libraries).toEqual({ ok: true });
    const installed = await daemon.client.installPackages({ requirements: ["requests", "httpx"] });
    expect(installed.installed.map((p) => p.name)).toContain("requests");
    const result = await run(`
import requests, httpx
r = requests.get("${base()}/hello")
p = requests.post("${base()}/echo", data="form", headers={"X-Custom": "rq"})
s = requests.get("${secure()}/status/404")
with httpx.Client() as client:
    h = client.get("${base()}/hello")
    hp = client.post("${base()}/echo", content=b"hx", headers={"X-Custom": "hx"})
async with httpx.AsyncClient() as aclient:
    ha = await aclient.get("${secure()}/hello")
try:
    requests.get("http://169.254.169.254/", timeout=5)
    refused = "no"
except requests.exceptions.ConnectionError as e:
    refused = "refused" if "link-local" in str(e) else str(e)
(r.text, p.json()["header"], s.status_code, h.text, hp.json()["body"], ha.text, refused)`);
    expect(result.error?.traceback ?? "").toBe("");
    expect(result.result).toBe("('hello from http', 'rq', 404, 'hello from http', 'hx', 'hello from https', 'refused')");
  });
});

describe("the default policy (--net public)", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "stdio" });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test.each([
    ["http://127.0.0.1:9/", "127.0.0.1", "loopback"],
    ["http://localhost:9/", "localhost", "loopback"],
    ["http://[::1]:9/", "::1", "loopback"],
    ["http://2130706433/", "127.0.0.1", "loopback"],
    ["http://0x7f.1/", "127.0.0.1", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "127.0.0.1", "loopback"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254", "link-local"],
  ])("%s is refused, naming %s and the rule (%s); the runner goes on", async (url, address, rule) => {
    const result = await daemon.client.run({ code: `import urllib.request\nurllib.request.urlopen(${JSON.stringify(url)}, timeout=5)` });
    expect(result.status).toBe("exception");
    expect(result.error?.message).toContain("network policy refuses");
    expect(result.error?.message).toContain(address);
    expect(result.error?.message).toContain(rule);
    const fetched = await daemon.client.run({ code: `from pyodide.http import pyfetch\ntry:\n    await pyfetch(${JSON.stringify(url)})\nexcept Exception as e:\n    print(type(e).__name__)\n'alive'` });
    expect(fetched.result).toBe("'alive'");
  });

  test("--net off refuses everything, loopback and public alike", async () => {
    const off = await startDaemon({ transport: "stdio", args: ["--net", "off"] });
    try {
      const result = await off.client.run({ code: "import urllib.request\nurllib.request.urlopen('http://example.com/', timeout=5)" });
      expect(result.error?.message).toContain("network policy refuses");
      expect(result.error?.message).toMatch(/off/);
    } finally {
      await off.stop();
    }
  });
});
