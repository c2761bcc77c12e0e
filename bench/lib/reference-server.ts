/**
 * The references woma's fast path is held to, each a Bun process with Pyodide on its own
 * thread behind `Bun.serve`, answering `POST /python` with the body woma's REST bridge takes:
 *
 * - `floor`: nothing but `runPythonAsync(code)` and its value as a string: what any server
 *   running Python in-process costs at least.
 * - `original`: the original tool's shape: one interpreter whose globals persist, stdout and
 *   stderr captured per run (runs one at a time, so captures do not mix), the repr of the
 *   value, an exception as `Type: message`, `execution_time_ms`, open CORS.
 *
 *   bun bench/lib/reference-server.ts floor|original INDEX_URL
 *
 * Prints `listening on URL` on stdout once it serves. Not a server for anything but benchmarks.
 */
import { loadPyodide } from "pyodide";

const [kind, indexURL] = [process.argv[2], process.argv[3]];
if (kind !== "floor" && kind !== "original") throw new Error(`usage: bun bench/lib/reference-server.ts floor|original INDEX_URL (got ${kind})`);
const pyodide = await loadPyodide({ indexURL: indexURL ?? undefined, stdout: () => {}, stderr: () => {} });
const repr = pyodide.globals.get("repr") as (value: unknown) => string;
const globals = pyodide.toPy({}) as ReturnType<typeof pyodide.globals.get>;
const output = { stdout: [] as string[], stderr: [] as string[] };
pyodide.setStdout({ batched: (text: string) => void output.stdout.push(`${text}\n`) });
pyodide.setStderr({ batched: (text: string) => void output.stderr.push(`${text}\n`) });
const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Access-Control-Allow-Methods": "GET, POST, OPTIONS" };
let queue: Promise<unknown> = Promise.resolve();

/** The floor: the value, as a string. */
async function floor(code: string): Promise<Response> {
  const value = await pyodide.runPythonAsync(code);
  return Response.json({ status: "success", result: value === undefined ? null : String(value) });
}

/** The original tool's run: one at a time, output captured, repr of the value, errors as results. */
function original(code: string): Promise<Response> {
  const run = queue.then(async () => {
    output.stdout = [];
    output.stderr = [];
    const started = performance.now();
    let status = "success";
    let result: string | null = null;
    try {
      const value = await pyodide.runPythonAsync(code, { globals });
      if (value !== undefined) result = repr(value);
      (value as { destroy?: () => void } | undefined)?.destroy?.();
    } catch (error) {
      status = "exception";
      const lines = String((error as Error).message).trim().split("\n");
      result = lines[lines.length - 1] ?? "error";
    }
    return Response.json(
      { status, result, execution_time_ms: performance.now() - started, stdout: output.stdout.join(""), stderr: output.stderr.join("") },
      { headers: CORS },
    );
  });
  queue = run.catch(() => {});
  return run;
}

const server = Bun.serve({
  hostname: "127.0.0.1",
  port: 0,
  async fetch(request) {
    const url = new URL(request.url);
    if (request.method === "GET" && url.pathname === "/health") return Response.json({ status: "healthy" }, { headers: CORS });
    if (request.method !== "POST" || url.pathname !== "/python") return new Response("not found", { status: 404 });
    const body = (await request.json()) as { code?: unknown };
    if (typeof body.code !== "string") return Response.json({ error: '"code" must be a string' }, { status: 400, headers: CORS });
    return kind === "floor" ? floor(body.code) : original(body.code);
  },
});
process.stdout.write(`listening on http://127.0.0.1:${server.port}\n`);
