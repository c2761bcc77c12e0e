/**
 * The red team: Python that knows Pyodide's source tries every route out of its runner, at
 * every isolation level this machine has. Each probe says what it would reach, and fails
 * the test if it reaches it. A probe's Python ends with an expression that is "blocked: ..."
 * when the route held, or "ESCAPED: ..." when it did not; some probes also check from the
 * host side (a file that must not appear, a server that must see no connection).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { isolationLevels } from "../harness/isolation-levels.ts";
import { runnerPids } from "../harness/runner-processes.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";
import { runPython, startHttpMcp, textOf } from "../harness/start-mcp.ts";

/** Python shared by the probes: what Pyodide's JS API looks like, and walks that look for it. */
const PRELUDE = String.raw`
import gc, sys
from pyodide.ffi import JsProxy, to_js
_MARKS = {"_module", "FS", "HEAP8", "HEAPU8", "loadPackage", "runPythonAsync", "mountNodeFS", "loadBinaryFile", "_malloc", "ERRNO_CODES", "NODEFS", "_api", "pyodide_py", "process", "Bun", "require"}
_Object = to_js({}).constructor
def _own(p):
    """The JS object's own property names."""
    try: return set(_Object.getOwnPropertyNames(p))
    except BaseException: return set()
def _names(p):
    out = _own(p)
    try: out |= set(dir(p))
    except BaseException: pass
    return out
def _api_like(p):
    # The facade's own _api (scheduleCallback, abortSignalAny, config) is allowed; the real one has dozens of members.
    bad = _names(p) & _MARKS
    if bad == {"_api"}:
        try:
            if _own(getattr(p, "_api")) <= {"scheduleCallback", "abortSignalAny", "config"}: bad = set()
        except BaseException: bad = set()
    return bad
def _js_walk(seeds, depth=4, limit=4000):
    """Breadth-first over JS properties and prototypes from the seeds; returns what looks like the API."""
    seen, level, hits = set(), [s for s in seeds if isinstance(s, JsProxy)], []
    for _ in range(depth):
        nxt = []
        for p in level:
            try: key = p.js_id
            except BaseException: key = id(p)
            if key in seen or len(seen) > limit: continue
            seen.add(key)
            bad = _api_like(p)
            if bad: hits.append(sorted(bad))
            children = []
            try: children.append(_Object.getPrototypeOf(p))
            except BaseException: pass
            for name in list(_names(p))[:200]:
                try: children.append(getattr(p, name))
                except BaseException: pass
            nxt += [c for c in children if isinstance(c, JsProxy)]
        level = nxt
    return hits
def _heap_walk():
    """Every object the interpreter holds, through gc and referents: any JsProxy that looks like the API."""
    seen, hits, stack = set(), [], list(gc.get_objects()) + [sys.modules]
    while stack:
        o = stack.pop()
        if id(o) in seen: continue
        seen.add(id(o))
        if isinstance(o, JsProxy):
            bad = _api_like(o)
            if bad: hits.append(sorted(bad))
            continue
        try: stack.extend(gc.get_referents(o))
        except BaseException: pass
    return hits
def verdict(hits, what):
    return f"ESCAPED: {what}: {hits[:3]}" if hits else f"blocked: {what}"
`;

/** One probe: what it tries, what it would reach, and its Python. */
interface Probe {
  name: string;
  reaches: string;
  code: string;
}

