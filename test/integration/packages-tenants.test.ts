/**
 * The package cache between tenants, on the real daemon with two tenants (two socket
 * connections): a wheel one tenant fetched from its URL or its hashless index never answers
 * another tenant's request, a download in flight is shared only for the same expected bytes,
 * a file under another hash never replaces one an interpreter may load, and a wheel bomb or a
 * huge index page is refused with a clear error while the daemon serves everyone else.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { rejection } from "../harness/expect-error.ts";
import { buildHostileWheel, buildWheel, MirrorServer, writeLockMirror, type BuiltWheel } from "../harness/package-mirror.ts";
import { waitFor } from "../harness/paths.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const MiB = 1024 * 1024;
/** Two builds of one release of `name`: what tenant A's server and tenant B's server serve under the same file name. */
function rival(name: string): { evil: BuiltWheel; good: BuiltWheel } {
  return { evil: buildWheel({ name, version: "1.0", files: { "who.py": "WHO = 'evil'\n" } }), good: buildWheel({ name, version: "1.0", files: { "who.py": "WHO = 'good'\n" } }) };
}
const byUrl = rival("woma-p-url");
const byIndex = rival("woma-p-index");
const inFlight = rival("woma-p-race");
const shared = rival("woma-shared");
const rehash = rival("woma-rehash");
const bomb = buildHostileWheel({ name: "woma-bomb", version: "1.0", metadataInflatesTo: 200 * MiB });

let lockMirror: MirrorServer;
let serverA: MirrorServer;
let serverB: MirrorServer;
/** Serves an index page of 40 MiB for any project. */
const hugeIndex = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  fetch: () => {
    let sent = 0;
    const block = new TextEncoder().encode(`<a href="/f/x-1.0-py3-none-any.whl">x-1.0-py3-none-any.whl</a>\n`.repeat(1024));
    return new Response(new ReadableStream({ pull: (c) => (sent++ < (40 * MiB) / block.byteLength ? c.enqueue(block) : c.close()) }), { headers: { "content-type": "text/html" } });
  },
});

let daemon: DaemonUnderTest;
let tenantA: DaemonClient;
let tenantB: DaemonClient;

beforeAll(async () => {
  const lockDir = mkdtempSync(join(tmpdir(), "woma-tenants-lock-"));
  writeLockMirror(lockDir, [{ wheel: shared.good }]);
  lockMirror = MirrorServer.start({ mirrorDir: lockDir });
  const empty = mkdtempSync(join(tmpdir(), "woma-tenants-empty-"));
  serverA = MirrorServer.start({ mirrorDir: empty, indexHashes: false, index: { [byUrl.evil.name]: [byUrl.evil], [byIndex.evil.name]: [byIndex.evil], [inFlight.evil.name]: [inFlight.evil], [shared.evil.name]: [shared.evil], [rehash.evil.name]: [rehash.evil], [bomb.name]: [bomb] } });
  serverB = MirrorServer.start({ mirrorDir: empty, indexHashes: false, index: { [byUrl.good.name]: [byUrl.good], [byIndex.good.name]: [byIndex.good], [inFlight.good.name]: [inFlight.good], [shared.evil.name]: [shared.evil], [rehash.good.name]: [rehash.good] } });
  // Tenants may fetch from loopback here, so that their own servers answer them.
  daemon = await startDaemon({ transport: "socket", args: ["--allow-net", "127.0.0.1", "--packages-url", lockMirror.url, "--pypi-index", lockMirror.indexUrl] });
  tenantA = daemon.client;
  tenantB = await daemon.connect();
});
afterAll(async () => {
  tenantB?.dispose();
  await daemon?.stop();
  for (const server of [lockMirror, serverA, serverB]) server?.stop();
  hugeIndex.stop(true);
});

const fileUrl = (server: MirrorServer, wheel: BuiltWheel) => `${server.url}files/${wheel.fileName}`;
const who = async (client: DaemonClient, module: string, session?: string) => (await client.run({ code: `from ${module}.who import WHO; WHO`, ...(session ? { session_id: session } : {}) })).result;

