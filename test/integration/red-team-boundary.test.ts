/**
 * The red team, second pass (issue 21): what a fresh red team got through the runner boundary,
 * each probed at every isolation level this machine has. Each test says what it would reach;
 * each failed against the code before this pass. The first pass is red-team.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { chownSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { isolationLevels } from "../harness/isolation-levels.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "../harness/paths.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const ROOT = process.getuid?.() === 0;
const FILTER_PROBE = join(REPO_ROOT, "test", "fixtures", "filter-probe.ts");
/** Paths of this host that Python must never see: the checkout (the daemon's working directory), the cache, Bun's directory. */
const HOST_PATHS = [REPO_ROOT, testCacheDir(), dirname(process.execPath)];
const hostPathIn = (text: string) => HOST_PATHS.filter((path) => text.includes(path));

/** The Python that finds the worker's display sink through gc, as an attacker who read woma's source would. */
const DISPLAY_SINK = "import gc\nfrom pyodide.ffi import JsProxy\nsink = next(v for o in gc.get_objects() if type(o) is dict for v in list(o.values()) if isinstance(v, JsProxy) and getattr(v, 'name', None) == 'displayForPython')";

/** The pid of the Bun process of a runner (below bubblewrap's under namespace isolation). */
function runnerProcess(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) pids.push(...readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number));
  return pids.find((p) => {
    const cmdline = readFileSync(`/proc/${p}/cmdline`, "utf8");
    return cmdline.includes("__runner") && !cmdline.includes("bwrap");
  })!;
}

