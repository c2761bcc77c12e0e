/** The drain of an HTTP server, alone: what it counts in flight, when it is idle, and what an interrupt answers. */
import { describe, expect, test } from "bun:test";
import { Drain, drainingHeaders, drainingMessage } from "../../clients/web/drain.ts";
import { defaultInstanceId, instanceIdProblem } from "../../clients/web/instance-id.ts";

/** A promise and the function that resolves it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Drain", () => {
  test("work run through it counts in flight until it ends; idle resolves then, at once when nothing runs", async () => {
    const drain = new Drain();
    await drain.idle();
    const work = deferred<string>();
    const running = drain.run(() => work.promise, () => "stopped");
    expect(drain.inFlight).toBe(1);
    let idle = false;
    void drain.idle().then(() => (idle = true));
    await Bun.sleep(1);
    expect(idle).toBe(false);
    work.resolve("done");
    expect(await running).toBe("done");
    await drain.idle();
    expect(drain.inFlight).toBe(0);
  });

  test("begin() makes it draining and leaves what runs alone", async () => {
    const drain = new Drain();
    const work = deferred<number>();
    const running = drain.run(() => work.promise, () => -1);
    drain.begin();
    expect(drain.draining).toBe(true);
    work.resolve(7);
    expect(await running).toBe(7);
  });

  test("interrupt() answers what runs at once with the reason, and aborts its signal; later work is answered the same way", async () => {
    const drain = new Drain();
    let seen: AbortSignal | undefined;
    const never = drain.run(
      (signal) => {
        seen = signal;
        return new Promise<string>(() => {});
      },
      (reason) => `503: ${reason}`,
    );
    drain.interrupt("the drain timeout passed");
    expect(await never).toBe("503: the drain timeout passed");
    expect(seen?.aborted).toBe(true);
    expect(drain.inFlight).toBe(0);
    expect(drain.draining).toBe(true);
    expect(await drain.run(async () => "ran", (reason) => `503: ${reason}`)).toBe("503: the drain timeout passed");
  });

  test("interruptible() is interrupted the same way but is not counted (its request is)", async () => {
    const drain = new Drain();
    const call = drain.interruptible(() => new Promise<string>(() => {}), (reason) => reason);
    expect(drain.inFlight).toBe(0);
    drain.interrupt("stop now");
    expect(await call).toBe("stop now");
  });

  test("an answer held until sent counts in flight until its body is read to the end, or cancelled", async () => {
    const drain = new Drain();
    let push!: (text: string | null) => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => (text === null ? controller.close() : controller.enqueue(new TextEncoder().encode(text)));
      },
    });
    const held = drain.holdUntilSent(new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } }));
    expect(drain.inFlight).toBe(1);
    expect(held.headers.get("content-type")).toBe("text/event-stream");
    push("event: message\n\n");
    push(null);
    expect(await held.text()).toBe("event: message\n\n");
    expect(drain.inFlight).toBe(0);

    const endless = drain.holdUntilSent(new Response(new ReadableStream({ start() {} })));
    expect(drain.inFlight).toBe(1);
    await endless.body!.cancel("the client left");
    expect(drain.inFlight).toBe(0);

    drain.holdUntilSent(new Response(null, { status: 202 }));
    expect(drain.inFlight).toBe(0);
  });

  test("a refused request is told the instance drains, when to come back, and that the connection closes", () => {
    expect(drainingMessage("runs")).toContain("draining");
    expect(drainingHeaders()).toEqual({ "Retry-After": "1", Connection: "close" });
  });
});

describe("instance ids", () => {
  test("the default is the host name's first label and the port, with what an id may not hold replaced", () => {
    expect(defaultInstanceId("web-7d9f.pods.cluster.local", 8000)).toBe("web-7d9f-8000");
    expect(defaultInstanceId("my host!", 9)).toBe("my-host--9");
    expect(defaultInstanceId("", 8000)).toBe("woma-8000");
    expect(instanceIdProblem(defaultInstanceId("x".repeat(300), 65535))).toBeUndefined();
  });

  test("an id with a dot, a space or nothing is refused, saying what an id may be", () => {
    for (const bad of ["a.b", "has space", "", "-lead", "x".repeat(65)]) expect(instanceIdProblem(bad)).toContain("letters, digits");
    expect(instanceIdProblem("a.b")).toContain('got "a.b"');
    for (const good of ["a", "web-1", "POD_2", "x".repeat(64)]) expect(instanceIdProblem(good)).toBeUndefined();
  });
});
