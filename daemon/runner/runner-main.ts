/** A runner process's main thread: installs the seccomp filter, speaks JSON-RPC with the daemon (stdin in, fd 3 out), and drives the Pyodide worker thread. */
import { createWriteStream } from "node:fs";
import { format } from "node:util";
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { BoundedMessageReader, nodeStreamSource } from "../../protocol/wire/bounded-message-reader.ts";
import { workerSpecifier } from "../compiled-binary.ts";
import { installSeccomp } from "./install-seccomp.ts";
import { dropPrivileges } from "./privileges.ts";
import { allocateRing, RingReader, type RingBuffers } from "./output-ring.ts";
import {
  RunnerBootRequest,
  RunnerCheckRequest,
  RunnerCompleteRequest,
  RunnerDisplayNotification,
  RunnerFilesRequest,
  RunnerInspectRequest,
  RunnerInterruptNotification,
  RunnerLoadRequest,
  RunnerOutputNotification,
  RunnerRunRequest,
  RunnerSessionRequest,
  RunnerWheelRequest,
  type RunnerRunResult,
} from "./runner-protocol.ts";
import type { CompleteResult, InspectResult } from "../../protocol/generated/types.ts";
import type { FilesAnswer } from "./session-files.ts";
import type { FromWorker, ToWorker, WorkerBootResult, WorkerRunOutcome } from "./worker-messages.ts";

/**
 * The file descriptor the runner writes its messages to the daemon on: not stdout, where a
 * stray console.log would land. The daemon's messages come on stdin, the fastest pipe Bun
 * reads; Emscripten's terminal devices, which would read it, are cut off (tty-lockdown.ts).
 */
export const RUNNER_CHANNEL_FD = 3;
/** How long an interrupt waits for the worker to acknowledge it before arming the interrupt buffer, in ms. */
const BUSY_INTERRUPT_MS = 50;
/**
 * How long a run may go on after an acknowledged interrupt before the buffer is armed anyway,
 * and again as often, in ms: the worker acknowledges when it finds Python suspended, but
 * Python may resume into bytecode that never suspends again. Well within the daemon's grace
 * (1 s), which kills the runner.
 */
const STUCK_INTERRUPT_MS = 300;
/** How often output is drained from the worker and forwarded while a run is going, in ms. */
const DRAIN_INTERVAL_MS = 10;
/** Requests to the daemon in flight at once; the daemon's guard allows a runner 256 unanswered. */
const MAX_HOST_REQUESTS = 128;

/** Runs at most `limit` tasks at once, the rest in order as slots free up. */
class Slots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async run(task: () => Promise<unknown>): Promise<void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** Largest message the runner accepts from the daemon (code of a run, a package file), in bytes. */
const MAX_INBOUND_BYTES = 512 * 1024 * 1024;

/**
 * One stream of a run: decodes bytes as they come, forwards them, keeps up to the cap. With
 * `forwardAll`, what is past the cap is forwarded too (a terminal shows it) but not kept.
 */
class StreamCapture {
  private readonly decoder = new TextDecoder();
  private kept = "";
  private keptBytes = 0;
  cutBytes = 0;

  constructor(
    private readonly cap: number,
    private readonly forward: (text: string) => void,
    private readonly forwardAll = false,
  ) {}

  /**
   * Decodes first and measures the text: bytes that are not UTF-8 become U+FFFD (three bytes
   * each), so the raw bytes would undercount what is kept and sent, and the daemon counts that.
   */
  take(bytes: Uint8Array, final: boolean): void {
    if (bytes.length === 0 && !final) return;
    const room = this.cap - this.keptBytes;
    if (room <= 0 && !this.forwardAll) {
      this.cutBytes += bytes.length;
      return;
    }
    let text = this.decoder.decode(bytes, { stream: !final });
    if (text.length === 0) return;
    const whole = text;
    let size = Buffer.byteLength(text);
    if (size > room) {
      const encoded = Buffer.from(text);
      // Cut at a UTF-8 character boundary so the kept text never ends in a broken character.
      let end = Math.max(room, 0);
      while (end > 0 && (encoded[end]! & 0xc0) === 0x80) end--;
      text = encoded.subarray(0, end).toString("utf8");
      this.cutBytes += size - end;
      size = end;
    }
    this.keptBytes += size;
    if (text.length > 0) this.kept += text;
    const forwarded = this.forwardAll ? whole : text;
    if (forwarded.length > 0) this.forward(forwarded);
  }

  text(): string {
    return this.kept;
  }
}

