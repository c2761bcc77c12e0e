/** The daemon's sessions: which runner holds each, whether it is alive, and why a missing one is missing. */
import type { SessionInfo, SessionState } from "../../protocol/generated/types.ts";
import { DaemonError } from "../daemon-error.ts";

/** A session as the daemon keeps it. `R` is the runner type (generic so tests can use a fake). */
export interface Session<R> {
  id: string;
  runner: R;
  runnerId: string;
  state: SessionState;
  freshInterpreter: boolean;
  createdAt: Date;
  lastUsedAt: Date;
  runCount: number;
  idleTimeoutMs?: number;
  lostReason?: string;
  /** Runs of this session that have not finished, to cancel when it closes. */
  readonly active: Set<() => void>;
}

/** How many closed session names are remembered, to explain a later use of one. */
const TOMBSTONES = 1000;

/** Holds the sessions. Runs, resets and closes go through the daemon; this class only keeps the books. */
export class SessionStore<R> {
  private readonly sessions = new Map<string, Session<R>>();
  private readonly tombstones = new Map<string, string>();
  private counter = 0;

  get size(): number {
    return this.sessions.size;
  }

  /** A name for a new session that is not in use. */
  newId(): string {
    let id: string;
    do id = `s${++this.counter}`;
    while (this.sessions.has(id));
    return id;
  }

  /** Refuses a name already in use with `SESSION_EXISTS`. */
  assertFree(id: string): void {
    if (this.sessions.has(id)) throw new DaemonError("SESSION_EXISTS", `session "${id}" already exists; close it first or pick another name`);
  }

  /** Records a new session on a runner. */
  add(id: string, runner: R, runnerId: string, freshInterpreter: boolean, idleTimeoutMs: number | undefined): Session<R> {
    this.assertFree(id);
    const now = new Date();
    const session: Session<R> = { id, runner, runnerId, state: "ready", freshInterpreter, createdAt: now, lastUsedAt: now, runCount: 0, active: new Set() };
    if (idleTimeoutMs !== undefined) session.idleTimeoutMs = idleTimeoutMs;
    this.sessions.set(id, session);
    this.tombstones.delete(id);
    return session;
  }

  /** The session with this name; `SESSION_NOT_FOUND` saying why when there is none. */
  get(id: string): Session<R> {
    const session = this.sessions.get(id);
    if (session) return session;
    const gone = this.tombstones.get(id);
    const open = `${this.sessions.size} open`;
    throw new DaemonError("SESSION_NOT_FOUND", gone ? `session "${id}" not found: it was ${gone} (${open})` : `session "${id}" not found (${open})`);
  }

  /** The session, which must be usable: `SESSION_LOST` with the reason when its runner died. */
  getReady(id: string): Session<R> {
    const session = this.get(id);
    if (session.state === "lost") {
      throw new DaemonError("SESSION_LOST", `session "${id}" lost: ${session.lostReason}; reset it to start again empty, or close it`);
    }
    return session;
  }

  /** Removes a session, remembering why for later lookups. */
  remove(id: string, why: string): Session<R> | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    this.sessions.delete(id);
    this.tombstones.set(id, why);
    if (this.tombstones.size > TOMBSTONES) this.tombstones.delete(this.tombstones.keys().next().value!);
    return session;
  }

  /** Marks every session on a dead runner lost; returns them. */
  markLost(runner: R, reason: string): Session<R>[] {
    const lost: Session<R>[] = [];
    for (const session of this.sessions.values()) {
      if (session.runner === runner && session.state === "ready") {
        session.state = "lost";
        session.lostReason = reason;
        lost.push(session);
      }
    }
    return lost;
  }

  /** Sessions idle past their timeout at `now`. */
  expired(now: number): Session<R>[] {
    return [...this.sessions.values()].filter((s) => s.idleTimeoutMs !== undefined && s.active.size === 0 && now - s.lastUsedAt.getTime() > s.idleTimeoutMs);
  }

  /** Every session, oldest first. */
  all(): Session<R>[] {
    return [...this.sessions.values()];
  }
}

/** The wire form of a session. */
export function sessionInfo<R>(session: Session<R>): SessionInfo {
  const info: SessionInfo = {
    session_id: session.id,
    state: session.state,
    fresh_interpreter: session.freshInterpreter,
    runner_id: session.runnerId,
    created_at: session.createdAt.toISOString(),
    last_used_at: session.lastUsedAt.toISOString(),
    run_count: session.runCount,
  };
  if (session.idleTimeoutMs !== undefined) info.idle_timeout_ms = session.idleTimeoutMs;
  if (session.lostReason !== undefined) info.lost_reason = session.lostReason;
  return info;
}
