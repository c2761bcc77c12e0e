/** Session bookkeeping: names, lost sessions, and messages that say why a session is missing. */
import { expect, test } from "bun:test";
import { DaemonError } from "../../daemon/daemon-error.ts";
import { SessionStore, sessionInfo } from "../../daemon/session/session-store.ts";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DaemonError ? `${error.code}: ${error.message}` : String(error);
  }
  return undefined;
}

test("an unknown session is not found, with the count of open ones", () => {
  const store = new SessionStore<string>();
  store.add("a", "runner-1", "r1", false, undefined);
  expect(codeOf(() => store.get("zz"))).toBe('SESSION_NOT_FOUND: session "zz" not found (1 open)');
});

test("a closed session's name says it was closed, and the name can be reused", () => {
  const store = new SessionStore<string>();
  store.add("a", "runner-1", "r1", false, undefined);
  store.remove("a", "closed after 5 ms without a run (its idle timeout)");
  expect(codeOf(() => store.get("a"))).toContain("it was closed after 5 ms without a run");
  store.add("a", "runner-1", "r1", false, undefined);
  expect(store.get("a").id).toBe("a");
});

test("a name in use is refused", () => {
  const store = new SessionStore<string>();
  store.add("a", "runner-1", "r1", false, undefined);
  expect(codeOf(() => store.add("a", "runner-2", "r2", false, undefined))).toStartWith("SESSION_EXISTS");
});

test("sessions on a dead runner are lost with the reason; others are untouched", () => {
  const store = new SessionStore<string>();
  store.add("a", "runner-1", "r1", false, undefined);
  store.add("b", "runner-2", "r2", false, undefined);
  expect(store.markLost("runner-1", "runner r1 died (killed)").map((s) => s.id)).toEqual(["a"]);
  expect(codeOf(() => store.getReady("a"))).toBe('SESSION_LOST: session "a" lost: runner r1 died (killed); reset it to start again empty, or close it');
  expect(store.getReady("b").state).toBe("ready");
  expect(sessionInfo(store.get("a"))).toMatchObject({ state: "lost", lost_reason: "runner r1 died (killed)" });
});

test("only idle sessions with a timeout expire", () => {
  const store = new SessionStore<string>();
  const old = store.add("old", "r", "r1", false, 1000);
  store.add("forever", "r", "r1", false, undefined);
  const busy = store.add("busy", "r", "r1", false, 1000);
  busy.active.add(() => {});
  old.lastUsedAt = busy.lastUsedAt = new Date(Date.now() - 5000);
  expect(store.expired(Date.now()).map((s) => s.id)).toEqual(["old"]);
});

test("generated names never collide with chosen ones", () => {
  const store = new SessionStore<string>();
  store.add("s1", "r", "r1", false, undefined);
  expect(store.newId()).toBe("s2");
});