interface CurrentRun {
  runId: string;
  interrupted: boolean;
  stdout: StreamCapture;
  stderr: StreamCapture;
}

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
  // Before the worker exists, so the filter covers every thread that will ever run Python.
  const filter = installSeccomp();
  const seccomp = filter.installed ? { installed: true, detail: `${filter.rules} rules` } : { installed: false, detail: filter.reason };

  const input = process.stdin;
  const output = createWriteStream("", { fd: RUNNER_CHANNEL_FD, autoClose: false });
  const connection: MessageConnection = createMessageConnection(
    new BoundedMessageReader(nodeStreamSource(input), {
      maxMessageBytes: MAX_INBOUND_BYTES,
      // Body chunks of HTTP responses come as raw bytes.
      payloads: true,
      onProblem: (problem) => toStderr(`runner: bad message from daemon: ${problem.message}`),
    }),
    new StreamMessageWriter(output),
  );

  const interrupt = new SharedArrayBuffer(4);
  const interruptFlag = new Int32Array(interrupt);
  const ack = new SharedArrayBuffer(4);
  const interruptAck = new Int32Array(ack);
  const rings: { stdout: RingBuffers; stderr: RingBuffers } = { stdout: allocateRing(), stderr: allocateRing() };
  const readers = { stdout: new RingReader(rings.stdout), stderr: new RingReader(rings.stderr) };
  // Display outputs the worker has posted (slot 0) and those handled here: while they differ, output
  // written after the display that is on its way must wait for it, or a print after display() would overtake it.
  const displayGate = new SharedArrayBuffer(4);
  const displaysPosted = new Int32Array(displayGate);
  let displaysHandled = 0;
  const worker = new Worker(workerSpecifier());
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextCall = 1;
  let booted: ((result: WorkerBootResult) => void) | undefined;
  let current: CurrentRun | undefined;
  let drainTimer: ReturnType<typeof setInterval> | undefined;
  const hostSlots = new Slots(MAX_HOST_REQUESTS);

  const die = (message: string, code: number): never => {
    toStderr(`runner: ${message}`);
    process.exit(code);
  };

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    switch (message.op) {
      case "booted":
        booted?.(message.result);
        return;
      case "reply": {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        waiter?.resolve(message.result);
        return;
      }
      case "display":
        displaysHandled = (displaysHandled + 1) | 0;
        if (!current) return;
        // Output printed before this display output goes first, so the daemon sees them in order.
        current.stdout.take(readers.stdout.drain(message.stdout), false);
        current.stderr.take(readers.stderr.drain(message.stderr), false);
        void connection.sendNotification(RunnerDisplayNotification, { runId: current.runId, output: message.output });
        return;
      case "fatal":
        // The interpreter can no longer be trusted; exiting lets the daemon report the sessions lost.
        die(message.message, 70);
        return;
      case "host": {
        // Python asks the daemon for something during a run: the run's id goes with it, and the
        // daemon refuses a request for a run that is not going on.
        const reply = (answer: { result?: unknown; error?: string; kind?: string }) => {
          // A body chunk's bytes are this reply's own (payload-frames.ts copies them out of the
          // frame): handed to the worker, not copied again.
          const bytes = (answer.result as { bytes?: unknown } | undefined)?.bytes;
          const own = bytes instanceof Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
          worker.postMessage({ op: "host-reply", id: message.id, ...answer } satisfies ToWorker, own ? [bytes.buffer as ArrayBuffer] : []);
        };
        // runner/wheel names no run: the worker installs packages at boot and between runs too.
        const anytime = message.method === RunnerWheelRequest.method;
        const runId = current?.runId;
        if (runId === undefined && !anytime) {
          reply({ error: "no run is going on" });
          return;
        }
        // The daemon answers at most MAX_HOST_REQUESTS at once (a runner with more unanswered is
        // killed): the rest wait here, and give up if their run ends meanwhile.
        void hostSlots.run(async () => {
          if (!anytime && current?.runId !== runId) return reply({ error: "the run has ended" });
          // What the run printed before asking goes first: an input() prompt must not overtake
          // the print() before it (Python flushed its buffers before the worker posted this).
          if (!anytime) drain(false);
          await connection.sendRequest(message.method, anytime ? message.params : { ...message.params, runId }).then(
            (result) => reply({ result }),
            (error: unknown) => {
              const kind = (error as { data?: { kind?: unknown } }).data?.kind;
              reply({ error: error instanceof Error ? error.message : String(error), ...(typeof kind === "string" ? { kind } : {}) });
            },
          );
        });
        return;
      }
    }
  };
  worker.onerror = (event) => die(`worker thread failed: ${event.message}`, 70);

  const callWorker = (message: Omit<Extract<ToWorker, { op: "call" }>, "id">): Promise<unknown> => {
    const id = nextCall++;
    // An interrupt meant for a run that has since ended must not land in whatever Python runs next.
    if (message.method !== "run") Atomics.store(interruptFlag, 0, 0);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id } as ToWorker);
    });
  };

  const drain = (final: boolean) => {
    if (!current) {
      readers.stdout.drain();
      readers.stderr.drain();
      return;
    }
    // A display output is on its way: what was written after it waits for it (the run's last drain comes after its reply, so after every display).
    if (!final && Atomics.load(displaysPosted, 0) !== displaysHandled) return;
    current.stdout.take(readers.stdout.drain(), final);
    current.stderr.take(readers.stderr.drain(), final);
  };

  connection.onRequest(RunnerBootRequest, async (params) => {
    const result = await new Promise<WorkerBootResult>((resolve) => {
      booted = resolve;
      worker.postMessage({ op: "boot", params, interrupt, ack, stdout: rings.stdout, stderr: rings.stderr, displayGate, seccomp });
    });
    if (result.kind !== "ready") return result;
    // Booted (files only the daemon's user may read are read): now nothing of that user's
    // privileges is kept, in this thread or any other, before any user code runs.
    const privileges = dropPrivileges(params.runAs);
    const split = privileges.problems.find((problem) => problem.startsWith("thread "));
    if (split) die(`privileges could not be dropped in every thread (${split}); refusing to serve`, 71);
    return { ...result, privileges };
  });

  connection.onRequest(RunnerRunRequest, async (params): Promise<RunnerRunResult> => {
    if (current) throw new Error(`runner is busy with run ${current.runId}`);
    drain(false); // output written outside any run (a background task) is dropped, not given to this run
    const forward = (stream: "stdout" | "stderr") => (text: string) =>
      void connection.sendNotification(RunnerOutputNotification, { runId: params.runId, stream, text });
    const run: CurrentRun = {
      runId: params.runId,
      interrupted: false,
      stdout: new StreamCapture(params.maxOutputBytes, forward("stdout"), params.streamAllOutput === true),
      stderr: new StreamCapture(params.maxOutputBytes, forward("stderr"), params.streamAllOutput === true),
    };
    current = run;
    Atomics.store(interruptFlag, 0, 0);
    drainTimer = setInterval(() => drain(false), DRAIN_INTERVAL_MS);
    try {
      const outcome = (await callWorker({
        op: "call",
        method: "run",
        params: { code: params.code, sessionId: params.sessionId, fresh: params.fresh, maxResultChars: params.maxResultChars, maxDisplayBytes: params.maxDisplayBytes, maxDisplays: params.maxDisplays },
      })) as WorkerRunOutcome;
      drain(true);
      return {
        ...outcome,
        stdout: run.stdout.text(),
        stderr: run.stderr.text(),
        stdoutBytesCut: run.stdout.cutBytes,
        stderrBytesCut: run.stderr.cutBytes,
        interrupted: run.interrupted,
      } satisfies RunnerRunResult;
    } finally {
      clearInterval(drainTimer);
      current = undefined;
      Atomics.store(interruptFlag, 0, 0);
    }
  });

  connection.onRequest(RunnerSessionRequest, async (params) => {
    return (await callWorker({ op: "call", method: "session", params })) as { sessions: number };
  });

  connection.onRequest(RunnerLoadRequest, async (params) => {
    return (await callWorker({ op: "call", method: "load", params })) as { installed: string[] };
  });

  // Between runs only: the daemon queues these behind the session's runs, and a run suspended
  // on an await must not see its files change under it.
  const between = (what: string) => {
    if (current) throw new Error(`runner is busy with run ${current.runId}; ${what} waits for it`);
  };

  connection.onRequest(RunnerFilesRequest, async (params) => {
    between("a file operation");
    return (await callWorker({ op: "call", method: "files", params })) as FilesAnswer;
  });

  connection.onRequest(RunnerCompleteRequest, async (params) => {
    between("completion");
    return (await callWorker({ op: "call", method: "complete", params })) as CompleteResult;
  });

  connection.onRequest(RunnerInspectRequest, async (params) => {
    between("inspection");
    return (await callWorker({ op: "call", method: "inspect", params })) as InspectResult;
  });

  connection.onRequest(RunnerCheckRequest, async (params) => {
    return (await callWorker({ op: "call", method: "check", params })) as { status: "complete" | "incomplete" | "invalid" };
  });

  connection.onNotification(RunnerInterruptNotification, ({ runId }) => {
    if (!current || current.runId !== runId) return;
    current.interrupted = true;
    // A worker that is free takes the message at once and wakes the run from JavaScript. One
    // busy running bytecode cannot: then SIGINT (2) in Pyodide's interrupt buffer raises
    // KeyboardInterrupt at its next bytecode.
    Atomics.store(interruptAck, 0, 0);
    worker.postMessage({ op: "interrupt" } satisfies ToWorker);
    const run = current;
    setTimeout(() => {
      if (current === run && Atomics.load(interruptAck, 0) === 0) Atomics.store(interruptFlag, 0, 2);
    }, BUSY_INTERRUPT_MS);
    // A run still going long after its interrupt is busy in bytecode, whatever was acknowledged:
    // arm the buffer, and keep it armed (a call to the worker clears it) until the run ends.
    const rearm = () => {
      if (current !== run) return;
      Atomics.store(interruptFlag, 0, 2);
      setTimeout(rearm, STUCK_INTERRUPT_MS);
    };
    setTimeout(rearm, STUCK_INTERRUPT_MS);
  });

  connection.onClose(() => process.exit(0));
  connection.listen();
  input.on("end", () => process.exit(0));
  input.on("error", () => process.exit(0));
}
