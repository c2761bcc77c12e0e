/** Header hygiene: what of a guest's request headers goes out, and what of a response's headers comes back. */
import { NetError } from "./net-error.ts";

/** A header list as plain JSON: `[name, value]` pairs, names repeated as needed. */
export type HeaderList = [string, string][];

// RFC 9110 7.6.1 hop-by-hop fields, plus what only a proxy or the connection owns.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings"]);
// The broker sets these itself: Host from the URL, Content-Length from the body; Expect would stall a body it sends whole.
const BROKER_OWNED = new Set(["host", "content-length", "expect"]);
// Dropped when a redirect leaves the origin, as browsers and requests do.
const CREDENTIALS = new Set(["authorization", "cookie", "cookie2"]);
// Headers describing a body, dropped when a redirect turns the request into a GET.
const BODY_HEADERS = new Set(["content-type", "content-encoding", "content-language", "content-location"]);
// The encodings Bun's fetch decodes on its own; after decoding, the length and encoding headers describe bytes the guest never sees.
const DECODED = new Set(["gzip", "x-gzip", "deflate", "br", "zstd"]);

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Validates a guest's headers and drops the ones it may not set: hop-by-hop headers (and
 * those its `Connection` header names), `Host`, `Content-Length`, `Expect` and every
 * `Proxy-*`. Throws an `invalid` {@link NetError} for a malformed name or value.
 */
export function guestRequestHeaders(headers: readonly (readonly [string, string])[]): HeaderList {
  const named = new Set<string>();
  for (const [name, value] of headers) {
    if (typeof name !== "string" || !TOKEN.test(name)) throw new NetError("invalid", `invalid header name ${JSON.stringify(String(name).slice(0, 100))}`);
    if (typeof value !== "string" || !VALUE.test(value)) throw new NetError("invalid", `invalid value for header ${name}`);
    if (name.toLowerCase() === "connection") for (const token of value.split(",")) named.add(token.trim().toLowerCase());
  }
  return headers
    .filter(([name]) => {
      const lower = name.toLowerCase();
      return !HOP_BY_HOP.has(lower) && !BROKER_OWNED.has(lower) && !lower.startsWith("proxy-") && !named.has(lower);
    })
    .map(([name, value]) => [name, value.trim()]);
}

/** The headers to send on a redirect hop: without credentials when the origin changes, without body headers when the body is dropped. */
export function redirectHeaders(headers: HeaderList, crossOrigin: boolean, bodyDropped: boolean): HeaderList {
  return headers.filter(([name]) => {
    const lower = name.toLowerCase();
    return !(crossOrigin && CREDENTIALS.has(lower)) && !(bodyDropped && BODY_HEADERS.has(lower));
  });
}

/**
 * A response's headers as plain pairs, `Set-Cookie` kept one per line. When the body was
 * decoded (gzip, deflate, br, zstd), `Content-Encoding` and `Content-Length` are dropped:
 * they describe the bytes on the wire, not the ones handed on, and a library that saw them
 * would try to decode again or expect the wrong length.
 */
export function responseHeaders(headers: Headers): { headers: HeaderList; decoded: boolean } {
  const decoded = isDecoded(headers.get("content-encoding"));
  const list: HeaderList = [];
  for (const [name, value] of headers) {
    if (decoded && (name === "content-encoding" || name === "content-length")) continue;
    list.push([name, value]);
  }
  return { headers: list, decoded };
}

/** True when Bun's fetch decodes a body sent with this `Content-Encoding`. */
export function isDecoded(contentEncoding: string | null): boolean {
  return contentEncoding !== null && DECODED.has(contentEncoding.trim().toLowerCase());
}
