/** The message guard: notifications vscode-jsonrpc would dereference blindly are dropped before the library sees them. */
import { describe, expect, test } from "bun:test";
import { RequestType, type Message } from "vscode-jsonrpc";
import { createMessageConnection } from "vscode-jsonrpc/node";
import { createLinkedPair } from "../../protocol/wire/linked-pair.ts";
import { guardMessages, screenMessage } from "../../protocol/wire/message-guard.ts";
import { HOSTILE_NOTIFICATIONS } from "../harness/hostile-inputs.ts";


const Echo = new RequestType<{ n: number }, number, void>("test/echo");

describe("screenMessage", () => {
  test.each(HOSTILE_NOTIFICATIONS)("drops %s, saying what a cancel needs", (_name, message) => {
    const screening = screenMessage(message as unknown as Message);
    expect(screening.kind).toBe("drop");
    if (screening.kind === "drop") expect(screening.why).toMatch(/needs params/);
  });

  test("delivers well-formed cancels, requests named $/cancelRequest, and everything else", () => {
    for (const message of [
      { jsonrpc: "2.0", method: "$/cancelRequest", params: { id: 7 } },
      { jsonrpc: "2.0", method: "$/cancelRequest", params: { id: "run-1" } },
      { jsonrpc: "2.0", id: 3, method: "$/cancelRequest" },
      { jsonrpc: "2.0", id: 4, method: "python/run", params: { code: "1" } },
      { jsonrpc: "2.0", method: "some/notification" },
      { jsonrpc: "2.0", id: 5, result: null },
    ]) {
      expect(screenMessage(message as unknown as Message)).toEqual({ kind: "deliver" });
    }
  });
});

describe("guardMessages over a real vscode-jsonrpc connection", () => {
  test("each hostile notification is dropped and the request after it is answered", async () => {
    const [server, client] = createLinkedPair();
    const dropped: string[] = [];
    const connection = createMessageConnection(guardMessages(server.reader, { dropped: (why) => dropped.push(why), threw: (error) => dropped.push(`threw ${String(error)}`) }), server.writer);
    connection.onRequest(Echo, (params) => params.n);
    connection.listen();
    const answers: Message[] = [];
    client.reader.listen((message) => answers.push(message));
    for (const [index, [, message]] of HOSTILE_NOTIFICATIONS.entries()) {
      await client.writer.write(message as unknown as Message);
      await client.writer.write({ jsonrpc: "2.0", id: index, method: "test/echo", params: { n: index } } as unknown as Message);
    }
    const deadline = Date.now() + 5000;
    while (answers.length < HOSTILE_NOTIFICATIONS.length && Date.now() < deadline) await Bun.sleep(5);
    expect(answers.map((a) => (a as unknown as { result: number }).result)).toEqual(HOSTILE_NOTIFICATIONS.map((_, i) => i));
    expect(dropped).toHaveLength(HOSTILE_NOTIFICATIONS.length);
    connection.dispose();
  });

  test("a delivery that throws is reported and the next message still arrives", () => {
    const [server, client] = createLinkedPair();
    const threw: unknown[] = [];
    const seen: Message[] = [];
    const guarded = guardMessages(server.reader, { dropped: () => {}, threw: (error) => threw.push(error) });
    guarded.listen((message) => {
      if ((message as unknown as { id: number }).id === 1) throw new Error("handler bug");
      seen.push(message);
    });
    return (async () => {
      await client.writer.write({ jsonrpc: "2.0", id: 1, method: "x" } as unknown as Message);
      await client.writer.write({ jsonrpc: "2.0", id: 2, method: "x" } as unknown as Message);
      const deadline = Date.now() + 2000;
      while (seen.length < 1 && Date.now() < deadline) await Bun.sleep(5);
      expect(seen).toHaveLength(1);
      expect(String(threw[0])).toContain("handler bug");
    })();
  });
});
