/** Who may use the REST bridge: CORS headers and preflight for browsers, and the bearer token. */
import { createHash, timingSafeEqual } from "node:crypto";
import { RestError } from "./rest-errors.ts";

/** Which web origins browsers may call the bridge from. */
export type CorsPolicy =
  /** Any origin (`Access-Control-Allow-Origin: *`), the default, as in the original tool. */
  | { kind: "any" }
  /** Only these origins; the request's `Origin` is echoed back when it is one of them. */
  | { kind: "origins"; origins: readonly string[] }
  /** No CORS headers at all: browsers on other origins are refused by the browser itself. */
  | { kind: "off" };

/** Methods and headers a browser is told it may use. */
const ALLOW_METHODS = "GET, POST, OPTIONS";
const ALLOW_HEADERS = "Content-Type, Authorization";
/** Seconds a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE = "600";

/**
 * Reads `--cors-origin` values: none given means any origin; `*` means any; `none` turns
 * CORS off; anything else is a list of origins (repeat the flag or separate with commas),
 * each `scheme://host[:port]`. Throws on an origin that is not of that form.
 */
export function corsPolicyFrom(values: readonly string[]): CorsPolicy {
  const items = values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter((value) => value !== "");
  if (items.length === 0 || items.includes("*")) return { kind: "any" };
  if (items.includes("none")) {
    if (items.length > 1) throw new Error(`--cors-origin none cannot be combined with origins, got ${items.join(", ")}`);
    return { kind: "off" };
  }
  for (const origin of items) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`--cors-origin must be an origin like https://app.example.com (no path), "*" or "none", got "${origin}"`);
  }
  return { kind: "origins", origins: items.map((origin) => origin.toLowerCase()) };
}

/** The CORS headers to add to an answer to `request` (empty when its origin is not allowed). */
export function corsHeaders(policy: CorsPolicy, request: Request): Record<string, string> {
  switch (policy.kind) {
    case "any":
      return { "Access-Control-Allow-Origin": "*" };
    case "origins": {
      const origin = request.headers.get("Origin");
      const headers: Record<string, string> = { Vary: "Origin" };
      if (origin !== null && policy.origins.includes(origin.toLowerCase())) headers["Access-Control-Allow-Origin"] = origin;
      return headers;
    }
    case "off":
      return {};
  }
}

/**
 * The answer to a CORS preflight (`OPTIONS`): 204 with the allowed methods and headers
 * when the origin is allowed, 204 without them otherwise (the browser then refuses).
 */
export function preflightResponse(policy: CorsPolicy, request: Request): Response {
  const headers = corsHeaders(policy, request);
  if (headers["Access-Control-Allow-Origin"] !== undefined) {
    headers["Access-Control-Allow-Methods"] = ALLOW_METHODS;
    headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS;
    headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE;
  }
  return new Response(null, { status: 204, headers: { ...headers, Allow: ALLOW_METHODS } });
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * Checks `Authorization: Bearer <token>` when a token is configured. Returns nothing when
 * the request may go on, else a 401 failure saying whether the token was missing or wrong.
 * The comparison takes the same time whatever the token sent, so it leaks nothing.
 */
export function checkBearerToken(expected: string | undefined, request: Request): RestError | undefined {
  if (expected === undefined) return undefined;
  const challenge = { "WWW-Authenticate": 'Bearer realm="woma"' };
  const header = request.headers.get("Authorization");
  if (header === null) return new RestError("unauthorized", "missing token: this server needs the header Authorization: Bearer <token>", {}, challenge);
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) return new RestError("unauthorized", "malformed Authorization header: expected \"Bearer <token>\" (the value is not echoed back)", {}, challenge);
  if (!timingSafeEqual(digest(match[1]!), digest(expected))) return new RestError("unauthorized", "wrong token in the Authorization header", {}, challenge);
  return undefined;
}
