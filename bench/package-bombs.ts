/**
 * A bystander tenant's `1+1` while another tenant installs hostile packages, against the same
 * bystander with nobody else at work, side by side in one run. The hostile tenant loops over a
 * wheel whose METADATA declares a few bytes but inflates to 200 MiB, a wheel of 400 MiB of
 * honest zeros (over --max-package-bytes unpacked), and a 40 MiB index page. Target: the
 * bystander's p99 under 100 ms. `bun bench/package-bombs.ts [--runs N]`
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import { buildHostileWheel } from "../test/harness/package-mirror.ts";
import { benchCache, WOMA_SCRIPT } from "./lib/woma.ts";
import { loadAverage, printRows, quantile, round } from "./lib/stats.ts";

const MiB = 1024 * 1024;
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 500;

// The hostile server runs in its own process, so serving does not share the bench's event loop.
if (process.argv[2] === "--serve") {
  const dir = process.argv[3]!;
  const files = new Map<string, Uint8Array>();
  for (const name of ["bomb", "zeros"]) files.set(name, new Uint8Array(await Bun.file(join(dir, `${name}.whl`)).arrayBuffer()));
  const page = new TextEncoder().encode(`<a href="/f/x-1.0-py3-none-any.whl">x-1.0-py3-none-any.whl</a>\n`.repeat(16 * 1024));
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      const path = new URL(request.url).pathname;
      if (path.startsWith("/simple/")) {
        let sent = 0;
        return new Response(new ReadableStream({ pull: (c) => (sent++ < (40 * MiB) / page.byteLength ? c.enqueue(page) : c.close()) }), { headers: { "content-type": "text/html" } });
      }
      const kind = path.includes("woma_zeros") ? "zeros" : "bomb";
      return new Response(files.get(kind));
    },
  });
  process.stdout.write(`${server.port}\n`);
} else {
  await main();
}

function row(what: string, times: number[], installs: number): string[] {
  return [what, String(times.length), String(installs), `${round(quantile(times, 0.5))} ms`, `${round(quantile(times, 0.99))} ms`, `${round(Math.max(...times))} ms`];
}

async function latencies(client: DaemonClient, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await client.run({ code: "1+1" });
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "woma-bench-bombs-"));
  process.stderr.write("bench: building the bombs\n");
  writeFileSync(join(dir, "bomb.whl"), buildHostileWheel({ name: "woma-bomb", version: "1.0", metadataInflatesTo: 200 * MiB }).bytes);
  writeFileSync(join(dir, "zeros.whl"), buildHostileWheel({ name: "woma-zeros", version: "1.0", zeros: 400 * MiB }).bytes);
  const server = spawn(process.execPath, [import.meta.path, "--serve", dir], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => server.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
  const socket = join(mkdtempSync(join(tmpdir(), "woma-bench-sock-")), "d.sock");
  const daemon = spawn(WOMA_SCRIPT[0]!, [...WOMA_SCRIPT.slice(1), "daemon", "--socket", socket, "--pyodide-cache", benchCache(), "--allow-net", `127.0.0.1:${port}`, "--max-package-bytes", String(256 * MiB), "--log-level", "warn"], { stdio: ["ignore", "ignore", "inherit"] });
  try {
    // Bun.file().exists() is false for a socket: existsSync sees it.
    while (!existsSync(socket)) await Bun.sleep(50);
    await Bun.sleep(200);
    const bystander = await DaemonClient.connect(socket);
    const hostile = await DaemonClient.connect(socket);
    process.stderr.write("bench: two tenants connected; waiting for their runners\n");
    for (const client of [bystander, hostile]) while ((await client.run({ code: "1+1" })).result !== "2") await Bun.sleep(50);
    process.stderr.write("bench: measuring\n");
    await latencies(bystander, 50);
    const quiet = await latencies(bystander, runs);
    const refusals = new Set<string>();
    const attacks: Record<string, () => Promise<unknown>> = {
      "a 200 MiB METADATA bomb": () => hostile.installPackages({ requirements: [`http://127.0.0.1:${port}/w/woma_bomb-1.0-py3-none-any.whl`] }),
      "400 MiB of zeros (over the cap)": () => hostile.installPackages({ requirements: [`http://127.0.0.1:${port}/w/woma_zeros-1.0-py3-none-any.whl`] }),
      "a 40 MiB index page": () => hostile.run({ code: `import micropip\ntry:\n    await micropip.install("x", index_urls=["http://127.0.0.1:${port}/simple/"])\nexcept ValueError as e:\n    print(e)` }).then((r) => (r.stdout ? Promise.reject(new Error(r.stdout.trim())) : r)),
    };
    const rows = [row("nobody else at work", quiet, 0)];
    const all: number[] = [];
    for (const [what, attack] of Object.entries(attacks)) {
      let stop = false;
      let installs = 0;
      const loop = (async () => {
        while (!stop) {
          await attack().catch((error: Error) => refusals.add(error.message.replace(/^.*?(is refused|could not be had|index_urls).*?: /, "").slice(0, 100)));
          installs++;
        }
      })();
      const loaded = await latencies(bystander, runs);
      stop = true;
      await loop;
      all.push(...loaded);
      rows.push(row(`another tenant installs ${what}`, loaded, installs));
    }
    printRows(`bystander 1+1 (load ${loadAverage()})`, ["while", "runs", "hostile installs", "p50", "p99", "max"], rows);
    console.log(`target: p99 under 100 ms while bombs are installed: ${quantile(all, 0.99) < 100 ? "met" : "NOT met"} (p99 of all ${all.length} runs under attack: ${round(quantile(all, 0.99))} ms)`);
    for (const reason of refusals) console.log(`  refused: ${reason}`);
    bystander.dispose();
    hostile.dispose();
  } finally {
    daemon.kill("SIGTERM");
    server.kill("SIGTERM");
  }
}
