/** The body of `POST /python`: its fields, checked one by one, with the server's defaults and caps applied. */
import { describeValue } from "../../protocol/describe.ts";
import { MAX_TIMER_MS, MAX_TIMER_WORDS } from "../../protocol/limits.ts";
import { RestError } from "./rest-errors.ts";

/** An example body, quoted in the messages of bad requests. */
export const PYTHON_BODY_EXAMPLE = '{"code": "1+1"}';

/** The same rule the daemon applies to session names (schema `SessionId`). */
const SESSION_NAME = /^[A-Za-z0-9._:-]{1,128}$/;

/** The header a request may name its session in, besides the body's `"session"`: a load balancer can route on a header, not on a body. */
export const SESSION_HEADER = "X-Woma-Session";

/** A checked `POST /python` request. */
export interface PythonRequest {
  /** The Python source. */
  code: string;
  /** Run in throw-away globals; the server's `--reset-globals` when the body does not say. */
  resetGlobals: boolean;
  /** The named session to run in, when the body gives one (extension). */
  session?: string;
  /** The timeout to apply, in ms, after the cap; 0 means none (only when the server has no maximum). */
  timeoutMs: number;
  /** Text that answers the run's input() (extension). */
  stdin?: string;
  /** Set when the body asked for a longer timeout than the server allows: what it asked for. */
  cappedFrom?: number;
  /** Packages to install before the run (extension): requirements as `packages/install` takes them. */
  packages?: [string, ...string[]];
}

/** Most requirements one request may name. */
export const MAX_REQUIREMENTS = 50;

/**
 * Checks a `packages` field: a list of 1 to 50 requirement strings (`numpy`,
 * `tabulate>=0.9`, a wheel URL), each 1 to 500 characters. Throws a 400 naming what was wrong.
 */
export function parseRequirements(value: unknown, field = "packages"): [string, ...string[]] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_REQUIREMENTS) {
    throw new RestError("bad_request", `"${field}" must be a list of 1 to ${MAX_REQUIREMENTS} package names or requirements like ["numpy", "tabulate>=0.9"], got ${describeValue(value)}`);
  }
  value.forEach((item, at) => {
    if (typeof item !== "string" || item.trim() === "" || item.length > 500) {
      throw new RestError("bad_request", `"${field}"[${at}] must be a package name or requirement of 1 to 500 characters, got ${describeValue(item)}`);
    }
  });
  return value.map((item: string) => item.trim()) as [string, ...string[]];
}

/** Server settings that shape a request. */
export interface PythonRequestDefaults {
  /** Value of `reset_globals` when the body has none (`--reset-globals`). */
  resetGlobals: boolean;
  /** Longest timeout allowed, and the timeout of a body that gives none, in ms; 0 means no limit (`--timeout`). */
  maxTimeoutMs: number;
}

/**
 * The session a request names: in the `X-Woma-Session` header, the body's `"session"`, or
 * both when they agree. Throws a 400 when the header is not a session name, or when the two
 * name different sessions (a balancer routed on one, the bridge would run in the other).
 */
function namedSession(bodySession: string | undefined, headerSession: string | null): string | undefined {
  if (headerSession === null) return bodySession;
  if (!SESSION_NAME.test(headerSession)) {
    throw new RestError("bad_request", `the ${SESSION_HEADER} header must be a name of 1 to 128 letters, digits, '.', '_', ':' or '-', got ${describeValue(headerSession)}`);
  }
  if (bodySession !== undefined && bodySession !== headerSession) {
    throw new RestError("bad_request", `the session is named twice, differently: ${SESSION_HEADER}: ${headerSession} and "session": ${JSON.stringify(bodySession)} in the body; name it once, or the same in both`);
  }
  return headerSession;
}

/**
 * Checks the fields of a `POST /python` body. `code` must be a string; `reset_globals` a
 * boolean; `session` a name of 1 to 128 letters, digits, `.`, `_`, `:` or `-`; `stdin` a string; `timeout_ms`
 * a number of milliseconds, 0 to 2^31 - 1 (the longest timer); `packages` a list of requirements. A `null` counts as absent, as does any field not
 * named here (bodies of the original tool may carry more). The session may be named in the
 * `X-Woma-Session` header instead (`headerSession`, null when absent), or in both alike.
 * Throws a 400 {@link RestError} naming the field, what was expected and what arrived.
 */
export function parsePythonRequest(body: Record<string, unknown>, defaults: PythonRequestDefaults, headerSession: string | null = null): PythonRequest {
  const { code, reset_globals: resetGlobals, session, timeout_ms: timeoutMs, stdin, packages } = body;
  if (code === undefined || code === null) throw new RestError("bad_request", `missing "code": expected a JSON object like ${PYTHON_BODY_EXAMPLE}`);
  if (typeof code !== "string") throw new RestError("bad_request", `"code" must be a string of Python source, got ${describeValue(code)}`);
  if (resetGlobals !== undefined && resetGlobals !== null && typeof resetGlobals !== "boolean") {
    throw new RestError("bad_request", `"reset_globals" must be true or false, got ${describeValue(resetGlobals)}`);
  }
  if (session !== undefined && session !== null && (typeof session !== "string" || !SESSION_NAME.test(session))) {
    throw new RestError("bad_request", `"session" must be a name of 1 to 128 letters, digits, '.', '_', ':' or '-', got ${describeValue(session)}`);
  }
  if (timeoutMs !== undefined && timeoutMs !== null && (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs < 0)) {
    throw new RestError("bad_request", `"timeout_ms" must be a number of milliseconds, 0 or more, got ${describeValue(timeoutMs)}`);
  }
  if (stdin !== undefined && stdin !== null && typeof stdin !== "string") throw new RestError("bad_request", `"stdin" must be a string of text for input() to read, got ${describeValue(stdin)}`);
  if (typeof timeoutMs === "number" && timeoutMs > MAX_TIMER_MS) {
    throw new RestError("bad_request", `"timeout_ms" must be at most ${MAX_TIMER_WORDS}, got ${describeValue(timeoutMs)}`);
  }
  const request: PythonRequest = {
    code,
    resetGlobals: typeof resetGlobals === "boolean" ? resetGlobals : defaults.resetGlobals,
    timeoutMs: defaults.maxTimeoutMs,
  };
  const named = namedSession(typeof session === "string" ? session : undefined, headerSession);
  if (named !== undefined) request.session = named;
  if (typeof stdin === "string") request.stdin = stdin;
  if (packages !== undefined && packages !== null) request.packages = parseRequirements(packages);
  if (typeof timeoutMs === "number" && timeoutMs > 0) {
    const asked = Math.ceil(timeoutMs);
    if (defaults.maxTimeoutMs > 0 && asked > defaults.maxTimeoutMs) request.cappedFrom = asked;
    else request.timeoutMs = asked;
  }
  return request;
}
