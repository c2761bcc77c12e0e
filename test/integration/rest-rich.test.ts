/** Display outputs, stdin and the file endpoints of the REST bridge, called in-process over a real daemon subprocess, and once through a real Bun.serve. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHash, randomBytes } from "node:crypto";
import type { DisplayOutput } from "../../protocol/generated/types.ts";
import { createRestHandler, type RestHandler } from "../../clients/rest/handler.ts";
import { fixture } from "../harness/fixtures.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

let daemon: DaemonUnderTest;
let rest: RestHandler;
beforeAll(async () => {
  daemon = await startDaemon({ transport: "stdio", args: ["--workers", "1", "--max-file-bytes", "6000000"] });
  rest = createRestHandler(daemon.client, { workers: 1, maxTimeoutMs: 20_000 });
});
afterAll(async () => {
  await rest?.close();
  await daemon?.stop();
});

const request = (method: string, path: string, body?: RequestInit["body"], headers: Record<string, string> = {}) => rest(new Request(`http://localhost${path}`, { method, body, headers }));
const python = async (body: Record<string, unknown>) => (await (await request("POST", "/python", JSON.stringify(body), { "Content-Type": "application/json" })).json()) as Record<string, unknown>;

describe("POST /python", () => {
  test("a PNG made with zlib and struct through _repr_png_ comes back in outputs, in base64", async () => {
    const body = await python({ code: `${fixture("stdlib_png.py")}\nprint('drawn')\nSwatch(7, 5)` });
    const outputs = body.outputs as DisplayOutput[];
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toMatchObject({ output_type: "execute_result", stdout_offset: 6, data: { "text/plain": "Swatch(7x5)" } });
    const png = Buffer.from(outputs[0]!.data["image/png"]!, "base64");
    expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(["PNG", 7, 5]);
    expect(body.result).toBe("Swatch(7x5)");
  });

  test("updates and clear_output come in outputs in order, with their display_id and wait", async () => {
    const body = await python({ code: "from IPython.display import display, update_display, clear_output, HTML\ndisplay(HTML('<i>1</i>'), display_id='p')\nprint('x')\nupdate_display(HTML('<i>2</i>'), display_id='p')\nclear_output()" });
    const outputs = body.outputs as DisplayOutput[];
    expect(outputs.map((o) => [o.output_type, o.data["text/html"], o.display_id, o.wait, o.stdout_offset])).toEqual([
      ["display_data", "<i>1</i>", "p", undefined, 0],
      ["update_display_data", "<i>2</i>", "p", undefined, 2],
      ["clear_output", undefined, undefined, false, 2],
    ]);
  });

  test("stdin answers input(); a stdin that is not a string is a 400 naming it", async () => {
    expect((await python({ code: "input() * 2", stdin: "ab\n" })).result).toBe("'abab'");
    const bad = await request("POST", "/python", JSON.stringify({ code: "1", stdin: 5 }), { "Content-Type": "application/json" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('"stdin" must be a string of text for input() to read, got the number 5');
  });
});

describe("file endpoints", () => {
  test("a 5 MB binary file goes in with PUT and comes out with GET byte for byte, into the default session's working directory", async () => {
    const bytes = randomBytes(5 * 1024 * 1024);
    const put = await request("PUT", "/files/data/blob.bin", bytes, { "Content-Type": "application/octet-stream" });
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ path: "data/blob.bin", size: bytes.length });
    const seen = await python({ code: "import hashlib\nhashlib.sha256(open('data/blob.bin', 'rb').read()).hexdigest()" });
    expect(seen.result).toBe(`'${createHash("sha256").update(bytes).digest("hex")}'`);
    const get = await request("GET", "/files/data/blob.bin");
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test("a download is bytes to save, never a page: octet-stream, attachment, nosniff, same-origin only, sandboxed", async () => {
    await python({ code: "open('page.html', 'w').write('<script>fetch(\"/python\")</script>')" });
    const get = await request("GET", "/files/page.html");
    expect(Object.fromEntries(["content-type", "content-disposition", "x-content-type-options", "cross-origin-resource-policy", "content-security-policy"].map((h) => [h, get.headers.get(h)]))).toEqual({
      "content-type": "application/octet-stream",
      "content-disposition": "attachment; filename*=UTF-8''page.html",
      "x-content-type-options": "nosniff",
      "cross-origin-resource-policy": "same-origin",
      "content-security-policy": "sandbox",
    });
  });

  test("a directory with a trailing slash is listed as JSON; without it, the 400 says how", async () => {
    const listing = (await (await request("GET", "/files/data/")).json()) as { entries: Array<{ path: string }> };
    expect(listing.entries.map((e) => e.path)).toEqual(["blob.bin"]);
    const noSlash = await request("GET", "/files/data");
    expect(noSlash.status).toBe(400);
    expect(((await noSlash.json()) as { error: string }).error).toBe("data is a directory; add a trailing / to the URL to list it");
  });

  test("named sessions: PUT creates one, POST /python with its name sees the file, another session does not", async () => {
    expect((await request("PUT", "/sessions/alpha/files/note.txt", "hello")).status).toBe(201);
    expect((await python({ code: "open('note.txt').read()", session: "alpha" })).result).toBe("'hello'");
    expect((await python({ code: "import os; os.path.exists('note.txt')", session: "beta" })).result).toBe("False");
    const missing = await request("GET", "/sessions/gamma/files/note.txt");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe('no session "gamma"; a PUT or a POST /python naming it creates it');
  });

  test("paths that leave the working directory are 403, missing files 404, a file over the cap 413; the bridge keeps working", async () => {
    const escape = await request("GET", "/files/data/..%2F..%2F..%2Fetc%2Fpasswd");
    expect(escape.status).toBe(403);
    expect(((await escape.json()) as { error: string }).error).toContain("leaves the session's working directory");
    const absolute = await request("GET", "/files/%2Fetc%2Fpasswd");
    expect(absolute.status).toBe(403);
    expect((await request("GET", "/files/nope.txt")).status).toBe(404);
    const big = await request("PUT", "/files/big.bin", new Uint8Array(6_000_001));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toBe("the file is larger than the 6000000-byte limit on files (the daemon's --max-file-bytes)");
    expect((await python({ code: "1 + 1" })).result).toBe("2");
  });

  test("DELETE removes a file, and a directory only with ?recursive=1", async () => {
    expect((await request("DELETE", "/files/data")).status).toBe(400);
    expect(await (await request("DELETE", "/files/data?recursive=1")).json()).toEqual({ path: "data" });
    expect((await request("GET", "/files/data/blob.bin")).status).toBe(404);
  });

  test("through a real Bun.serve, with a preflight for PUT from a loopback page", async () => {
    const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: rest });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const preflight = await fetch(`${base}/files/x.txt`, { method: "OPTIONS", headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "PUT" } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, PUT, DELETE, OPTIONS");
      const foreign = await fetch(`${base}/files/x.txt`, { method: "PUT", body: "x", headers: { Origin: "https://evil.example" } });
      expect(foreign.status).toBe(403);
      expect((await fetch(`${base}/files/x.txt`, { method: "PUT", body: "over the wire" })).status).toBe(201);
      expect(await (await fetch(`${base}/files/x.txt`)).text()).toBe("over the wire");
    } finally {
      server.stop(true);
    }
  });
});
