/** A runner process: installs the seccomp filter, then speaks JSON-RPC with the daemon (stdin in, fd 3 out) and runs Python on the same thread. */
import { format } from "node:util";
import { createMessageConnection, type MessageConnection } from "vscode-jsonrpc/node";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { webStreamSource } from "../../protocol/wire/byte-sources.ts";
import { installSeccomp } from "./install-seccomp.ts";
import { PythonRunner } from "./python-runner.ts";
import {
  RunnerBootRequest,
  RunnerCheckRequest,
  RunnerCompleteRequest,
  RunnerFilesRequest,
  RunnerInspectRequest,
  RunnerInterruptNotification,
  RunnerLoadRequest,
  RunnerRunRequest,
  RunnerSessionRequest,
  RUNNER_CHANNEL_FD,
} from "../contract/runner-protocol.ts";
import { SyncMessageWriter } from "./sync-message-writer.ts";

/** Largest message the runner accepts from the daemon (code of a run, a package file), in bytes. */
const MAX_INBOUND_BYTES = 512 * 1024 * 1024;

/** Runs the runner: returns when the daemon's end of the channel closes. */
export function runRunner(): void {
  // stdout is not the protocol, but nothing should print there by accident either.
  const toStderr = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  // The daemon interrupts runs over the protocol and stops runners itself; signals meant for
  // the daemon's terminal or process group are not for us.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => {});
  // Before Pyodide loads, so the filter covers every thread that will ever run Python.
  const filter = installSeccomp();
  const seccomp = filter.installed ? { installed: true, detail: `${filter.rules} rules` } : { installed: false, detail: filter.reason };

  // Read as a web stream: Bun gives each chunk straight to the reader (webStreamSource).
  const input = Bun.stdin.stream();
  const connection: MessageConnection = createMessageConnection(
    new BoundedMessageReader(webStreamSource(input), {
      maxMessageBytes: MAX_INBOUND_BYTES,
      // Body chunks of HTTP responses come as raw bytes.
      payloads: true,
      onProblem: (problem) => toStderr(`runner: bad message from daemon: ${problem.message}`),
    }),
    new SyncMessageWriter(RUNNER_CHANNEL_FD),
  );
  const die = (message: string, code: number): never => {
    toStderr(`runner: ${message}`);
    process.exit(code);
  };
  const runner = new PythonRunner(connection, seccomp, die);
  process.on("uncaughtException", runner.dropped);
  process.on("unhandledRejection", runner.dropped);

  connection.onRequest(RunnerBootRequest, (params) => runner.boot(params));
  connection.onRequest(RunnerRunRequest, (params) => runner.run(params));
  connection.onRequest(RunnerSessionRequest, (params) => runner.session(params));
  connection.onRequest(RunnerLoadRequest, (params) => runner.load(params.wheels));
  connection.onRequest(RunnerCheckRequest, (params) => runner.check(params.code));
  connection.onRequest(RunnerFilesRequest, (params) => runner.files(params));
  connection.onRequest(RunnerCompleteRequest, (params) => runner.completion("complete", params) as never);
  connection.onRequest(RunnerInspectRequest, (params) => runner.completion("inspect", params) as never);
  connection.onNotification(RunnerInterruptNotification, ({ runId }) => runner.interrupt(runId));

  // The daemon's end of the channel closed (or reading it failed): nothing is left to serve.
  connection.onClose(() => process.exit(0));
  connection.listen();
}
