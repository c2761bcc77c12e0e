/** Three woma instances behind Debian's HAProxy with the reference configs of deploy/haproxy/, all on 127.0.0.1: sessions stay on their instance, an instance drains on SIGTERM without losing its run, its sessions land elsewhere and are told, and MCP clients keep their state. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startHaproxy, type HaproxyUnderTest } from "../harness/haproxy.ts";
import { send } from "../harness/http.ts";
import { waitFor } from "../harness/paths.ts";
import { runPython, startHttpMcp, textOf, type HttpMcp } from "../harness/start-mcp.ts";
import { startServe, type ServeUnderTest } from "../harness/start-serve.ts";

const JSON_TYPE = { "Content-Type": "application/json" };

/** The host:port of a server's URL. */
const address = (url: string | URL) => new URL(url).host;

describe("three woma serve behind HAProxy (deploy/haproxy/woma-serve.cfg)", () => {
  const servers: ServeUnderTest[] = [];
  let haproxy: HaproxyUnderTest;
  /** The instance each session was answered by, learnt in the first test. */
  const home = new Map<string, string>();
  const SESSIONS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"];
  const run = (session: string, code: string) => send(`${haproxy.url}/python`, { method: "POST", headers: { ...JSON_TYPE, "X-Woma-Session": session }, body: JSON.stringify({ code }) });

  beforeAll(async () => {
    servers.push(...(await Promise.all(["rest-1", "rest-2", "rest-3"].map((id) => startServe(["--instance-id", id, "--workers", "1"])))));
    haproxy = await startHaproxy("woma-serve.cfg", servers.map((server) => address(server.url)));
  });
  afterAll(async () => {
    await haproxy?.stop();
    await Promise.all(servers.map((server) => server.stop()));
  });

  test("each session stays on one instance and keeps its variables; the sessions spread over the instances", async () => {
    for (const session of SESSIONS) {
      const first = await run(session, `count = 0\nname = ${JSON.stringify(session)}`);
      expect(first.body).toMatchObject({ status: "success", session, session_created: true });
      const instance = first.headers.get("x-woma-instance")!;
      home.set(session, instance);
      for (let i = 1; i <= 3; i++) {
        const next = await run(session, "count += 1\n(name, count)");
        expect({ session, instance: next.headers.get("x-woma-instance"), result: next.body.result, created: next.body.session_created }).toEqual({ session, instance, result: `('${session}', ${i})`, created: false });
      }
    }
    expect(new Set(home.values()).size).toBeGreaterThanOrEqual(2);
  });

  test("SIGTERM to an instance during a 3 s run: the answer arrives through HAProxy, HAProxy marks it down, its sessions land elsewhere with session_created: true, the others keep theirs", async () => {
    const victimId = home.get(SESSIONS[0]!)!;
    const victim = servers.find((server) => server.stderr().includes(`instance ${victimId}`))!;
    const victimName = `w${servers.indexOf(victim) + 1}`;
    const long = run(SESSIONS[0]!, "import time\ntime.sleep(3)\ncount * 100");
    await waitFor("the run to reach its instance", async () => /woma_http_requests_in_flight 1\n/.test(await (await fetch(`${victim.url}/metrics`)).text()), 10_000);
    victim.process.kill("SIGTERM");
    const answer = await long;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "success", result: "300" });
    expect(answer.headers.get("x-woma-instance")).toBe(victimId);
    await waitFor(`HAProxy to mark ${victimName} down`, async () => (await haproxy.states())[victimName]!.startsWith("DOWN"), 10_000);
    expect(await victim.exited).toBe(0);

    for (const session of SESSIONS) {
      const after = await run(session, "'count' in globals()");
      const instance = after.headers.get("x-woma-instance");
      if (home.get(session) === victimId) {
        // Its state is gone with its instance, and the answer says so.
        expect({ session, moved: instance !== victimId, created: after.body.session_created, result: after.body.result }).toEqual({ session, moved: true, created: true, result: "False" });
      } else {
        expect({ session, instance, created: after.body.session_created, result: after.body.result }).toEqual({ session, instance: home.get(session)!, created: false, result: "True" });
      }
    }
  });
});

describe("three woma mcp --port behind HAProxy (deploy/haproxy/woma-mcp.cfg)", () => {
  const servers: HttpMcp[] = [];
  let haproxy: HaproxyUnderTest;

  beforeAll(async () => {
    servers.push(...(await Promise.all(["mcp-1", "mcp-2", "mcp-3"].map((id) => startHttpMcp(["--instance-id", id])))));
    haproxy = await startHaproxy("woma-mcp.cfg", servers.map((server) => address(server.url)));
  });
  afterAll(async () => {
    await haproxy?.stop();
    await Promise.all(servers.map((server) => server.stop()));
  });

  test("four MCP SDK clients through HAProxy each keep their variables; HAProxy learnt each session's instance from its answer", async () => {
    const url = `${haproxy.url}/mcp`;
    const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
    const { StreamableHTTPClientTransport } = await import("@modelcontextprotocol/sdk/client/streamableHttp.js");
    const clients = await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const transport = new StreamableHTTPClientTransport(new URL(url));
        const client = new Client({ name: `agent-${n}`, version: "1.0.0" });
        await client.connect(transport);
        return { n, client, transport };
      }),
    );
    try {
      for (const { n, client } of clients) expect(textOf(await runPython(client, { code: `mine = ${n * 10}`, session: "main" }))).not.toContain("Error");
      for (let round = 1; round <= 3; round++) {
        for (const { n, client } of clients) {
          const result = await runPython(client, { code: "mine += 1\nmine", session: "main" });
          expect({ n, round, text: textOf(result).includes(String(n * 10 + round)), isError: result.isError ?? false }).toEqual({ n, round, text: true, isError: false });
        }
      }
      const instances = clients.map(({ transport }) => transport.sessionId!.split(".")[0]);
      for (const instance of instances) expect(["mcp-1", "mcp-2", "mcp-3"]).toContain(instance!);
      expect(new Set(instances).size).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all(clients.map(({ client }) => client.close().catch(() => {})));
    }
  });
});
