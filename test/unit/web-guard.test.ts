/** The web guard both HTTP servers share: loopback names, the Host, Origin and Content-Type checks, CORS headers, the flags, and the bearer token. */
import { describe, expect, test } from "bun:test";
import { checkBearerToken } from "../../clients/web/bearer-token.ts";
import {
  canonicalHost,
  corsHeaders,
  guardNotes,
  isLoopback,
  isWildcardAddress,
  originAllowed,
  preflightHeaders,
  refuseContentType,
  refuseHost,
  refuseOrigin,
  webGuardFrom,
  type CorsAllowance,
  type WebGuard,
} from "../../clients/web/web-guard.ts";

const ALLOWANCE: CorsAllowance = { methods: "GET, POST, OPTIONS", requestHeaders: "Content-Type, Authorization" };

/** A request as Bun.serve hands it over: the URL built from the Host, and the Host header itself. */
function request(headers: Record<string, string> = {}, method = "POST"): Request {
  return new Request("http://127.0.0.1:8000/python", { method, headers: { Host: "127.0.0.1:8000", ...headers } });
}

/** The default guard: loopback only, no token. */
const closed: WebGuard = webGuardFrom({ listenHost: "127.0.0.1", tokenRequired: false });

describe("isLoopback", () => {
  test.each(["localhost", "LOCALHOST", "LocalHost:8000", "127.0.0.1", "127.1.2.3", "127.0.0.1:80", "127.1", "::1", "[::1]", "[::1]:8000", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]", "::ffff:127.0.0.1", "[::FFFF:7f00:1]"])(
    "%s is loopback",
    (host) => expect(isLoopback(host)).toBe(true),
  );

  test.each(["0.0.0.0", "::", "[::]", "192.168.1.5", "10.0.0.1", "128.0.0.1", "example.com", "localhost.example.com", "evil.localhost", "localhost@evil.example", "127.0.0.1/x", "", "::ffff:10.0.0.1", "::2"])(
    "%p is not loopback",
    (host) => expect(isLoopback(host)).toBe(false),
  );

  test("names are spelled as a URL spells them, ports dropped", () => {
    expect(canonicalHost("App.Example:8443")).toBe("app.example");
    expect(canonicalHost("fd00::1")).toBe("[fd00::1]");
    expect(canonicalHost("user@host")).toBeUndefined();
    expect(isWildcardAddress("0.0.0.0")).toBe(true);
    expect(isWildcardAddress("::")).toBe(true);
    expect(isWildcardAddress("0:0:0:0:0:0:0:0")).toBe(true);
    expect(isWildcardAddress("127.0.0.1")).toBe(false);
  });
});

describe("the Host check", () => {
  test("loopback names pass in any case and spelling", () => {
    for (const host of ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "[0:0:0:0:0:0:0:1]:8000"]) expect(refuseHost(closed, request({ Host: host }))).toBeUndefined();
  });

  test("a rebinding name is a 403 that names --allow-host with the name", () => {
    const refusal = refuseHost(closed, request({ Host: "Evil.Example:8000" }));
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toStartWith('Host "Evil.Example:8000" refused: this server answers only to localhost, 127.0.0.1, [::1]');
    expect(refusal?.message).toEndWith("start the server with --allow-host evil.example");
  });

  test("a Host that is no name at all is refused, and so is a request without one", () => {
    expect(refuseHost(closed, request({ Host: "localhost@evil.example" }))?.status).toBe(403);
    // Bun.serve hands over a request without a Host (HTTP/1.0) with a bare path as its URL.
    const bare = { headers: new Headers(), url: "/python" } as unknown as Request;
    expect(refuseHost(closed, bare)?.message).toStartWith("a request without a Host header refused");
  });

  test("--host and --allow-host add names; '*' accepts any; a wildcard --host adds none", () => {
    const named = webGuardFrom({ listenHost: "Box.Lan", allowHosts: ["woma.example,192.168.1.5", "fd00::1"], tokenRequired: false });
    expect(named.hosts).toEqual(["box.lan", "woma.example", "192.168.1.5", "[fd00::1]"]);
    for (const host of ["box.lan:8000", "WOMA.example", "192.168.1.5:8000", "[fd00::1]:8000", "localhost"]) expect(refuseHost(named, request({ Host: host }))).toBeUndefined();
    expect(refuseHost(named, request({ Host: "evil.example" }))?.message).toContain("answers only to localhost, 127.0.0.1, [::1], box.lan, woma.example, 192.168.1.5, [fd00::1]");
    expect(refuseHost(webGuardFrom({ listenHost: "127.0.0.1", allowHosts: ["*"], tokenRequired: false }), request({ Host: "anything.example" }))).toBeUndefined();
    expect(webGuardFrom({ listenHost: "0.0.0.0", tokenRequired: true }).hosts).toEqual([]);
    expect(webGuardFrom({ listenHost: "::", tokenRequired: true }).hosts).toEqual([]);
    expect(webGuardFrom({ listenHost: "LOCALHOST", tokenRequired: false }).hosts).toEqual([]);
  });

  test("--host LOCALHOST keeps the check (the old MCP check turned it off)", () => {
    const guard = webGuardFrom({ listenHost: "LOCALHOST", tokenRequired: false });
    expect(refuseHost(guard, request({ Host: "evil.example:8000" }))?.status).toBe(403);
    expect(refuseHost(guard, request({ Host: "localhost:8000" }))).toBeUndefined();
  });

  test.each(["myhost:8000", "[fd00::1]:80", "http://myhost", "myhost/app", "a b"])("--allow-host %p is refused with the value named", (value) => {
    expect(() => webGuardFrom({ listenHost: "127.0.0.1", allowHosts: [value], tokenRequired: false })).toThrow(`--allow-host must be a host name or address`);
    expect(() => webGuardFrom({ listenHost: "127.0.0.1", allowHosts: [value], tokenRequired: false })).toThrow(`got "${value}"`);
  });
});

