/** The REST bridge's body reading and `POST /python` field checks: what each kind of bad input gets, without a daemon. */
import { describe, expect, test } from "bun:test";
import { parsePythonRequest, PYTHON_BODY_EXAMPLE } from "../../clients/rest/python-request.ts";
import { readBodyBytes, readJsonObject } from "../../clients/rest/request-body.ts";
import { RestError } from "../../clients/rest/rest-errors.ts";

const defaults = { resetGlobals: false, maxTimeoutMs: 30_000 };

function post(body: string | Uint8Array | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}): Request {
  return new Request("http://bridge.test/python", { method: "POST", body, headers });
}

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<RestError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error("expected a RestError, got success");
}

describe("reading the body", () => {
  test("a JSON object is returned as it was sent", async () => {
    expect(await readJsonObject(post('{"code": "1+1", "extra": [1]}'), 1000, PYTHON_BODY_EXAMPLE)).toEqual({ code: "1+1", extra: [1] });
  });

  test("a declared Content-Length over the limit is a 413 naming the limit and the length, before reading", async () => {
    const error = await failure(readBodyBytes(post("x".repeat(50), { "Content-Length": "50" }), 10));
    expect(error.status).toBe(413);
    expect(error.message).toBe("request body too large: the limit is 10 bytes (--max-body), got Content-Length 50");
  });

  test("a streamed body (no Content-Length) is cut off as soon as it passes the limit", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(8).fill(120));
        if (pulled > 100) controller.close();
      },
    });
    const error = await failure(readBodyBytes(post(stream), 20));
    expect(error.status).toBe(413);
    expect(error.message).toBe("request body too large: the limit is 20 bytes (--max-body), got more than 20 bytes");
    expect(pulled).toBeLessThan(10);
  });

  test("a body exactly at the limit is accepted", async () => {
    expect((await readBodyBytes(post("y".repeat(20)), 20)).byteLength).toBe(20);
  });

  test.each([
    ["an empty body", "", `request body is empty; expected a JSON object like ${PYTHON_BODY_EXAMPLE}`],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), "request body is not valid UTF-8"],
    ["text that is not JSON", "code=1+1", "request body is not valid JSON ("],
    ["a JSON array", '[{"code": "1"}]', "request body must be a JSON object like {\"code\": \"1+1\"}, got an array"],
    ["a JSON string", '"1+1"', 'got the string "1+1"'],
    ["a JSON number", "5", "got the number 5"],
    ["JSON null", "null", "got null"],
  ] as const)("%s is a 400 saying what was wrong", async (_what, body, message) => {
    const error = await failure(readJsonObject(post(body as string | Uint8Array), 1000, PYTHON_BODY_EXAMPLE));
    expect(error.status).toBe(400);
    expect(error.message).toContain(message);
    expect(error.body()).toEqual({ status: "error", error: error.message });
  });
});

describe("the fields of POST /python", () => {
  test("code alone takes the server's defaults", () => {
    expect(parsePythonRequest({ code: "x = 2; x" }, defaults)).toEqual({ code: "x = 2; x", resetGlobals: false, timeoutMs: 30_000 });
    expect(parsePythonRequest({ code: "" }, { resetGlobals: true, maxTimeoutMs: 0 })).toEqual({ code: "", resetGlobals: true, timeoutMs: 0 });
  });

  test("reset_globals in the body wins over the server's flag, either way", () => {
    expect(parsePythonRequest({ code: "1", reset_globals: false }, { ...defaults, resetGlobals: true }).resetGlobals).toBe(false);
    expect(parsePythonRequest({ code: "1", reset_globals: true }, defaults).resetGlobals).toBe(true);
  });

  test("timeout_ms under the cap applies as given (rounded up); above it the cap applies and the ask is kept", () => {
    expect(parsePythonRequest({ code: "1", timeout_ms: 250.2 }, defaults)).toMatchObject({ timeoutMs: 251 });
    const capped = parsePythonRequest({ code: "1", timeout_ms: 60_000 }, defaults);
    expect(capped.timeoutMs).toBe(30_000);
    expect(capped.cappedFrom).toBe(60_000);
    expect(parsePythonRequest({ code: "1", timeout_ms: 0 }, defaults).timeoutMs).toBe(30_000);
    expect(parsePythonRequest({ code: "1", timeout_ms: 999_999 }, { ...defaults, maxTimeoutMs: 0 }).timeoutMs).toBe(999_999);
  });

  test("session names follow the daemon's rule; unknown fields and nulls are ignored", () => {
    expect(parsePythonRequest({ code: "1", session: "user-7:notebook_1.a" }, defaults).session).toBe("user-7:notebook_1.a");
    expect(parsePythonRequest({ code: "1", session: null, reset_globals: null, timeout_ms: null, language: "python" }, defaults)).toEqual({
      code: "1",
      resetGlobals: false,
      timeoutMs: 30_000,
    });
  });

  test.each([
    ["no code", {}, `missing "code": expected a JSON object like ${PYTHON_BODY_EXAMPLE}`],
    ["code null", { code: null }, 'missing "code"'],
    ["code as a number (it killed the original tool)", { code: 5 }, '"code" must be a string of Python source, got the number 5'],
    ["code as an array", { code: ["1"] }, '"code" must be a string of Python source, got an array'],
    ["code as an object", { code: { src: "1" } }, "got an object"],
    ["reset_globals as a string", { code: "1", reset_globals: "yes" }, '"reset_globals" must be true or false, got the string "yes"'],
    ["a session name with a space", { code: "1", session: "a b" }, '"session" must be a name of 1 to 128 letters'],
    ["an empty session name", { code: "1", session: "" }, '"session" must be a name'],
    ["a session name of 129 characters", { code: "1", session: "s".repeat(129) }, "got a string"],
    ["timeout_ms negative", { code: "1", timeout_ms: -1 }, '"timeout_ms" must be a number of milliseconds, 0 or more, got the number -1'],
    ["timeout_ms as a string", { code: "1", timeout_ms: "100" }, 'got the string "100"'],
  ] as const)("%s is a 400 naming the field", async (_what, body, message) => {
    const error = await failure(() => parsePythonRequest(body as Record<string, unknown>, defaults));
    expect(error.status).toBe(400);
    expect(error.message).toContain(message);
  });
});