const PROBES: Probe[] = [
  {
    name: "import pyodide_js",
    reaches: "Pyodide's public API (FS, loadPackage, _module, _api)",
    code: "import pyodide_js\nverdict(_js_walk([pyodide_js], depth=2), 'pyodide_js holds only the facade')",
  },
  {
    name: "importlib.import_module('pyodide_js._api')",
    reaches: "Pyodide's internal API object",
    code: "import importlib\na = importlib.import_module('pyodide_js._api')\nextra = _own(a) - {'scheduleCallback', 'abortSignalAny', 'config'}\nverdict(sorted(extra) + sorted(_own(a.config) - {'enableRunUntilComplete'}), '_api is the narrow facade')",
  },
  {
    name: "import js",
    reaches: "the host's globals: process, Bun, require, globalThis, WebSocket (js.fetch is woma's, which asks the daemon's broker)",
    code: "import js\nverdict([n for n in ('process', 'Bun', 'require', 'WebSocket', 'globalThis', 'eval', 'Function', 'Worker', 'XMLHttpRequest') if hasattr(js, n)], 'js has no host globals')",
  },
  {
    name: "the JS module finder's registry",
    reaches: "pyodide_js as Pyodide's _importhook.jsfinder registered it",
    code: "import _pyodide._importhook as ih\nf = ih.jsfinder\nverdict([k for k, v in vars(f).items() if isinstance(v, dict) and any(isinstance(m, JsProxy) and _api_like(m) for m in v.values())], 'the finder holds no API')",
  },
  {
    name: "exec with a forged __name__",
    reaches: "an import gate that trusts the importer's module name",
    code: "g = {'__name__': 'pyodide.http'}\nexec('import pyodide_js as p', g)\nverdict(_js_walk([g['p']], depth=2), 'a forged __name__ gets the facade too')",
  },
  {
    name: "gc.get_objects() and every referent",
    reaches: "the API object held anywhere in the interpreter",
    code: "verdict(_heap_walk(), 'no object in the heap leads to the API')",
  },
  {
    name: "__closure__ cells of every function",
    reaches: "the API captured by a guard's closure",
    code: "cells = []\nfor f in gc.get_objects():\n    for cell in getattr(f, '__closure__', None) or ():\n        try: cells.append(cell.cell_contents)\n        except ValueError: pass\nverdict(_js_walk([c for c in cells if isinstance(c, JsProxy)], depth=2), 'no closure holds the API')",
  },
  {
    name: "frame walking (sys._getframe, f_back, f_globals)",
    reaches: "woma's runtime frames and what their globals hold",
    code: "f = sys._getframe()\nfound = []\nwhile f is not None:\n    found += [v for v in list(f.f_globals.values()) + list(f.f_locals.values()) if isinstance(v, JsProxy) and _api_like(v)]\n    f = f.f_back\nverdict(found, 'no frame reaches the API')",
  },
  {
    name: "traceback frames (tb_frame.f_globals)",
    reaches: "globals of the frames an exception passed through",
    code: "try:\n    import json; json.loads('{')\nexcept Exception as e:\n    tb = e.__traceback__\nfound = []\nwhile tb is not None:\n    found += [v for v in tb.tb_frame.f_globals.values() if isinstance(v, JsProxy) and _api_like(v)]\n    tb = tb.tb_next\nverdict(found, 'no traceback frame reaches the API')",
  },
  {
    name: "object.__subclasses__() walk",
    reaches: "finders, loaders and JsProxy classes that hold module state",
    code: "todo, seen, hits = [object], set(), []\nwhile todo:\n    c = todo.pop()\n    if c in seen: continue\n    seen.add(c)\n    try: todo += type.__subclasses__(c)\n    except BaseException: pass\n    hits += [v for v in vars(c).values() if isinstance(v, JsProxy) and _api_like(v)]\nverdict(hits, 'no class attribute holds the API')",
  },
  {
    name: "JsProxy attribute walk (constructor, prototypes, properties)",
    reaches: "the API through any JS object Python can get (to_js, errors, the facade's functions)",
    code: "import pyodide_js\ntry:\n    _Object.keys(None)\nexcept Exception as e:\n    err = e.js_error\nverdict(_js_walk([to_js({}), to_js([1]), _Object, err, pyodide_js._api.scheduleCallback, pyodide_js._api.abortSignalAny], depth=5), 'no JS object leads to the API')",
  },
  {
    name: "Function constructor (.constructor.constructor)",
    reaches: "code generation: `return process` evaluated in the host",
    code: "try:\n    r = to_js({}).constructor.constructor('return process')()\n    out = f'ESCAPED: Function() returned {r!r}'\nexcept Exception as e:\n    out = 'blocked: ' + type(e).__name__\nout",
  },
  {
    name: "bound functions (.call, .apply, .bind on the facade's functions)",
    reaches: "`this` or arguments of Pyodide's functions",
    code: "import pyodide_js\nf = pyodide_js._api.abortSignalAny\ntry:\n    r = f.call(None, to_js([]))\nexcept Exception as e:\n    r = None\nverdict(_js_walk([r, f.bind(None)], depth=3), 'calling the facade functions leads nowhere')",
  },
  {
    name: "Error.prepareStackTrace",
    reaches: "call sites (getThis, getFunction) of the runner's own JS",
    code: "from pyodide.ffi import create_proxy\ncalls = []\nhook = create_proxy(lambda err, sites: calls.append(1) or '')\ntry:\n    _Object.keys(None)\nexcept Exception as e:\n    error_class = _Object.getPrototypeOf(e.js_error.constructor)\ntry:\n    error_class.prepareStackTrace = hook\n    calls.append('assignment accepted')\nexcept BaseException:\n    pass\ntry:\n    _Object.keys(None)\nexcept BaseException:\n    pass\nverdict(calls, 'Error.prepareStackTrace cannot be set')",
  },
  {
    name: "Object.prototype.then and Array.prototype.push poisoning",
    reaches: "the runner's own JS calling Python with internal objects",
    code: "from pyodide.ffi import create_proxy\nhits = []\nfor target, name in ((_Object.prototype, 'then'), (to_js([]).constructor.prototype, 'push')):\n    try:\n        setattr(target, name, create_proxy(lambda *a: hits.append(a)))\n        hits.append(name)\n    except BaseException: pass\nverdict(hits, 'built-in prototypes are frozen')",
  },
  {
    name: "pyodide.code.run_js",
    reaches: "JavaScript evaluated in the runner",
    code: "import pyodide.code\ntry:\n    pyodide.code.run_js('1')\n    out = 'ESCAPED: run_js ran'\nexcept Exception as e:\n    out = 'blocked: ' + type(e).__name__\nout",
  },
  {
    name: "/proc reads",
    reaches: "the daemon's environment and the host's processes",
    code: "import os\nleaked = []\nfor p in ('/proc/self/environ', '/proc/1/environ', '/proc/1/cmdline', '/proc/self/status'):\n    try: leaked.append((p, open(p, 'rb').read()[:60]))\n    except OSError: pass\ntry: procs = [d for d in os.listdir('/proc') if d.isdigit()]\nexcept OSError: procs = []\nverdict([x for x in leaked if b'SECRET' in x[1] or b'PATH' in x[1]] + (['host pids'] if procs else []), '/proc shows nothing of the host')",
  },
  {
    name: "host files (/etc/passwd, the checkout)",
    reaches: "files of the machine, read as the daemon's user",
    code: `import os\nfound = [p for p in ('/etc/passwd', '/etc/hostname', ${JSON.stringify(join(process.cwd(), "package.json"))}) if os.path.exists(p)]\nverdict(found, 'no host file is visible')`,
  },
  {
    name: "os.system and ctypes' system()",
    reaches: "a shell on the host (Emscripten runs system() with node:child_process)",
    code: "import os, ctypes\nout = []\ntry: os.system('touch MARKER/system')\nexcept PermissionError: pass\nout.append(ctypes.CDLL(None).system(b'touch MARKER/ctypes'))\n'blocked: system() returned ' + repr(out)",
  },
  {
    name: "raw _socket and socket.create_connection",
    reaches: "TCP to the host's loopback services",
    code: "import _socket, socket\nout = []\ntry:\n    s = _socket.socket(); s.settimeout(1); s.connect(('127.0.0.1', PORT)); out.append('ESCAPED: _socket connected')\nexcept OSError as e: out.append(type(e).__name__)\ntry:\n    socket.create_connection(('127.0.0.1', PORT), timeout=1); out.append('ESCAPED: create_connection')\nexcept OSError as e: out.append(type(e).__name__)\n('ESCAPED' if any('ESCAPED' in o for o in out) else 'blocked') + ': ' + repr(out)",
  },
  {
    name: "writing forged JSON-RPC frames to every file descriptor",
    reaches: "the runner's channel to the daemon, to return a forged result",
    code: "import os\nforged = b'Content-Length: 90\\r\\n\\r\\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"status\":\"success\",\"result\":\"FORGED\"}}'\nfor fd in range(0, 8):\n    try: os.write(fd, forged)\n    except OSError: pass\nfor path in ('/dev/stdout', '/dev/tty', '/dev/fd/3'):\n    try:\n        with open(path, 'wb') as f: f.write(forged)\n    except OSError: pass\n'blocked: genuine'",
  },
  {
    name: "reading /dev/tty, a tty made with os.mknod, and fd 0",
    reaches: "the daemon's requests, which arrive on the runner process's stdin",
    code: "import os, stat\ngot = []\nfor fd in (0, 3):\n    try: got.append(os.read(fd, 100))\n    except OSError: pass\ntry:\n    getattr(os, 'mknod', lambda *a: None)('/tmp/mytty', stat.S_IFCHR | 0o666, os.makedev(5, 0))\nexcept OSError: pass\nfor path in ('/dev/tty', '/dev/tty1', '/tmp/mytty'):\n    try:\n        with open(path, 'rb', buffering=0) as f: got.append(f.read(100))\n    except OSError: pass\nverdict([g for g in got if g and (b'jsonrpc' in g or b'Content-Length' in g)], 'no device or descriptor carries the protocol')",
  },
  {
    name: "the snapshot file",
    reaches: "the snapshot every later runner boots from",
    code: "import os\ntry:\n    with open(SNAPSHOT, 'r+b') as f: f.write(b'X'); out = 'ESCAPED: wrote the snapshot'\nexcept OSError as e: out = 'blocked: ' + type(e).__name__\nout",
  },
  {
    name: "the package cache",
    reaches: "wheels later sessions would install",
    code: "import os\ntry:\n    os.makedirs(CACHE + '/packages', exist_ok=True)\n    open(CACHE + '/packages/poisoned.whl', 'wb').write(b'x')\nexcept OSError: pass\n'blocked: checked from the host'",
  },
  {
    name: "micropip.install of the host's server in every spelling, as name @ URL and as an index",
    reaches: "a loopback service, fetched by the daemon for packages (SSRF); the host side checks it saw no connection",
    code: "import micropip\nhits = []\nfor host in ('127.0.0.1', '[::ffff:127.0.0.1]', '2130706433', '0x7f.1', 'localhost', '0.0.0.0', '[::]', '[::1]'):\n    url = f'http://{host}:PORT/x-1.0-py3-none-any.whl'\n    for call in (lambda: micropip.install(url), lambda: micropip.install(f'x @ {url}'), lambda: micropip.install('x', index_urls=[f'http://{host}:PORT/simple/'])):\n        try:\n            await call(); hits.append(url)\n        except ValueError as e:\n            if 'network policy refuses' not in str(e): hits.append(str(e)[:120])\nverdict(hits, 'every spelling refused by the network policy')",
  },
  {
    name: "micropip.install of wheel files on the daemon's disk",
    reaches: "the daemon's own files, read for a session",
    code: "import micropip\nhits = []\nfor path in ('/etc/x-1.0-py3-none-any.whl', 'file:///etc/x-1.0-py3-none-any.whl', 'file:/etc/x-1.0-py3-none-any.whl', './x-1.0-py3-none-any.whl', 'x @ file:///etc/x-1.0-py3-none-any.whl'):\n    try:\n        await micropip.install(path); hits.append(path)\n    except ValueError as e:\n        if 'not allowed' not in str(e): hits.append(str(e)[:120])\nverdict(hits, 'file paths are refused for sessions')",
  },
  {
    name: "sys.addaudithook",
    reaches: "a hook that outlives the run and fails every later one",
    code: "import sys\ncalls = []\ntry: sys.addaudithook(lambda e, a: calls.append(e))\nexcept BaseException: pass\ncompile('1', 'x', 'eval')\nverdict(calls, 'the audit hook was refused')",
  },
  {
    name: "import _woma",
    reaches: "woma's runtime, to forge results or hook other sessions",
    code: "try:\n    import _woma; out = 'ESCAPED: _woma imported'\nexcept ImportError: out = 'blocked: _woma is not importable'\nout",
  },
];

