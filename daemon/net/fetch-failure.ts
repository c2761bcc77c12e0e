/** What a failed Bun `fetch` means for a guest: its error codes sorted into the broker's error kinds. */
import { NetError } from "./net-error.ts";

// Codes Bun 1.4.5's fetch gives when no connection could be made (seen: ECONNREFUSED; the rest by name in Bun's sources).
const CONNECT_CODES = new Set(["ECONNREFUSED", "ConnectionRefused", "FailedToOpenSocket", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "ETIMEDOUT", "ConnectionTimedOut"]);
// Certificate and handshake codes: ERR_TLS_CERT_ALTNAME_INVALID, UNABLE_TO_VERIFY_LEAF_SIGNATURE, DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ...
const TLS_CODE = /CERT|TLS|SSL|SIGNATURE|ISSUER|SELF_SIGNED|HANDSHAKE/i;

/** Where the failed request was going, for the message. */
export interface FailedHop {
  host: string;
  port?: number;
  address?: string;
}

/**
 * Turns an error thrown by `fetch` or a body read into a {@link NetError}: `connect` for a
 * connection that could not be made, `tls` for certificate and handshake failures, `http`
 * for the rest (a reset mid-body, a malformed response). The message names host and address.
 */
export function netErrorFromFetch(error: unknown, hop: FailedHop): NetError {
  if (error instanceof NetError) return error;
  const { host, address } = hop;
  const at = address !== undefined && address !== host ? ` at ${address}` : "";
  const details = { host, ...(address !== undefined ? { address } : {}) };
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  const message = error instanceof Error ? error.message : String(error);
  if (CONNECT_CODES.has(code)) return new NetError("connect", `cannot connect to ${host}${at} port ${hop.port ?? "?"} (${code})`, details, { cause: error });
  if (TLS_CODE.test(code)) return new NetError("tls", `TLS with ${host}${at} failed: ${code}`, details, { cause: error });
  return new NetError("http", `request to ${host}${at} failed: ${code || message.slice(0, 200)}`, details, { cause: error });
}
