/** The kernel's message handling with no ZeroMQ under it: a fake transport in front, the whole daemon with fake runners behind. */
import { describe, expect, test } from "bun:test";
import { Kernel } from "../../clients/jupyter/kernel.ts";
import { HeaderMaker, type Channel, type JupyterMessage, type KernelTransport } from "../../clients/jupyter/messages.ts";
import { daemonPerTest, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();
const bytes = (text: string) => new TextEncoder().encode(text);

/** A transport the test drives: what the kernel sends is kept, requests are handed to it as a front end's would be. */
class FakeTransport implements KernelTransport {
  readonly sent: Array<{ channel: Channel; message: JupyterMessage; identities: string[] }> = [];
  private handler: (channel: Channel, message: JupyterMessage, identities: Uint8Array[]) => void = () => {};
  private readonly headers = new HeaderMaker("front end");

  /** Requests a front end sent before the kernel listened: handed over as soon as it does, as the ZeroMQ transport does. */
  readonly early: JupyterMessage[] = [];

  onMessage(handler: (channel: Channel, message: JupyterMessage, identities: Uint8Array[]) => void): void {
    this.handler = handler;
    for (const message of this.early.splice(0)) handler("shell", message, [bytes("fe")]);
  }

  /** A request sent before any kernel listens. */
  sendEarly(type: string, content: Record<string, unknown> = {}): JupyterMessage {
    const message = this.headers.message(type, content, {});
    this.early.push(message);
    return message;
  }
  send(channel: Channel, message: JupyterMessage, identities: Uint8Array[]): void {
    this.sent.push({ channel, message, identities: identities.map((id) => new TextDecoder().decode(id)) });
  }
  ports(): Record<string, number> {
    return { shell_port: 1, iopub_port: 2, stdin_port: 3, control_port: 4, hb_port: 5 };
  }
  async close(): Promise<void> {}

  /** Sends a request as the front end "fe" would. */
  request(channel: Channel, type: string, content: Record<string, unknown> = {}, parent: Record<string, unknown> = {}): JupyterMessage {
    const message = this.headers.message(type, content, parent);
    this.handler(channel, message, [bytes("fe")]);
    return message;
  }

  /** The reply to a request, once sent. */
  async reply(request: JupyterMessage, channel: Channel = "shell"): Promise<JupyterMessage> {
    const find = () => this.sent.find((s) => s.channel === channel && s.message.parent_header.msg_id === request.header.msg_id && s.message.header.msg_type.endsWith("_reply"));
    await waitUntil(`the reply to ${request.header.msg_type}`, () => find() !== undefined);
    return find()!.message;
  }

  /** Everything published on iopub for a request, up to its idle status: [type, content]. */
  async iopub(request: JupyterMessage): Promise<Array<[string, Record<string, unknown>]>> {
    const mine = () => this.sent.filter((s) => s.channel === "iopub" && s.message.parent_header.msg_id === request.header.msg_id).map((s): [string, Record<string, unknown>] => [s.message.header.msg_type, s.message.content]);
    await waitUntil(`idle after ${request.header.msg_type}`, () => mine().some(([type, content]) => type === "status" && content.execution_state === "idle"));
    return mine();
  }
}

async function kernelUnderTest(options: Parameters<typeof daemon>[0] = {}, transport = new FakeTransport()) {
  const d = daemon(options);
  const logged: string[] = [];
  const shutdowns: boolean[] = [];
  const init = await d.client.initialize("test");
  const kernel = new Kernel({ transport, client: d.client, init, sessionId: "nb", username: "me", trustOutputs: false, log: (line) => logged.push(line), onShutdown: (restart) => shutdowns.push(restart) });
  return { d, transport, kernel, logged, shutdowns };
}

describe("execute", () => {
  test("busy, execute_input, output, execute_result, idle, with the counter in each; the reply carries it", async () => {
    const { transport } = await kernelUnderTest();
    const request = transport.request("shell", "execute_request", { code: "print(hi)\n6*7", silent: false });
    expect((await transport.reply(request)).content).toEqual({ status: "ok", execution_count: 1, payload: [], user_expressions: {} });
    expect(await transport.iopub(request)).toEqual([
      ["status", { execution_state: "busy" }],
      ["execute_input", { code: "print(hi)\n6*7", execution_count: 1 }],
      ["stream", { name: "stdout", text: "hi\n" }],
      ["execute_result", { execution_count: 1, data: { "text/plain": "42" }, metadata: {} }],
      ["status", { execution_state: "idle" }],
    ]);
    const second = transport.request("shell", "execute_request", { code: "1", store_history: false });
    expect((await transport.reply(second)).content.execution_count).toBe(1);
    const third = transport.request("shell", "execute_request", { code: "1" });
    expect((await transport.reply(third)).content.execution_count).toBe(2);
  });

  test("a Python error publishes one error message and replies with it; cells queued behind it are aborted, a later one runs", async () => {
    const { transport } = await kernelUnderTest();
    const failing = transport.request("shell", "execute_request", { code: "raise ValueError(bad)" });
    const queued = [transport.request("shell", "execute_request", { code: "x = 1" }), transport.request("shell", "execute_request", { code: "x = 2" })];
    const reply = (await transport.reply(failing)).content;
    expect(reply).toMatchObject({ status: "error", ename: "ValueError", evalue: "bad", execution_count: 1 });
    expect((await transport.iopub(failing)).filter(([type]) => type === "error")).toHaveLength(1);
    for (const request of queued) {
      const aborted = await transport.reply(request);
      expect([aborted.content, aborted.metadata.status]).toEqual([{ status: "aborted" }, "aborted"]);
    }
    const later = transport.request("shell", "execute_request", { code: "x = 3" });
    expect((await transport.reply(later)).content).toMatchObject({ status: "ok", execution_count: 2 });
  });

  test("interrupt_request on control interrupts a cell that hangs: KeyboardInterrupt, and the kernel goes on", async () => {
    const { transport } = await kernelUnderTest();
    const cell = transport.request("shell", "execute_request", { code: "print(started)\nhang()" });
    // Its first output shows the run is in the runner, past the point where a cancel would withdraw it.
    await waitUntil("the cell to print", () => transport.sent.some((s) => s.message.header.msg_type === "stream"));
    const interrupt = transport.request("control", "interrupt_request");
    expect((await transport.reply(interrupt, "control")).content).toEqual({ status: "ok" });
    expect((await transport.reply(cell)).content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
    const next = transport.request("shell", "execute_request", { code: "1+1" });
    expect((await transport.reply(next)).content.status).toBe("ok");
  });

  test("input() asks the front end that sent the cell, on stdin, and its input_reply answers", async () => {
    const { transport } = await kernelUnderTest();
    const cell = transport.request("shell", "execute_request", { code: "input(who)", allow_stdin: true });
    await waitUntil("the input_request", () => transport.sent.some((s) => s.channel === "stdin"));
    const asked = transport.sent.find((s) => s.channel === "stdin")!;
    expect([asked.message.header.msg_type, asked.message.content, asked.identities, asked.message.parent_header.msg_id]).toEqual(["input_request", { prompt: "who", password: false }, ["fe"], cell.header.msg_id]);
    transport.request("stdin", "input_reply", { value: "ada" }, asked.message.header);
    expect((await transport.iopub(cell)).find(([type]) => type === "execute_result")?.[1]).toMatchObject({ data: { "text/plain": "'ada'" } });
  });

  test("`exit` and `quit` ask a console to leave (ask_exit payload) without running; help on a name nobody has says so", async () => {
    const { transport } = await kernelUnderTest();
    for (const code of ["exit", " quit() "]) {
      const request = transport.request("shell", "execute_request", { code });
      expect((await transport.reply(request)).content.payload).toEqual([{ source: "ask_exit", keepkernel: false }]);
    }
    const help = transport.request("shell", "execute_request", { code: "nothing_here?" });
    expect((await transport.reply(help)).content).toMatchObject({ status: "ok", payload: [] });
    expect(await transport.iopub(help)).toContainEqual(["stream", { name: "stdout", text: "Object `nothing_here` not found.\n" }]);
  });

  test("a request that is not what the spec says gets an error reply naming the field", async () => {
    const { transport } = await kernelUnderTest();
    const bad = transport.request("shell", "execute_request", { code: 42 });
    expect((await transport.reply(bad)).content).toEqual({ status: "error", ename: "BadRequest", evalue: 'execute_request: "code" must be a string, got 42', traceback: [] });
    const history = transport.request("shell", "history_request", { hist_access_type: "everything", output: false, raw: true });
    expect((await transport.reply(history)).content.evalue).toBe('history_request: "hist_access_type" must be "tail", "range" or "search"');
  });
});

describe("starting and failing", () => {
  test("a cell a front end sent before the kernel listened runs once the kernel is up", async () => {
    const transport = new FakeTransport();
    const early = transport.sendEarly("execute_request", { code: "6*7" });
    await kernelUnderTest({}, transport);
    expect((await transport.reply(early)).content).toMatchObject({ status: "ok", execution_count: 1 });
  });

  test("a request the daemon cannot answer any more gets an error reply naming why", async () => {
    const { d, transport, logged } = await kernelUnderTest();
    expect((await transport.reply(transport.request("shell", "kernel_info_request"))).content.status).toBe("ok");
    await d.stop();
    const reply = await transport.reply(transport.request("shell", "complete_request", { code: "pri", cursor_pos: 3 }));
    expect(reply.content).toMatchObject({ status: "error", ename: "RuntimeError" });
    expect(String(reply.content.evalue)).not.toBe("");
    expect(logged.some((line) => line.startsWith("complete_request failed: "))).toBe(true);
  });
});

describe("the other requests", () => {
  test("kernel_info answers on shell and on control, with the spec's fields", async () => {
    const { transport } = await kernelUnderTest();
    for (const channel of ["shell", "control"] as const) {
      const reply = await transport.reply(transport.request(channel, "kernel_info_request"), channel);
      expect(reply.content).toMatchObject({ status: "ok", protocol_version: "5.3", implementation: "woma", language_info: { name: "python", file_extension: ".py", mimetype: "text/x-python" }, debugger: false });
      expect(typeof reply.content.banner).toBe("string");
    }
  });

  test("comm_open is closed at once, comm_info is empty, an unknown type gets busy and idle and a log line", async () => {
    const { transport, logged } = await kernelUnderTest();
    const open = transport.request("shell", "comm_open", { comm_id: "c1", target_name: "jupyter.widget", data: {} });
    expect((await transport.iopub(open)).map(([type]) => type)).toEqual(["status", "comm_close", "status"]);
    expect((await transport.reply(transport.request("shell", "comm_info_request"))).content).toEqual({ status: "ok", comms: {} });
    const unknown = transport.request("shell", "teleport_request");
    expect((await transport.iopub(unknown)).map(([type]) => type)).toEqual(["status", "status"]);
    expect(logged).toEqual(['no handler for "teleport_request" on shell; it is ignored']);
  });

  test("shutdown replies, tells every front end on iopub, then stops taking requests", async () => {
    const { transport, shutdowns } = await kernelUnderTest();
    const shutdown = transport.request("control", "shutdown_request", { restart: true });
    expect((await transport.reply(shutdown, "control")).content).toEqual({ status: "ok", restart: true });
    expect((await transport.iopub(shutdown)).map(([type]) => type)).toEqual(["status", "shutdown_reply", "status"]);
    await waitUntil("onShutdown", () => shutdowns.length === 1);
    expect(shutdowns).toEqual([true]);
    const after = transport.request("shell", "execute_request", { code: "1" });
    // A request is taken (busy published) before request() returns; a stopped kernel takes none.
    expect(transport.sent.some((s) => s.message.parent_header.msg_id === after.header.msg_id)).toBe(false);
  });
});
