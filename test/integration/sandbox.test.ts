/** Python cannot reach the host: no host JavaScript, no daemon environment, and (where available) its own namespaces. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

/** The runner processes under a pid: the pid itself and its descendants. */
function tree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const child of readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, "utf8").split(/\s+/)) if (child) out.push(Number(child));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** The bun process at the bottom of a runner's tree (under bwrap it is a grandchild). */
function runnerBunProcess(pid: number): number {
  const all = tree(pid);
  return all.find((p) => readFileSync(`/proc/${p}/cmdline`, "utf8").includes("__runner") && !readFileSync(`/proc/${p}/cmdline`, "utf8").startsWith("/usr/bin/bwrap")) ?? all[all.length - 1]!;
}

function bwrapWorksHere(): boolean {
  const result = spawnSync("bwrap", ["--unshare-all", "--ro-bind", "/", "/", "true"]);
  return result.status === 0;
}

describe("the sandbox", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket" });
  });
  afterAll(async () => {
    await daemon?.stop();
  });
  const run = (code: string) => daemon.client.run({ code });

  test.each([
    ["import js; js.process", "AttributeError"],
    ["import js; js.Bun", "AttributeError"],
    ["import pyodide_js; pyodide_js.FS", "AttributeError"],
    ["import importlib; importlib.import_module('pyodide_js')._module", "AttributeError"],
    ["from pyodide.code import run_js; run_js('1')", "PermissionError"],
    ["from pyodide.ffi import to_js; to_js({'a': 1}).constructor.constructor('return process')()", "JsException"],
  ])("%s fails with %s", async (code, type) => {
    const result = await run(code);
    expect(result.status).toBe("exception");
    expect(result.error?.type).toBe(type);
  });

  test("the runner has no network of its own: sockets fail at once saying so, and HTTP goes through the policy, which refuses the host itself", async () => {
    // A hang would last until the 30 s socket timeout; the run's own 10 s timeout would then fail this test with RunTimedOut.
    const run = (code: string) => daemon.client.run({ code, timeout_ms: 10_000 });
    const url = await run("import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9/', timeout=30)");
    expect(url.error?.type).toBe("URLError");
    expect(url.error?.message).toContain("network policy refuses 127.0.0.1 (loopback)");
    const raw = await run("import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 9))");
    expect(raw.error?.type).toBe("OSError");
    expect(raw.error?.message).toContain("raw sockets are not available in woma");
    const low = await run("import _socket\n_socket.socket().connect(('127.0.0.1', 9))");
    expect(["OSError", "PermissionError"]).toContain(low.error?.type ?? "");
    expect(low.error?.message ?? "").not.toBe("");
  });

  test("os.environ holds none of the daemon's variables", async () => {
    const environ = JSON.parse((await run("import os, json; print(json.dumps(dict(os.environ)))")).stdout) as Record<string, string>;
    expect(environ.WOMA_TEST_SECRET).toBeUndefined();
    expect(environ.PATH).not.toBe(process.env.PATH);
    expect(Object.values(environ).join(" ")).not.toContain("daemon-secret-value");
    expect(Object.values(environ).join(" ")).not.toContain(process.cwd());
  });

  test("the runner process itself starts with a scrubbed environment", async () => {
    const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared" && r.pid > 0)!;
    const environ = readFileSync(`/proc/${runnerBunProcess(runner.pid)}/environ`, "utf8");
    expect(environ).not.toContain("daemon-secret-value");
    expect(environ).not.toContain("PATH=");
  });

  test("the isolation level is namespace exactly when bubblewrap works on this machine", async () => {
    const { isolation } = await daemon.client.initialize("sandbox-test");
    expect(isolation.level).toBe(bwrapWorksHere() ? "namespace" : "process");
    expect(isolation.detail.length).toBeGreaterThan(20);
  });

  test("seen from outside, a runner's file system hides the host's files exactly when its isolation is namespace", async () => {
    const { isolation } = await daemon.client.initialize("sandbox-test");
    const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared" && r.pid > 0)!;
    const root = `/proc/${runnerBunProcess(runner.pid)}/root`;
    const hostOnly = mkdtempSync(join(tmpdir(), "woma-host-only-"));
    writeFileSync(join(hostOnly, "secret.txt"), "the host's\n");
    try {
      // The runner's root can be looked into at all (its system directories are there) ...
      expect(existsSync(join(root, "usr", "lib"))).toBe(true);
      // ... and a file made on the host just now is visible in it only without a mount namespace.
      expect(existsSync(join(root, hostOnly, "secret.txt"))).toBe(isolation.level === "process");
      expect(existsSync(join(root, process.cwd(), ".git"))).toBe(isolation.level === "process");
    } finally {
      rmSync(hostOnly, { recursive: true, force: true });
    }
  });

  test("under namespace isolation a runner has its own user, PID, mount and network namespaces", async () => {
    const { isolation } = await daemon.client.initialize("sandbox-test");
    const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared" && r.pid > 0)!;
    const bunPid = runnerBunProcess(runner.pid);
    const differs = ["user", "pid", "mnt", "net"].filter((ns) => readlinkSync(`/proc/${bunPid}/ns/${ns}`) !== readlinkSync(`/proc/self/ns/${ns}`));
    // Under process isolation the runner shares every namespace with us: the level says so, and this checks it.
    expect(differs).toEqual(isolation.level === "namespace" ? ["user", "pid", "mnt", "net"] : []);
  });
});
