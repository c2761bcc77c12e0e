/**
 * Packages from every client, as their users meet them: the daemon says where packages come
 * from and what the network allows; an MCP agent sees it in the tool descriptions, installs
 * with `install_packages` and is told of downloads as they happen; the REST bridge installs
 * with a `packages` field or `POST /packages`; the REPL has `%pip install`. The mirror and the
 * index are served on 127.0.0.1; each run's wheels have versions of their own, so nothing is
 * cached from an earlier run and every download is real.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PackagesProgressNotification } from "../../protocol/generated/types.ts";
import { send } from "../harness/http.ts";
import { buildWheel, MirrorServer, writeLockMirror, type BuiltWheel } from "../harness/package-mirror.ts";
import { REPO_ROOT, testCacheDir } from "../harness/paths.ts";
import { startDaemon } from "../harness/start-daemon.ts";
import { startStdioMcp } from "../harness/start-mcp.ts";
import { startServe } from "../harness/start-serve.ts";

const stamp = `${Date.now() % 1_000_000}`;
const wheel = (name: string, extra: Partial<Parameters<typeof buildWheel>[0]> = {}): BuiltWheel => buildWheel({ name, version: `1.0.${stamp}`, ...extra });
// Lock packages (they load on import) and index packages (they need an install).
const lock = { heavy: wheel("woma-heavy", { padBytes: 3 * 1024 * 1024 }), light: wheel("woma-light") };
const index = { mcp: wheel("woma-for-mcp"), rest: wheel("woma-for-rest"), body: wheel("woma-in-body"), repl: wheel("woma-for-repl") };
let mirror: MirrorServer;
/** A server on loopback no install may reach: it counts every request. */
let internalRequests = 0;
const internal = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  fetch: () => {
    internalRequests++;
    return new Response(wheel("x").bytes);
  },
});
afterAll(() => internal.stop(true));
/** The internal server's wheel, spelled every way that reaches it. */
const loopbackUrls = () => ["127.0.0.1", "[::ffff:127.0.0.1]", "2130706433", "0x7f.1", "localhost", "0.0.0.0", "[::]"].map((host) => `http://${host}:${internal.port}/internal/x-1.0-py3-none-any.whl?token=1`);

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "woma-pkg-clients-"));
  writeLockMirror(dir, [{ wheel: lock.heavy }, { wheel: lock.light }]);
  mirror = MirrorServer.start({ mirrorDir: dir, index: Object.fromEntries(Object.values(index).map((w) => [w.name, [w]])) });
});
afterAll(() => mirror?.stop());

const flags = () => ["--packages-url", mirror.url, "--pypi-index", mirror.indexUrl, "--allow-net", "api.example.com"];

test("daemon/initialize says where packages come from, that imports load them, and what the network allows; an import's download is reported to the client", async () => {
  const daemon = await startDaemon({ transport: "socket", args: flags() });
  try {
    const hello = await daemon.client.initialize("test");
    expect(hello.packages).toMatchObject({ available: true, on_import: true, source: mirror.url, count: 2, index: mirror.indexUrl, preload: [] });
    expect(hello.network).toEqual({ mode: "public", allow: ["api.example.com"], deny: [], max_response_bytes: 64 * 1024 * 1024 });
    const progress: PackagesProgressNotification[] = [];
    const result = await daemon.client.run({ code: "import woma_heavy; woma_heavy.NAME" }, { onPackageProgress: (p) => progress.push(p) });
    expect(result.result).toBe("'woma-heavy'");
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ package: "woma-heavy", file_name: lock.heavy.fileName, done: true });
    expect(last.done_bytes).toBeGreaterThan(3 * 1024 * 1024 * 0.5);
    expect(progress.every((p) => p.run_id === result.run_id)).toBe(true);
  } finally {
    await daemon.stop();
  }
});

