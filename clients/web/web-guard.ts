/** What woma's HTTP servers refuse from web pages (a foreign Host, a foreign Origin, a body type sent without preflight) and the CORS headers they give the origins they accept. */
import { isIPv6 } from "node:net";

/**
 * A refused request, answered by each server in its own body format. Both servers check in
 * the same order, so a request gets the same status from either: the Host (403), then for
 * a POST the Content-Type (415), then the Origin (403), then the token (401). A CORS
 * preflight (`OPTIONS`) gets the Host and Origin checks only, since browsers send it
 * without credentials.
 */
export interface Refusal {
  /** 401 (token), 403 (Host or Origin) or 415 (Content-Type). */
  status: 401 | 403 | 415;
  /** What was refused, and the flag that would allow it. */
  message: string;
  /** Headers to send with the refusal (`WWW-Authenticate` with a 401). */
  headers: Record<string, string>;
}

/** Which browser origins may call a server. */
export type OriginRule =
  /** Any origin: `--cors-origin '*'`, or a token is required, so a page without it gets 401. */
  | { kind: "any" }
  /** Loopback origins (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`, and https) plus these, each `scheme://host[:port]` as `URL.origin` spells it. */
  | { kind: "listed"; origins: readonly string[] };

/** What one HTTP server accepts; {@link webGuardFrom} builds it from the server's flags. */
export interface WebGuard {
  /** Host names accepted besides loopback ones, as `URL.hostname` spells them (lowercase, IPv6 in brackets); `"*"` accepts any Host. */
  hosts: readonly string[];
  /** Which Origins may call. */
  origins: OriginRule;
  /** Whether accepted cross-origin callers get `Access-Control-Allow-*` headers (false with `--cors-origin none`). */
  cors: boolean;
  /** Whether the server requires a bearer token; only changes what refusal messages suggest. */
  tokenRequired: boolean;
}

/** The flags a guard is built from, as the user gave them. */
export interface WebGuardFlags {
  /** The address the server listens on (`--host`). It is accepted as a Host name too, unless it is a wildcard (`0.0.0.0`, `::`). */
  listenHost: string;
  /** `--allow-host` values: more Host names (repeatable, or comma-separated); `*` accepts any Host and turns the DNS-rebinding check off. */
  allowHosts?: readonly string[];
  /** `--cors-origin` values (repeatable, or comma-separated): origins like `https://app.example`, `*` for any, or `none` for no CORS headers. */
  corsOrigins?: readonly string[];
  /** True when the server requires `Authorization: Bearer <token>`: with no `--cors-origin`, any origin may then call. */
  tokenRequired: boolean;
}

/** What a server tells browsers it takes, in its CORS headers. */
export interface CorsAllowance {
  /** `Access-Control-Allow-Methods` of a preflight answer, e.g. `GET, POST, OPTIONS`. */
  methods: string;
  /** `Access-Control-Allow-Headers` of a preflight answer, e.g. `Content-Type, Authorization`. */
  requestHeaders: string;
  /** `Access-Control-Expose-Headers` of other answers: response headers a page may read (`Mcp-Session-Id`). */
  exposedHeaders?: string;
}

/** Seconds a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE = "600";

/** Addresses that listen on every interface: they are no name a client can send as Host. */
const WILDCARDS = new Set(["0.0.0.0", "[::]"]);

/** True for an address that listens on every interface (`0.0.0.0`, `::`), in any spelling. */
export function isWildcardAddress(host: string): boolean {
  const name = canonicalHost(host);
  return name !== undefined && WILDCARDS.has(name);
}

/**
 * A host name or address as `URL.hostname` spells it: lowercase, IPv4 in dotted decimal
 * (`127.1` becomes `127.0.0.1`), IPv6 compressed in brackets (`0:0:0:0:0:0:0:1` and `::1`
 * become `[::1]`). A trailing `:port` is dropped. Undefined when it is no host at all
 * (empty, or with a user, path, query or white space in it).
 */
