/** The audit line the broker logs for every request hop, allowed or refused, at level info. */
import type { NetError } from "./net-error.ts";

/** One hop of one request, as the audit log records it. */
export interface AuditEntry {
  session: string;
  method: string;
  /** `host:port` as the guest named it; no path or query, which may carry secrets. */
  host: string;
  /** The address connected to, or the one refused; absent when none was reached. */
  address?: string;
  status?: number;
  /** Decoded body bytes handed on. */
  bytes?: number;
  ms: number;
  /** `complete`, `redirect`, `cancelled`, or the error kind. */
  outcome: string;
  error?: NetError;
}

/**
 * Formats an entry as `net session=s1 GET host=example.com:443 address=93.184.215.14 status=200 bytes=1256 ms=41 outcome=complete`,
 * with the error message (which names the rule of a refusal) at the end when there is one.
 */
export function auditLine(entry: AuditEntry): string {
  const parts = [`net session=${JSON.stringify(entry.session)}`, entry.method, `host=${entry.host}`];
  if (entry.address !== undefined) parts.push(`address=${entry.address}`);
  if (entry.status !== undefined) parts.push(`status=${entry.status}`);
  if (entry.bytes !== undefined) parts.push(`bytes=${entry.bytes}`);
  parts.push(`ms=${Math.round(entry.ms)}`, `outcome=${entry.outcome}`);
  if (entry.error) parts.push(`error=${JSON.stringify(entry.error.message)}`);
  return parts.join(" ");
}
