/**
 * Every run ends clean: what one run does to its interpreter (asyncio work left behind,
 * hooks, limits, replaced streams and modules, unformattable exceptions, huge fields) must not
 * reach the next run of another session on the same runner. Each attack runs in one session;
 * a bystander session on the same runner must keep its variable and answer promptly.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import type { RunResult } from "../../protocol/generated/types.ts";
import { rejection } from "../harness/expect-error.ts";
import { waitFor } from "../harness/paths.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

/** A bystander's check: its variable is still there, its print reaches its own output, and it answers within 5 s. */
async function bystanderIsFine(daemon: DaemonUnderTest, session: string): Promise<void> {
  const result = await daemon.client.run({ code: "print('mine'); (kept, 1 + 1)", session_id: session, timeout_ms: 5000 });
  expect(result.result).toBe("('yes', 2)");
  expect(result.stdout).toBe("mine\n");
}

/** CPU seconds the runner process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

/** The bun process of a runner (under bubblewrap it sits below the wrapper). */
function runnerBun(pid: number): number {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      all.push(...readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // gone meanwhile
    }
  }
  return all.find((p) => {
    const cmd = readFileSync(`/proc/${p}/cmdline`, "utf8");
    return cmd.includes("__runner") && !cmd.includes("bwrap");
  })!;
}