describe("the cache cannot be poisoned across tenants", () => {
  test("a wheel from a URL: tenant B's same-named file comes from B's server, not from what A fetched", async () => {
    await tenantA.installPackages({ requirements: [fileUrl(serverA, byUrl.evil)] });
    expect(await who(tenantA, "woma_p_url")).toBe("'evil'");
    const before = serverB.requests(`files/${byUrl.good.fileName}`);
    await tenantB.installPackages({ requirements: [fileUrl(serverB, byUrl.good)] });
    expect(serverB.requests(`files/${byUrl.good.fileName}`)).toBe(before + 1);
    expect(await who(tenantB, "woma_p_url")).toBe("'good'");
  });

  test("a wheel from an index without hashes: each tenant gets its own index's bytes", async () => {
    const install = (client: DaemonClient, server: MirrorServer) => client.run({ code: `import micropip\nawait micropip.install("woma-p-index", index_urls=[${JSON.stringify(server.indexUrl)}])` });
    expect((await install(tenantA, serverA)).status).toBe("success");
    expect(await who(tenantA, "woma_p_index")).toBe("'evil'");
    expect((await install(tenantB, serverB)).status).toBe("success");
    expect(serverB.requests(`files/${byIndex.good.fileName}`)).toBe(1);
    expect(await who(tenantB, "woma_p_index")).toBe("'good'");
  });

  test("a sha256-pinned install while another tenant's same-named download is in flight gets its own bytes, at once", async () => {
    let release!: () => void;
    serverA.hold(`files/${inFlight.evil.fileName}`, new Promise<void>((resolve) => (release = resolve)));
    const slow = tenantA.installPackages({ requirements: [fileUrl(serverA, inFlight.evil)] });
    await waitFor("tenant A's download to start", () => serverA.requests(`files/${inFlight.evil.fileName}`) > 0, 10_000);
    try {
      await tenantB.installPackages({ requirements: [`${fileUrl(serverB, inFlight.good)}#sha256=${inFlight.good.sha256}`] });
      expect(await who(tenantB, "woma_p_race")).toBe("'good'");
    } finally {
      release();
    }
    await slow;
    expect(await who(tenantA, "woma_p_race")).toBe("'evil'");
  });

  test("a re-fetch of the same file name under another hash leaves other tenants' interpreters working", async () => {
    await tenantA.installPackages({ requirements: [fileUrl(serverA, rehash.evil)] });
    const first = await tenantA.createSession({ fresh_interpreter: true });
    expect(await who(tenantA, "woma_rehash", first.session.session_id)).toBe("'evil'");
    await tenantB.installPackages({ requirements: [`${fileUrl(serverB, rehash.good)}#sha256=${rehash.good.sha256}`] });
    expect(await who(tenantB, "woma_rehash")).toBe("'good'");
    // A's next interpreter installs A's file again: it is still there, whole.
    const next = await tenantA.createSession({ fresh_interpreter: true });
    expect(await who(tenantA, "woma_rehash", next.session.session_id)).toBe("'evil'");
  });

  test("a lock file's name fetched by another tenant with other bytes does not touch the shared file", async () => {
    const session = await tenantA.createSession({ fresh_interpreter: true });
    expect(await who(tenantA, "woma_shared", session.session.session_id)).toBe("'good'");
    // Tenant B fetches other bytes under the lock file's very name.
    await tenantB.installPackages({ requirements: [fileUrl(serverB, shared.evil)] });
    expect(await who(tenantB, "woma_shared")).toBe("'evil'");
    const again = await tenantA.createSession({ fresh_interpreter: true });
    expect(await who(tenantA, "woma_shared", again.session.session_id)).toBe("'good'");
  });
});

describe("bounded work", () => {
  test("a wheel whose METADATA lies about its size (200 MiB inflated) is refused with a clear error; the daemon answers meanwhile", async () => {
    const error = await rejection(tenantA.installPackages({ requirements: [fileUrl(serverA, bomb)] }));
    expect(error.message).toContain(`${bomb.fileName} is refused`);
    expect(error.message).toContain("inflates to other than");
    expect((await tenantB.run({ code: "1 + 1" })).result).toBe("2");
  });

  test("an index page over the cap is refused, naming the limit", async () => {
    const said = await tenantA.run({ code: `import micropip\ntry:\n    await micropip.install("x", index_urls=["http://127.0.0.1:${hugeIndex.port}/simple/"])\nexcept ValueError as e:\n    print(e)` });
    expect(said.stdout).toContain("larger than the limit of 16777216 bytes (woma's limit for an index page)");
    expect((await tenantB.run({ code: "1 + 1" })).result).toBe("2");
  });
});
