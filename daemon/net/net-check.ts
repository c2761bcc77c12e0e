/** Applies a network policy to a URL and to the addresses its host resolves to; pure, so tests need no network. */
import { classifyAddress, isIpAddress } from "./address-ranges.ts";
import { NetError, NetRefusedError } from "./net-error.ts";
import { canonicalHost, ruleMatchesAddress, ruleMatchesName, type NetPolicy } from "./net-policy.ts";

/** A URL that passed the checks that need no address: scheme, credentials, name rules. */
export interface NetTarget {
  /** The URL as the WHATWG parser normalised it (decimal, octal and hex IPv4 become dotted decimal). */
  url: URL;
  /** The host without brackets or trailing dot, lower case, punycode. */
  host: string;
  /** The port, the scheme's default when the URL names none. */
  port: number;
  /** True when the host is an IP address (no resolution needed). */
  literal: boolean;
  /** True when an allow rule names the host itself: then its addresses are not held to `public`. */
  allowedByName: boolean;
}

/** An address that passed the policy for a target. */
export interface CheckedAddress {
  /** The address, canonical. */
  address: string;
  /** The address to dial: the IPv4 itself for an IPv4-mapped IPv6 address, else `address`. */
  connect: string;
}

// Names that reach the host itself or a cloud provider's internal services whatever DNS says.
const REFUSED_NAMES: readonly { test: (host: string) => boolean; rule: string }[] = [
  { test: (h) => h === "localhost" || h.endsWith(".localhost"), rule: "loopback name" },
  { test: (h) => h === "internal" || h.endsWith(".internal"), rule: "internal name" },
];

/**
 * Checks what can be checked before resolution: the URL parses, its scheme is http: or
 * https:, it carries no user name or password, no deny rule names its host, and under
 * `public` it is not `localhost`, `*.localhost` or `*.internal` (unless an allow rule names it).
 * Under `off`, a host that no allow rule could admit is refused here, before any DNS query.
 * Throws {@link NetRefusedError}, or a {@link NetError} of kind `invalid` for a URL that does not parse.
 */
export function checkUrl(input: string | URL, policy: NetPolicy): NetTarget {
  let url: URL;
  try {
    url = new URL(input);
  } catch (error) {
    throw new NetError("invalid", `not a valid URL: ${JSON.stringify(String(input).slice(0, 200))}`, {}, { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NetRefusedError(`${url.protocol} URL`, "only http: and https: are allowed");
  }
  const host = canonicalHost(url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname);
  const details = { host };
  // Credentials in a URL are how `http://169.254.169.254@evil.example/` fools string checks; no guest needs them.
  if (url.username !== "" || url.password !== "") throw new NetRefusedError(`${host}: a URL with a user name or password`, "credentials in URL", details);
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  const literal = isIpAddress(host);
  if (!literal) {
    const denied = policy.deny.find((rule) => ruleMatchesName(rule, host, port));
    if (denied) throw new NetRefusedError(host, `--deny-net ${denied.text}`, details);
  }
  const allowedByName = !literal && policy.allow.some((rule) => ruleMatchesName(rule, host, port));
  if (!allowedByName && !literal) {
    if (policy.mode === "public") {
      const named = REFUSED_NAMES.find((n) => n.test(host));
      if (named) throw new NetRefusedError(host, named.rule, details, allowHint(host, port, false));
    }
    // Under `off` only an address rule could still admit a name: without one, do not even resolve it.
    if (policy.mode === "off" && !policy.allow.some((rule) => rule.kind === "cidr")) throw new NetRefusedError(host, "--net off", details, allowHint(host, port, false));
  }
  return { url, host, port, literal, allowedByName };
}

/**
 * Checks one address of a target: deny rules first (also against the IPv4 inside an IPv6
 * address), then allow rules, then the mode. Returns where to connect, or throws
 * {@link NetRefusedError} naming the host, the address and the rule.
 */
export function checkAddress(target: NetTarget, address: string, policy: NetPolicy): CheckedAddress {
  const found = classifyAddress(address);
  const details = { host: target.host, address: found.address };
  const what = target.literal ? found.address : `${target.host} at ${found.address}`;
  // Linux answers a connection to an unspecified address (0.0.0.0, ::) on the machine itself,
  // so a deny rule for the loopback address must catch those spellings too.
  const forms = [found.address, found.connect, ...(found.embedded?.ipv4 ?? []), ...(reachesLoopback(found.connect) ? ["127.0.0.1", "::1"] : [])];
  const denied = policy.deny.find((rule) => forms.some((a) => ruleMatchesAddress(rule, a, target.port)));
  if (denied) throw new NetRefusedError(what, `--deny-net ${denied.text}`, details);
  const checked = { address: found.address, connect: found.connect };
  if (target.allowedByName) return checked;
  if (policy.allow.some((rule) => ruleMatchesAddress(rule, found.address, target.port) || ruleMatchesAddress(rule, found.connect, target.port))) return checked;
  switch (policy.mode) {
    case "all":
      return checked;
    case "off":
      throw new NetRefusedError(what, "--net off", details, allowHint(target.literal ? found.address : target.host, target.port, target.literal));
    case "public": {
      if (found.range === "public") return checked;
      const inside = found.embedded ? `: ${found.embedded.form} ${found.embedded.ipv4.join(" and ")}` : "";
      throw new NetRefusedError(what, `${found.range}${inside}`, details, allowHint(target.literal ? found.address : target.host, target.port, target.literal));
    }
  }
}

/**
 * Checks every address a host resolved to; one refused address refuses the request,
 * since the next resolution could pick it. Returns the checked addresses in order.
 */
export function checkAddresses(target: NetTarget, addresses: readonly string[], policy: NetPolicy): CheckedAddress[] {
  return addresses.map((address) => checkAddress(target, address, policy));
}

/** True for the addresses a connection to which lands on the machine itself whatever binds them: 0.0.0.0/8 and `::`. */
function reachesLoopback(address: string): boolean {
  return address === "::" || /^0\.\d+\.\d+\.\d+$/.test(address);
}

/**
 * How whoever starts woma could allow a refused host: the `--allow-net` rule that admits it.
 * Names and addresses are different rules, which catches people out with loopback: a rule
 * for 127.0.0.1 does not admit `localhost`, nor one for `localhost` the address.
 */
function allowHint(host: string, port: number, literal: boolean): string {
  const rule = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  let note = "";
  if (!literal && (host === "localhost" || host.endsWith(".localhost"))) note = ` (a rule for 127.0.0.1 does not cover the name ${host})`;
  else if (literal && (host.startsWith("127.") || host === "::1")) note = " (a rule for localhost does not cover this address)";
  return `to allow it, start woma with --allow-net ${rule}${note}`;
}