/** Probes that must leave the runner alive and the session's state intact. */
const SURVIVAL: Array<{ name: string; code: string; expectType?: string; thenWaitMs?: number }> = [
  { name: "os._exit(3)", code: "import os; os._exit(3)", expectType: "SystemExit" },
  { name: "os.fork()", code: "import os; os.fork()", expectType: "PermissionError" },
  { name: "os.kill(os.getpid(), 9)", code: "import os; os.kill(os.getpid(), 9)", expectType: "PermissionError" },
  { name: "signal.raise_signal(SIGTERM)", code: "import signal; signal.raise_signal(signal.SIGTERM)", expectType: "PermissionError" },
  // Pyodide's signal module has no alarm(); ctypes reaches the C one, whose timer import is replaced. The wait is the attack: SIGALRM would come 1 s later, outside any run.
  { name: "alarm(1) through ctypes (SIGALRM would fire outside the run)", code: "import ctypes; r = ctypes.CDLL(None).alarm(1); raise RuntimeError(f'alarm returned {r}')", expectType: "RuntimeError", thenWaitMs: 1500 },
  { name: "os.abort()", code: "import os; os.abort()", expectType: "PermissionError" },
  { name: "sys.exit()", code: "import sys; sys.exit(5)", expectType: "SystemExit" },
];

