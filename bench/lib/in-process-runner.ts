/** A runner's interpreter booted in this process, the way a runner process boots it, for benchmarks that measure the runner without the process around it. Its boot freezes this realm's built-ins: start it in a probe process of its own. */
import { createMessageConnection } from "vscode-jsonrpc";
import type { RunnerRunParams } from "../../daemon/contract/runner-protocol.ts";
import { PythonRunner } from "../../daemon/runner/python-runner.ts";
import { createLinkedPair } from "../../protocol/wire/linked-pair.ts";

/** Boots a {@link PythonRunner} from the snapshot at `snapshot` (a daemon's, sealed or not: its payload is read as a runner reads it). */
export async function bootInProcessRunner(snapshot: string, indexURL: string): Promise<{ runner: PythonRunner; bootMs: number }> {
  const [ours, theirs] = createLinkedPair();
  const connection = createMessageConnection(ours.reader, ours.writer);
  // The daemon's end answers nothing: a `1+1` asks it nothing.
  createMessageConnection(theirs.reader, theirs.writer).listen();
  connection.listen();
  const runner = new PythonRunner(connection, { installed: false, detail: "in-process probe" }, (message) => {
    throw new Error(message);
  });
  const boot = await runner.boot({ runnerId: "probe", indexURL, boot: { kind: "snapshot", path: snapshot } });
  if (boot.kind !== "ready") throw new Error(`the probe's interpreter did not boot: ${boot.problem}`);
  return { runner, bootMs: boot.bootMs };
}

/** The params of a run of `code` in session "bench", with generous caps. */
export function runParams(code: string, index: number): RunnerRunParams {
  return { runId: `run-${index}`, sessionId: "bench", fresh: false, code, maxOutputBytes: 1 << 20, maxResultChars: 100_000, maxDisplayBytes: 1 << 20, maxDisplays: 100 };
}
