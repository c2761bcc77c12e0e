/** Decides where a REST run executes (the default session, a named one, or fresh globals) and words what recovering its session did. */
import { ConnectionError, ErrorCodes, ResponseError } from "vscode-jsonrpc";
import type { RunParams, RunResult } from "../../protocol/generated/types.ts";
import { errorMessage } from "../../protocol/describe.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { errorCode, isSessionLost } from "../shared/run-errors.ts";
import { SessionKeeper, type KeptRun } from "../shared/session-keeper.ts";

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
  /** True when the run's named session was missing when the run was sent, so it was created for it. */
  created: boolean;
}

/**
 * Places runs, and leaves session recovery (create on first use, bring back, retry once,
 * reset after a loss) to a {@link SessionKeeper}. A named session is created on first use;
 * the default session is created at start, and never expires.
 */
export class SessionRouter {
  /** The default session's name, when there is one. */
  readonly defaultSessionId: string | undefined;
  private readonly keeper: SessionKeeper;

  constructor(
    private readonly client: Pick<DaemonClient, "run" | "createSession" | "listSessions" | "resetSession" | "closeSession">,
    private readonly options: SessionRouterOptions,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.keeper = new SessionKeeper(client, {
      createParams: (sessionId) => {
        const idle = sessionId === this.defaultSessionId ? 0 : this.options.sessionIdleTimeoutMs;
        return idle > 0 ? { idle_timeout_ms: idle } : {};
      },
    });
    if (options.defaultSession) {
      this.defaultSessionId = `rest-default-${Math.random().toString(36).slice(2, 10)}`;
      // Created at start, so the first request does not wait for it; a failure here is retried by the first run.
      this.keeper.ensure(this.defaultSessionId).catch((error: unknown) => {
        // A connection going away is reported by whoever closed it; anything else is worth a line.
        if (!(error instanceof ConnectionError) && errorCode(error) !== ErrorCodes.PendingResponseRejected) this.log(`could not create the default session yet: ${errorMessage(error)}`);
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
    if (sessionId === undefined) return { result: await this.client.run(params, { signal }), warnings: [], created: false };
    let kept: KeptRun;
    try {
      kept = await this.keeper.run(sessionId, params, { signal });
    } catch (error) {
      if (isSessionLost(error) && error instanceof ResponseError) {
        this.keeper.settled(sessionId)?.catch((problem: unknown) => this.log(`could not reset session "${sessionId}": ${errorMessage(problem)}`));
        throw new ResponseError(error.code, `${error.message}; it is being reset, so the next request starts with empty globals`, error.data);
      }
      throw error;
    }
    const warning = this.explain(sessionId, kept);
    return { result: kept.result, warnings: warning ? [warning] : [], created: kept.refusal?.cause === "missing" };
  }

  /**
   * Makes sure a named session exists before its first run here, and says whether it had to
   * be created: true for a name this bridge never saw that the daemon does not have either
   * (new, or its state lived on an instance that went away), so the answer can say
   * `"session_created": true`. A name this bridge has used answers false at once. A session
   * found lost is reset, and a warning says so.
   */
  async prepare(name: string): Promise<{ created: boolean; warnings: string[] }> {
    const recovery = await this.keeper.ensure(name);
    if (recovery.kind === "reset") return { created: false, warnings: [`session "${name}" had been lost (${recovery.reason}); it was reset, so this code runs in empty globals`] };
    return { created: recovery.kind === "created" || recovery.kind === "recreated", warnings: [] };
  }

  /**
   * The daemon session a request names (or the default session when it names none), for
   * the file endpoints; undefined when the bridge has no default session. With `create`,
   * a named session that does not exist yet is created, as a run would create it.
   */
  async sessionFor(name: string | undefined, create: boolean): Promise<string | undefined> {
    const sessionId = name ?? this.defaultSessionId;
    if (sessionId !== undefined && (create || sessionId === this.defaultSessionId)) await this.keeper.ensure(sessionId);
    return sessionId;
  }

  /** Closes the sessions this bridge created (they would outlive it in a daemon it connected to). Never throws. */
  close(): Promise<void> {
    return this.keeper.closeAll();
  }

  private explain(sessionId: string, kept: KeptRun): string | undefined {
    const which = sessionId === this.defaultSessionId ? "the default session" : `session "${sessionId}"`;
    // A lost session was emptied whether this request or a concurrent one did the reset.
    if (kept.refusal?.cause === "lost") return `${which} had been lost (${kept.refusal.message}); it was reset, so this code ran in empty globals`;
    if (kept.recovery?.kind === "recreated") return `${which} no longer existed (it expired or was closed); a new one was created, so this code ran in empty globals`;
    return undefined;
  }
}
