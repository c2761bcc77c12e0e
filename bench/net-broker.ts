/** The network broker against a direct Bun fetch on loopback: GET latency, 20 MB throughput, and memory with 8 downloads at once. */
import { printTable, quantile, round, type Figure } from "./lib/stats.ts";
import { NetBroker } from "../daemon/net/broker.ts";
import { parseNetPolicy } from "../daemon/net/net-policy.ts";

const MB = 1024 * 1024;
const BIG = 20 * MB;

// The server runs in its own process, so its work does not share the client's event loop (or its RSS).
if (process.argv[2] === "--serve") {
  const block = new Uint8Array(256 * 1024).fill(120);
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(req) {
      const size = Number(new URL(req.url).searchParams.get("bytes") ?? "0");
      if (size === 0) return new Response("ok");
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= size) return controller.close();
          controller.enqueue(block);
          sent += block.length;
        },
      });
      return new Response(body, { headers: { "content-length": String(size) } });
    },
  });
  process.stdout.write(`${server.port}\n`);
} else {
  await main();
}

async function startServer(): Promise<{ port: number; stop: () => void }> {
  const child = Bun.spawn([process.execPath, import.meta.path, "--serve"], { stdout: "pipe", stderr: "inherit" });
  const reader = child.stdout.getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("bench server exited before printing its port");
    text += new TextDecoder().decode(value);
  }
  return { port: Number(text.trim()), stop: () => child.kill() };
}

async function drain(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null): Promise<number> {
  let bytes = 0;
  if (body === null) return 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}

async function latency(run: () => Promise<unknown>, count: number): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 200; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

async function throughput(run: () => Promise<number>, rounds = 5): Promise<number> {
  await run();
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const bytes = await run();
    if (bytes !== BIG) throw new Error(`downloaded ${bytes} bytes, expected ${BIG}`);
    rates.push(bytes / MB / ((performance.now() - started) / 1000));
  }
  return quantile(rates, 0.5);
}

async function main(): Promise<void> {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const broker = new NetBroker(parseNetPolicy("public", [`127.0.0.1:${server.port}`]), { maxResponseBytes: 64 * MB, log: () => {}, maxInFlightPerSession: 8 });
  const ctx = { session: "bench" };
  try {
    const count = Number(process.argv[2] ?? 2000);
    const direct = await latency(async () => drain((await fetch(`${base}/`)).body), count);
    const brokered = await latency(async () => drain((await broker.open({ url: `${base}/` }, ctx)).body), count);
    const directRate = await throughput(async () => drain((await fetch(`${base}/?bytes=${BIG}`)).body));
    const brokerRate = await throughput(async () => drain((await broker.open({ url: `${base}/?bytes=${BIG}` }, ctx)).body));

    // Eight 20 MB downloads of one session at once, read slowly enough that the network outpaces the reader.
    Bun.gc(true);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const sizes = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const response = await broker.open({ url: `${base}/?bytes=${BIG}` }, ctx);
        let bytes = 0;
        let chunks = 0;
        for await (const chunk of response.body) {
          bytes += chunk.length;
          if (++chunks % 32 === 0) await Bun.sleep(1);
        }
        return bytes;
      }),
    );
    const parallelSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (sizes.some((s) => s !== BIG)) throw new Error(`parallel sizes ${sizes.join(",")}`);
    const growth = (peak - rssBefore) / MB;

    const overhead = brokered.p50 - direct.p50;
    const figures: Figure[] = [
      { name: "loopback GET, direct Bun fetch, p50", value: direct.p50, unit: "ms", note: `p99 ${round(direct.p99, 3)} ms` },
      { name: "loopback GET, through the broker, p50", value: brokered.p50, unit: "ms", note: `p99 ${round(brokered.p99, 3)} ms` },
      { name: "broker overhead per GET, p50", value: overhead, unit: "ms", target: "<= 2 ms", ok: overhead <= 2 },
      { name: "20 MB download, direct Bun fetch", value: directRate, unit: "MB/s" },
      { name: "20 MB download, through the broker", value: brokerRate, unit: "MB/s", target: ">= 100 MB/s", ok: brokerRate >= 100 },
      { name: "8 x 20 MB at once, RSS growth", value: growth, unit: "MiB", target: "bounded (< 160 MiB of bodies)", ok: growth < 160, note: `${round((8 * BIG) / MB / parallelSeconds, 0)} MB/s together` },
    ];
    printTable(`network broker on loopback (${count} sequential GETs each way; median of 5 downloads)`, figures);
    console.log(
      JSON.stringify({
        net_broker: {
          get_ms: { direct_p50: round(direct.p50, 3), direct_p99: round(direct.p99, 3), broker_p50: round(brokered.p50, 3), broker_p99: round(brokered.p99, 3) },
          download_mb_s: { direct: round(directRate, 0), broker: round(brokerRate, 0) },
          parallel_8x20mb_rss_growth_mib: round(growth, 1),
        },
      }),
    );
  } finally {
    server.stop();
  }
}
