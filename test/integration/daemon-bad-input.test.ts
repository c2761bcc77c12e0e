/**
 * Bad input over the wire. Each kind gets a JSON-RPC error that names the problem, and the
 * daemon keeps serving the same connection, other connections and other sessions:
 * - malformed JSON: -32700 naming JSON, id null;
 * - a body that is not a JSON-RPC object (an array, a bare value): -32600;
 * - an unknown method: -32601 listing the known methods;
 * - wrong param types, missing or unknown params, non-string code: -32602 naming the field;
 * - an unknown session: -31001 naming the session;
 * - a message over the size limit: -31009 with the sizes, and the bytes are skipped.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { startDaemon, startRawStdioDaemon, type DaemonUnderTest, type RawPeer } from "../harness/start-daemon.ts";
import { fileWriteMessageBytes } from "../../cli/daemon-flags.ts";
import { defaultDaemonOptions } from "../../daemon/daemon-options.ts";

/** The exit code of a process, whether it has already exited or not. */
function exitCode(child: import("node:child_process").ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

type Answer = Record<string, unknown> & { error?: { code: number; message: string }; result?: Record<string, unknown> };

/** Sends each bad message on `peer` and checks the error; the callers then check the daemon still works. */
async function sendBadInput(peer: RawPeer): Promise<void> {
  const ask = async (body: string, what: string): Promise<Answer> => {
    peer.frame(body);
    return (await peer.next(what)) as Answer;
  };

  const notJson = await ask("{this is not json", "malformed JSON");
  expect(notJson.id).toBeNull();
  expect(notJson.error?.code).toBe(JsonRpcErrorCodes.ParseError);
  expect(notJson.error?.message).toContain("not valid JSON");

  const batch = await ask('[{"jsonrpc":"2.0","id":1,"method":"daemon/info"}]', "a batch");
  expect(batch.error?.code).toBe(JsonRpcErrorCodes.InvalidRequest);

  const bare = await ask("42", "a bare number");
  expect(bare.error?.message).toContain("must be an object, got number");

  const unknown = await ask('{"jsonrpc":"2.0","id":2,"method":"python/explode","params":{}}', "an unknown method");
  expect(unknown).toMatchObject({ id: 2, error: { code: JsonRpcErrorCodes.MethodNotFound } });
  expect(unknown.error?.message).toContain('unknown method "python/explode"');
  expect(unknown.error?.message).toContain("python/run");

  const numberCode = await ask('{"jsonrpc":"2.0","id":3,"method":"python/run","params":{"code":5}}', "code as a number");
  expect(numberCode).toMatchObject({ id: 3, error: { code: JsonRpcErrorCodes.InvalidParams } });
  expect(numberCode.error?.message).toBe("invalid params for python/run: params.code must be string, got the number 5");

  const noCode = await ask('{"jsonrpc":"2.0","id":4,"method":"python/run","params":{}}', "missing code");
  expect(noCode.error?.message).toContain("params.code is required");

  const wrongType = await ask('{"jsonrpc":"2.0","id":5,"method":"python/run","params":{"code":"1","timeout_ms":"soon"}}', "timeout as a string");
  expect(wrongType.error?.message).toContain('params.timeout_ms must be integer, got the string "soon"');

  const byPosition = await ask('{"jsonrpc":"2.0","id":6,"method":"python/run","params":["1+1"]}', "params by position");
  expect(byPosition.error?.message).toContain("params must be an object");

  const noSession = await ask('{"jsonrpc":"2.0","id":7,"method":"python/run","params":{"code":"1","session_id":"ghost"}}', "an unknown session");
  expect(noSession).toMatchObject({ id: 7, error: { code: WomaErrorCodes.SessionNotFound } });
  expect(noSession.error?.message).toContain('session "ghost" not found');

  // Past the default limit, which leaves room for a files/write of the largest file in base64.
  const size = Math.max(defaultDaemonOptions().maxMessageBytes, fileWriteMessageBytes(defaultDaemonOptions().maxFileBytes)) + 1024 * 1024;
  peer.write(`Content-Length: ${size}\r\n\r\n`);
  peer.write(new Uint8Array(size).fill(0x20));
  const tooBig = (await peer.next("an oversized message", 20_000)) as Answer;
  expect(tooBig.error?.code).toBe(WomaErrorCodes.MessageTooLarge);
  expect(tooBig.error?.message).toContain(`message of ${size} bytes is larger than the limit`);

  const good = await ask('{"jsonrpc":"2.0","id":8,"method":"python/run","params":{"code":"6*7"}}', "a good run after all that");
  expect(good).toMatchObject({ id: 8, result: { status: "success", result: "42" } });
}

describe("bad input on a socket connection", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket" });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("each kind is answered with a named error and other connections and sessions keep working", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    await daemon.client.run({ code: "precious = [1, 2, 3]", session_id: session });
    const raw = await daemon.rawConnection();
    await sendBadInput(raw);
    raw.write("garbage\r\n\r\n");
    expect(((await raw.next("garbage header")) as Answer).error?.message).toContain("no valid Content-Length");
    raw.close();
    expect((await daemon.client.run({ code: "sum(precious)", session_id: session })).result).toBe("6");
    expect((await daemon.client.info()).status).toBe("healthy");
  });

  test("a client that disconnects in the middle of a message harms nobody", async () => {
    const raw = await daemon.rawConnection();
    raw.write('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","id":1,');
    raw.close();
    expect((await daemon.client.run({ code: "'fine'" })).result).toBe("'fine'");
  });
});

