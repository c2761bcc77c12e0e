/** The network policy as a pure function: URL tricks, special ranges, names, modes, and allow/deny precedence. No packet is sent. */
import { describe, expect, test } from "bun:test";
import { checkAddresses, checkUrl } from "../../daemon/net/net-check.ts";
import { NetError, NetRefusedError } from "../../daemon/net/net-error.ts";
import { describeNetPolicy, parseNetPolicy, parseNetRules, type NetMode, type NetPolicy } from "../../daemon/net/net-policy.ts";

/** Runs the whole check as the broker does, with a made-up DNS; returns the addresses to dial or the refusal message (without its hint, unless asked). */
function verdict(url: string, policy: NetPolicy, dns: Record<string, string[]> = {}, withHint = false): string[] | string {
  try {
    const target = checkUrl(url, policy);
    const addresses = target.literal ? [target.host] : dns[target.host];
    if (addresses === undefined) throw new Error(`test DNS has no entry for ${target.host}`);
    return checkAddresses(target, addresses, policy).map((a) => a.connect);
  } catch (error) {
    if (error instanceof NetError) return withHint ? error.message : error.message.replace(/; to allow it, .*$/, "");
    throw error;
  }
}

const policy = (mode: NetMode = "public", allow: string[] = [], deny: string[] = []) => parseNetPolicy(mode, allow, deny);
const PUBLIC = policy();

