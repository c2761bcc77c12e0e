/** One MCP connection's Python sessions: their daemon names, what recovering them did in words for the model, and closing them all at the end. */
import { randomBytes } from "node:crypto";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { errorMessage } from "../../protocol/describe.ts";
import type { RunParams, RunResult, SessionInfo } from "../../protocol/generated/types.ts";
import type { ClientRunOptions } from "../shared/daemon-client.ts";
import { errorCode } from "../shared/run-errors.ts";
import { SessionKeeper, type SessionClient } from "../shared/session-keeper.ts";
import { describeDuration } from "./mcp-options.ts";
import type { SessionSummary } from "./tools.ts";

/** A session name a model may choose; it becomes part of a daemon session id, whose alphabet is wider. */
export const SESSION_NAME_PATTERN = "^[A-Za-z0-9._-]{1,64}$";

/** How a connection's sessions are created. */
export interface ScopeOptions {
  /** Idle timeout given to the daemon at creation, in ms; 0 means never. */
  sessionIdleMs: number;
  /** Ask the daemon for a runner of its own per session. */
  freshInterpreter: boolean;
}

/**
 * The sessions of one MCP connection. Every daemon session id is the model's name behind a
 * random per-connection prefix (`mcp-1a2b3c4d5e6f:main`), so a connection can only ever
 * name, list, reset or close its own sessions, even when several MCP servers share one daemon.
 * Recovery (create on first use, bring back, retry once, reset after a loss) is the
 * {@link SessionKeeper}'s; this class says what it did in sentences for the model.
 */
export class SessionScope {
  /** The prefix of this connection's daemon session ids. */
  readonly prefix = `mcp-${randomBytes(6).toString("hex")}:`;
  private readonly keeper: SessionKeeper;

  constructor(
    private readonly client: SessionClient,
    private readonly options: ScopeOptions,
  ) {
    this.keeper = new SessionKeeper(client, {
      createParams: () => ({ fresh_interpreter: options.freshInterpreter, ...(options.sessionIdleMs > 0 ? { idle_timeout_ms: options.sessionIdleMs } : {}) }),
    });
  }

  /** The daemon's id of the session the model calls `name`. */
  daemonId(name: string): string {
    return this.prefix + name;
  }

  /** Replaces this connection's daemon ids in a daemon message by the model's names. */
  clean(message: string): string {
    return message.split(this.prefix).join("");
  }

  /**
   * Makes sure the session exists before a run; returns a note when it had to be created.
   * Concurrent calls for one new name create it once.
   */
  async open(name: string): Promise<string[]> {
    const recovery = await this.keeper.ensure(this.daemonId(name));
    return recovery.kind === "created" || recovery.kind === "recreated" ? [`Session "${name}" was created (new and empty).`] : [];
  }

  /**
   * Runs in the session. A run refused because the session was missing (expired or closed)
   * or lost (its runner died earlier) is run again once the session is back, with a note
   * that tells the model its variables are gone.
   */
  async run(name: string, params: Omit<RunParams, "session_id">, options: ClientRunOptions): Promise<{ result: RunResult; notes: string[] }> {
    const kept = await this.keeper.run(this.daemonId(name), params, options);
    if (kept.refusal?.cause === "missing") {
      const idle = this.options.sessionIdleMs > 0 ? `expired after ${describeDuration(this.options.sessionIdleMs)} without a run, or ` : "";
      return { result: kept.result, notes: [`Session "${name}" no longer existed (${idle}was closed), so it was started again, empty: earlier variables are gone.`] };
    }
    if (kept.refusal?.cause === "lost") {
      return { result: kept.result, notes: [`Session "${name}" had lost its Python process (${this.clean(kept.refusal.message)}), so it was reset before this run: earlier variables are gone.`] };
    }
    return { result: kept.result, notes: [] };
  }

  /** Waits for the reset that follows a run which killed the session's runner, so the next call works; returns the note saying so. */
  async afterLoss(name: string): Promise<string> {
    const id = this.daemonId(name);
    try {
      await (this.keeper.settled(id) ?? this.keeper.recover(id));
      return `Session "${name}" lost its Python process, so it was reset: its variables are gone, and the next run starts empty.`;
    } catch (error) {
      return `Session "${name}" lost its Python process and could not be reset (${this.clean(errorMessage(error))}); the next run will try again.`;
    }
  }

  /** This connection's open sessions, oldest first. */
  async list(): Promise<SessionSummary[]> {
    const { sessions } = await this.client.listSessions();
    return sessions.filter((s) => s.session_id.startsWith(this.prefix)).map((s) => this.summary(s));
  }

  /** Empties a session; throws an error naming the open sessions when there is none of that name. */
  async reset(name: string): Promise<SessionInfo> {
    try {
      return (await this.client.resetSession(this.daemonId(name))).session;
    } catch (error) {
      if (errorCode(error) !== WomaErrorCodes.SessionNotFound) throw error;
      const open = (await this.list()).map((s) => `"${s.name}"`);
      throw new Error(`no session "${name}" is open in this connection (open: ${open.length > 0 ? open.join(", ") : "none"}); run_python with session "${name}" creates it`, { cause: error });
    }
  }

  /** Closes a session; false when none of that name was open. */
  close(name: string): Promise<boolean> {
    return this.keeper.close(this.daemonId(name));
  }

  /** Closes every session of this connection (its end); failures are ignored, as the daemon may be gone too. */
  async closeAll(): Promise<void> {
    let ids: string[];
    try {
      ids = (await this.client.listSessions()).sessions.map((s) => s.session_id).filter((id) => id.startsWith(this.prefix));
    } catch {
      return;
    }
    await this.keeper.closeAll();
    await Promise.all(ids.map((id) => this.client.closeSession(id).catch(() => undefined)));
  }

  private summary(info: SessionInfo): SessionSummary {
    const expires = info.idle_timeout_ms === undefined ? null : new Date(Date.parse(info.last_used_at) + info.idle_timeout_ms).toISOString();
    const summary: SessionSummary = {
      name: info.session_id.slice(this.prefix.length),
      state: info.state,
      run_count: info.run_count,
      created_at: info.created_at,
      last_used_at: info.last_used_at,
      expires_at: expires,
    };
    if (info.lost_reason !== undefined) summary.lost_reason = this.clean(info.lost_reason);
    return summary;
  }
}
