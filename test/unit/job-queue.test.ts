/** Pool bookkeeping with fake runners: pinned work waits for its runner, free work goes to whichever runner is idle. */
import { describe, expect, test } from "bun:test";
import { JobQueue, type Job } from "../../daemon/pool/job-queue.ts";

interface FakeRunner {
  name: string;
  ready: boolean;
}

/** A job that records where it ran and finishes when told to. */
function job(log: string[], label: string) {
  let finish!: () => void;
  let abandoned: Error | undefined;
  const j: Job<FakeRunner> = {
    start: (runner) => {
      log.push(`${label}@${runner.name}`);
      return new Promise<void>((resolve) => (finish = resolve));
    },
    abandon: (error) => void (abandoned = error),
  };
  return { j, finish: () => finish(), abandoned: () => abandoned };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("JobQueue", () => {
  test("free jobs go to idle runners; the next waits for the first runner that frees up", async () => {
    const a = { name: "a", ready: true };
    const b = { name: "b", ready: true };
    const log: string[] = [];
    const queue = new JobQueue<FakeRunner>((r) => r.ready, () => [a, b]);
    const one = job(log, "1");
    const two = job(log, "2");
    const three = job(log, "3");
    queue.enqueue(one.j, undefined);
    queue.enqueue(two.j, undefined);
    queue.enqueue(three.j, undefined);
    expect(log).toEqual(["1@a", "2@b"]);
    expect(queue.waiting).toBe(1);
    two.finish();
    await tick();
    expect(log).toEqual(["1@a", "2@b", "3@b"]);
  });

  test("pinned jobs run on their runner in order, ahead of free work", async () => {
    const a = { name: "a", ready: true };
    const log: string[] = [];
    const queue = new JobQueue<FakeRunner>((r) => r.ready, () => [a]);
    const first = job(log, "p1");
    queue.enqueue(first.j, a);
    const free = job(log, "free");
    queue.enqueue(free.j, undefined);
    const second = job(log, "p2");
    queue.enqueue(second.j, a);
    first.finish();
    await tick();
    expect(log).toEqual(["p1@a", "p2@a"]);
    second.finish();
    await tick();
    expect(log).toEqual(["p1@a", "p2@a", "free@a"]);
  });

  test("a runner that is not ready gets nothing until it is", async () => {
    const a = { name: "a", ready: false };
    const log: string[] = [];
    const queue = new JobQueue<FakeRunner>((r) => r.ready, () => [a]);
    queue.enqueue(job(log, "1").j, undefined);
    expect(log).toEqual([]);
    a.ready = true;
    queue.pump();
    expect(log).toEqual(["1@a"]);
  });

  test("a waiting job can be withdrawn; a started one cannot", () => {
    const a = { name: "a", ready: true };
    const log: string[] = [];
    const queue = new JobQueue<FakeRunner>((r) => r.ready, () => [a]);
    const running = job(log, "1");
    const waiting = job(log, "2");
    queue.enqueue(running.j, undefined);
    queue.enqueue(waiting.j, undefined);
    expect(queue.remove(running.j)).toBe(false);
    expect(queue.remove(waiting.j)).toBe(true);
    expect(queue.waiting).toBe(0);
  });

  test("when a runner is gone, the jobs pinned to it are abandoned with the reason", () => {
    const a = { name: "a", ready: true };
    const log: string[] = [];
    const queue = new JobQueue<FakeRunner>((r) => r.ready, () => [a]);
    queue.enqueue(job(log, "busy").j, a);
    const pinned = job(log, "pinned");
    queue.enqueue(pinned.j, a);
    expect(queue.dropRunner(a, new Error("runner a died"))).toBe(1);
    expect(pinned.abandoned()?.message).toBe("runner a died");
  });
});
