/** Backpressure: a client that does not read its answers cannot make the daemon hold more than about twice --max-pending-output for it. */
import { afterAll, describe, expect, test } from "bun:test";
import { AbstractMessageWriter, type Message, type MessageWriter } from "vscode-jsonrpc";
import "vscode-jsonrpc/node";
import { OutputBacklog, approximateSize, type BacklogLevel } from "../../daemon/server/output-backlog.ts";
import { serveConnection } from "../../daemon/server/serve-connection.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { createLinkedPair } from "../../protocol/wire/linked-pair.ts";
import type { FakeStep } from "../harness/fake-runner.ts";
import { startInProcessDaemon } from "../harness/in-process-daemon.ts";

/** "print N" prints N bytes of stdout; any other line is the run's result, as a string. */
function printProgram(code: string): FakeStep[] {
  return code.split("\n").map((line): FakeStep => {
    const bytes = /^print (\d+)$/.exec(line)?.[1];
    return bytes !== undefined ? { kind: "print", stream: "stdout", text: "x".repeat(Number(bytes)) } : { kind: "eval", expression: JSON.stringify(line) };
  });
}
import { waitFor } from "../harness/paths.ts";

/** A writer whose writes complete only once the test opens it: a client that stopped reading. */
class StalledWriter extends AbstractMessageWriter implements MessageWriter {
  held: Array<{ message: Message; done: () => void }> = [];
  open = false;
  constructor(private readonly peer: MessageWriter) {
    super();
  }
  heldBytes(): number {
    return this.held.reduce((sum, h) => sum + JSON.stringify(h.message).length, 0);
  }
  async write(message: Message): Promise<void> {
    if (this.open) return this.peer.write(message);
    await new Promise<void>((done) => this.held.push({ message, done }));
    await this.peer.write(message);
  }
  release(): void {
    this.open = true;
    for (const { done } of this.held.splice(0)) done();
  }
  end(): void {}
}

describe("OutputBacklog", () => {
  test("approximateSize follows the strings that dominate a message", () => {
    const text = "x".repeat(100_000);
    const size = approximateSize({ jsonrpc: "2.0", method: "python/output", params: { run_id: "r", stream: "stdout", text } });
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(100_200);
  });

  test("levels go up past the limit and twice it, and come back down at the limit and half of it", async () => {
    const levels: BacklogLevel[] = [];
    const backlog = new OutputBacklog(1000, (level) => levels.push(level));
    const gates: Array<() => void> = [];
    const inner = { write: () => new Promise<void>((resolve) => gates.push(resolve)) } as unknown as MessageWriter;
    const writer = backlog.writer(inner);
    const message = (n: number) => ({ jsonrpc: "2.0", method: "m", params: { text: "x".repeat(n) } }) as unknown as Message;
    const writes = [writer.write(message(600)), writer.write(message(600)), writer.write(message(900))];
    expect(levels).toEqual(["over", "full"]);
    gates.shift()!();
    await writes[0];
    expect(backlog.level).toBe("full"); // about 1540 bytes left: still over the limit
    gates.shift()!();
    await writes[1];
    expect(backlog.level).toBe("over"); // about 920: under the limit, over half of it
    gates.shift()!();
    await writes[2];
    expect(levels).toEqual(["over", "full", "over", "clear"]);
    expect(backlog.pendingBytes).toBe(0);
  });
});

describe("a connection whose client stops reading", () => {
  const inProcess = startInProcessDaemon({ daemon: { maxPendingOutputBytes: 256 * 1024, workers: 1 }, runners: { program: printProgram } });
  const daemon = inProcess.daemon;
  afterAll(() => inProcess.stop());

  test("its runs are refused past the bound, it holds about the bound, and a bystander is served meanwhile", async () => {
    const [daemonEnd, clientEnd] = createLinkedPair();
    const stalled = new StalledWriter(daemonEnd.writer);
    serveConnection(daemon, daemonEnd.reader, stalled);
    const answers: Array<Record<string, unknown>> = [];
    clientEnd.reader.listen((message) => answers.push(message as unknown as Record<string, unknown>));
    const RUNS = 10;
    for (let id = 1; id <= RUNS; id++) {
      await clientEnd.writer.write({ jsonrpc: "2.0", id, method: "python/run", params: { code: "print 200000\ndone" } } as unknown as Message);
    }
    // Every run has been answered (held by the stalled writer) once all ten are accounted for.
    await waitFor("answers to all ten runs to be held", () => stalled.held.filter((h) => "id" in h.message).length === RUNS, 10_000);
    // Without a bound this would be ten runs' output twice over (notifications and results): about 4 MB.
    expect(stalled.heldBytes()).toBeLessThan(1024 * 1024);

    const [bystanderDaemonEnd, bystanderEnd] = createLinkedPair();
    serveConnection(daemon, bystanderDaemonEnd.reader, bystanderDaemonEnd.writer);
    const bystander: Array<Record<string, unknown>> = [];
    bystanderEnd.reader.listen((message) => bystander.push(message as unknown as Record<string, unknown>));
    await bystanderEnd.writer.write({ jsonrpc: "2.0", id: 1, method: "python/run", params: { code: "print 1000\nfine" } } as unknown as Message);
    await waitFor("the bystander's answer", () => bystander.some((m) => m.id === 1), 5000);
    expect(bystander.find((m) => m.id === 1)).toMatchObject({ result: { result: "'fine'" } });

    stalled.release();
    await waitFor("the held answers to arrive", () => answers.filter((m) => "id" in m).length === RUNS, 5000);
    const refused = answers.filter((m) => (m.error as { code?: number } | undefined)?.code === WomaErrorCodes.ClientNotReading);
    expect(refused.length).toBeGreaterThan(0);
    expect((refused[0]!.error as { message: string }).message).toContain("--max-pending-output");
    // Caught up: a new run is accepted again.
    await clientEnd.writer.write({ jsonrpc: "2.0", id: 99, method: "python/run", params: { code: "again" } } as unknown as Message);
    await waitFor("the run after catching up", () => answers.some((m) => m.id === 99), 5000);
    expect(answers.find((m) => m.id === 99)).toMatchObject({ result: { result: "'again'" } });
  });
});