for (const level of isolationLevels("red team (second pass)")) {
  describe(`red team, second pass, at ${level} isolation`, () => {
    let daemon: DaemonUnderTest;
    /** Answers after a delay, so a request can outlive the run that made it. */
    let slow: ReturnType<typeof Bun.serve> | undefined;

    beforeAll(async () => {
      slow = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: async () => (await Bun.sleep(400), new Response("late")) });
      // Debug logging shows what the daemon logs of a runner's own stdout and stderr.
      daemon = await startDaemon({ transport: "socket", args: ["--isolation", level, "--max-runners", "8", "--allow-net", `127.0.0.1:${slow.port}`], env: { WOMA_LOG: "debug" } });
      expect((await daemon.client.info()).isolation.level).toBe(level);
    });
    afterAll(async () => {
      await daemon?.stop();
      slow?.stop(true);
    });

    /** A connection of its own (a tenant of its own), for probes that get their runner killed. */
    const withTenant = async <T>(probe: (client: DaemonClient) => Promise<T>): Promise<T> => {
      const client = await daemon.connect();
      try {
        return await probe(client);
      } finally {
        client.dispose();
      }
    };

    test("display metadata is measured by the daemon: 8 MiB of it, sent through the sink found by gc, kills the runner — would reach the daemon's memory (about 1 GB per run)", async () => {
      await withTenant(async (client) => {
        const honest = await client.run({ code: "display('x', metadata={'text/plain': {'width': 3}})" });
        expect(honest.outputs?.[0]?.metadata).toEqual({ "text/plain": { width: 3 } });
        const forged = await rejection(
          client.run({ code: `${DISPLAY_SINK}\nfor i in range(4):\n    sink({'output_type': 'display_data', 'data': {'text/plain': 'x'}, 'metadata': {'text/plain': {'pad': 'm' * (8 * 1024 * 1024)}}})\nimport time; time.sleep(5)` }),
        );
        expect(forged.code).toBe(WomaErrorCodes.RuntimeTerminated);
        expect(forged.message).toContain("runner protocol violation: its display output's metadata of");
      });
      expect((await daemon.client.run({ code: "1 + 1" })).result).toBe("2");
    });

    test("error.type is capped like every string of a result — would reach the daemon and the client with a 2 MiB type name", async () => {
      const result = await daemon.client.run({ code: "raise type('E' * 2_000_000, (Exception,), {})('boom')" });
      expect(result.status).toBe("exception");
      expect(result.error!.type.length).toBeLessThanOrEqual(256);
      expect(result.error!.type).toEndWith("…");
      expect(result.error!.message).toBe("boom");
    });

    test("every way JS can call back ends with its run: nothing prints into the next run or runs between runs", async () => {
      const armed = (await daemon.client.createSession()).session.session_id;
      const next = (await daemon.client.createSession()).session.session_id;
      const url = `http://127.0.0.1:${slow!.port}/`;
      const arm = await daemon.client.run({
        session_id: armed,
        code: [
          "import js, pyodide_js, pyodide.webloop",
          "from pyodide.ffi import create_proxy",
          "ticks = [0]",
          "js.AbortSignal.timeout(200).addEventListener('abort', create_proxy(lambda e: print('LEAK: AbortSignal.timeout')))",
          "pyodide_js._api.scheduleCallback(create_proxy(lambda: print('LEAK: pyodide_js._api.scheduleCallback')), 200)",
          "pyodide.webloop.scheduleCallback(create_proxy(lambda: print('LEAK: pyodide.webloop.scheduleCallback')), 200)",
          "js.setTimeout(create_proxy(lambda: print('LEAK: js.setTimeout')), 200)",
          "js.Promise.new(create_proxy(lambda resolve, reject: js.setTimeout(resolve, 200))).then(lambda v: print('LEAK: a promise settled by a timer'))",
          `js.fetch(${JSON.stringify(url)}).then(lambda r: print('LEAK: a fetch answered after its run'))`,
          "def chain(*a):",
          "    ticks[0] += 1",
          "    js.Promise.resolve(0).then(chain)",
          "js.Promise.resolve(0).then(chain)",
          "'armed'",
        ].join("\n"),
      });
      expect(arm.result).toBe("'armed'");
      const after = await daemon.client.run({ session_id: next, code: "import time; time.sleep(1); 'next run'" });
      expect(after.stdout).toBe("");
      expect(after.result).toBe("'next run'");
      // The microtask chain never ran between runs (it would have kept the worker busy for ever).
      const ticks = await daemon.client.run({ session_id: armed, code: "ticks[0]" });
      expect(ticks.result).toBe("0");
      expect(ticks.stdout).toBe("");
      // A Python function handed to JS in an earlier run says so rather than running.
      await daemon.client.run({ session_id: armed, code: "kept = create_proxy(lambda *a: 'ran')" });
      const stale = await daemon.client.run({ session_id: armed, code: "try:\n    r = kept.call(None)\nexcept Exception as e:\n    r = str(e)\nr" });
      expect(stale.result).toContain("serves only the run that handed it over");
    });

    test("no host path in any string Python can see: sys.executable, JS stacks, tracebacks, micropip's errors, the heap — would reach the host's file layout", async () => {
      const seen: string[] = [];
      const look = async (code: string) => {
        const result = await daemon.client.run({ code });
        const text = JSON.stringify(result);
        seen.push(text);
        return text;
      };
      expect(await look("import sys, os\nrepr((sys.executable, os.environ.get('_'), sys.argv, sys.orig_argv, sys.path, sys.prefix, getattr(sys, '_base_executable', None)))")).toContain("/woma/bin/python3");
      await look("import js, traceback\ntry:\n    js.Object.keys(None)\nexcept Exception as e:\n    out = [e.js_error.stack, str(getattr(e.js_error, 'sourceURL', '')), traceback.format_exc()]\nout");
      await look("import js, traceback\ntry:\n    await js.fetch(':not a url')\nexcept Exception as e:\n    out = [e.js_error.stack, traceback.format_exc()]\nout");
      const micropip = await look(
        "import micropip\nout = []\nfor req in ['foo @ http://127.0.0.1:1/foo-1.0-py3-none-any.whl', './foo-1.0-py3-none-any.whl', 'foo-1.0-py3-none-any.whl', 'foo @ file:///etc/passwd']:\n    try:\n        await micropip.install(req)\n    except BaseException as e:\n        out.append(repr(e))\nout",
      );
      expect(micropip).toContain("installing from a file");
      const heap = await look(
        `import gc, sys\nneedles = ${JSON.stringify(HOST_PATHS)}\nseen, found, todo = set(), [], list(gc.get_objects()) + [sys.modules, sys.__dict__]\nwhile todo:\n    o = todo.pop()\n    if id(o) in seen: continue\n    seen.add(id(o))\n    if type(o) is str:\n        if o not in needles and any(n in o for n in needles): found.append(o[:200])\n        continue\n    try: todo.extend(gc.get_referents(o))\n    except BaseException: pass\nfound`,
      );
      expect(heap).toContain('"result":"[]"');
      expect(seen.flatMap(hostPathIn)).toEqual([]);
    });

    test(`the runner process holds nothing of the daemon's user: no capability, not dumpable, no_new_privs, the filter${ROOT && level === "process" ? ", uid 65534" : ""} — would reach other processes and the host as the daemon's user`, async () => {
      await daemon.client.run({ code: "1" });
      const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared" && r.state !== "dead")!;
      const pid = runnerProcess(runner.pid);
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      for (const set of ["CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"]) expect([set, new RegExp(`^${set}:\\s*(\\S+)`, "m").exec(status)?.[1]]).toEqual([set, "0000000000000000"]);
      expect(status).toMatch(/NoNewPrivs:\s+1/);
      expect(status).toMatch(/Seccomp:\s+2/);
      if (ROOT && level === "process") {
        expect(status).toMatch(/^Uid:\s+65534\s+65534\s+65534\s+65534$/m);
        for (const task of readdirSync(`/proc/${pid}/task`)) expect(readFileSync(`/proc/${pid}/task/${task}/status`, "utf8")).toMatch(/^Uid:\s+65534\s+65534\s+65534\s+65534$/m);
      }
      // A process that is not dumpable has its /proc files owned by root, whatever its uid.
      if (!ROOT) expect(statSync(`/proc/${pid}/mem`).uid).toBe(0);
    });

    test("a second process set up as a runner is (its uid, capabilities and seccomp filter) reaches no other runner, nor the daemon: signals, pidfds, ptrace, memory, limits, SIGIO, TIOCSTI", async () => {
      await daemon.client.run({ code: "1" });
      const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared" && r.state !== "dead")!;
      // Under namespace isolation a runner cannot see the daemon's pid at all (its own PID namespace).
      const targets = [runnerProcess(runner.pid), ...(level === "process" ? [daemon.process.pid!] : [])];
      for (const target of targets) {
        const probe = spawnSync(process.execPath, [FILTER_PROBE, String(target), ...(ROOT ? ["65534"] : [])], { encoding: "utf8", timeout: 30_000 });
        const report = JSON.parse(probe.stdout) as { filter: { installed: boolean }; attempts: Record<string, number> };
        expect(report.filter.installed).toBe(true);
        for (const [attempt, errno] of Object.entries(report.attempts)) {
          // EPERM from the filter; the kernel refuses to open the memory of a process that is not dumpable (EACCES).
          expect([target === targets[0] ? "runner" : "daemon", attempt, attempt.startsWith("open") ? [1, 13].includes(errno) : errno === 1]).toEqual([target === targets[0] ? "runner" : "daemon", attempt, true]);
        }
      }
      expect((await daemon.client.run({ code: "2 + 2" })).result).toBe("4");
    });

    test("a cache directory that someone else can write is refused at start, saying why; a new one is made 0700 — would reach every runner through a planted seal key and snapshot", async () => {
      const planted = mkdtempSync(join(tmpdir(), "woma-planted-"));
      mkdirSync(join(planted, "snapshots"));
      writeFileSync(join(planted, "snapshot-seal.key"), "ab".repeat(32));
      writeFileSync(join(planted, "snapshots", "planted.snapshot"), "not a snapshot");
      chmodSync(planted, 0o777);
      if (ROOT) for (const path of [planted, join(planted, "snapshots"), join(planted, "snapshot-seal.key")]) chownSync(path, 65534, 65534);
      const child = spawn(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), "daemon", "--stdio", "--isolation", level, "--pyodide-cache", planted], { stdio: ["pipe", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      // A daemon that took the cache would serve on: stop it rather than wait for ever.
      const stopper = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      clearTimeout(stopper);
      expect(code).not.toBe(0);
      expect(stderr).toContain(`the cache directory ${planted} cannot be trusted`);
      expect(stderr).toMatch(ROOT ? /belongs to uid 65534|mode 0777/ : /mode 0777/);

      const fresh = join(mkdtempSync(join(tmpdir(), "woma-fresh-")), "cache");
      const started = await startDaemon({ transport: "socket", cacheDir: fresh, args: ["--isolation", level, "--no-snapshot"], waitReady: false });
      try {
        await waitFor("the daemon to create its cache", () => existsSync(fresh));
        expect(statSync(fresh).mode & 0o777).toBe(0o700);
      } finally {
        await started.stop();
      }
    });

    test("one tenant cannot take every runner: six fresh interpreters with --max-runners 8 leave a new tenant's 1 + 1 working, and the refusal names the bound", async () => {
      const greedy = await daemon.connect();
      try {
        const refusals: string[] = [];
        for (let i = 0; i < 6; i++) {
          await greedy.createSession({ fresh_interpreter: true }).catch((error: Error) => refusals.push(error.message));
        }
        expect(refusals.length).toBeGreaterThan(0);
        for (const message of refusals) expect(message).toContain("--max-tenant-runners");
        await withTenant(async (other) => expect((await other.run({ code: "1 + 1" })).result).toBe("2"));
      } finally {
        greedy.dispose();
      }
    });

    test("a tenant's connection gets neither the operator view nor the daemon-wide metrics, and goes on working — would reach every tenant's runners, memory, runs, queues and boot times", async () => {
      await withTenant(async (client) => {
        for (const ask of [client.tenants(), client.metrics()]) {
          const refused = await rejection(ask);
          expect(refused.code).toBe(JsonRpcErrorCodes.InvalidRequest);
          expect(refused.message).toContain("only the operator's connection may ask");
        }
        expect((await client.run({ code: "1 + 1" })).result).toBe("2");
      });
    });

    test("what a tenant sees counts only its own: its run ids and execution_count do not move with another tenant's runs, runner ids count nothing", async () => {
      const raw = await daemon.rawConnection();
      let id = 0;
      const call = async (method: string, params: object = {}) => {
        raw.frame(JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }));
        return (await raw.next(method, 30_000)).result as Record<string, unknown>;
      };
      try {
        const first = await call("python/run", { code: "1" });
        await daemon.client.run({ code: "1" });
        await withTenant(async (other) => {
          await other.run({ code: "1" });
          await other.run({ code: "1" });
        });
        const second = await call("python/run", { code: "1" });
        expect([first.run_id, second.run_id]).toEqual(["run-1", "run-2"]);
        const info = await call("daemon/info");
        expect(info.execution_count).toBe(2);
        for (const runner of info.runners as Array<{ runner_id: string }>) expect(runner.runner_id).toMatch(/^r[0-9a-f]{8}$/);
      } finally {
        raw.close();
      }
    });

    test("close calls: ctypes.CDLL(None) resolves none of _emscripten_log_formatted, raw_call_js, set_pyodide_module, fail_test; Blob.prototype has no Bun file method; nothing Python writes reaches the daemon's log", async () => {
      const marker = `MARK${Math.random().toString(36).slice(2)}`;
      const probe = await daemon.client.run({
        code: [
          "import ctypes, js",
          "libc = ctypes.CDLL(None)",
          "named = [n for n in ('_emscripten_log_formatted', 'raw_call_js', 'set_pyodide_module', 'fail_test', 'emscripten_log_impl_js') if hasattr(libc, n)]",
          "bun = [n for n in ('write', 'writer', 'unlink', 'delete', 'exists', 'stat') if callable(getattr(js.Blob.prototype, n, None))]",
          // Every route to the runner's real stdout and stderr an attacker knows of: Emscripten's logging, through ctypes.
          "for n in ('_emscripten_log_formatted', 'emscripten_log_impl_js'):",
          "    f = getattr(libc, n, None)",
          "    if f is None: continue",
          "    for flags in (0, 1, 2, 4, 6):",
          `        for i in range(200): (f(flags, b'${marker}') if n.startswith('_') else f(b'${marker}'))`,
          "(named, bun)",
        ].join("\n"),
      });
      expect(probe.result).toBe("([], [])");
      expect(daemon.stderr()).not.toContain(marker);
    });
  });
}
