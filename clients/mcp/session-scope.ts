/** One MCP connection's Python sessions: their daemon names, creation on first use, recovery, and closing them all at the end. */
import { randomBytes } from "node:crypto";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { SessionInfo } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { errorCode } from "../shared/run-errors.ts";
import { describeDuration } from "./mcp-options.ts";
import type { SessionSummary } from "./tools.ts";

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
 */
export class SessionScope {
  /** The prefix of this connection's daemon session ids. */
  readonly prefix = `mcp-${randomBytes(6).toString("hex")}:`;
  /** Names this connection has created (some may since have expired in the daemon). */
  private readonly created = new Set<string>();
  private readonly creating = new Map<string, Promise<void>>();

  constructor(
    private readonly client: DaemonClient,
    private readonly options: ScopeOptions,
  ) {}

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
    if (this.created.has(name)) return [];
    const pending = this.creating.get(name);
    if (pending) {
      await pending;
      return [];
    }
    const creation = this.create(name).finally(() => this.creating.delete(name));
    this.creating.set(name, creation);
    await creation;
    return [`Session "${name}" was created (new and empty).`];
  }

  /**
   * Brings a session back after a run was refused because it was missing (expired or
   * closed) or lost (its runner died earlier); returns the note that tells the model its
   * variables are gone. Returns undefined when `error` is neither, so the caller reports it.
   */
  async revive(name: string, error: unknown): Promise<string | undefined> {
    const code = errorCode(error);
    if (code === WomaErrorCodes.SessionNotFound) {
      await this.create(name);
      const idle = this.options.sessionIdleMs > 0 ? `expired after ${describeDuration(this.options.sessionIdleMs)} without a run, or ` : "";
      return `Session "${name}" no longer existed (${idle}was closed), so it was started again, empty: earlier variables are gone.`;
    }
    if (code === WomaErrorCodes.SessionLost) {
      await this.client.resetSession(this.daemonId(name));
      return `Session "${name}" had lost its Python process (${this.clean(error instanceof Error ? error.message : String(error))}), so it was reset before this run: earlier variables are gone.`;
    }
    return undefined;
  }

  /** Resets a session whose runner was killed under a run, so the next call works; returns the note saying so. */
  async recoverAfterLoss(name: string): Promise<string> {
    try {
      await this.client.resetSession(this.daemonId(name));
      return `Session "${name}" lost its Python process, so it was reset: its variables are gone, and the next run starts empty.`;
    } catch (error) {
      return `Session "${name}" lost its Python process and could not be reset (${this.clean(String(error))}); the next run will try again.`;
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
  async close(name: string): Promise<boolean> {
    this.created.delete(name);
    try {
      await this.client.closeSession(this.daemonId(name));
      return true;
    } catch (error) {
      if (errorCode(error) === WomaErrorCodes.SessionNotFound) return false;
      throw error;
    }
  }

  /** Closes every session of this connection (its end); failures are ignored, as the daemon may be gone too. */
  async closeAll(): Promise<void> {
    let ids: string[];
    try {
      ids = (await this.client.listSessions()).sessions.map((s) => s.session_id).filter((id) => id.startsWith(this.prefix));
    } catch {
      return;
    }
    this.created.clear();
    await Promise.all(ids.map((id) => this.client.closeSession(id).catch(() => undefined)));
  }

  private async create(name: string): Promise<void> {
    const params: Parameters<DaemonClient["createSession"]>[0] = { session_id: this.daemonId(name), fresh_interpreter: this.options.freshInterpreter };
    if (this.options.sessionIdleMs > 0) params.idle_timeout_ms = this.options.sessionIdleMs;
    try {
      await this.client.createSession(params);
    } catch (error) {
      // Another call of this connection created it in between: that is what was wanted.
      if (errorCode(error) !== WomaErrorCodes.SessionExists) throw error;
    }
    this.created.add(name);
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
