/** The Jupyter side of the kernel, in pieces: signed wire messages, history, help requests, connection files, what reaches the front end, and kernelspecs. */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConnectionInfo, readConnectionFile, writeConnectionFile } from "../../clients/jupyter/connection-file.ts";
import { globToRegExp, History } from "../../clients/jupyter/history.ts";
import { helpRequest, inspectionText, nextIndent } from "../../clients/jupyter/introspection.ts";
import { cellRequest } from "../../clients/jupyter/kernel.ts";
import { installKernel, kernelJson, listKernels, uninstallKernel } from "../../clients/jupyter/kernelspec.ts";
import { HeaderMaker } from "../../clients/jupyter/messages.ts";
import { droppedNote, frontEndBundle } from "../../clients/jupyter/output-policy.ts";
import { decodeMessage, encodeMessage, MessageSigner } from "../../clients/jupyter/wire-message.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("wire messages", () => {
  const headers = new HeaderMaker("me");
  const message = () => headers.message("kernel_info_request", {}, {});

  test("a signed message decodes with its identities; a header 5.3 would send has every field", () => {
    const signer = new MessageSigner("secret", "hmac-sha256");
    const sent = message();
    const decoded = decodeMessage(encodeMessage([bytes("peer")], sent, new MessageSigner("secret", "hmac-sha256")), signer);
    expect(typeof decoded !== "string" && decoded.message.header).toEqual(sent.header);
    expect(typeof decoded !== "string" && new TextDecoder().decode(decoded.identities[0])).toBe("peer");
    expect(Object.keys(sent.header).sort()).toEqual(["date", "msg_id", "msg_type", "session", "username", "version"]);
    expect(sent.header.version).toBe("5.3");
  });

  test("a wrong key, a changed byte, a missing delimiter, too few frames and a replay are refused, each named", () => {
    const signer = new MessageSigner("secret", "hmac-sha256");
    expect(decodeMessage(encodeMessage([], message(), new MessageSigner("other", "hmac-sha256")), signer)).toBe("its signature does not match the connection key");
    const frames = encodeMessage([], message(), signer);
    const tampered = frames.map((f) => f.slice());
    tampered[5] = bytes('{"changed": true}');
    expect(decodeMessage(tampered, signer)).toBe("its signature does not match the connection key");
    expect(decodeMessage(frames.slice(1), signer)).toBe("it has no <IDS|MSG> delimiter");
    expect(decodeMessage(frames.slice(0, 4), signer)).toBe("it has 3 frames after the delimiter; a signature and four JSON parts are needed");
    expect(typeof decodeMessage(frames, signer)).toBe("object");
    expect(decodeMessage(frames, signer)).toBe("its signature was used before (a replayed message)");
  });

  test("with an empty key nothing is signed or checked; JSON that is not an object, or a header without msg_type, is refused", () => {
    const open = new MessageSigner("", "hmac-sha256");
    const frames = encodeMessage([], message(), open);
    expect(new TextDecoder().decode(frames[1])).toBe("");
    expect(typeof decodeMessage(frames, open)).toBe("object");
    const broken = [...frames.slice(0, 5), bytes("[1]"), ...frames.slice(6)];
    expect(decodeMessage(broken, open)).toBe("its content is not a JSON object");
    const headless = [frames[0]!, frames[1]!, bytes('{"msg_id": "x", "session": "s"}'), ...frames.slice(3)];
    expect(decodeMessage(headless, open)).toBe("its header lacks msg_id, msg_type or session as strings");
    expect(() => new MessageSigner("k", "hmac-md5")).toThrow('signature_scheme "hmac-md5" is not supported; use "hmac-sha256"');
  });
});

describe("execute_request content", () => {
  test("defaults as the spec gives them; silent forces store_history off; bad fields are named", () => {
    expect(cellRequest({ code: "1" })).toEqual({ code: "1", silent: false, storeHistory: true, userExpressions: {}, allowStdin: false, stopOnError: true });
    expect(cellRequest({ code: "1", silent: true, store_history: true })).toMatchObject({ silent: true, storeHistory: false });
    expect(cellRequest({ code: 5 })).toBe('"code" must be a string, got 5');
    expect(cellRequest({ code: "", stop_on_error: "yes" })).toBe('"stop_on_error" must be true or false, got "yes"');
    expect(cellRequest({ code: "", user_expressions: { a: 1 } })).toBe('"user_expressions" must map names to code strings');
  });
});