describe("the Origin check", () => {
  test("no Origin (curl, scripts, SDKs) passes", () => {
    expect(refuseOrigin(closed, request())).toBeUndefined();
  });

  test.each(["http://localhost:3000", "http://127.0.0.1:5173", "http://[::1]:8080", "https://localhost", "http://LOCALHOST:3000"])("loopback origin %s passes", (origin) => {
    expect(refuseOrigin(closed, request({ Origin: origin }))).toBeUndefined();
  });

  test.each(["https://evil.example", "http://evil.test:8000", "null", "http://localhost.evil.example", "http://evil.localhost:3000", "file://", "chrome-extension://abcdef"])(
    "without a token, origin %s is a 403 naming --cors-origin and --token",
    (origin) => {
      const refusal = refuseOrigin(closed, request({ Origin: origin }));
      expect(refusal?.status).toBe(403);
      expect(refusal?.message).toStartWith(`Origin ${JSON.stringify(origin)} refused: only loopback origins may call this server; allow this one with --cors-origin`);
      expect(refusal?.message).toContain("--token");
    },
  );

  test("--cors-origin adds exactly the origins named, spelled as browsers send them", () => {
    const guard = webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["https://App.example:443,http://b.example:8080"], tokenRequired: false });
    expect(guard.origins).toEqual({ kind: "listed", origins: ["https://app.example", "http://b.example:8080"] });
    expect(originAllowed(guard, "https://app.example")).toBe(true);
    expect(originAllowed(guard, "http://b.example:8080")).toBe(true);
    expect(originAllowed(guard, "http://app.example")).toBe(false);
    expect(originAllowed(guard, "https://app.example:8443")).toBe(false);
    expect(originAllowed(guard, "https://other.example")).toBe(false);
    expect(refuseOrigin(guard, request({ Origin: "https://other.example" }))?.message).toContain("only loopback origins and https://app.example, http://b.example:8080 may call");
  });

  test("a token, or '*', lets any origin call; a token with --cors-origin keeps the list", () => {
    expect(webGuardFrom({ listenHost: "127.0.0.1", tokenRequired: true }).origins).toEqual({ kind: "any" });
    expect(webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["*"], tokenRequired: false }).origins).toEqual({ kind: "any" });
    const listed = webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["https://app.example"], tokenRequired: true });
    expect(listed.origins).toEqual({ kind: "listed", origins: ["https://app.example"] });
    const refusal = refuseOrigin(listed, request({ Origin: "https://evil.example" }));
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).not.toContain("--token");
  });

  test("malformed --cors-origin values are refused with the value named", () => {
    expect(() => webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["https://a.example/app"], tokenRequired: false })).toThrow('got "https://a.example/app"');
    expect(() => webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["ftp://a.example"], tokenRequired: false })).toThrow('got "ftp://a.example"');
    expect(() => webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["none", "https://a.example"], tokenRequired: false })).toThrow("cannot be combined");
  });
});

describe("the Content-Type check", () => {
  test.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", " application/json "])("%p passes", (type) => {
    expect(refuseContentType(request({ "Content-Type": type }))).toBeUndefined();
  });

  test.each(["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", "application/json-seq"])(
    "%p is a 415 that says what to send",
    (type) => {
      const refusal = refuseContentType(request({ "Content-Type": type }));
      expect(refusal?.status).toBe(415);
      expect(refusal?.message).toStartWith(`Content-Type ${JSON.stringify(type)}: send the body as JSON with the header Content-Type: application/json`);
    },
  );

  test("no Content-Type is a 415 too", () => {
    const bare = new Request("http://127.0.0.1:8000/python", { method: "POST", body: new Uint8Array([123, 125]) });
    expect(bare.headers.get("content-type")).toBeNull();
    expect(refuseContentType(bare)?.message).toStartWith("no Content-Type: send the body as JSON");
  });
});