const levels = isolationLevels("red team");

for (const level of levels) {
  describe(`red team at ${level} isolation`, () => {
    let daemon: DaemonUnderTest;
    const marker = mkdtempSync(join(tmpdir(), "woma-redteam-"));
    let snapshotPath = "";
    let snapshotHash = "";
    let port = 0;
    let connections = 0;
    let server: { stop(closeActive?: boolean): void } | undefined;

    beforeAll(async () => {
      const listener = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { open: () => void connections++, data: () => {} } });
      server = listener;
      port = listener.port;
      daemon = await startDaemon({ transport: "socket", args: ["--isolation", level] });
      const info = await daemon.client.info();
      expect(info.isolation.level).toBe(level);
      snapshotPath = info.snapshot?.path ?? "";
      snapshotHash = createHash("sha256").update(readFileSync(snapshotPath)).digest("hex");
    });
    afterAll(async () => {
      await daemon?.stop();
      server?.stop(true);
    });

    const probe = async (client: DaemonClient, code: string) => {
      const filled = code.replaceAll("MARKER", marker).replaceAll("PORT", String(port)).replaceAll("SNAPSHOT", JSON.stringify(snapshotPath)).replaceAll("CACHE", JSON.stringify(join(snapshotPath, "..", "..")));
      return client.run({ code: `${PRELUDE}\n${filled}` });
    };

    for (const p of PROBES) {
      test(`${p.name} — would reach ${p.reaches}`, async () => {
        const result = await probe(daemon.client, p.code);
        if (result.status !== "success") throw new Error(`probe raised ${result.error?.type}: ${result.error?.message}\n${result.error?.traceback}`);
        expect(result.result ?? "").toMatch(/^["']blocked/);
      });
    }

    test("after every probe: no marker file on the host, no connection to the host's server, the snapshot unchanged", () => {
      expect(existsSync(join(marker, "system"))).toBe(false);
      expect(existsSync(join(marker, "ctypes"))).toBe(false);
      expect(connections).toBe(0);
      expect(createHash("sha256").update(readFileSync(snapshotPath)).digest("hex")).toBe(snapshotHash);
      expect(existsSync(join(snapshotPath, "..", "..", "packages", "poisoned.whl"))).toBe(false);
    });

    test("the forged frames reached no one: the daemon answered with the genuine result", async () => {
      const result = await daemon.client.run({ code: "import os\nos.write(1, b'Content-Length: 60\\r\\n\\r\\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"FORGED\"}')\n'genuine'" });
      expect(result.result).toBe("'genuine'");
      expect(result.stdout).toContain("FORGED"); // it was only output
    });

    for (const s of SURVIVAL) {
      test(`${s.name} ends at most the run: the runner and the session's state survive`, async () => {
        const session = (await daemon.client.createSession()).session.session_id;
        await daemon.client.run({ code: "kept = 'still here'", session_id: session });
        const result = await daemon.client.run({ code: s.code, session_id: session });
        expect(result.status).toBe("exception");
        expect(result.error?.type).toBe(s.expectType!);
        if (s.thenWaitMs) await Bun.sleep(s.thenWaitMs);
        expect((await daemon.client.run({ code: "kept", session_id: session })).result).toBe("'still here'");
      });
    }

    test("the runner process has its seccomp filter" + (level === "namespace" ? ", runs as uid 65534 and sees its own PID namespace" : ""), async () => {
      await daemon.client.run({ code: "1" });
      const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared")!;
      const pids = [runner.pid];
      for (let i = 0; i < pids.length; i++) pids.push(...readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number));
      const bun = pids.find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("__runner") && !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("bwrap"))!;
      const status = readFileSync(`/proc/${bun}/status`, "utf8");
      expect(status).toMatch(/Seccomp:\s+2/);
      expect(status).toMatch(/NoNewPrivs:\s+1/);
      if (level === "namespace") {
        expect(readFileSync(`/proc/${bun}/uid_map`, "utf8").trim().split(/\s+/)[0]).toBe("65534");
        expect(readFileSync(`/proc/${bun}/status`, "utf8")).toMatch(/NSpid:\s+\d+\s+\d+/);
      }
    });

    test("session files: links and renames Python makes cannot lead files/* out of the working directory", async () => {
      const attacker = (await daemon.client.createSession()).session.session_id;
      const neighbour = (await daemon.client.createSession()).session.session_id;
      await daemon.client.writeFile({ session_id: neighbour, path: "secret.txt", content: "the neighbour's" });
      await daemon.client.run({
        session_id: attacker,
        code: `import os\nos.symlink('/', 'root')\nos.symlink('../${neighbour}/secret.txt', 'next-door')\nos.symlink('/lib/python3.14', 'lib')`,
      });
      for (const path of ["root/etc/passwd", "next-door", "lib/os.py", "../${neighbour}/secret.txt".replace("${neighbour}", neighbour), "/home/pyodide/sessions/" + neighbour + "/secret.txt"]) {
        const error = await rejection(daemon.client.readFile({ session_id: attacker, path }));
        expect([path, error.code]).toEqual([path, WomaErrorCodes.FilePathRefused]);
      }
      // Its own directory moved away and a link to the neighbour's put in its place.
      const cwd = `/home/pyodide/sessions/${attacker}`;
      await daemon.client.run({ session_id: attacker, code: `import os\nos.chdir('/')\nos.rename(${JSON.stringify(cwd)}, '/tmp/moved')\nos.symlink('/home/pyodide/sessions/${neighbour}', ${JSON.stringify(cwd)})` });
      const replaced = await rejection(daemon.client.readFile({ session_id: attacker, path: "secret.txt" }));
      expect(replaced.code).toBe(WomaErrorCodes.FilePathRefused);
      expect((await daemon.client.readFile({ session_id: neighbour, path: "secret.txt" })).content).toBe("the neighbour's");
    });

    test("display outputs: the daemon's caps hold even for Python that calls the worker's sink itself", async () => {
      const flood = await daemon.client.run({ code: "for i in range(10_000): display(i)" });
      expect(flood.outputs).toHaveLength(32);
      expect(flood.truncated?.displays).toBe(10_000 - 32);
      const session = (await daemon.client.createSession()).session.session_id;
      const forged = await rejection(
        daemon.client.run({
          session_id: session,
          code: "import gc\nfrom pyodide.ffi import JsProxy\nsink = next(v for o in gc.get_objects() if type(o) is dict for v in list(o.values()) if isinstance(v, JsProxy) and getattr(v, 'name', None) == 'displayForPython')\nsink({'output_type': 'display_data', 'data': {'text/plain': 'x' * (5 * 1024 * 1024)}})\nimport time; time.sleep(5)",
        }),
      );
      expect(forged.code).toBe(WomaErrorCodes.RuntimeTerminated);
      expect(forged.message).toContain("runner protocol violation: its display output of 5242880 bytes is over the 4194304-byte cap");
      expect((await daemon.client.run({ code: "1 + 1" })).result).toBe("2");
    });

    test("input: a prompt Python sends the worker itself is cut to the protocol's limit, and the run goes on", async () => {
      const result = await daemon.client.run({
        code: "import gc\nfrom pyodide.ffi import JsProxy, run_sync\nask = next(v for o in gc.get_objects() if type(o) is dict for v in list(o.values()) if isinstance(v, JsProxy) and getattr(v, 'name', None) == 'inputForPython')\nanswer = run_sync(ask('p' * 1_000_000, True, True))\n(answer.text, answer.source)",
      });
      expect(result.result).toBe("(jsnull, 'none')");
    });

    /** Python that counts the strings equal to SECRET reversed anywhere in the heap, besides its own copy. */
    const heapSearch = (secret: string) =>
      `import gc, sys\ntarget = ''.join(reversed(${JSON.stringify(secret)}))\nseen, found, todo = set(), 0, list(gc.get_objects()) + [sys.modules]\nwhile todo:\n    o = todo.pop()\n    if id(o) in seen: continue\n    seen.add(id(o))\n    if type(o) is str:\n        found += o == target and o is not target\n        continue\n    try: todo.extend(gc.get_referents(o))\n    except BaseException: pass\nfound`;

    test("cross-tenant: a second connection finds nothing of the first one's data, modules or hooks (and the search does find it within a tenant)", async () => {
      const other = await daemon.connect();
      const secret = `secret-${Math.random().toString(36).slice(2)}`;
      const tag = `tag_${secret.slice(-6)}`;
      const session = (await daemon.client.createSession()).session.session_id;
      await daemon.client.run({ session_id: session, code: `import sys, types, builtins\nsys.modules['${tag}'] = types.ModuleType('t')\nkeep = ''.join(reversed(${JSON.stringify(secret)}))\nsys.settrace(lambda *a: None)` });
      // Positive control: the same tenant's interpreter holds the reversed secret, and the search finds it.
      expect((await daemon.client.run({ code: heapSearch(secret) })).result).not.toBe("0");
      expect((await other.run({ code: heapSearch(secret) })).result).toBe("0");
      expect((await other.run({ code: `import sys\n('${tag}' in sys.modules, sys.gettrace() is None)` })).result).toBe("(False, True)");
      other.dispose();
    });

    test("cross-tenant: two MCP connections of one server cannot read each other's data", async () => {
      const http = await startHttpMcp(["--connect", daemon.socketPath!]);
      try {
        const a = await http.connect("a");
        const b = await http.connect("b");
        const secret = `mcp-${Math.random().toString(36).slice(2)}`;
        await runPython(a.client, { code: `kept = ''.join(reversed(${JSON.stringify(secret)}))`, session: "main" });
        expect(textOf(await runPython(a.client, { code: heapSearch(secret), session: "main" }))).not.toBe("[result]\n0");
        expect(textOf(await runPython(b.client, { code: heapSearch(secret), session: "main" }))).toEndWith("[result]\n0");
        expect(runnerPids(daemon.process.pid!).length).toBeGreaterThanOrEqual(2);
      } finally {
        await http.stop();
      }
    });
  });
}
