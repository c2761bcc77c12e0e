/** The errors of the network broker: a refusal by policy, and every other way a request can fail, each with a `kind`. */

/**
 * Why a request failed, as a stable string the runner can map to the Python library's
 * own exception. May grow.
 * - `refused`: the network policy refuses the URL, the name or an address (nothing was sent);
 * - `invalid`: the request itself is malformed (bad URL, method, header, or a body on GET);
 * - `dns`: the name did not resolve;
 * - `connect`: no connection to any checked address;
 * - `tls`: the certificate or the TLS handshake failed;
 * - `timeout`: the connect or total timeout, or the caller's deadline, passed;
 * - `too_large`: the response body (decompressed) went past the size cap;
 * - `redirect`: more than the allowed redirect hops, or a redirect without a usable Location;
 * - `busy`: too many requests of the session are in flight or waiting;
 * - `aborted`: the caller's signal aborted the request;
 * - `http`: any other failure of the exchange (the server closed early, a broken response).
 */
export type NetErrorKind = "refused" | "invalid" | "dns" | "connect" | "tls" | "timeout" | "too_large" | "redirect" | "busy" | "aborted" | "http";

/** Plain-JSON form of a {@link NetError}, for sending to a runner. */
export interface NetErrorInfo {
  kind: NetErrorKind;
  message: string;
  host?: string;
  address?: string;
  rule?: string;
}

/** A failed request. `message` names the host (and the address and rule when there is one). */
export class NetError extends Error {
  constructor(
    readonly kind: NetErrorKind,
    message: string,
    readonly details: { host?: string; address?: string; rule?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "NetError";
  }

  /** The host the request was for, when known. */
  get host(): string | undefined {
    return this.details.host;
  }

  /** The address involved, when known. */
  get address(): string | undefined {
    return this.details.address;
  }

  /** The policy rule or range that refused the request, for `refused`. */
  get rule(): string | undefined {
    return this.details.rule;
  }

  /** The error as plain JSON: kind, message, and host, address and rule when known. */
  toJSON(): NetErrorInfo {
    return { kind: this.kind, message: this.message, ...this.details };
  }
}

/**
 * A request the network policy refuses, before any packet is sent. The message reads
 * `network policy refuses <what> (<rule>)`, e.g. `network policy refuses 169.254.169.254 (link-local)`,
 * followed by a hint when a flag would allow it.
 */
export class NetRefusedError extends NetError {
  /** `hint`, when given, follows the rule after a semicolon: how whoever starts woma could allow the request. */
  constructor(what: string, rule: string, details: { host?: string; address?: string } = {}, hint?: string) {
    super("refused", `network policy refuses ${what} (${rule})${hint ? `; ${hint}` : ""}`, { ...details, rule });
    this.name = "NetRefusedError";
  }
}
