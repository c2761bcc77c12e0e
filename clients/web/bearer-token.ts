/** The bearer token of woma's HTTP servers: the check of `Authorization: Bearer <token>`, in constant time. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Refusal } from "./web-guard.ts";

/** The challenge sent with every 401. */
const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="woma"' };

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function unauthorized(message: string): Refusal {
  return { status: 401, message, headers: { ...CHALLENGE } };
}

/**
 * Checks `Authorization: Bearer <token>` when a token is configured. Returns nothing when
 * the request may go on, else a 401 saying whether the token was missing, malformed or
 * wrong, never echoing what was sent. The comparison takes the same time whatever the
 * token sent (both sides are hashed first), so it leaks nothing.
 */
export function checkBearerToken(expected: string | undefined, request: Request): Refusal | undefined {
  if (expected === undefined) return undefined;
  const header = request.headers.get("Authorization");
  if (header === null) return unauthorized("missing token: this server needs the header Authorization: Bearer <token>");
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) return unauthorized('malformed Authorization header: expected "Bearer <token>" (the value is not echoed back)');
  if (!timingSafeEqual(digest(match[1]!), digest(expected))) return unauthorized("wrong token in the Authorization header");
  return undefined;
}