describe("--net public refuses the host itself, private networks and metadata services", () => {
  const refusals: [string, string][] = [
    ["http://127.0.0.1/", "network policy refuses 127.0.0.1 (loopback)"],
    ["http://localhost/", "network policy refuses localhost (loopback name)"],
    ["http://LOCALHOST./", "network policy refuses localhost (loopback name)"],
    ["http://api.localhost:8080/", "network policy refuses api.localhost (loopback name)"],
    ["http://[::1]/", "network policy refuses ::1 (loopback)"],
    ["http://[0:0:0:0:0:0:0:1]/", "network policy refuses ::1 (loopback)"],
    ["http://2130706433/", "network policy refuses 127.0.0.1 (loopback)"],
    ["http://0x7f.1/", "network policy refuses 127.0.0.1 (loopback)"],
    ["http://0177.0.0.1/", "network policy refuses 127.0.0.1 (loopback)"],
    ["http://127.1/", "network policy refuses 127.0.0.1 (loopback)"],
    ["http://[::ffff:127.0.0.1]/", "network policy refuses ::ffff:7f00:1 (loopback: IPv4-mapped 127.0.0.1)"],
    ["http://169.254.169.254/latest/meta-data/", "network policy refuses 169.254.169.254 (link-local)"],
    ["http://[::ffff:169.254.169.254]/", "network policy refuses ::ffff:a9fe:a9fe (link-local: IPv4-mapped 169.254.169.254)"],
    ["http://[fd00:ec2::254]/", "network policy refuses fd00:ec2::254 (unique-local)"],
    ["http://[fe80::1]/", "network policy refuses fe80::1 (link-local)"],
    ["http://metadata.google.internal/computeMetadata/v1/", "network policy refuses metadata.google.internal (internal name)"],
    ["http://[64:ff9b::a9fe:a9fe]/", "network policy refuses 64:ff9b::a9fe:a9fe (link-local: NAT64 169.254.169.254)"],
    ["http://[2002:7f00:1::]/", "network policy refuses 2002:7f00:1:: (loopback: 6to4 127.0.0.1)"],
    ["http://[2001:0:808:808::80ff:fffe]/", "network policy refuses 2001:0:808:808::80ff:fffe (loopback: Teredo 8.8.8.8 and 127.0.0.1)"],
    ["http://[::127.0.0.1]/", "network policy refuses ::7f00:1 (loopback: IPv4-compatible 127.0.0.1)"],
    ["http://0.0.0.0:8080/", "network policy refuses 0.0.0.0 (unspecified)"],
    ["http://10.0.0.1/", "network policy refuses 10.0.0.1 (private)"],
    ["http://172.16.5.4/", "network policy refuses 172.16.5.4 (private)"],
    ["http://192.168.0.1/", "network policy refuses 192.168.0.1 (private)"],
    ["http://100.100.100.200/", "network policy refuses 100.100.100.200 (carrier-grade NAT)"],
    ["http://192.0.0.192/", "network policy refuses 192.0.0.192 (reserved)"],
    ["http://224.0.0.251/", "network policy refuses 224.0.0.251 (multicast)"],
    ["http://255.255.255.255/", "network policy refuses 255.255.255.255 (broadcast)"],
    ["https://240.0.0.1/", "network policy refuses 240.0.0.1 (reserved)"],
  ];
  for (const [url, message] of refusals) {
    test(url, () => {
      expect(verdict(url, PUBLIC)).toBe(message);
    });
  }

  test("a name is refused when it resolves to a refused address, naming both", () => {
    expect(verdict("http://rebind.example/", PUBLIC, { "rebind.example": ["169.254.169.254"] })).toBe("network policy refuses rebind.example at 169.254.169.254 (link-local)");
  });

  test("one refused address among several refuses the request", () => {
    expect(verdict("https://mixed.example/", PUBLIC, { "mixed.example": ["93.184.215.14", "10.0.0.5"] })).toBe("network policy refuses mixed.example at 10.0.0.5 (private)");
    expect(verdict("https://mixed.example/", PUBLIC, { "mixed.example": ["2606:2800::1", "::ffff:127.0.0.1"] })).toBe("network policy refuses mixed.example at ::ffff:7f00:1 (loopback: IPv4-mapped 127.0.0.1)");
  });

  test("public addresses are allowed and dialled as resolved", () => {
    expect(verdict("https://example.com/", PUBLIC, { "example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"] })).toEqual(["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]);
    expect(verdict("http://8.8.8.8/", PUBLIC)).toEqual(["8.8.8.8"]);
  });

  test("an IPv4-mapped public address is dialled as the IPv4 it was checked as", () => {
    expect(verdict("http://[::ffff:8.8.8.8]/", PUBLIC)).toEqual(["8.8.8.8"]);
  });
});

describe("a refusal that a flag could lift says which flag", () => {
  test("a loopback address names the --allow-net rule for it, and that a rule for localhost would not do", () => {
    expect(verdict("http://127.0.0.1:18500/", PUBLIC, {}, true)).toBe(
      "network policy refuses 127.0.0.1 (loopback); to allow it, start woma with --allow-net 127.0.0.1:18500 (a rule for localhost does not cover this address)",
    );
    expect(verdict("http://[::1]/", PUBLIC, {}, true)).toBe("network policy refuses ::1 (loopback); to allow it, start woma with --allow-net [::1]:80 (a rule for localhost does not cover this address)");
  });

  test("localhost names the rule for the name, and says a rule for 127.0.0.1 would not do", () => {
    expect(verdict("http://localhost:18500/x", PUBLIC, {}, true)).toBe(
      "network policy refuses localhost (loopback name); to allow it, start woma with --allow-net localhost:18500 (a rule for 127.0.0.1 does not cover the name localhost)",
    );
  });

  test("the rule each hint names does admit the request; a deny rule or a bad scheme gets no hint", () => {
    expect(verdict("http://127.0.0.1:18500/", policy("public", ["127.0.0.1:18500"]))).toEqual(["127.0.0.1"]);
    expect(verdict("http://localhost:18500/", policy("public", ["localhost:18500"]), { localhost: ["127.0.0.1"] })).toEqual(["127.0.0.1"]);
    expect(verdict("http://10.0.0.1:8080/", PUBLIC, {}, true)).toContain("--allow-net 10.0.0.1:8080");
    expect(verdict("https://pypi.org/", policy("off"), {}, true)).toBe("network policy refuses pypi.org (--net off); to allow it, start woma with --allow-net pypi.org:443");
    expect(verdict("http://evil.example/", policy("all", [], ["evil.example"]), {}, true)).toBe("network policy refuses evil.example (--deny-net evil.example)");
    expect(verdict("file:///etc/passwd", PUBLIC, {}, true)).toBe("network policy refuses file: URL (only http: and https: are allowed)");
  });
});

describe("URL hygiene, in every mode", () => {
  test("only http: and https: are allowed", () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/", "gopher://example.com/", "data:text/plain,hi", "ws://example.com/"]) {
      expect(verdict(url, policy("all"))).toBe(`network policy refuses ${new URL(url).protocol} URL (only http: and https: are allowed)`);
    }
  });

  test("a user name or password in the URL is refused, without echoing it", () => {
    const message = verdict("http://169.254.169.254@evil.example/", policy("all"));
    expect(message).toBe("network policy refuses evil.example: a URL with a user name or password (credentials in URL)");
    expect(verdict("https://user:secret@example.com/", policy("all"))).not.toContain("secret");
  });

  test("a URL that does not parse is an invalid request, not a refusal", () => {
    try {
      checkUrl("http://[::1/", PUBLIC);
      throw new Error("expected a NetError");
    } catch (error) {
      expect(error).toBeInstanceOf(NetError);
      expect((error as NetError).kind).toBe("invalid");
    }
  });

  test("a refusal is a NetRefusedError carrying host, address and rule as data", () => {
    try {
      checkAddresses(checkUrl("http://169.254.169.254/", PUBLIC), ["169.254.169.254"], PUBLIC);
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(NetRefusedError);
      expect((error as NetRefusedError).toJSON()).toEqual({ kind: "refused", message: "network policy refuses 169.254.169.254 (link-local); to allow it, start woma with --allow-net 169.254.169.254:80", host: "169.254.169.254", address: "169.254.169.254", rule: "link-local" });
    }
  });
});

