/** The one way the daemon downloads anything for packages (locks, index pages, wheels): through the network broker, under the policy of whoever asked. */
import type { NetBroker } from "../net/broker.ts";
import { NetError } from "../net/net-error.ts";
import type { NetPolicy } from "../net/net-policy.ts";
import type { NetResponse } from "../net/net-request.ts";
import { PackageError, type PackageErrorCode } from "./package-error.ts";

/**
 * Whose word a URL is, which decides the policy its every hop is held to:
 * - `operator`: a source the operator configured (`--packages-url`, `--pypi-index`, and the
 *   links their pages and locks give), reachable whatever the network policy, so a mirror on
 *   loopback keeps working;
 * - `tenant`: a URL a tenant named (a wheel URL, `name @ URL`, micropip's `index_urls`, and
 *   the links of such an index), held to the tenant's network policy like Python's own HTTP.
 */
export type FetchTrust = { kind: "operator" } | { kind: "tenant"; policy: NetPolicy };

/** The policy of operator sources: every address, since the operator chose them. */
const OPERATOR_POLICY: NetPolicy = { mode: "all", allow: [], deny: [] };

/** One GET for packages. */
export interface PackageGet {
  url: string;
  trust: FetchTrust;
  /** Who the request is for (a tenant id, or "daemon"): the broker's per-requester bound and audit log. */
  requester: string;
  /** The body's cap and the flag or limit that sets it, named when it is passed. */
  maxBytes: { bytes: number; name: string };
  /** The Accept header, if any. */
  accept?: string;
  /** Aborts the request (an idle timeout, a cancelled install). */
  signal?: AbortSignal;
  /** Longest the whole request may take, in ms (default 1 hour: large wheels on slow links). */
  totalTimeoutMs?: number;
}

/**
 * Package downloads through the broker: the URL is checked, its name resolved once, every
 * address checked, the checked address dialled, and every redirect hop checked again, all
 * under the policy the request's {@link FetchTrust} gives. A refusal happens before any
 * packet is sent, and reads as the broker's own ("network policy refuses 127.0.0.1 (loopback)").
 */
export class PackageFetcher {
  constructor(private readonly broker: NetBroker) {}

  /** Opens `get.url` and resolves when the response head has arrived; the body must be read or cancelled. Throws a {@link NetError}. */
  open(get: PackageGet): Promise<NetResponse> {
    return this.broker.open(
      { url: get.url, method: "GET", headers: get.accept ? [["accept", get.accept]] : [], redirect: "follow" },
      {
        session: `packages/${get.requester}`,
        ...(get.signal ? { signal: get.signal } : {}),
        policy: get.trust.kind === "operator" ? OPERATOR_POLICY : get.trust.policy,
        maxBytes: get.maxBytes,
        totalTimeoutMs: get.totalTimeoutMs ?? 3_600_000,
      },
    );
  }

  /**
   * The whole body of `get.url` (at most `get.maxBytes`), its content type and final URL; or
   * undefined when the server answers 404. Throws a {@link PackageError}: what the policy
   * refuses is NOT_ALLOWED, an unreachable server or another HTTP status SOURCE_UNREACHABLE,
   * a body over the cap DOWNLOAD_FAILED; `what` names the thing fetched in the message.
   */
  async whole(get: PackageGet, what: string, data: Record<string, unknown> = {}): Promise<{ bytes: Uint8Array; contentType: string; url: string } | undefined> {
    let response: NetResponse;
    try {
      response = await this.open(get);
    } catch (error) {
      throw packageErrorOf(error, what, data);
    }
    if (response.status === 404) {
      await response.body.cancel();
      return undefined;
    }
    if (response.status !== 200) {
      await response.body.cancel();
      throw new PackageError("SOURCE_UNREACHABLE", `${what} answered HTTP ${response.status}`, { ...data, status: response.status });
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        parts.push(chunk);
        size += chunk.byteLength;
      }
    } catch (error) {
      throw packageErrorOf(error, what, data);
    }
    const contentType = response.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
    // A buffer of its own (not Buffer's shared pool), so it can be handed to the package worker.
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    return { bytes, contentType, url: response.url };
  }
}

/**
 * A broker failure as a {@link PackageError} about `what`: a policy refusal is NOT_ALLOWED
 * with the broker's words (the same whether or not anything listens at the address), a body
 * over its cap DOWNLOAD_FAILED, the rest SOURCE_UNREACHABLE.
 */
export function packageErrorOf(error: unknown, what: string, data: Record<string, unknown> = {}): PackageError {
  if (error instanceof PackageError) return error;
  if (!(error instanceof NetError)) return new PackageError("SOURCE_UNREACHABLE", `${what}: ${(error as Error)?.message ?? String(error)}`, data, { cause: error });
  const codes: Partial<Record<NetError["kind"], PackageErrorCode>> = { refused: "NOT_ALLOWED", too_large: "DOWNLOAD_FAILED", invalid: "BAD_REQUIREMENT" };
  const details = error.kind === "refused" ? { rule: error.rule, ...(error.address ? { address: error.address } : {}) } : {};
  return new PackageError(codes[error.kind] ?? "SOURCE_UNREACHABLE", `${what}: ${error.message}`, { ...data, ...details }, { cause: error });
}