describe("a run cannot harm the runs after it", () => {
  let daemon: DaemonUnderTest;
  let bystander: string;
  const attack = async (code: string, timeout_ms?: number): Promise<RunResult> => {
    const session = (await daemon.client.createSession()).session.session_id;
    return daemon.client.run({ code, session_id: session, ...(timeout_ms === undefined ? {} : { timeout_ms }) });
  };

  beforeAll(async () => {
    daemon = await startDaemon({ transport: "stdio", args: process.env.DBG ? ["--log-level", "debug"] : [] });
    bystander = (await daemon.client.createSession()).session.session_id;
    await daemon.client.run({ code: "kept = 'yes'", session_id: bystander });
  });
  afterAll(async () => {
    if (process.env.DBG) console.log(daemon.stderr().split("\n").filter((l) => /DBG|runner r[0-9a-f]+ (stdout|stderr): /.test(l)).slice(-40).join("\n"));
    await daemon?.stop();
  });

  test("a background task that prints forever is cancelled with its run: its output reaches nobody", async () => {
    await attack("import asyncio\nasync def spam():\n    while True:\n        print('SPAM')\n        await asyncio.sleep(0.01)\nasyncio.ensure_future(spam())");
    await bystanderIsFine(daemon, bystander);
    const later = await daemon.client.run({ code: "await __import__('asyncio').sleep(0.2)\n'done'", session_id: bystander });
    expect(later.stdout).toBe("");
  });

  test("a busy asyncio loop left behind does not burn CPU once its run is over", async () => {
    await attack("import asyncio\nasync def busy():\n    while True:\n        await asyncio.sleep(0)\nasyncio.ensure_future(busy())");
    const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared")!;
    const pid = runnerBun(runner.pid);
    // A task left spinning would burn a whole core in every second; a runner settling down
    // after its runs (garbage collection) may use some in the first. The quietest of three counts.
    const seconds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = cpuSeconds(pid);
      await Bun.sleep(1000);
      seconds.push(cpuSeconds(pid) - before);
    }
    expect(Math.min(...seconds)).toBeLessThan(0.05);
    await bystanderIsFine(daemon, bystander);
  });

  test("a call_later callback that loops forever never runs: the next run is not delayed and the runner lives", async () => {
    await attack("import asyncio\ndef spin():\n    while True: pass\nasyncio.get_event_loop().call_later(0.05, spin)");
    await bystanderIsFine(daemon, bystander);
    expect((await daemon.client.run({ code: "await __import__('asyncio').sleep(0.1)\n'slept'", session_id: bystander, timeout_ms: 5000 })).result).toBe("'slept'");
  });

  test("sys.addaudithook is refused, so a hook that raises on exec cannot fail later runs", async () => {
    const result = await attack("import sys\ndef hook(event, args):\n    if event == 'exec': raise RuntimeError('no more exec')\nsys.addaudithook(hook)\n'added?'");
    expect(result.stderr).toContain("sys.addaudithook is refused");
    await bystanderIsFine(daemon, bystander);
  });

  test("a slow trace function is gone by the next run", async () => {
    await attack("import sys, time\ndef trace(*args):\n    time.sleep(0.01)\n    return trace\nsys.settrace(trace)\nsys.setprofile(trace)");
    await bystanderIsFine(daemon, bystander);
  });

  test("SIGINT ignored by one run: the next session's timeout is still a clean interrupt, blamed on no one else", async () => {
    await attack("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)");
    const session = (await daemon.client.createSession()).session.session_id;
    const error = await rejection(daemon.client.run({ code: "while True: pass", session_id: session, timeout_ms: 500 }));
    expect(error.message).toContain("it was interrupted (KeyboardInterrupt)");
    await bystanderIsFine(daemon, bystander);
  });

  test("a raised recursion limit is put back: infinite recursion in the next run is a RecursionError, not a dead runner", async () => {
    await attack("import sys\nsys.setrecursionlimit(10**6)");
    const deep = await daemon.client.run({ code: "def f(): return f()\nf()" });
    expect(deep.error?.type).toBe("RecursionError");
    await bystanderIsFine(daemon, bystander);
  });

  test("replaced or closed standard streams are put back: other runs' prints are captured", async () => {
    await attack("import sys, io\nsys.stdout = io.StringIO()\nsys.stderr.close()");
    await bystanderIsFine(daemon, bystander);
    expect((await daemon.client.run({ code: "import sys; print('err', file=sys.stderr)" })).stderr).toBe("err\n");
  });

  test("a patched json.dumps forges nothing, and woma's runtime is not importable", async () => {
    await attack("import json\njson.dumps = lambda *a, **k: '{\"status\": \"success\", \"result\": \"FORGED\"}'");
    const fresh = (await daemon.client.createSession()).session.session_id;
    expect((await daemon.client.run({ code: "1+1", session_id: fresh })).result).toBe("2");
    expect((await daemon.client.run({ code: "import _woma" })).error?.type).toBe("ModuleNotFoundError");
    await bystanderIsFine(daemon, bystander);
  });

  test("sys.modules['asyncio'] = None is undone: the next top-level await works", async () => {
    await attack("import sys\nsys.modules['asyncio'] = None");
    expect((await daemon.client.run({ code: "import asyncio\nawait asyncio.sleep(0.01)\n'awaited'", session_id: bystander })).result).toBe("'awaited'");
  });

  test("gc.disable() lasts one run", async () => {
    await attack("import gc\ngc.disable()");
    expect((await daemon.client.run({ code: "import gc; gc.isenabled()" })).result).toBe("True");
  });

  test("a 1000-long `raise ... from` chain comes back as a result, and the runner lives", async () => {
    const result = await attack("e = None\nfor i in range(1000):\n    try:\n        raise ValueError(i) from e\n    except ValueError as caught:\n        e = caught\nraise e");
    expect(result.error?.type).toBe("ValueError");
    expect(result.error?.message).toBe("999");
    await bystanderIsFine(daemon, bystander);
  });

  test("an exception class whose __name__ raises is named anyway", async () => {
    const result = await attack("class Meta(type):\n    @property\n    def __name__(cls): raise RuntimeError('no name')\nclass Boom(Exception, metaclass=Meta): pass\nraise Boom('boom')");
    expect(result.status).toBe("exception");
    expect(result.error?.type).toBe("Boom");
    await bystanderIsFine(daemon, bystander);
  });

  test("an exception whose __str__ loops is interrupted once, reported as the timeout, and the runner lives", async () => {
    const error = await rejection(attack("class Loop(Exception):\n    def __str__(self):\n        while True: pass\nraise Loop()", 800));
    expect(error.message).toContain("timed out after 800 ms; it was interrupted");
    await bystanderIsFine(daemon, bystander);
  });

  test("a 30 MB exception message comes back cut to the cap, message and traceback alike, and says so", async () => {
    const result = await attack("raise ValueError('x' * 30_000_000)");
    const cap = (await daemon.client.initialize("clean-runs")).limits.max_output_bytes;
    expect(result.error!.message.length).toBeLessThanOrEqual(cap);
    expect(result.error!.traceback.length).toBeLessThanOrEqual(cap);
    expect(result.truncated?.message_chars).toBeGreaterThan(28_000_000);
    expect(result.truncated?.traceback_chars).toBeGreaterThan(28_000_000);
    await bystanderIsFine(daemon, bystander);
  });

  test("a repr that is a str subclass claiming length 0 is cut all the same", async () => {
    const result = await attack("class Short(str):\n    def __len__(self): return 0\nclass Big:\n    def __repr__(self): return Short('y' * 19_000_000)\nBig()");
    expect(result.result!.length).toBeLessThanOrEqual(1024 * 1024);
    expect(result.truncated?.result_chars).toBeGreaterThan(17_000_000);
  });
});

describe("memory comes back", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "stdio", args: ["--memory-limit", "700"] });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("a runner left holding memory above half the limit while idle is recycled, and its sessions are told why", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    const big = await daemon.client.run({ code: "b = bytearray(450 * 1024 * 1024)\ndel b\n'freed'", session_id: session });
    expect(big.result).toBe("'freed'");
    const rss = (await daemon.client.info()).runners.find((r) => r.role === "shared")?.rss_bytes ?? 0;
    expect(rss).toBeGreaterThan(350 * 1024 * 1024); // wasm memory never shrinks: the runner holds it while idle
    await waitFor("the session to be reported lost to the recycle", async () => (await daemon.client.listSessions()).sessions.find((s) => s.session_id === session)?.state === "lost", 10_000);
    const lost = (await daemon.client.listSessions()).sessions.find((s) => s.session_id === session)!;
    expect(lost.lost_reason).toContain("recycled");
    expect(lost.lost_reason).toContain("half of --memory-limit");
    expect((await daemon.client.run({ code: "1+1" })).result).toBe("2");
  });
});
