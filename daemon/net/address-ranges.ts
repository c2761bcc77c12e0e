/** Classifies an IP address as public or as the special range that `--net public` refuses, IPv4 written inside IPv6 included. */
import ipaddr from "ipaddr.js";

/**
 * The rule that makes an address non-public, as printed in a refusal, or `public`.
 * May grow when a new special range is carved out.
 */
export type AddressRange =
  | "public"
  | "loopback"
  | "private"
  | "carrier-grade NAT"
  | "link-local"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "unique-local"
  | "site-local"
  | "NAT64 local-use";

/** What {@link classifyAddress} found out about one address. */
export interface AddressClass {
  /** The address in canonical form (IPv4 dotted quad; IPv6 as RFC 5952). */
  address: string;
  /** `public`, or the first special range the address (or the IPv4 inside it) falls in. */
  range: AddressRange;
  /** For IPv4 written inside IPv6: how it was written (`IPv4-mapped`, `NAT64`, ...) and the IPv4 addresses it carries. */
  embedded?: { form: string; ipv4: string[] };
  /**
   * Where to connect to reach this address. It differs from `address` only for an
   * IPv4-mapped IPv6 address, which reaches the IPv4 host: the broker dials that IPv4
   * itself, so what it connects to is literally what it checked.
   */
  connect: string;
}

const IPV4_RANGES: Partial<Record<string, AddressRange>> = {
  unicast: "public",
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private",
  // 192.0.0/24 (IETF protocol assignments, Oracle's metadata 192.0.0.192), 198.18/15,
  // 240/4, the documentation ranges and the old 6to4 relay anycast.
  reserved: "reserved",
};

// Global unicast IPv6 is 2000::/3; ipaddr.js calls anything it has no name for "unicast",
// unallocated space included, so that check is ours.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/** True when `text` is an IPv4 or IPv6 address (IPv6 without brackets). */
export function isIpAddress(text: string): boolean {
  return ipaddr.isValid(text) && (ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text));
}

/**
 * Classifies an address given as text. IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated,
 * IPv4-compatible (`::a.b.c.d`), NAT64 (`64:ff9b::/96`), 6to4 (`2002::/16`) and Teredo
 * (`2001::/32`, both the server and the obfuscated client IPv4) are decoded and the IPv4
 * they carry is classified: if it is not public, neither is the address.
 * Throws a TypeError for text that is not an address.
 */
export function classifyAddress(text: string): AddressClass {
  const unbracketed = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (!isIpAddress(unbracketed)) throw new TypeError(`not an IP address: ${JSON.stringify(text)}`);
  const parsed = ipaddr.parse(unbracketed.includes(":") ? whatwgIpv6(unbracketed) : unbracketed);
  if (parsed.kind() === "ipv4") {
    const v4 = parsed as ipaddr.IPv4;
    const address = v4.toString();
    return { address, range: classifyV4(v4), connect: address };
  }
  const v6 = parsed as ipaddr.IPv6;
  const address = v6.toRFC5952String();
  const inner = embeddedV4(v6);
  if (inner !== undefined) {
    const innerRanges = inner.v4s.map(classifyV4);
    const refused = innerRanges.find((r) => r !== "public");
    const embedded = { form: inner.form, ipv4: inner.v4s.map((v) => v.toString()) };
    const connect = inner.form === "IPv4-mapped" ? inner.v4s[0]!.toString() : address;
    return { address, range: refused ?? "public", embedded, connect };
  }
  return { address, range: classifyV6(v6), connect: address };
}

// ipaddr.js 2.5 reads "::a.b.c.d" as "::ffff:a.b.c.d"; the WHATWG URL parser, the one every
// request goes through, reads it as the IPv4-compatible "::a.b:c.d". Use the latter's reading.
function whatwgIpv6(text: string): string {
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return text;
  }
}

function classifyV4(v4: ipaddr.IPv4): AddressRange {
  // as112 and amt are anycast DNS sinks and multicast relays: nothing to fetch over HTTP there.
  return IPV4_RANGES[v4.range()] ?? "reserved";
}

function classifyV6(v6: ipaddr.IPv6): AddressRange {
  switch (v6.range()) {
    case "unspecified":
      return "unspecified";
    case "loopback":
      return "loopback";
    case "linkLocal":
      return "link-local";
    case "multicast":
      return "multicast";
    case "uniqueLocal":
      return "unique-local";
    case "unicast":
      return v6.match(GLOBAL_UNICAST_V6) ? "public" : "reserved";
    default: {
      const range: string = v6.range();
      if (range === "deprecatedSiteLocal") return "site-local";
      // 64:ff9b:1::/48 (RFC 8215) is for a network's own translators, with no fixed place for the IPv4.
      if (range === "rfc6052") return "NAT64 local-use";
      // discard, benchmarking, documentation, ORCHID, AMT, AS112, segment routing, ...
      return "reserved";
    }
  }
}

interface Embedded {
  form: string;
  v4s: ipaddr.IPv4[];
}

function v4From(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 addresses carried inside an IPv6 address, if it is one of the forms that carry one. */
function embeddedV4(v6: ipaddr.IPv6): Embedded | undefined {
  const p = v6.parts as [number, number, number, number, number, number, number, number];
  const zeroTo = (n: number) => p.slice(0, n).every((x) => x === 0);
  if (zeroTo(5) && p[5] === 0xffff) return { form: "IPv4-mapped", v4s: [v4From(p[6], p[7])] };
  if (zeroTo(4) && p[4] === 0xffff && p[5] === 0) return { form: "IPv4-translated", v4s: [v4From(p[6], p[7])] };
  // ::/96 less :: and ::1, which are the unspecified and loopback addresses of IPv6 itself.
  if (zeroTo(6) && (p[6] !== 0 || p[7] > 1)) return { form: "IPv4-compatible", v4s: [v4From(p[6], p[7])] };
  if (p[0] === 0x64 && p[1] === 0xff9b && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) return { form: "NAT64", v4s: [v4From(p[6], p[7])] };
  if (p[0] === 0x2002) return { form: "6to4", v4s: [v4From(p[1], p[2])] };
  // Teredo: the server's IPv4 in bits 32-63, the client's in the last 32 bits, inverted.
  if (p[0] === 0x2001 && p[1] === 0) return { form: "Teredo", v4s: [v4From(p[2], p[3]), v4From(p[6] ^ 0xffff, p[7] ^ 0xffff)] };
  return undefined;
}
