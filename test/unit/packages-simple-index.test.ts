/** Reading a PEP 503 simple index page, in HTML and in PEP 691 JSON. */
import { expect, test } from "bun:test";
import { parseSimpleHtml, parseSimpleJson } from "../../daemon/packages/simple-index.ts";

const PAGE = "http://127.0.0.1:9/simple/greet-lib/";
const SHA = "a".repeat(64);

test("HTML links give file names, absolute URLs, hashes, Requires-Python and yanked", () => {
  const html = `<!DOCTYPE html><html><body>
    <a href="../../files/greet_lib-1.0-py3-none-any.whl#sha256=${SHA}" data-requires-python="&gt;=3.8">greet_lib-1.0-py3-none-any.whl</a><br/>
    <a href='https://files.test/greet_lib-0.9.tar.gz' data-yanked>greet_lib-0.9.tar.gz</a>
  </body></html>`;
  expect(parseSimpleHtml(html, PAGE)).toEqual([
    { fileName: "greet_lib-1.0-py3-none-any.whl", url: "http://127.0.0.1:9/files/greet_lib-1.0-py3-none-any.whl", sha256: SHA, requiresPython: ">=3.8", yanked: false },
    { fileName: "greet_lib-0.9.tar.gz", url: "https://files.test/greet_lib-0.9.tar.gz", yanked: true },
  ]);
});

test("PEP 691 JSON gives the same", () => {
  const json = { meta: { "api-version": "1.0" }, name: "greet-lib", files: [{ filename: "greet_lib-1.0-py3-none-any.whl", url: "../../files/greet_lib-1.0-py3-none-any.whl", hashes: { sha256: SHA }, "requires-python": ">=3.8", yanked: false }] };
  expect(parseSimpleJson(json, PAGE)).toEqual([{ fileName: "greet_lib-1.0-py3-none-any.whl", url: "http://127.0.0.1:9/files/greet_lib-1.0-py3-none-any.whl", sha256: SHA, requiresPython: ">=3.8", yanked: false }]);
});
