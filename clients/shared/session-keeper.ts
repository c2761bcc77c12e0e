/** Session recovery for every client in one place: create on first use, bring back a missing or lost session, retry a refused run once, reset after a loss. */
import type { RunParams, RunResult, SessionCreateParams } from "../../protocol/generated/types.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { ClientRunOptions, DaemonClient } from "./daemon-client.ts";
import { errorMessage } from "../../protocol/describe.ts";
import { errorCode, isSessionLost } from "./run-errors.ts";

/** The part of {@link DaemonClient} a keeper uses (a test can pass a fake). */
export type SessionClient = Pick<DaemonClient, "run" | "createSession" | "listSessions" | "resetSession" | "closeSession">;

/** What making a session usable took. */
export type Recovery =
  /** It was there and ready; nothing was done. */
  | { kind: "ready" }
  /** It did not exist and this keeper had never made it: created, new and empty. */
  | { kind: "created" }
  /** This keeper had made it, and it was gone (expired or closed): created again, empty. */
  | { kind: "recreated" }
  /** Its runner had died: it was reset, empty, on a live runner. `reason` is why it was lost. */
  | { kind: "reset"; reason: string };

/** Why the daemon refused a run before it started, when the keeper could do something about it. */
export interface Refusal {
  /** `missing`: no such session (never made, expired, closed). `lost`: its runner died earlier. */
  cause: "missing" | "lost";
  /** The daemon's message. */
  message: string;
}

/** A run the keeper carried out, and what it did to the session first. */
export interface KeptRun {
  result: RunResult;
  /** Set when the first attempt was refused and the session was recovered before the one retry. */
  refusal?: Refusal;
  /** What the recovery before the retry did (`ready` when another request had recovered it meanwhile). */
  recovery?: Recovery;
}

/** How a keeper creates sessions. */
export interface SessionKeeperOptions {
  /** The params of `session/create` for a session of this id (idle timeout, fresh interpreter). */
  createParams(sessionId: string): SessionCreateParams;
}

/**
 * Keeps a client's sessions usable. A session is created on first use (a concurrent create
 * of the same name, by this client or another, is fine). A run refused because its session
 * is missing or lost is retried once after the session is brought back: the retry is safe
 * because the daemon refuses such a run before it starts. A run that took its session's
 * runner down starts a reset at once, and the session's next run waits for it. Recoveries
 * of one session happen one at a time, so two requests never reset it twice.
 */
export class SessionKeeper {
  /** Sessions this keeper created: a later absence means "recreated", and {@link closeAll} closes them. */
  private readonly created = new Set<string>();
  /** Sessions this keeper has seen usable, so {@link ensure} need not ask the daemon again. */
  private readonly seen = new Set<string>();
  private readonly recovering = new Map<string, Promise<Recovery>>();

  constructor(
    private readonly client: SessionClient,
    private readonly options: SessionKeeperOptions,
  ) {}

  /** Makes sure a session exists before its first use; resolves at once for one this keeper already knows. */
  async ensure(sessionId: string): Promise<Recovery> {
    if (this.seen.has(sessionId) && !this.recovering.has(sessionId)) return { kind: "ready" };
    return this.recover(sessionId);
  }

  /**
   * Runs `params` in the session. A refusal because the session is missing or lost is
   * followed by a recovery and one retry. Rejects with the daemon's error otherwise; when
   * that error says the run lost the session, a reset has already started ({@link settled}).
   */
  async run(sessionId: string, params: Omit<RunParams, "session_id">, options: ClientRunOptions = {}): Promise<KeptRun> {
    // A reset of this session may be under way (its runner died under an earlier run): wait for it rather than fail.
    await this.recovering.get(sessionId)?.catch(() => {});
    const attempt = () => this.client.run({ ...params, session_id: sessionId }, options);
    try {
      try {
        return { result: await attempt() };
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal === undefined) throw error;
        const recovery = await this.recover(sessionId);
        return { result: await attempt(), refusal, recovery };
      }
    } catch (error) {
      if (isSessionLost(error)) this.recover(sessionId).catch(() => {});
      throw error;
    }
  }

  /** The recovery under way for a session (a reset after a loss), or undefined when there is none. */
  settled(sessionId: string): Promise<Recovery> | undefined {
    return this.recovering.get(sessionId);
  }

  /** Makes the session usable: creates it when missing, resets it when lost; one recovery per session at a time. */
  recover(sessionId: string): Promise<Recovery> {
    const previous = this.recovering.get(sessionId) ?? Promise.resolve<Recovery>({ kind: "ready" });
    const next = previous.catch(() => undefined).then(() => this.recoverNow(sessionId));
    this.recovering.set(sessionId, next);
    const forget = () => {
      if (this.recovering.get(sessionId) === next) this.recovering.delete(sessionId);
    };
    next.then(forget, forget);
    return next;
  }

  /** Closes a session and forgets it; false when the daemon had no session of that name. */
  async close(sessionId: string): Promise<boolean> {
    this.created.delete(sessionId);
    this.seen.delete(sessionId);
    try {
      await this.client.closeSession(sessionId);
      return true;
    } catch (error) {
      if (errorCode(error) === WomaErrorCodes.SessionNotFound) return false;
      throw error;
    }
  }

  /** Closes every session this keeper created (they would outlive the client in a shared daemon). Never throws. */
  async closeAll(): Promise<void> {
    const ids = [...this.created];
    this.created.clear();
    this.seen.clear();
    await Promise.all(ids.map((id) => this.client.closeSession(id).catch(() => undefined)));
  }

  private async recoverNow(sessionId: string): Promise<Recovery> {
    const { sessions } = await this.client.listSessions();
    const found = sessions.find((session) => session.session_id === sessionId);
    if (found === undefined) {
      const createdBefore = this.created.has(sessionId);
      try {
        await this.client.createSession({ ...this.options.createParams(sessionId), session_id: sessionId });
      } catch (error) {
        // Created by someone else in between: it exists, which is all that was needed.
        if (errorCode(error) !== WomaErrorCodes.SessionExists) throw error;
      }
      this.created.add(sessionId);
      this.seen.add(sessionId);
      return { kind: createdBefore ? "recreated" : "created" };
    }
    this.seen.add(sessionId);
    if (found.state === "lost") {
      const reason = found.lost_reason ?? "its runner died";
      await this.client.resetSession(sessionId);
      return { kind: "reset", reason };
    }
    return { kind: "ready" };
  }
}

/** The refusal a keeper can recover from, or undefined for any other error. */
function refusalOf(error: unknown): Refusal | undefined {
  const code = errorCode(error);
  const message = errorMessage(error);
  if (code === WomaErrorCodes.SessionNotFound) return { cause: "missing", message };
  if (code === WomaErrorCodes.SessionLost) return { cause: "lost", message };
  return undefined;
}
