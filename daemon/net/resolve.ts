/** Name resolution for the broker: one lookup per request hop, returning every address, cancellable by the caller's signal. */
import { lookup } from "node:dns/promises";
import { NetError } from "./net-error.ts";

/**
 * Resolves a host name to all its addresses (IPv4 and IPv6, as text). The broker calls it
 * once per hop and connects only to addresses it returned and the policy accepted, so a
 * name that resolves differently a second time (DNS rebinding) gains nothing.
 */
export type Resolver = (host: string) => Promise<string[]>;

/** The system resolver (getaddrinfo through `dns.lookup`, so /etc/hosts counts), every address in the system's order. */
export const systemResolver: Resolver = async (host) => {
  const found = await lookup(host, { all: true, order: "verbatim" });
  return found.map((entry) => entry.address);
};

/**
 * Resolves `host` with `resolver`, giving up as soon as `signal` aborts (a lookup in flight
 * cannot be stopped, but nobody waits for it). Throws a `dns` {@link NetError} when the
 * name does not resolve or resolves to nothing, and the signal's reason when it aborts.
 */
export async function resolveHost(host: string, resolver: Resolver, signal: AbortSignal): Promise<string[]> {
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const addresses = await Promise.race([resolver(host), aborted]);
    if (addresses.length === 0) throw new NetError("dns", `${host} resolves to no address`, { host });
    return addresses;
  } catch (error) {
    if (signal.aborted || error instanceof NetError) throw signal.aborted ? signal.reason : error;
    const code = (error as { code?: string }).code;
    throw new NetError("dns", `cannot resolve ${host}${code ? ` (${code})` : ""}`, { host }, { cause: error });
  } finally {
    signal.removeEventListener("abort", onAbort!);
  }
}