describe("bad input on stdio", () => {
  test("each kind is answered with a named error and the daemon keeps serving", async () => {
    const daemon = startRawStdioDaemon();
    try {
      await sendBadInput(daemon.peer);
      expect(daemon.process.exitCode).toBeNull();
    } finally {
      daemon.peer.close();
    }
  });

  test("end of stdin shuts the daemon down cleanly, runners included", async () => {
    const daemon = startRawStdioDaemon();
    daemon.peer.frame('{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"1"}}');
    await daemon.peer.next("a first run");
    const pids = ((await (async () => {
      daemon.peer.frame('{"jsonrpc":"2.0","id":2,"method":"daemon/info","params":{}}');
      return (await daemon.peer.next("info")) as Answer;
    })()).result as { runners: Array<{ pid: number }> }).runners.map((r) => r.pid);
    daemon.process.stdin!.end();
    const code = await exitCode(daemon.process);
    expect(code).toBe(0);
    for (const pid of pids.filter((p) => p > 0)) expect(() => process.kill(pid, 0)).toThrow();
  });

  test("a request sent just before stdin closes still gets its answer", async () => {
    const daemon = startRawStdioDaemon();
    daemon.peer.frame('{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"6*7"}}');
    daemon.process.stdin!.end();
    expect(await daemon.peer.next("the last run", 30_000)).toMatchObject({ id: 1, result: { result: "42" } });
    expect(await exitCode(daemon.process)).toBe(0);
  });

  test("daemon/shutdown answers, then the daemon exits", async () => {
    const daemon = startRawStdioDaemon();
    daemon.peer.frame('{"jsonrpc":"2.0","id":1,"method":"daemon/shutdown","params":{}}');
    expect(await daemon.peer.next("shutdown")).toMatchObject({ id: 1, result: { stopping: true } });
    expect(await exitCode(daemon.process)).toBe(0);
  });

  test("SIGTERM stops the daemon cleanly", async () => {
    const daemon = startRawStdioDaemon();
    daemon.peer.frame('{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"1"}}');
    await daemon.peer.next("a first run");
    daemon.process.kill("SIGTERM");
    expect(await exitCode(daemon.process)).toBe(0);
  });
});