describe("MCP", () => {
  let mcp: Awaited<ReturnType<typeof startStdioMcp>>;
  beforeAll(async () => {
    mcp = await startStdioMcp(flags());
  });
  afterAll(async () => {
    await mcp?.client.close();
  });

  test("the tools tell the model which packages load on import, how to install others, and what HTTP may reach", async () => {
    const { tools } = await mcp.client.listTools();
    const run = tools.find((t) => t.name === "run_python")!;
    expect(run.description).toContain("the 2 packages of Pyodide's distribution load automatically");
    expect(run.description).toContain("load automatically the first time code imports them");
    expect(run.description).toContain("install_packages");
    expect(run.description).toContain("localhost, private-network and cloud-metadata addresses are refused");
    expect(run.description).toContain("Allowed besides: api.example.com");
    expect(tools.map((t) => t.name)).toContain("install_packages");
    expect(mcp.client.getInstructions()).toContain("load automatically");
  });

  test("install_packages installs from the index for the connection's sessions, reporting the download", async () => {
    const progress: string[] = [];
    const installed = await mcp.client.callTool({ name: "install_packages", arguments: { packages: ["woma-for-mcp"] } }, undefined, { onprogress: (p) => void progress.push(p.message ?? "") });
    expect(installed.isError).toBeFalsy();
    expect(installed.structuredContent).toEqual({ installed: [{ name: "woma-for-mcp", version: `1.0.${stamp}` }] });
    expect(progress.some((line) => line.startsWith("downloaded woma-for-mcp"))).toBe(true);
    const used = await mcp.client.callTool({ name: "run_python", arguments: { code: "import woma_for_mcp; woma_for_mcp.NAME", session: "main" } });
    expect((used.structuredContent as { result: string }).result).toBe("'woma-for-mcp'");
  });

  test("a first import reports its download as progress of the run_python call", async () => {
    const progress: string[] = [];
    const used = await mcp.client.callTool({ name: "run_python", arguments: { code: "import woma_light; woma_light.NAME" } }, undefined, { onprogress: (p) => void progress.push(p.message ?? "") });
    expect((used.structuredContent as { result: string }).result).toBe("'woma-light'");
    expect(progress.some((line) => line.startsWith("downloaded woma-light"))).toBe(true);
  });

  test("install_packages refuses loopback wheel URLs in every spelling before any request, as a tool error naming the rule", async () => {
    for (const url of loopbackUrls()) {
      const refused = await mcp.client.callTool({ name: "install_packages", arguments: { packages: [url, `x @ ${url}`] } });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain("network policy refuses");
    }
    expect(internalRequests).toBe(0);
  });

  test("bad input: an unknown package is an error result naming it, an empty list is refused by the schema; the server goes on", async () => {
    const unknown = await mcp.client.callTool({ name: "install_packages", arguments: { packages: ["woma-no-such-package"] } });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toContain("woma-no-such-package");
    const empty = await mcp.client.callTool({ name: "install_packages", arguments: { packages: [] } });
    expect(empty.isError).toBe(true);
    expect(JSON.stringify(empty.content)).toContain("packages");
    const fine = await mcp.client.callTool({ name: "run_python", arguments: { code: "1+1" } });
    expect((fine.structuredContent as { result: string }).result).toBe("2");
  });
});

