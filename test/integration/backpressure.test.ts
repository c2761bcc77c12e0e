/**
 * Backpressure with a real stalled reader: a socket client sends 100 runs that each print
 * 1 MiB and never reads. The daemon holds about --max-pending-output (64 MiB) for it, not
 * everything: its resident memory stays bounded (measured from /proc), a bystander
 * connection keeps answering, and once the client reads again it gets an answer to every
 * run (results, then ClientNotReading refusals) and may run again.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createConnection, type Socket } from "node:net";
import type { Message } from "vscode-jsonrpc";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";
import { waitFor } from "../harness/paths.ts";
import { mib, residentBytes, sampleResident } from "../harness/process-memory.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const RUNS = 100;
/** What the daemon may grow by while the flood waits: the 64 MiB bound, about as much again in copies on their way out, and room for the collector. Before the bound it grew by 400 MiB. */
const MAX_GROWTH_BYTES = 224 * 1024 * 1024;

type Answer = { id?: unknown; result?: Record<string, unknown>; error?: { code: number; message: string } };

function connect(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

describe("a client that stops reading", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket" });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("100 runs printing 1 MiB each: the daemon's memory stays bounded and a bystander keeps answering", async () => {
    const pid = daemon.process.pid!;
    const session = (await daemon.client.createSession()).session.session_id;
    await daemon.client.run({ code: "precious = [1, 2, 3]", session_id: session });
    const tenant = `flood-${process.pid}`;

    const flood = await connect(daemon.socketPath!);
    flood.pause(); // never reads, from the start
    const frame = (body: object) => flood.write(`Content-Length: ${Buffer.byteLength(JSON.stringify(body))}\r\n\r\n${JSON.stringify(body)}`);
    frame({ jsonrpc: "2.0", id: 0, method: "daemon/initialize", params: { protocol_version: "1.1", tenant } });
    // The observer shares the flood's tenant, so daemon/info shows the flood's queue and runner.
    const observer = await DaemonClient.connect(daemon.socketPath!);
    await observer.initialize("observer", tenant);
    const baseline = residentBytes(pid)!;
    const memory = sampleResident(pid);
    for (let id = 1; id <= RUNS; id++) frame({ jsonrpc: "2.0", id, method: "python/run", params: { code: "print('x' * (1 << 20))" } });

    try {
      await waitFor("the daemon to say the flood connection is over --max-pending-output", () => /over --max-pending-output/.test(daemon.stderr()), 120_000);
      // While the flood is being worked off, a bystander connection answers and keeps its variable.
      expect((await daemon.client.run({ code: "sum(precious)", session_id: session })).result).toBe("6");
      await waitFor(
        "every flood run to be finished or refused (no run queued or running for its tenant)",
        async () => {
          const info = await observer.info();
          return info.queued === 0 && info.runners.every((r) => r.role === "spare" || r.state !== "busy") && info.execution_count >= RUNS;
        },
        180_000,
      );
      expect((await daemon.client.run({ code: "sum(precious)", session_id: session })).result).toBe("6");
    } finally {
      memory.stop();
    }
    const growth = memory.peak() - baseline;
    expect(growth, `daemon RSS grew by ${mib(growth)} (baseline ${mib(baseline)}, peak ${mib(memory.peak())})`).toBeLessThan(MAX_GROWTH_BYTES);
    expect(daemon.stderr()).toContain("runs refused until its client reads");

    // The client reads again: every run has an answer, and it may run again.
    const answers: Answer[] = [];
    const reader = new BoundedMessageReader(nodeStreamSource(flood), { maxMessageBytes: 1 << 30, onProblem: () => {} });
    reader.listen((message: Message) => {
      if ("id" in message) answers.push(message as unknown as Answer);
    });
    flood.resume();
    await waitFor(`answers to all ${RUNS} runs once the client reads`, () => answers.filter((a) => typeof a.id === "number" && a.id >= 1).length === RUNS, 60_000);
    const succeeded = answers.filter((a) => a.result?.status === "success").length;
    const refused = answers.filter((a) => a.error?.code === WomaErrorCodes.ClientNotReading);
    expect(succeeded + refused.length).toBe(RUNS);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.error!.message).toContain("--max-pending-output");
    frame({ jsonrpc: "2.0", id: 1000, method: "python/run", params: { code: "'reading again'" } });
    await waitFor("a run after the client caught up", () => answers.some((a) => a.id === 1000), 30_000);
    expect(answers.find((a) => a.id === 1000)).toMatchObject({ result: { result: "'reading again'" } });
    flood.destroy();
    observer.dispose();
  });
});