describe("CORS headers", () => {
  test("without a token, a loopback origin is echoed with Vary; a foreign one gets no Access-Control header", () => {
    expect(corsHeaders(closed, request({ Origin: "http://localhost:3000" }), ALLOWANCE)).toEqual({ Vary: "Origin", "Access-Control-Allow-Origin": "http://localhost:3000" });
    expect(corsHeaders(closed, request({ Origin: "https://evil.example" }), ALLOWANCE)).toEqual({ Vary: "Origin" });
    expect(corsHeaders(closed, request(), ALLOWANCE)).toEqual({ Vary: "Origin" });
  });

  test("with any origin allowed, every answer says * (the original tool's CORS), with the exposed headers", () => {
    const open = webGuardFrom({ listenHost: "127.0.0.1", tokenRequired: true });
    expect(corsHeaders(open, request({ Origin: "https://anywhere.example" }), ALLOWANCE)).toEqual({ "Access-Control-Allow-Origin": "*" });
    expect(corsHeaders(open, request(), { ...ALLOWANCE, exposedHeaders: "Mcp-Session-Id" })).toEqual({ "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Mcp-Session-Id" });
  });

  test("--cors-origin none sends no CORS header, even to loopback origins, and still refuses foreign ones", () => {
    const none = webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["none"], tokenRequired: false });
    expect(corsHeaders(none, request({ Origin: "http://localhost:3000" }), ALLOWANCE)).toEqual({});
    expect(refuseOrigin(none, request({ Origin: "http://localhost:3000" }))).toBeUndefined();
    expect(refuseOrigin(none, request({ Origin: "https://a.example" }))?.status).toBe(403);
  });

  test("a preflight from an allowed origin gets the methods, headers and max age; a refused one gets none", () => {
    const allowed = preflightHeaders(closed, request({ Origin: "http://127.0.0.1:5173" }, "OPTIONS"), { ...ALLOWANCE, exposedHeaders: "X" });
    expect(allowed).toEqual({
      Vary: "Origin",
      "Access-Control-Allow-Origin": "http://127.0.0.1:5173",
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type, Authorization",
      "Access-Control-Max-Age": "600",
    });
    expect(preflightHeaders(closed, request({ Origin: "https://evil.example" }, "OPTIONS"), ALLOWANCE)).toEqual({ Vary: "Origin" });
  });
});

describe("start-up notes", () => {
  test("an open CORS without a token is a warning; a token silences it", () => {
    expect(guardNotes(webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["*"], tokenRequired: false }), "127.0.0.1")).toEqual([
      "warning: --cors-origin '*' without a token: any web page open in a browser on this machine can run Python here.",
    ]);
    expect(guardNotes(webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["*"], tokenRequired: true }), "127.0.0.1")).toEqual([]);
    expect(guardNotes(closed, "127.0.0.1")).toEqual([]);
  });

  test("beyond loopback without a token is a warning", () => {
    expect(guardNotes(webGuardFrom({ listenHost: "192.168.1.5", tokenRequired: false }), "192.168.1.5")).toEqual([
      "warning: listening on 192.168.1.5 without a token: anyone who can reach this port can run Python here. Set --token or WOMA_TOKEN.",
    ]);
    expect(guardNotes(webGuardFrom({ listenHost: "192.168.1.5", tokenRequired: true }), "192.168.1.5")).toEqual([]);
    expect(guardNotes(webGuardFrom({ listenHost: "::1", tokenRequired: false }), "::1")).toEqual([]);
  });

  test("every interface with no --allow-host says which names are answered", () => {
    expect(guardNotes(webGuardFrom({ listenHost: "0.0.0.0", tokenRequired: true }), "0.0.0.0")).toEqual([
      "listening on 0.0.0.0, but requests must name this server localhost, 127.0.0.1 or [::1]; add the names clients use with --allow-host NAME.",
    ]);
    expect(guardNotes(webGuardFrom({ listenHost: "0.0.0.0", allowHosts: ["box.lan"], tokenRequired: true }), "0.0.0.0")).toEqual([]);
  });
});

describe("the bearer token", () => {
  const withAuth = (value?: string) => request(value === undefined ? {} : { Authorization: value });

  test("without a configured token every request passes", () => {
    expect(checkBearerToken(undefined, withAuth())).toBeUndefined();
  });

  test("the right token passes, in any case of 'Bearer'", () => {
    expect(checkBearerToken("t0k3n", withAuth("Bearer t0k3n"))).toBeUndefined();
    expect(checkBearerToken("t0k3n", withAuth("bearer t0k3n"))).toBeUndefined();
  });

  test.each([
    ["no header", undefined, "missing token"],
    ["a wrong token", "Bearer nope", "wrong token"],
    ["a prefix of the token", "Bearer t0k", "wrong token"],
    ["another scheme", "Basic dXNlcjpwYXNz", "malformed Authorization header"],
    ["the token without a scheme", "t0k3n", "malformed Authorization header"],
  ] as const)("%s is a 401 with a Bearer challenge", (_what, header, message) => {
    const denied = checkBearerToken("t0k3n", withAuth(header));
    expect(denied?.status).toBe(401);
    expect(denied?.message).toContain(message);
    expect(denied?.message).not.toContain("t0k3n");
    expect(denied?.headers["WWW-Authenticate"]).toBe('Bearer realm="woma"');
  });
});