describe("REST", () => {
  let serve: Awaited<ReturnType<typeof startServe>>;
  beforeAll(async () => {
    serve = await startServe(flags());
  });
  afterAll(async () => {
    await serve?.stop();
  });
  const post = (path: string, body: unknown) => send(`${serve.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  test("/health says what the network allows and where packages come from", async () => {
    const health = await send(`${serve.url}/health`);
    expect(health.body.network).toEqual({ mode: "public", allow: ["api.example.com"], deny: [] });
    expect(health.body.packages).toEqual({ available: true, on_import: true, source: mirror.url, count: 2 });
  });

  test("POST /packages installs; GET /packages lists what is installed and what loads on import", async () => {
    const installed = await post("/packages", { packages: ["woma-for-rest"] });
    expect(installed.status).toBe(200);
    expect(installed.body).toEqual({ status: "success", installed: [{ name: "woma-for-rest", version: `1.0.${stamp}` }] });
    const run = await post("/python", { code: "import woma_for_rest; woma_for_rest.NAME" });
    expect(run.body.result).toBe("'woma-for-rest'");
    const listing = await send(`${serve.url}/packages`);
    expect(listing.body.installed).toEqual([{ name: "woma-for-rest", version: `1.0.${stamp}` }]);
    expect((listing.body.available as Array<{ name: string }>).map((p) => p.name).sort()).toEqual(["woma-heavy", "woma-light"]);
  });

  test("a packages field in POST /python installs before the run", async () => {
    const run = await post("/python", { code: "import woma_in_body; woma_in_body.NAME", packages: ["woma-in-body"] });
    expect(run.status).toBe(200);
    expect(run.body.result).toBe("'woma-in-body'");
  });

  test("POST /packages and a packages field refuse loopback wheel URLs in every spelling before any request (422 naming the rule)", async () => {
    for (const url of loopbackUrls()) {
      for (const answer of [await post("/packages", { packages: [url] }), await post("/packages", { packages: [`x @ ${url}`] }), await post("/python", { code: "1", packages: [url] })]) {
        expect(answer.status).toBe(422);
        expect(answer.body.error).toContain("network policy refuses");
        expect(answer.body.package_error).toBe("NOT_ALLOWED");
      }
    }
    expect(internalRequests).toBe(0);
  });

  test("bad input: a packages field that is not a list of names is a 400 naming it; an unknown package is a 422 naming it; the server goes on", async () => {
    const notList = await post("/python", { code: "1", packages: "numpy" });
    expect(notList.status).toBe(400);
    expect(notList.body.error).toContain('"packages" must be a list');
    const badItem = await post("/packages", { packages: ["ok", 7] });
    expect(badItem.status).toBe(400);
    expect(badItem.body.error).toContain('"packages"[1]');
    const unknown = await post("/packages", { packages: ["woma-no-such-package"] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toContain("woma-no-such-package");
    expect(unknown.body.package_error).toBe("UNKNOWN_PACKAGE");
    expect((await post("/python", { code: "2+2" })).body.result).toBe("4");
  });
});

test("the REPL: %pip install, then import; %pip list; an unknown command says which there are", async () => {
  const input = ["%pip install woma-for-repl", "import woma_for_repl", "print(woma_for_repl.NAME)", "%pip list", "%magic", "print('after')", ""].join("\n");
  // Not spawnSync: the mirror answers from this process, whose event loop must keep running.
  const child = Bun.spawn([process.execPath, join(REPO_ROOT, "cli", "main.ts"), "--pyodide-cache", testCacheDir(), ...flags()], { stdin: new TextEncoder().encode(input), stdout: "pipe", stderr: "pipe" });
  const timer = setTimeout(() => child.kill(), 120_000);
  const [stdout, stderr, status] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  clearTimeout(timer);
  const result = { stdout, stderr, status };
  expect(`${result.stdout}\n${result.stderr}`).toContain(`Installed woma-for-repl-1.0.${stamp}`);
  expect(result.stdout).toContain("woma-for-repl\n");
  expect(result.stdout).toMatch(new RegExp(`woma-for-repl\\s+1\\.0\\.${stamp}`));
  expect(result.stderr).toContain("woma: unknown command %magic; the REPL knows:\n  %pip install NAME");
  expect(result.stdout).toContain("after\n");
  expect(result.status).toBe(1); // a command failed, as a piped script with an error exits 1
});

test("the REPL: %pip install ./x.whl installs a wheel file from the terminal's folder", async () => {
  const folder = mkdtempSync(join(tmpdir(), "woma-repl-wheel-"));
  const local = wheel("woma-local-file");
  writeFileSync(join(folder, local.fileName), local.bytes);
  const input = [`%pip install ./${local.fileName}`, "import woma_local_file", "print(woma_local_file.NAME)", ""].join("\n");
  const child = Bun.spawn([process.execPath, join(REPO_ROOT, "cli", "main.ts"), "--pyodide-cache", testCacheDir(), ...flags()], { cwd: folder, stdin: new TextEncoder().encode(input), stdout: "pipe", stderr: "pipe" });
  const timer = setTimeout(() => child.kill(), 120_000);
  const [stdout, stderr, status] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  clearTimeout(timer);
  expect(`${stdout}\n${stderr}`).toContain(`Installed woma-local-file-1.0.${stamp}`);
  expect(stdout).toContain("woma-local-file\n");
  expect(status).toBe(0);
});
