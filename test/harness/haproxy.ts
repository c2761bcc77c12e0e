/** Debian's HAProxy for the tests, with one of the reference configs of deploy/haproxy/: started on 127.0.0.1 in the foreground, asked for its servers' states over its runtime API. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, waitFor } from "./paths.ts";

/** A running HAProxy. */
export interface HaproxyUnderTest {
  /** The frontend's base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Each server's state as HAProxy sees it (`UP`, `DOWN`, `MAINT`, ...), by server name (`w1`, ...). */
  states(): Promise<Record<string, string>>;
  /** What it printed (its request log and warnings). */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Sends one command to HAProxy's runtime API socket and resolves with its answer. */
function ask(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath, () => socket.write(`${command}\n`));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

/**
 * Starts `haproxy -db -f deploy/haproxy/<config>` with the config's variables set: the
 * frontend on a free port of 127.0.0.1, `WOMA_1`, `WOMA_2`, ... the given servers
 * (`host:port`), the runtime API on a socket of its own. Resolves once every server is UP
 * (HAProxy's checks of /ready passed), or throws naming the states it saw.
 */
export async function startHaproxy(config: string, servers: string[]): Promise<HaproxyUnderTest> {
  const port = await freePort();
  const admin = join(mkdtempSync(join(tmpdir(), "woma-haproxy-")), "admin.sock");
  const env: Record<string, string> = { ...(process.env as Record<string, string>), WOMA_BIND: `127.0.0.1:${port}`, HAPROXY_ADMIN: admin };
  servers.forEach((server, at) => (env[`WOMA_${at + 1}`] = server));
  let child: ChildProcess;
  try {
    child = spawn("haproxy", ["-db", "-f", join(REPO_ROOT, "deploy", "haproxy", config)], { env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new Error(`haproxy could not start (apt-get install haproxy): ${(error as Error).message}`);
  }
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("error", (error) => (output += `\nspawn error: ${error.message}`));
  const states = async (): Promise<Record<string, string>> => {
    const csv = await ask(admin, "show stat");
    const [header = "", ...rows] = csv.split("\n");
    const columns = header.replace(/^# /, "").split(",");
    const name = columns.indexOf("svname");
    const status = columns.indexOf("status");
    const found: Record<string, string> = {};
    for (const row of rows) {
      const cells = row.split(",");
      const server = cells[name];
      if (server && server !== "FRONTEND" && server !== "BACKEND") found[server] = cells[status] ?? "";
    }
    return found;
  };
  let last: Record<string, string> = {};
  await waitFor(
    `HAProxy to see every server UP (last seen: ${JSON.stringify(last)}; its output: ${output})`,
    async () => {
      if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}: ${output}`);
      last = await states().catch(() => ({}));
      return Object.keys(last).length === servers.length && Object.values(last).every((state) => state === "UP");
    },
    30_000,
  );
  return {
    url: `http://127.0.0.1:${port}`,
    states,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