describe("modes", () => {
  test("--net off refuses everything, names before any DNS query", () => {
    const off = policy("off");
    expect(verdict("https://example.com/", off)).toBe("network policy refuses example.com (--net off)");
    expect(verdict("http://8.8.8.8/", off)).toBe("network policy refuses 8.8.8.8 (--net off)");
    expect(verdict("http://127.0.0.1/", off)).toBe("network policy refuses 127.0.0.1 (--net off)");
  });

  test("--net all allows loopback and private addresses", () => {
    expect(verdict("http://127.0.0.1:8080/", policy("all"))).toEqual(["127.0.0.1"]);
    expect(verdict("http://localhost/", policy("all"), { localhost: ["127.0.0.1", "::1"] })).toEqual(["127.0.0.1", "::1"]);
  });
});

describe("--allow-net and --deny-net", () => {
  test("an address with a port allows that port only", () => {
    const p = policy("public", ["127.0.0.1:8080"]);
    expect(verdict("http://127.0.0.1:8080/x", p)).toEqual(["127.0.0.1"]);
    expect(verdict("http://127.0.0.1:8081/", p)).toBe("network policy refuses 127.0.0.1 (loopback)");
  });

  test("an address without a port allows every port; [IPv6]:port works", () => {
    expect(verdict("https://127.0.0.1:9/", policy("public", ["127.0.0.1"]))).toEqual(["127.0.0.1"]);
    expect(verdict("http://[::1]:8080/", policy("public", ["[::1]:8080"]))).toEqual(["::1"]);
    expect(verdict("http://[::1]:8080/", policy("public", ["::1"]))).toEqual(["::1"]);
  });

  test("a named host is allowed whatever it resolves to", () => {
    const p = policy("public", ["test.woma.local"]);
    expect(verdict("https://test.woma.local:8443/", p, { "test.woma.local": ["127.0.0.1"] })).toEqual(["127.0.0.1"]);
    expect(verdict("https://other.woma.local/", p, { "other.woma.local": ["127.0.0.1"] })).toBe("network policy refuses other.woma.local at 127.0.0.1 (loopback)");
  });

  test("*.domain names the subdomains, not the domain itself", () => {
    const p = policy("public", ["*.woma.local"]);
    const dns = { "a.woma.local": ["10.0.0.1"], "b.c.woma.local": ["10.0.0.2"], "woma.local": ["10.0.0.3"] };
    expect(verdict("http://a.woma.local/", p, dns)).toEqual(["10.0.0.1"]);
    expect(verdict("http://b.c.woma.local/", p, dns)).toEqual(["10.0.0.2"]);
    expect(verdict("http://woma.local/", p, dns)).toBe("network policy refuses woma.local at 10.0.0.3 (private)");
  });

  test("a CIDR allows the addresses inside it", () => {
    const p = policy("public", ["10.0.0.0/8"]);
    expect(verdict("http://db.corp.example/", p, { "db.corp.example": ["10.2.3.4"] })).toEqual(["10.2.3.4"]);
    expect(verdict("http://db.corp.example/", p, { "db.corp.example": ["192.168.0.1"] })).toBe("network policy refuses db.corp.example at 192.168.0.1 (private)");
  });

  test("an allowed name overrides the localhost name rule", () => {
    expect(verdict("http://localhost:8080/", policy("public", ["localhost:8080"]), { localhost: ["127.0.0.1"] })).toEqual(["127.0.0.1"]);
  });

  test("under --net off, the allowlist is the only way out", () => {
    const p = policy("off", ["api.example.com", "127.0.0.1:8080"]);
    expect(verdict("https://api.example.com/", p, { "api.example.com": ["93.184.215.14"] })).toEqual(["93.184.215.14"]);
    expect(verdict("http://127.0.0.1:8080/", p)).toEqual(["127.0.0.1"]);
    expect(verdict("https://example.org/", p, { "example.org": ["93.184.215.15"] })).toBe("network policy refuses example.org at 93.184.215.15 (--net off)");
  });

  test("a deny rule wins over an allow rule for the same address", () => {
    expect(verdict("http://127.0.0.1:8080/", policy("public", ["127.0.0.1"], ["127.0.0.1"]))).toBe("network policy refuses 127.0.0.1 (--deny-net 127.0.0.1)");
  });

  test("a deny rule wins over --net all, by name and by domain", () => {
    const p = policy("all", [], ["evil.example", "*.tracker.example"]);
    expect(verdict("https://evil.example/", p)).toBe("network policy refuses evil.example (--deny-net evil.example)");
    expect(verdict("https://a.tracker.example/", p)).toBe("network policy refuses a.tracker.example (--deny-net *.tracker.example)");
  });

  test("a deny rule for an IPv4 address also catches it written inside IPv6", () => {
    const p = policy("all", [], ["169.254.169.254"]);
    expect(verdict("http://[::ffff:169.254.169.254]/", p)).toBe("network policy refuses ::ffff:a9fe:a9fe (--deny-net 169.254.169.254)");
    expect(verdict("http://[64:ff9b::a9fe:a9fe]/", p)).toBe("network policy refuses 64:ff9b::a9fe:a9fe (--deny-net 169.254.169.254)");
    expect(verdict("http://meta.example/", p, { "meta.example": ["169.254.169.254"] })).toBe("network policy refuses meta.example at 169.254.169.254 (--deny-net 169.254.169.254)");
  });

  test("a deny rule for a name catches it with any number of trailing dots", () => {
    const p = policy("all", [], ["name", "*.woma.test"]);
    for (const url of ["http://name/", "http://name./", "http://name../", "http://NAME.../", "http://n%61me../", "http://a.woma.test../"]) {
      expect(verdict(url, p, { name: ["127.0.0.1"], "a.woma.test": ["127.0.0.1"] })).toMatch(/^network policy refuses (name|a\.woma\.test) \(--deny-net (name|\*\.woma\.test)\)$/);
    }
  });

  test("a deny rule for 127.0.0.1 also catches the unspecified addresses, which reach the machine itself", () => {
    for (const p of [policy("all", [], ["127.0.0.1"]), policy("public", ["0.0.0.0/0", "::/0"], ["127.0.0.1"])]) {
      expect(verdict("http://0.0.0.0/", p)).toBe("network policy refuses 0.0.0.0 (--deny-net 127.0.0.1)");
      expect(verdict("http://0/", p)).toBe("network policy refuses 0.0.0.0 (--deny-net 127.0.0.1)");
      expect(verdict("http://[::]/", p)).toBe("network policy refuses :: (--deny-net 127.0.0.1)");
      expect(verdict("http://[::ffff:0.0.0.0]/", p)).toBe("network policy refuses ::ffff:0:0 (--deny-net 127.0.0.1)");
      expect(verdict("http://zero.example/", p, { "zero.example": ["0.0.0.0"] })).toBe("network policy refuses zero.example at 0.0.0.0 (--deny-net 127.0.0.1)");
    }
    expect(verdict("http://[::]/", policy("all", [], ["::1"]))).toBe("network policy refuses :: (--deny-net ::1)");
  });

  test("a deny rule on a resolved address beats an allowed name", () => {
    const p = policy("public", ["test.woma.local"], ["127.0.0.0/8"]);
    expect(verdict("http://test.woma.local/", p, { "test.woma.local": ["127.0.0.1"] })).toBe("network policy refuses test.woma.local at 127.0.0.1 (--deny-net 127.0.0.0/8)");
  });

  test("rules and URLs compare in canonical form (case, trailing dot, IDN, IPv6 spelling)", () => {
    const p = policy("public", ["API.Example.COM.", "bücher.example", "[0:0:0:0:0:0:0:1]:80"]);
    expect(verdict("http://api.example.com/", p, { "api.example.com": ["10.0.0.1"] })).toEqual(["10.0.0.1"]);
    expect(verdict("http://xn--bcher-kva.example/", p, { "xn--bcher-kva.example": ["10.0.0.1"] })).toEqual(["10.0.0.1"]);
    expect(verdict("http://[::1]/", p)).toEqual(["::1"]);
  });
});

