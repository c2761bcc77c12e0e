/** The network flags as a user types them: repeatable, comma-separated, checked at start-up. */
import { expect, test } from "bun:test";
import { daemonOptionsFor } from "../harness/cli-options.ts";

const optionsFor = daemonOptionsFor;

test("by default the network is public, with no rules, 64 MiB per response and no extra CA", () => {
  const options = optionsFor([]);
  expect(options.network).toEqual({ mode: "public", allow: [], deny: [] });
  expect(options.maxResponseBytes).toBe(64 * 1024 * 1024);
  expect(options.caFile).toBeUndefined();
});

test("--allow-net and --deny-net repeat and take comma-separated lists", () => {
  const options = optionsFor(["--net", "off", "--allow-net", "127.0.0.1:8080,*.woma.local", "--allow-net", "[::1]:8443", "--deny-net", "evil.example", "--max-response-bytes", "1048576"]);
  expect(options.network.mode).toBe("off");
  expect(options.network.allow.map((rule) => rule.text)).toEqual(["127.0.0.1:8080", "*.woma.local", "[::1]:8443"]);
  expect(options.network.deny.map((rule) => rule.text)).toEqual(["evil.example"]);
  expect(options.maxResponseBytes).toBe(1048576);
});

test("a bad rule, mode, size or CA file stops start-up with a message naming it", () => {
  expect(() => optionsFor(["--allow-net", "10.0.0.0/40"])).toThrow(/--allow-net "10.0.0.0\/40"/);
  expect(() => optionsFor(["--net", "sometimes"])).toThrow(/net/);
  expect(() => optionsFor(["--max-response-bytes", "0"])).toThrow(/--max-response-bytes must be a whole number of at least 1/);
  expect(() => optionsFor(["--ca-file", "/nonexistent/ca.pem"])).toThrow("--ca-file /nonexistent/ca.pem cannot be read");
});
