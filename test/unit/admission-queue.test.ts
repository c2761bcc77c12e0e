/** The admission queue and the spare target as pure modules: order, deadline, drops, and spares for the arrival rate. */
import { describe, expect, test } from "bun:test";
import { Admission, type Bound } from "../../daemon/pool/admission.ts";
import { DaemonError } from "../../daemon/daemon-error.ts";
import { SpareDemand } from "../../daemon/pool/spare-demand.ts";

const bound: Bound = { flag: "--max-runners", limit: 2, state: "all 2 runners are held by clients", retryAfterMs: 3000 };

describe("Admission", () => {
  test("serves at once when nobody waits and something is free; else queues, and serves the tenant holding fewest runners first", async () => {
    const held: Record<string, number> = { big: 3, small: 0 };
    let free = 0;
    const queue = new Admission<string>({ maxWaiting: 10, timeoutMs: 60_000 }, (tenant) => held[tenant] ?? 0, () => bound);
    const served: string[] = [];
    const give = (name: string) => () => (free > 0 ? (free--, name) : undefined);
    expect(await queue.admit("small", () => "now")).toBe("now");
    const waits = [queue.admit("big", give("big-1")), queue.admit("big", give("big-2")), queue.admit("small", give("small-1"))].map((p) => p.then((v) => served.push(v)));
    expect(queue.waiting()).toBe(3);
    free = 2;
    queue.pump();
    await Promise.resolve();
    expect(served).toEqual(["small-1", "big-1"]);
    expect(queue.waiting("big")).toBe(1);
    free = 1;
    queue.pump();
    await Promise.all(waits);
    expect(served).toEqual(["small-1", "big-1", "big-2"]);
    expect(queue.counters).toEqual({ admitted: 3, timedOut: 0, refused: 0, dropped: 0 });
  });

  test("a request still waiting at its deadline is refused naming the bound, how long it waited and when to retry", async () => {
    const queue = new Admission<string>({ maxWaiting: 10, timeoutMs: 20 }, () => 0, () => bound);
    const error = (await queue.admit("t", () => undefined).catch((e: unknown) => e)) as DaemonError;
    expect(error.code).toBe("POOL_BUSY");
    expect(error.message).toMatch(/^all 2 runners are held by clients \(--max-runners 2\); this request waited 0(\.\d)? s for one \(--admission-timeout 0(\.\d)? s\); retry in 3 s$/);
    expect(error.data).toMatchObject({ bound: "--max-runners", limit: 2, retry_after_ms: 3000 });
    expect(queue.waiting()).toBe(0);
    expect(queue.counters.timedOut).toBe(1);
  });

  test("a full queue refuses at once; a tenant's waits are dropped with it", async () => {
    const queue = new Admission<string>({ maxWaiting: 2, timeoutMs: 60_000 }, () => 0, () => bound);
    const a = queue.admit("a", () => undefined).catch((e: Error) => e.message);
    const b = queue.admit("b", () => undefined).catch((e: Error) => e.message);
    const refused = (await queue.admit("c", () => undefined).catch((e: unknown) => e)) as DaemonError;
    expect(refused.message).toBe("all 2 runners are held by clients (--max-runners 2) and 2 requests already wait for one, the most that may (--admission-queue 2); retry in 3 s");
    expect(queue.drop("a", new DaemonError("SESSION_LOST", "a left"))).toBe(1);
    expect(await a).toBe("a left");
    queue.abandonAll(new DaemonError("SHUTTING_DOWN", "stopping"));
    expect(await b).toBe("stopping");
    expect(queue.counters).toEqual({ admitted: 0, timedOut: 0, refused: 1, dropped: 2 });
  });
});

describe("SpareDemand", () => {
  test("keeps one spare when quiet, as many as arrivals times boot time need when busy, never more than --spares, and forgets arrivals after a minute", () => {
    let now = 0;
    const demand = new SpareDemand(4, () => now);
    expect(demand.target()).toBe(1);
    demand.booted(2000);
    for (let i = 0; i < 90; i++) demand.arrived(); // 90 a minute is 1.5 a second; a boot takes 2 s
    expect(demand.target()).toBe(3);
    for (let i = 0; i < 200; i++) demand.arrived();
    expect(demand.target()).toBe(4);
    now = 61_000;
    expect(demand.arrivalsPerMinute).toBe(0);
    expect(demand.target()).toBe(1);
    expect(new SpareDemand(0, () => now).target()).toBe(0);
  });
});