describe("parsing the flags", () => {
  test("entries are comma-separated and the flag may repeat", () => {
    const rules = parseNetRules(["a.example, *.b.example:443", "10.0.0.0/8,[::1]:8080,,"], "--allow-net");
    expect(rules).toEqual([
      { kind: "host", text: "a.example", host: "a.example" },
      { kind: "domain", text: "*.b.example:443", suffix: "b.example", port: 443 },
      { kind: "cidr", text: "10.0.0.0/8", network: "10.0.0.0", prefix: 8 },
      { kind: "cidr", text: "[::1]:8080", network: "::1", prefix: 128, port: 8080 },
    ]);
  });

  test("a bad entry is an error that names the flag and the entry", () => {
    const bad: [string, RegExp][] = [
      ["*", /--allow-net "\*": .*--net all/],
      ["a*b.example", /--allow-net "a\*b.example": \* is allowed only/],
      ["example.com:99999", /port must be 1-65535/],
      ["example.com:http", /port must be 1-65535/],
      ["10.0.0.0/33", /expected an address range/],
      ["exa mple.com", /not a valid host name/],
      ["::1:8080:zz", /expected an IPv6 address/],
    ];
    for (const [entry, message] of bad) expect(() => parseNetRules([entry], "--allow-net")).toThrow(message);
    expect(() => parseNetPolicy("sometimes" as NetMode)).toThrow(/--net must be one of off, public, all/);
  });

  test("the policy reads back in one line", () => {
    expect(describeNetPolicy(policy("public", ["127.0.0.1:8080", "*.woma.local"], ["evil.example"]))).toBe("public, allow 127.0.0.1:8080,*.woma.local, deny evil.example");
  });
});
