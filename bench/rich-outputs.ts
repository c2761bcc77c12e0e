/**
 * What display outputs cost (issue 13): a run with no display output against the same run
 * on another checkout (`WOMA_BASE=/path/to/checkout`, e.g. the commit before this work), and
 * a run that displays a 1 MB PNG against the same run that does not. Runs alternate between
 * the two sides, so load on a shared machine falls on both alike. Prints figures; asserts
 * nothing.
 *
 *   bun bench/rich-outputs.ts [runs]            # this checkout only
 *   WOMA_BASE=/tmp/woma-base bun bench/rich-outputs.ts
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { DaemonClient } from "../clients/shared/daemon-client.ts";
import { alternate, printTable, quantile, round, type Figure } from "./lib/stats.ts";
import { PNG_SETUP } from "./lib/png-setup.ts";
import { benchCache, stdioDaemon } from "./lib/woma.ts";

const RUNS = Number(process.argv[2] ?? 400);

/** The shared setup, answering with the PNG's size. */
const SETUP = `${PNG_SETUP}len(PNG_BYTES)\n`;

const stats = (values: number[]) => ({ p50: quantile(values, 0.5), p90: quantile(values, 0.9), mean: values.reduce((a, b) => a + b, 0) / values.length });

async function session(client: DaemonClient): Promise<string> {
  return (await client.createSession()).session.session_id;
}

const base = process.env.WOMA_BASE;
const mine = await stdioDaemon(["--pyodide-cache", benchCache(), "--workers", "1"]);
await mine.client.initialize("bench");
const theirs = base ? await stdioDaemon(["--pyodide-cache", benchCache("woma-bench-cache-base"), "--workers", "1"], [process.execPath, join(base, "cli", "main.ts")]) : undefined;
const figures: Figure[] = [];
const json: Record<string, unknown> = { machine: { cores: navigator.hardwareConcurrency, bun: Bun.version }, at: new Date().toISOString(), runs: RUNS };
try {
  const mySession = await session(mine.client);
  const cases = [{ name: "this", run: () => mine.client.run({ code: "1+1", session_id: mySession }) }];
  if (theirs) {
    const theirSession = await session(theirs.client);
    cases.push({ name: "base", run: () => theirs.client.run({ code: "1+1", session_id: theirSession }) });
  }
  process.stderr.write("bench: 1+1 without display outputs...\n");
  const plain = await alternate(cases, RUNS);
  const now = stats(plain.get("this")!);
  figures.push({ name: "1+1 in a session, this checkout, p50", value: now.p50, unit: "ms", note: `p90 ${round(now.p90, 3)} ms, mean ${round(now.mean, 3)} ms` });
  json.plain_ms = { this: { p50: round(now.p50, 3), p90: round(now.p90, 3), mean: round(now.mean, 3) } };
  if (theirs) {
    const before = stats(plain.get("base")!);
    figures.push({ name: "1+1 in a session, WOMA_BASE, p50", value: before.p50, unit: "ms", note: `p90 ${round(before.p90, 3)} ms, mean ${round(before.mean, 3)} ms` });
    figures.push({ name: "added cost of a run without outputs (p50)", value: now.p50 - before.p50, unit: "ms", target: "within noise", note: `${round((now.p50 / before.p50 - 1) * 100, 1)} %` });
    (json.plain_ms as Record<string, unknown>).base = { p50: round(before.p50, 3), p90: round(before.p90, 3), mean: round(before.mean, 3) };
  }

  process.stderr.write("bench: a 1 MB PNG output against the same run without it...\n");
  const setup = await mine.client.run({ code: SETUP, session_id: mySession });
  const pngBytes = Number(setup.result);
  let received = 0;
  const whole = (result: { outputs?: Array<{ data: Record<string, string | undefined> }> }) => {
    if (result.outputs?.[0]?.data["image/png"]?.length !== Math.ceil(pngBytes / 3) * 4) throw new Error("the PNG did not arrive whole");
  };
  const png = await alternate(
    [
      { name: "without", run: () => mine.client.run({ code: "Picture();", session_id: mySession }) },
      // As MCP and the REST bridge ask: the output comes once, in the result.
      { name: "in the result", run: async () => whole(await mine.client.run({ code: "display(Picture())", session_id: mySession })) },
      // As the REPL asks: streamed as a notification too.
      { name: "streamed too", run: async () => whole(await mine.client.run({ code: "display(Picture())", session_id: mySession }, { onDisplay: () => void received++ })) },
    ],
    Math.max(20, Math.round(RUNS / 10)),
  );
  const without = stats(png.get("without")!);
  const once = stats(png.get("in the result")!);
  const twice = stats(png.get("streamed too")!);
  // For scale on this machine: one JSON encode and decode of a message holding the output.
  const message = JSON.stringify({ jsonrpc: "2.0", method: "python/display", params: { output: { data: { "image/png": randomBytes(pngBytes).toString("base64") } } } });
  const codec: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    JSON.parse(JSON.stringify(JSON.parse(message)));
    codec.push(performance.now() - started);
  }
  const mib = round(pngBytes / 1048576, 2);
  figures.push({ name: "the run without displaying the PNG, p50", value: without.p50, unit: "ms", note: `p90 ${round(without.p90, 2)} ms` });
  figures.push({ name: `displaying a ${mib} MiB PNG, added (p50), in the result only`, value: once.p50 - without.p50, unit: "ms", target: "about 20 ms", ok: once.p50 - without.p50 <= 20, note: `p90 ${round(once.p90 - without.p90, 1)} ms` });
  figures.push({ name: `displaying a ${mib} MiB PNG, added (p50), streamed too`, value: twice.p50 - without.p50, unit: "ms", note: `p90 ${round(twice.p90 - without.p90, 1)} ms` });
  figures.push({ name: "for scale: one JSON encode + decode of that message here", value: quantile(codec, 0.5), unit: "ms", note: "the output crosses two such hops (three streamed)" });
  json.png_ms = {
    bytes: pngBytes,
    without_p50: round(without.p50, 2),
    added_in_result_p50: round(once.p50 - without.p50, 2),
    added_streamed_p50: round(twice.p50 - without.p50, 2),
    json_codec_p50: round(quantile(codec, 0.5), 2),
    notifications: received,
  };
} finally {
  await mine.stop();
  await theirs?.stop();
}
printTable(`display outputs (${RUNS} alternating runs; ${navigator.hardwareConcurrency} cores)`, figures);
console.log(JSON.stringify({ rich_outputs: json }));
