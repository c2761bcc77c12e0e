/**
 * Issue 15 over real HTTP: what a web page can make a local `woma serve` or `woma mcp --port`
 * do. Every case runs against both servers (subprocesses attached to one daemon), and every
 * refused attempt to run `x += 1` is checked by reading `x` back from a loopback client.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startGuarded, type GuardedKind, type GuardedServer } from "../harness/guarded-server.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const KINDS: GuardedKind[] = ["woma serve", "woma mcp --port"];
const EVIL = "https://evil.example";
const TOKEN = "guard-token-7c1e";

let daemon: DaemonUnderTest;
beforeAll(async () => {
  daemon = await startDaemon({ transport: "socket", args: ["--workers", "1"] });
});
afterAll(async () => {
  await daemon?.stop();
});

/** Starts a server for one describe block and stops it after. */
function serverFor(kind: GuardedKind, label: string, args: string[], token?: string): () => GuardedServer {
  let server: GuardedServer | undefined;
  beforeAll(async () => {
    const session = `guard-${kind === "woma serve" ? "rest" : "mcp"}-${label}`;
    server = await startGuarded(kind, { args: ["--connect", daemon.socketPath!, ...args], session, ...(token === undefined ? {} : { token }) });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => server!;
}

describe.each(KINDS)("%s with default flags", (kind) => {
  const server = serverFor(kind, "default", []);

  test("a page on a foreign origin, JSON POST: 403 with no CORS header, and no code ran", async () => {
    await server().run("json_counter = 0");
    const answer = await server().attempt("json_counter += 1", { Origin: EVIL });
    expect(answer.status).toBe(403);
    expect(answer.allowOrigin).toBeNull();
    expect(answer.error).toStartWith(`Origin "${EVIL}" refused`);
    expect(answer.error).toContain(`--cors-origin ${EVIL}`);
    const preflight = await server().preflight(EVIL);
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
    expect(await server().run("json_counter")).toBe("0");
  });

  test("a page on a foreign origin, text/plain POST (sent with no preflight): 415, and no code ran", async () => {
    await server().run("plain_counter = 0");
    const answer = await server().attempt("plain_counter += 1", { Origin: EVIL }, "text/plain;charset=UTF-8");
    expect(answer.status).toBe(415);
    expect(answer.allowOrigin).toBeNull();
    expect(answer.error).toContain("Content-Type: application/json");
    // Nor without an Origin, nor as a form: only JSON is read.
    expect((await server().attempt("plain_counter += 1", {}, "application/x-www-form-urlencoded")).status).toBe(415);
    expect(await server().run("plain_counter")).toBe("0");
  });

  test("a foreign Host (a DNS-rebinding page): 403 naming --allow-host, and no code ran", async () => {
    await server().run("host_counter = 0");
    const host = `evil.example:${server().endpoint.port}`;
    const answer = await server().attempt("host_counter += 1", { Host: host, Origin: `http://${host}` });
    expect(answer.status).toBe(403);
    expect(answer.error).toStartWith(`Host "${host}" refused`);
    expect(answer.error).toContain("--allow-host evil.example");
    // Without an Origin too: the Host alone is enough to refuse.
    expect((await server().attempt("host_counter += 1", { Host: host })).status).toBe(403);
    expect(await server().run("host_counter")).toBe("0");
  });

  test("a page on a loopback origin: 200, its Origin echoed, and the code ran", async () => {
    await server().run("local_counter = 0");
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080"]) {
      const answer = await server().attempt("local_counter += 1; local_counter", { Origin: origin });
      expect(answer.status).toBe(200);
      expect(answer.allowOrigin).toBe(origin);
      const preflight = await server().preflight(origin);
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
      expect(preflight.headers.get("access-control-allow-headers")).toContain("Content-Type");
    }
    expect(await server().run("local_counter")).toBe("3");
  });
});

describe.each(KINDS)("%s with --token (WOMA_TOKEN)", (kind) => {
  const server = serverFor(kind, "token", [], TOKEN);

  test("a foreign origin without the token: 401 and no code ran; with it: 200, and any origin may read (CORS *)", async () => {
    await server().run("token_counter = 0");
    const without = await server().attempt("token_counter += 1", { Origin: EVIL });
    expect(without.status).toBe(401);
    expect(without.error).toContain("missing token");
    expect((await server().attempt("token_counter += 1", { Origin: EVIL, Authorization: "Bearer wrong" })).status).toBe(401);
    expect(await server().run("token_counter")).toBe("0");
    const withToken = await server().attempt("token_counter += 1; token_counter", { Origin: EVIL, Authorization: `Bearer ${TOKEN}` });
    expect(withToken.status).toBe(200);
    expect(withToken.result).toBe("1");
    expect(withToken.allowOrigin).toBe("*");
    expect((await server().preflight(EVIL)).status).toBe(204);
  });

  test("the Host check does not depend on the token", async () => {
    await server().run("token_host_counter = 0");
    const host = `evil.example:${server().endpoint.port}`;
    expect((await server().attempt("token_host_counter += 1", { Host: host, Authorization: `Bearer ${TOKEN}` })).status).toBe(403);
    expect(await server().run("token_host_counter")).toBe("0");
  });
});

describe.each(KINDS)("%s with --cors-origin https://app.example", (kind) => {
  const server = serverFor(kind, "cors", ["--cors-origin", "https://app.example"]);

  test("that origin calls and reads; another foreign origin is still 403 with no CORS header", async () => {
    await server().run("app_counter = 0");
    const app = await server().attempt("app_counter += 1; app_counter", { Origin: "https://app.example" });
    expect(app.status).toBe(200);
    expect(app.result).toBe("1");
    expect(app.allowOrigin).toBe("https://app.example");
    const appPreflight = await server().preflight("https://app.example");
    expect(appPreflight.status).toBe(204);
    expect(appPreflight.headers.get("access-control-allow-origin")).toBe("https://app.example");

    for (const origin of [EVIL, "http://app.example", "https://app.example:8443"]) {
      const other = await server().attempt("app_counter += 1", { Origin: origin });
      expect(other.status).toBe(403);
      expect(other.allowOrigin).toBeNull();
      expect((await server().preflight(origin)).headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(await server().run("app_counter")).toBe("1");
  });
});

describe.each(KINDS)("%s with --host LOCALHOST", (kind) => {
  const server = serverFor(kind, "upper", ["--host", "LOCALHOST"]);

  test("the Host check stays on (woma mcp used to turn it off for this spelling)", async () => {
    await server().run("upper_counter = 0");
    const host = `evil.example:${server().endpoint.port}`;
    expect((await server().attempt("upper_counter += 1", { Host: host })).status).toBe(403);
    expect(await server().run("upper_counter")).toBe("0");
    expect((await server().attempt("upper_counter += 1; upper_counter", { Host: `LocalHost:${server().endpoint.port}` })).result).toBe("1");
  });
});
