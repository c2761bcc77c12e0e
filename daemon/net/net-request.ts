/** The broker's contract: a request as a runner sends it, what the daemon adds, the response head, and the broker's options. */
import type { LogLevel } from "../log.ts";
import { NetError } from "./net-error.ts";
import type { HeaderList } from "./http-headers.ts";
import type { NetPolicy } from "./net-policy.ts";
import type { Resolver } from "./resolve.ts";
import type { ResponseBody } from "./response-body.ts";

/** A guest's request, as plain JSON plus bytes: what a runner sends. */
export interface NetRequest {
  /** Absolute http: or https: URL. */
  url: string;
  /** HTTP method, default GET. CONNECT, TRACE and TRACK are refused as `invalid`. */
  method?: string;
  /** Request headers; hop-by-hop, Host, Content-Length, Expect and Proxy-* are dropped. */
  headers?: [string, string][];
  /** Request body; not allowed with GET or HEAD. */
  body?: Uint8Array;
  /** `manual` (default) hands a 3xx back as it is; `follow` follows up to `maxRedirects` hops, checking each. */
  redirect?: "manual" | "follow";
  /** The guest's own timeout for the whole request in ms (e.g. requests' `timeout=`); the broker's limits still apply. */
  timeoutMs?: number;
}

/** What the daemon knows about a request and the guest does not choose. */
export interface NetRequestContext {
  /** The session the request comes from: the in-flight bound and the audit log are per session. */
  session: string;
  /** Aborts the request (e.g. when the run is cancelled). */
  signal?: AbortSignal;
  /** The run's deadline as a `Date.now()` time in ms: no timeout of the request outlasts it. */
  deadline?: number;
  /** The policy this request is held to, when not the broker's own (a package source the operator configured, or a tenant's). */
  policy?: NetPolicy;
  /** The body's cap, when not `maxResponseBytes`: its bytes and the flag or limit to name when it is passed. */
  maxBytes?: { bytes: number; name: string };
  /** The longest the request may take, when not `totalTimeoutMs` (a large package download), in ms. */
  totalTimeoutMs?: number;
}

/** A response whose head has arrived. `body` streams the rest; read it or cancel it. */
export interface NetResponse {
  status: number;
  statusText: string;
  /** Response headers; `Content-Encoding` and `Content-Length` are dropped when the body was decoded. */
  headers: HeaderList;
  /** The final URL, after redirects (with the host name, not the address). */
  url: string;
  /** True when at least one redirect was followed. */
  redirected: boolean;
  /** The address the final response came from. */
  address: string;
  /** The body in chunks of at most `chunkBytes`; see {@link ResponseBody}. */
  body: ResponseBody;
}

/** Limits and collaborators of a {@link NetBroker}. Only `maxResponseBytes` is required. */
export interface NetBrokerOptions {
  /** Most decoded bytes of one response body (`--max-response-bytes`). */
  maxResponseBytes: number;
  /** A PEM file of extra CA certificates trusted for HTTPS besides the bundled ones (`--ca-file`). Read once, at construction. */
  caFile?: string;
  /** Where audit lines and warnings go; default the daemon's log. */
  log?: (level: Exclude<LogLevel, "silent">, message: string) => void;
  /** Name resolution; default `systemResolver`. Tests map made-up names with their own. */
  resolver?: Resolver;
  /** Longest wait from the start of a hop to its response headers (DNS, connect, TLS, the server's wait), in ms; default 30 s. */
  connectTimeoutMs?: number;
  /** Longest a request may take, body included, in ms; default 300 s. */
  totalTimeoutMs?: number;
  /** Most redirect hops followed with `redirect: "follow"`; default 10. */
  maxRedirects?: number;
  /** Requests of one session in flight at once; default 8. */
  maxInFlightPerSession?: number;
  /** Requests of one session waiting for a slot; one more fails as `busy`; default 64. */
  maxWaitingPerSession?: number;
  /** Largest body chunk handed on, in bytes; default 64 KiB. */
  chunkBytes?: number;
  /** Told of every hop when its audit line is written: its outcome (`complete`, `redirect`, `cancelled` or the error kind, `refused` for a policy refusal) and how long it took, in ms. For the daemon's metrics. */
  onHop?: (outcome: string, ms: number) => void;
}

/**
 * Checks that a value from a runner has the shape of a {@link NetRequest} (a runner is
 * untrusted), so a malformed one fails as `invalid` naming the field, never as a crash.
 */
export function assertNetRequest(value: unknown): asserts value is NetRequest {
  const fail = (field: string, expected: string) => {
    throw new NetError("invalid", `request field ${field} must be ${expected}`);
  };
  if (typeof value !== "object" || value === null) return fail("(the request)", "an object");
  const r = value as Record<string, unknown>;
  if (typeof r.url !== "string") fail("url", "a string");
  if (r.method !== undefined && typeof r.method !== "string") fail("method", "a string");
  if (r.headers !== undefined && !(Array.isArray(r.headers) && r.headers.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === "string" && typeof h[1] === "string"))) fail("headers", "a list of [name, value] string pairs");
  if (r.body !== undefined && !(r.body instanceof Uint8Array)) fail("body", "bytes (Uint8Array)");
  if (r.redirect !== undefined && r.redirect !== "manual" && r.redirect !== "follow") fail("redirect", '"manual" or "follow"');
  if (r.timeoutMs !== undefined && !(typeof r.timeoutMs === "number" && r.timeoutMs >= 0)) fail("timeoutMs", "a number of ms, 0 or more");
}
