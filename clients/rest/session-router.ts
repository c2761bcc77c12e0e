/** Decides where a REST run executes (the default session, a named one, or fresh globals) and brings lost or missing sessions back. */
import { ConnectionError, ErrorCodes, ResponseError } from "vscode-jsonrpc";
import type { RunParams, RunResult } from "../../protocol/generated/types.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { errorCode, isSessionLost } from "../shared/run-errors.ts";

/** How runs without a `"session"` field are placed. */
export interface SessionRouterOptions {
  /**
   * True (for `--workers` 0 or 1): runs without a session go to one default session,
   * created at start, so state persists between requests. False: they run in fresh
   * globals on the least busy runner, as in the original tool with several workers.
   */
  defaultSession: boolean;
  /** Named sessions the bridge creates are closed after this long without a run, in ms; 0 means never. */
  sessionIdleTimeoutMs: number;
}

/** A run's result and anything the caller should be told about the session it ran in. */
export interface RoutedRun {
  result: RunResult;
  /** Sentences about what happened to the session before the run (it had been lost and was reset, or had expired). */
  warnings: string[];
}

/** What the bridge found when it looked at a session that a run could not use. */
type Recovery = "created" | "recreated" | "reset" | "ready";

/**
 * Places runs. A named session is created on first use (a concurrent create of the same
 * name is fine); a session that is missing (expired, closed) is created again, and one
 * whose runner died is reset, in both cases before the run is retried once. The retry is
 * safe because the daemon refuses a run for a missing or lost session before it starts.
 * Recoveries of one session are done one at a time, so two requests never reset twice.
 */
export class SessionRouter {
  /** The default session's name, when there is one. */
  readonly defaultSessionId: string | undefined;
  private readonly created = new Set<string>();
  private readonly recovering = new Map<string, Promise<Recovery>>();

  constructor(
    private readonly client: DaemonClient,
    private readonly options: SessionRouterOptions,
    private readonly log: (message: string) => void = () => {},
  ) {
    if (options.defaultSession) {
      this.defaultSessionId = `rest-default-${Math.random().toString(36).slice(2, 10)}`;
      // Created at start, so the first request does not wait for it; a failure here is retried by the first run.
      this.recover(this.defaultSessionId).catch((error: unknown) => {
        // A connection going away is reported by whoever closed it; anything else is worth a line.
        if (!(error instanceof ConnectionError) && errorCode(error) !== ErrorCodes.PendingResponseRejected) this.log(`could not create the default session yet: ${describe(error)}`);
      });
    }
  }

  /**
   * Runs `params` in the named session, else in the default session when there is one,
   * else in fresh globals. Rejects with the daemon's error when the run fails; when that
   * failure took the session's runner down, a reset of the session starts at once, and
   * the next run of the session waits for it, so it finds the session ready (and empty).
   */
  async run(params: Omit<RunParams, "session_id">, sessionName: string | undefined, signal?: AbortSignal): Promise<RoutedRun> {
    const sessionId = sessionName ?? this.defaultSessionId;
    if (sessionId === undefined) return { result: await this.client.run(params, { signal }), warnings: [] };
    const warnings: string[] = [];
    // A reset of this session may be under way (its runner died under an earlier run): wait for it rather than fail.
    await this.recovering.get(sessionId)?.catch(() => {});
    for (let attempt = 1; ; attempt++) {
      try {
        return { result: await this.client.run({ ...params, session_id: sessionId }, { signal }), warnings };
      } catch (error) {
        const code = errorCode(error);
        if (attempt === 1 && (code === WomaErrorCodes.SessionNotFound || code === WomaErrorCodes.SessionLost)) {
          const recovery = await this.recover(sessionId);
          const warning = this.explain(sessionId, recovery, error);
          if (warning) warnings.push(warning);
          continue;
        }
        if (isSessionLost(error) && error instanceof ResponseError) {
          // This run took the runner down. The reset goes on in the background (a new runner may have to boot),
          // and the next run of this session waits for it, so that run is served normally.
          this.recover(sessionId).catch((problem: unknown) => this.log(`could not reset session "${sessionId}": ${describe(problem)}`));
          throw new ResponseError(error.code, `${error.message}; it is being reset, so the next request starts with empty globals`, error.data);
        }
        throw error;
      }
    }
  }

  /** Closes the sessions this bridge created (they would outlive it in a daemon it connected to). Never throws. */
  async close(): Promise<void> {
    await Promise.all([...this.created].map((id) => this.client.closeSession(id).catch(() => {})));
    this.created.clear();
  }

  private explain(sessionId: string, recovery: Recovery, error: unknown): string | undefined {
    const which = sessionId === this.defaultSessionId ? "the default session" : `session "${sessionId}"`;
    // A lost session was emptied whether this request or a concurrent one did the reset.
    if (errorCode(error) === WomaErrorCodes.SessionLost) return `${which} had been lost (${describe(error)}); it was reset, so this code ran in empty globals`;
    if (recovery === "recreated") return `${which} no longer existed (it expired or was closed); a new one was created, so this code ran in empty globals`;
    return undefined;
  }

  /** Makes the session usable: creates it when missing, resets it when lost; one recovery per session at a time. */
  private recover(sessionId: string): Promise<Recovery> {
    const previous = this.recovering.get(sessionId) ?? Promise.resolve<Recovery>("ready");
    const next = previous.catch(() => "ready" as const).then(() => this.recoverNow(sessionId));
    this.recovering.set(sessionId, next);
    const forget = () => {
      if (this.recovering.get(sessionId) === next) this.recovering.delete(sessionId);
    };
    next.then(forget, forget);
    return next;
  }

  private async recoverNow(sessionId: string): Promise<Recovery> {
    const { sessions } = await this.client.listSessions();
    const found = sessions.find((session) => session.session_id === sessionId);
    if (found === undefined) {
      const existedBefore = this.created.has(sessionId);
      const idle = sessionId === this.defaultSessionId ? 0 : this.options.sessionIdleTimeoutMs;
      try {
        await this.client.createSession(idle > 0 ? { session_id: sessionId, idle_timeout_ms: idle } : { session_id: sessionId });
      } catch (error) {
        // Another client of the same daemon created it in between: it exists, which is all we need.
        if (errorCode(error) !== WomaErrorCodes.SessionExists) throw error;
      }
      this.created.add(sessionId);
      return existedBefore ? "recreated" : "created";
    }
    if (found.state === "lost") {
      this.log(`resetting session "${sessionId}": ${found.lost_reason ?? "its runner died"}`);
      await this.client.resetSession(sessionId);
      return "reset";
    }
    return "ready";
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
