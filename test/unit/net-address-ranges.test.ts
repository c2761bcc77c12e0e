/** Address classification: every special range `--net public` refuses, and IPv4 hidden inside IPv6. */
import { describe, expect, test } from "bun:test";
import { classifyAddress, type AddressRange } from "../../daemon/net/address-ranges.ts";

const cases: [string, AddressRange][] = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["10.1.2.3", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "carrier-grade NAT"],
  ["100.100.100.200", "carrier-grade NAT"], // Alibaba Cloud metadata
  ["169.254.169.254", "link-local"], // AWS, GCP and Azure metadata
  ["169.254.170.2", "link-local"], // ECS task credentials
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["192.0.0.192", "reserved"], // Oracle Cloud metadata
  ["198.18.0.1", "reserved"],
  ["192.0.2.1", "reserved"],
  ["203.0.113.9", "reserved"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["::", "unspecified"],
  ["fd00:ec2::254", "unique-local"], // AWS metadata over IPv6
  ["fc00::1", "unique-local"],
  ["fe80::1", "link-local"],
  ["ff02::1", "multicast"],
  ["fec0::1", "site-local"],
  ["2001:db8::1", "reserved"],
  ["4000::1", "reserved"],
  ["64:ff9b:1::1", "NAT64 local-use"],
  ["8.8.8.8", "public"],
  ["1.1.1.1", "public"],
  ["172.32.0.1", "public"],
  ["2606:4700:4700::1111", "public"],
];

describe("classifyAddress", () => {
  for (const [address, range] of cases) {
    test(`${address} is ${range}`, () => {
      expect(classifyAddress(address).range).toBe(range);
    });
  }

  test("IPv4-mapped IPv6 is judged by its IPv4, and dialled as that IPv4", () => {
    expect(classifyAddress("::ffff:127.0.0.1")).toEqual({ address: "::ffff:7f00:1", range: "loopback", embedded: { form: "IPv4-mapped", ipv4: ["127.0.0.1"] }, connect: "127.0.0.1" });
    expect(classifyAddress("::ffff:a9fe:a9fe").range).toBe("link-local");
    expect(classifyAddress("::ffff:8.8.8.8")).toMatchObject({ range: "public", connect: "8.8.8.8" });
  });

  test("IPv4-compatible and IPv4-translated forms are decoded", () => {
    expect(classifyAddress("::127.0.0.1")).toMatchObject({ range: "loopback", embedded: { form: "IPv4-compatible", ipv4: ["127.0.0.1"] } });
    expect(classifyAddress("::ffff:0:10.0.0.1")).toMatchObject({ range: "private", embedded: { form: "IPv4-translated" } });
  });

  test("NAT64 64:ff9b::/96 is judged by the IPv4 it carries", () => {
    expect(classifyAddress("64:ff9b::169.254.169.254")).toMatchObject({ range: "link-local", embedded: { form: "NAT64", ipv4: ["169.254.169.254"] } });
    expect(classifyAddress("64:ff9b::7f00:1").range).toBe("loopback");
    expect(classifyAddress("64:ff9b::8.8.8.8").range).toBe("public");
  });

  test("6to4 2002::/16 is judged by the IPv4 in bits 16-47", () => {
    expect(classifyAddress("2002:7f00:1::1")).toMatchObject({ range: "loopback", embedded: { form: "6to4", ipv4: ["127.0.0.1"] } });
    expect(classifyAddress("2002:a9fe:a9fe::").range).toBe("link-local");
    expect(classifyAddress("2002:808:808::1").range).toBe("public");
  });

  test("Teredo 2001::/32 is judged by both its server IPv4 and its (inverted) client IPv4", () => {
    // Server 8.8.8.8, client 127.0.0.1 (stored inverted as 80ff:fffe).
    expect(classifyAddress("2001:0:808:808::80ff:fffe")).toMatchObject({ range: "loopback", embedded: { form: "Teredo", ipv4: ["8.8.8.8", "127.0.0.1"] } });
    // Server 10.0.0.1, client 8.8.8.8.
    expect(classifyAddress("2001:0:a00:1::f7f7:f7f7").range).toBe("private");
    expect(classifyAddress("2001:0:808:808::f7f7:f7f7").range).toBe("public");
  });

  test("addresses come back canonical, brackets accepted", () => {
    expect(classifyAddress("[0:0:0:0:0:0:0:1]").address).toBe("::1");
    expect(classifyAddress("FD00:EC2:0::254").address).toBe("fd00:ec2::254");
  });

  test("text that is not an address is a TypeError, including the loose IPv4 forms", () => {
    expect(() => classifyAddress("example.com")).toThrow(TypeError);
    expect(() => classifyAddress("0x7f.1")).toThrow(TypeError);
    expect(() => classifyAddress("2130706433")).toThrow(TypeError);
  });
});