export function canonicalHost(host: string): string | undefined {
  const text = host.trim();
  if (text === "" || /[@/\\?#\s]/.test(text)) return undefined;
  try {
    return new URL(`http://${isIPv6(text) ? `[${text}]` : text}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * True for names and addresses only this machine can reach: `localhost`, `127.0.0.0/8`,
 * `::1` and IPv4-mapped `::ffff:127.x.y.z`, in any case and spelling (`LOCALHOST`,
 * `[::1]`, `0:0:0:0:0:0:0:1`), with or without a port. `*.localhost` is not counted:
 * Chromium and curl pin it to loopback, but other clients ask DNS for it, and a hostile
 * resolver could then point it at a page that rebinds.
 */
export function isLoopback(host: string): boolean {
  const name = canonicalHost(host);
  if (name === undefined) return false;
  return name === "localhost" || name === "[::1]" || /^127(\.\d{1,3}){3}$/.test(name) || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(name);
}

function items(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(",")).map((value) => value.trim()).filter((value) => value !== "");
}

function originRuleFrom(values: readonly string[] | undefined, tokenRequired: boolean): { origins: OriginRule; cors: boolean } {
  const listed = items(values);
  if (listed.includes("none")) {
    if (listed.length > 1) throw new Error(`--cors-origin none cannot be combined with origins, got ${listed.join(", ")}`);
    return { origins: { kind: "listed", origins: [] }, cors: false };
  }
  if (listed.includes("*")) return { origins: { kind: "any" }, cors: true };
  if (listed.length === 0) return { origins: tokenRequired ? { kind: "any" } : { kind: "listed", origins: [] }, cors: true };
  const origins = listed.map((origin) => {
    const canonical = /^https?:\/\/[^/\s]+$/i.test(origin) ? canonicalOrigin(origin) : undefined;
    if (canonical === undefined) throw new Error(`--cors-origin must be an origin like https://app.example.com (no path), "*" or "none", got "${origin}"`);
    return canonical;
  });
  return { origins: { kind: "listed", origins }, cors: true };
}

/**
 * Builds a server's guard from its flags. Host names: loopback ones, the listening address
 * unless it is a wildcard, and `--allow-host` values. Origins: loopback ones and
 * `--cors-origin` values; with a token and no `--cors-origin`, or with `*`, any. Throws on
 * a malformed value, naming the flag and the value.
 */
export function webGuardFrom(flags: WebGuardFlags): WebGuard {
  const hosts: string[] = [];
  const listening = canonicalHost(flags.listenHost);
  if (listening !== undefined && !isWildcardAddress(listening) && !isLoopback(listening)) hosts.push(listening);
  for (const value of items(flags.allowHosts)) {
    if (value === "*") {
      hosts.push("*");
      continue;
    }
    const name = canonicalHost(value);
    const hasPort = !isIPv6(value) && /:\d*$/.test(value);
    if (name === undefined || hasPort) {
      throw new Error(`--allow-host must be a host name or address as a browser puts it in the URL (myhost.lan, 192.168.1.5, [fd00::1]; no scheme, port or path), or "*", got "${value}"`);
    }
    if (!hosts.includes(name)) hosts.push(name);
  }
  return { hosts, ...originRuleFrom(flags.corsOrigins, flags.tokenRequired), tokenRequired: flags.tokenRequired };
}

function canonicalOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The Host a request names: its `Host` header, else (a request built in-process) the host of its URL. */
function requestHost(request: Request): string | undefined {
  const header = request.headers.get("host");
  if (header !== null) return header;
  try {
    return new URL(request.url).host;
  } catch {
    return undefined;
  }
}

function forbidden(message: string): Refusal {
  return { status: 403, message, headers: {} };
}

/**
 * Refuses a request whose `Host` is not a name the server answers to. A page on a hostile
 * name that its DNS re-points to 127.0.0.1 (DNS rebinding) is same-origin with the server
 * in the browser's eyes, so neither CORS nor the Origin check stops it; its `Host` still
 * carries the hostile name. Returns a 403 naming `--allow-host`, or undefined to go on.
 */
export function refuseHost(guard: WebGuard, request: Request): Refusal | undefined {
  const host = requestHost(request);
  const name = host === undefined ? undefined : canonicalHost(host);
  if (name !== undefined && (isLoopback(name) || guard.hosts.includes(name) || guard.hosts.includes("*"))) return undefined;
  const accepted = ["localhost", "127.0.0.1", "[::1]", ...guard.hosts].join(", ");
  const what = host === undefined ? "a request without a Host header" : `Host ${JSON.stringify(host)}`;
  return forbidden(
    `${what} refused: this server answers only to ${accepted}, so that a web page on another name that resolves here (DNS rebinding) cannot use it; if ${name ?? "that name"} is yours, start the server with --allow-host ${name ?? "NAME"}`,
  );
}

/** True when a browser on `origin` may call: a loopback origin, a listed one, or any when the rule says so. */
export function originAllowed(guard: WebGuard, origin: string): boolean {
  if (guard.origins.kind === "any") return true;
  const canonical = canonicalOrigin(origin);
  if (canonical === undefined) return false;
  return isLoopback(new URL(canonical).hostname) || guard.origins.origins.includes(canonical);
}

/**
 * Refuses a request whose `Origin` may not call this server: a web page the user happens to
 * visit could otherwise run code here. A request without `Origin` (curl, scripts, SDKs)
 * passes; browsers send one on every cross-origin request and on every POST. Returns a 403
 * naming `--cors-origin` and `--token`, or undefined to go on.
 */
export function refuseOrigin(guard: WebGuard, request: Request): Refusal | undefined {
  const origin = request.headers.get("origin");
  if (origin === null || originAllowed(guard, origin)) return undefined;
  const listed = guard.origins.kind === "listed" && guard.origins.origins.length > 0 ? ` and ${guard.origins.origins.join(", ")}` : "";
  const token = guard.tokenRequired ? "" : ", or require a token with --token (then any origin may call with it)";
  return forbidden(`Origin ${JSON.stringify(origin)} refused: only loopback origins${listed} may call this server; allow this one with --cors-origin ${canonicalOrigin(origin) ?? origin}${token}`);
}

/**
 * Refuses a request body that is not declared `application/json` (parameters such as
 * `; charset=utf-8` are fine). The three types a page may send to another origin without a
 * CORS preflight (`text/plain`, form types) are thereby refused, so a cross-origin request
 * that could run code always asks the server first. Returns a 415, or undefined to go on.
 */
export function refuseContentType(request: Request): Refusal | undefined {
  const type = request.headers.get("content-type");
  if (type !== null && /^application\/json[ \t]*(;|$)/i.test(type.trim())) return undefined;
  const got = type === null ? "no Content-Type" : `Content-Type ${JSON.stringify(type)}`;
  return {
    status: 415,
    message: `${got}: send the body as JSON with the header Content-Type: application/json (curl: -H 'Content-Type: application/json'); other types are refused because a web page can send them to any server without asking it first`,
    headers: {},
  };
}

/**
 * The CORS headers for an answer to `request`: `Access-Control-Allow-Origin: *` when any
 * origin may call; the request's own Origin (with `Vary: Origin`) when it is allowed; no
 * `Access-Control-Allow-*` header for a refused origin or with CORS off.
 */
export function corsHeaders(guard: WebGuard, request: Request, allowance: CorsAllowance): Record<string, string> {
  if (!guard.cors) return {};
  const exposed: Record<string, string> = allowance.exposedHeaders === undefined ? {} : { "Access-Control-Expose-Headers": allowance.exposedHeaders };
  if (guard.origins.kind === "any") return { "Access-Control-Allow-Origin": "*", ...exposed };
  const origin = request.headers.get("origin");
  if (origin === null || !originAllowed(guard, origin)) return { Vary: "Origin" };
  return { Vary: "Origin", "Access-Control-Allow-Origin": origin, ...exposed };
}

/**
 * The headers of a 204 answer to a CORS preflight: for an allowed origin, the allowed
 * methods and request headers and a 10-minute `Access-Control-Max-Age`; for others, none
 * of them (call {@link refuseOrigin} first to answer those with 403).
 */
export function preflightHeaders(guard: WebGuard, request: Request, allowance: CorsAllowance): Record<string, string> {
  const { "Access-Control-Expose-Headers": _exposed, ...headers } = corsHeaders(guard, request, allowance);
  if (headers["Access-Control-Allow-Origin"] === undefined) return headers;
  return {
    ...headers,
    "Access-Control-Allow-Methods": allowance.methods,
    "Access-Control-Allow-Headers": allowance.requestHeaders,
    "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
  };
}

/**
 * Lines for a server's start-up log about who can reach it: a warning when it listens beyond
 * loopback without a token (anyone who reaches the port can run code), a warning when any
 * origin may call without a token (every page the user visits could), and a note when it
 * listens on every interface yet answers only to loopback names.
 */
export function guardNotes(guard: WebGuard, listenHost: string): string[] {
  const notes: string[] = [];
  if (!isLoopback(listenHost) && !guard.tokenRequired) {
    notes.push(`warning: listening on ${listenHost} without a token: anyone who can reach this port can run Python here. Set --token or WOMA_TOKEN.`);
  }
  if (guard.origins.kind === "any" && !guard.tokenRequired) notes.push("warning: --cors-origin '*' without a token: any web page open in a browser on this machine can run Python here.");
  if (isWildcardAddress(listenHost) && guard.hosts.length === 0) {
    notes.push(`listening on ${listenHost}, but requests must name this server localhost, 127.0.0.1 or [::1]; add the names clients use with --allow-host NAME.`);
  }
  return notes;
}