describe("history", () => {
  const history = new History();
  for (const [line, input] of [[1, "1+2+3"], [2, "x = 1"], [3, "1+2+3"], [4, "print(12)"]] as const) history.add(line, input, input.startsWith("1") ? "6" : null);

  test("tail gives the last n in order; output adds the result text", () => {
    expect(history.query({ hist_access_type: "tail", n: 2, output: false, raw: true })).toEqual([[1, 3, "1+2+3"], [1, 4, "print(12)"]]);
    expect(history.query({ hist_access_type: "tail", n: 1, output: true, raw: true })).toEqual([[1, 4, ["print(12)", null]]]);
  });

  test("range takes lines [start, stop) of the current session (0 or 1); another session has nothing", () => {
    expect(history.query({ hist_access_type: "range", session: 0, start: 2, stop: 4, output: false, raw: true }).map((r) => r[1])).toEqual([2, 3]);
    expect(history.query({ hist_access_type: "range", session: 1, start: 4, output: false, raw: true }).map((r) => r[1])).toEqual([4]);
    expect(history.query({ hist_access_type: "range", session: -1, output: false, raw: true })).toEqual([]);
  });

  test("search is a glob over the whole input; unique keeps the last of each; n keeps the last n", () => {
    expect(history.query({ hist_access_type: "search", pattern: "1?2*", output: false, raw: true }).map((r) => r[1])).toEqual([1, 3]);
    expect(history.query({ hist_access_type: "search", pattern: "1?2*", unique: true, output: false, raw: true }).map((r) => r[1])).toEqual([3]);
    expect(history.query({ hist_access_type: "search", pattern: "*", n: 3, output: false, raw: true }).map((r) => r[1])).toEqual([2, 3, 4]);
    expect(globToRegExp("[^a]?.[xy]*").test("b+.y")).toBe(true);
    expect(globToRegExp("a.b").test("axb")).toBe(false);
  });
});

describe("help", () => {
  test("`name?`, `?name` and `name??` ask for help; code, `a ? b` and `??` alone do not", () => {
    expect(helpRequest("len?")).toEqual({ name: "len", detailLevel: 0 });
    expect(helpRequest("  ?os.path.join ")).toEqual({ name: "os.path.join", detailLevel: 0 });
    expect(helpRequest("zip??")).toEqual({ name: "zip", detailLevel: 1 });
    for (const code of ["len", "x = 1?", "??", "?len?", "1?"]) expect(helpRequest(code)).toBeUndefined();
  });

  test("the pager text has the signature, docstring and type; the indent follows the last line", () => {
    expect(inspectionText({ found: true, name: "len", signature: "(obj, /)", docstring: "Return the number.", type_name: "builtin_function_or_method" })).toBe(
      "Signature: len(obj, /)\nDocstring:\nReturn the number.\nType:      builtin_function_or_method",
    );
    expect(nextIndent("def f(x):")).toBe("    ");
    expect(nextIndent("def f(x):\n    if x:\n")).toBe("        ");
    expect(nextIndent("x = [1,\n     2,")).toBe("     ");
  });
});

describe("connection files", () => {
  test("a front end's file is read; each wrong field is named with what was found", () => {
    const good = { shell_port: 1, iopub_port: 2, stdin_port: 3, control_port: 4, hb_port: 5, ip: "127.0.0.1", key: "k", transport: "tcp", signature_scheme: "hmac-sha256", kernel_name: "woma" };
    expect(parseConnectionInfo(good, "f").ports).toEqual({ shell: 1, iopub: 2, stdin: 3, control: 4, hb: 5 });
    expect(() => parseConnectionInfo({ ...good, transport: "udp" }, "f")).toThrow('connection file f: "transport" must be "tcp" or "ipc", found "udp"');
    expect(() => parseConnectionInfo({ ...good, hb_port: 70000 }, "f")).toThrow('"hb_port" must be a whole number from 0 to 65535, found 70000');
    expect(() => parseConnectionInfo({ ...good, signature_scheme: "hmac-sha1" }, "f")).toThrow('"signature_scheme" must be "hmac-sha256"');
    expect(() => parseConnectionInfo([], "f")).toThrow("expected a JSON object, found []");
  });

  test("a missing file gives loopback, a 256-bit key and ports to pick; written back owner-only", () => {
    const dir = mkdtempSync(join(tmpdir(), "woma-conn-"));
    const path = join(dir, "kernel.json");
    const { info, created } = readConnectionFile(path);
    expect(created).toBe(true);
    expect([info.ip, info.key.length, Object.values(info.ports)]).toEqual(["127.0.0.1", 64, [0, 0, 0, 0, 0]]);
    writeConnectionFile(path, { ...info, ports: { shell: 10, iopub: 11, stdin: 12, control: 13, hb: 14 } });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readConnectionFile(path)).toMatchObject({ created: false, info: { key: info.key, ports: { hb: 14 } } });
    writeFileSync(path, "{not json");
    expect(() => readConnectionFile(path)).toThrow(`connection file ${path} cannot be read as JSON`);
  });
});

