/** The network policy: `--net`, `--allow-net` and `--deny-net` parsed into plain data, and how one rule matches a name or an address. */
import ipaddr from "ipaddr.js";
import { isIpAddress } from "./address-ranges.ts";
import type { NetMode as SchemaNetMode } from "../../protocol/generated/types.ts";

/**
 * What happens to a request that no allow or deny rule names:
 * `off` refuses it, `public` allows it only to public addresses, `all` allows it.
 */
export type NetMode = SchemaNetMode;

/** The modes, in the order `--net` lists them. */
export const NET_MODES: readonly NetMode[] = ["off", "public", "all"];

/**
 * One entry of `--allow-net` or `--deny-net`, as plain JSON. `text` is the entry as given.
 * - `host`: one name, exactly (`api.example.com`, `test.woma.local:8443`);
 * - `domain`: every name under a domain, not the domain itself (`*.example.com`);
 * - `cidr`: an address or a range (`127.0.0.1:8080`, `[::1]`, `10.0.0.0/8`).
 * `port`, when present, limits the rule to that port.
 */
export type NetRule =
  | { kind: "host"; text: string; host: string; port?: number }
  | { kind: "domain"; text: string; suffix: string; port?: number }
  | { kind: "cidr"; text: string; network: string; prefix: number; port?: number };

/** The whole policy: a mode for what the lists do not name, an allowlist and a denylist (which always wins). */
export interface NetPolicy {
  mode: NetMode;
  allow: NetRule[];
  deny: NetRule[];
}

/** The default policy: `public`, no allow or deny rules. */
export function defaultNetPolicy(): NetPolicy {
  return { mode: "public", allow: [], deny: [] };
}

/**
 * Builds a policy from the flag values. Each of `allow` and `deny` may hold several
 * comma-separated entries per string. Throws an Error naming the flag and the entry
 * when one cannot be read.
 */
export function parseNetPolicy(mode: NetMode, allow: readonly string[] = [], deny: readonly string[] = []): NetPolicy {
  if (!NET_MODES.includes(mode)) throw new Error(`--net must be one of ${NET_MODES.join(", ")}, got ${JSON.stringify(mode)}`);
  return { mode, allow: parseNetRules(allow, "--allow-net"), deny: parseNetRules(deny, "--deny-net") };
}

/** Parses comma-separated rule lists; `flag` names the source in error messages. Empty entries are skipped. */
export function parseNetRules(values: readonly string[], flag: string): NetRule[] {
  return values.flatMap((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "")
      .map((entry) => {
        try {
          return parseNetRule(entry);
        } catch (error) {
          throw new Error(`${flag} ${JSON.stringify(entry)}: ${(error as Error).message}`);
        }
      }),
  );
}

/** Parses one entry: `HOST[:PORT]`, `*.DOMAIN[:PORT]`, `IP[:PORT]`, `[IPV6][:PORT]` or `IP/PREFIX`. */
export function parseNetRule(text: string): NetRule {
  if (text.includes("/")) {
    if (!ipaddr.isValidCIDR(text)) throw new Error("expected an address range such as 10.0.0.0/8 or fd00::/8");
    const [network, prefix] = ipaddr.parseCIDR(text);
    return { kind: "cidr", text, network: canonicalAddress(network.toString()), prefix };
  }
  // A bare IPv6 address has several colons and no brackets, hence no port.
  if (!text.startsWith("[") && (text.match(/:/g)?.length ?? 0) > 1) {
    if (!isIpAddress(text)) throw new Error("expected an IPv6 address (write [ADDRESS]:PORT to add a port)");
    return addressRule(text, text, undefined);
  }
  const { host, port } = splitPort(text);
  if (host === "*") throw new Error("a bare * names every host: use --net all instead");
  if (host.startsWith("*.")) {
    const suffix = canonicalHost(host.slice(2));
    if (isIpAddress(suffix)) throw new Error("*. takes a domain name, not an address");
    return withPort({ kind: "domain", text, suffix }, port);
  }
  if (host.includes("*")) throw new Error("* is allowed only as a whole first label, as in *.example.com");
  const canonical = canonicalHost(host);
  if (isIpAddress(canonical)) return addressRule(text, canonical, port);
  return withPort({ kind: "host", text, host: canonical }, port);
}

function addressRule(text: string, address: string, port: number | undefined): NetRule {
  const parsed = ipaddr.parse(address);
  return withPort({ kind: "cidr", text, network: canonicalAddress(address), prefix: parsed.kind() === "ipv4" ? 32 : 128 }, port);
}

function withPort<T extends NetRule>(rule: T, port: number | undefined): T {
  return port === undefined ? rule : { ...rule, port };
}

function splitPort(text: string): { host: string; port: number | undefined } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::([^:]*))?$/.exec(text);
  if (match === null) throw new Error("expected HOST[:PORT]");
  const host = match[1]!;
  if (match[2] === undefined) return { host: host.startsWith("[") ? host.slice(1, -1) : host, port: undefined };
  const port = Number(match[2]);
  if (!/^\d+$/.test(match[2]) || port < 1 || port > 65535) throw new Error(`port must be 1-65535, got ${JSON.stringify(match[2])}`);
  return { host: host.startsWith("[") ? host.slice(1, -1) : host, port };
}

/**
 * The host as the WHATWG URL parser writes it (lower case, punycode, IPv4 in dotted
 * decimal, IPv6 without brackets), less every trailing dot, so a rule and a request compare
 * alike: `name.` and `name..` are `name` to a resolver, so they must be `name` to a rule too.
 */
export function canonicalHost(host: string): string {
  let hostname: string;
  try {
    hostname = new URL(`http://${host.includes(":") ? `[${host}]` : host}/`).hostname;
  } catch {
    throw new Error(`not a valid host name: ${JSON.stringify(host)}`);
  }
  if (hostname.startsWith("[")) hostname = hostname.slice(1, -1);
  return hostname.replace(/\.+$/, "");
}

function canonicalAddress(address: string): string {
  const parsed = ipaddr.parse(address);
  return parsed.kind() === "ipv6" ? (parsed as ipaddr.IPv6).toRFC5952String() : parsed.toString();
}

/** True when a `host` or `domain` rule names this (canonical) host name on this port. Address rules never match names. */
export function ruleMatchesName(rule: NetRule, host: string, port: number): boolean {
  if (rule.port !== undefined && rule.port !== port) return false;
  switch (rule.kind) {
    case "host":
      return rule.host === host;
    case "domain":
      return host.endsWith(`.${rule.suffix}`);
    case "cidr":
      return false;
  }
}

/** True when a `cidr` rule covers this address on this port. Name rules never match addresses. */
export function ruleMatchesAddress(rule: NetRule, address: string, port: number): boolean {
  if (rule.kind !== "cidr" || (rule.port !== undefined && rule.port !== port)) return false;
  const parsed = ipaddr.parse(address);
  const network = ipaddr.parse(rule.network);
  return parsed.kind() === network.kind() && parsed.match(network, rule.prefix);
}

/** The policy in one line for banners and logs, e.g. `public, allow 127.0.0.1:8080, deny *.example.com`. */
export function describeNetPolicy(policy: NetPolicy): string {
  const parts: string[] = [policy.mode];
  if (policy.allow.length > 0) parts.push(`allow ${policy.allow.map((r) => r.text).join(",")}`);
  if (policy.deny.length > 0) parts.push(`deny ${policy.deny.map((r) => r.text).join(",")}`);
  return parts.join(", ");
}