describe("what reaches the front end", () => {
  test("HTML is cleaned of script, handlers, active URLs and frames; tables, classes and styles stay", () => {
    const { data, dropped } = frontEndBundle({
      "text/plain": "p",
      "text/html": `<table class="dataframe"><tr style="text-align: right"><td>1</td></tr></table><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">a</a><iframe srcdoc="<script>alert(4)</script>"></iframe><svg onload=alert(5)></svg>`,
    });
    expect(dropped).toEqual([]);
    expect(data["text/html"]).toBe('<table class="dataframe"><tr style="text-align:right"><td>1</td></tr></table><img src="x" /><a rel="noopener noreferrer" target="_blank">a</a>');
    expect(data["text/plain"]).toBe("p");
  });

  test("JavaScript, widget and unknown types are left out; bitmaps, JSON and plain LaTeX, Markdown and SVG pass unchanged", () => {
    const inert = { "text/plain": "p", "image/png": "iVBOR", "application/json": "{}", "text/latex": "$x^2$", "text/markdown": "# T\n\n`a < b` and > quote, metadata: 1", "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' };
    expect(frontEndBundle({ ...inert, "application/javascript": "alert(1)", "application/vnd.jupyter.widget-view+json": "{}" })).toEqual({ data: inert, dropped: ["application/javascript", "application/vnd.jupyter.widget-view+json"] });
  });

  test("Markdown with raw HTML or an active link, SVG that can run script, and LaTeX with a javascript: link are left out", () => {
    for (const markdown of ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "[x](java\tscript:alert(1))", "[x](javascript&#58;alert(1))", "[x](data:text/html,<b>)"]) {
      expect(frontEndBundle({ "text/markdown": markdown }).dropped).toEqual(["text/markdown"]);
    }
    for (const svg of ['<svg onload="alert(1)"/>', "<svg><script>alert(1)</script></svg>", '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', '<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>', "<svg><foreignObject><p>x</p></foreignObject></svg>"]) {
      expect(frontEndBundle({ "image/svg+xml": svg }).dropped).toEqual(["image/svg+xml"]);
    }
    expect(frontEndBundle({ "text/latex": "\\href{javascript:alert(1)}{x}" }).dropped).toEqual(["text/latex"]);
    expect(droppedNote(["application/javascript"])).toContain("--trust-outputs");
  });
});

describe("kernelspecs", () => {
  test("install writes kernel.json with absolute argv and message interrupts; list finds it; uninstall removes only woma's", () => {
    const prefix = mkdtempSync(join(tmpdir(), "woma-spec-"));
    const location = { kind: "prefix" as const, prefix };
    const directory = installKernel(location, "Woma-Test", kernelJson(["/opt/woma"], "Python (woma)", ["--net", "off"]));
    expect(directory).toBe(join(prefix, "share", "jupyter", "kernels", "woma-test"));
    const spec = JSON.parse(readFileSync(join(directory, "kernel.json"), "utf8"));
    expect(spec).toMatchObject({ argv: ["/opt/woma", "jupyter", "kernel", "-f", "{connection_file}", "--net", "off"], display_name: "Python (woma)", language: "python", interrupt_mode: "message" });
    const other = join(prefix, "share", "jupyter", "kernels", "python3");
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, "kernel.json"), JSON.stringify({ argv: ["python3"], display_name: "Python 3" }));
    const kernels = join(prefix, "share", "jupyter", "kernels");
    expect(listKernels([kernels]).map((k) => k.name)).toEqual(["woma-test"]);
    expect(() => uninstallKernel(location, "python3")).toThrow("is not a woma kernel");
    expect(() => installKernel(location, "python3", kernelJson(["/opt/woma"], "x", []))).toThrow("holds another kernel");
    expect(() => installKernel(location, "bad name", kernelJson(["/opt/woma"], "x", []))).toThrow(`--name must be letters, digits, '.', '_' or '-'`);
    expect(uninstallKernel(location, "woma-test")).toBe(directory);
    expect(listKernels([kernels])).toEqual([]);
    expect(() => uninstallKernel(location, "woma-test")).toThrow(`no kernel named "woma-test" in ${kernels}`);
  });
});
