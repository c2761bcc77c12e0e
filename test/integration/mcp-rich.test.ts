/**
 * Rich outputs, stdin and session files through `woma mcp` and the real MCP SDK client:
 * images as image content (scaled to the server's limits), text for HTML, Markdown and
 * JSON, the file tools and the files as woma:// resources.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult, ImageContent, ResourceLink, TextContent } from "@modelcontextprotocol/sdk/types.js";
import { decodePng } from "../../clients/shared/png.ts";
import { fixture } from "../harness/fixtures.ts";
import { runPython, startStdioMcp, textOf } from "../harness/start-mcp.ts";

const MAX_PIXELS = 40_000;
let client: Client;
beforeAll(async () => {
  client = (await startStdioMcp(["--max-image-pixels", String(MAX_PIXELS)])).client;
});
afterAll(() => client?.close());

const images = (result: CallToolResult) => result.content.filter((b): b is ImageContent => b.type === "image");
const texts = (result: CallToolResult) => result.content.filter((b): b is TextContent => b.type === "text").map((b) => b.text);
const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
const size = (image: ImageContent) => {
  const decoded = decodePng(Buffer.from(image.data, "base64"));
  if (typeof decoded === "string") throw new Error(decoded);
  return [decoded.width, decoded.height];
};

describe("rich outputs over MCP", () => {
  test("a PNG made with zlib and struct through _repr_png_ comes back as image content, between the stdout around it", async () => {
    const result = await runPython(client, { code: `${fixture("stdlib_png.py")}\nprint('before')\ndisplay(Swatch(30, 20))\nprint('after')` });
    expect(result.isError).toBeUndefined();
    const [image] = images(result);
    expect(image!.mimeType).toBe("image/png");
    expect(size(image!)).toEqual([30, 20]);
    expect(result.content.map((b) => (b.type === "text" ? b.text : `<${b.type}>`))).toEqual(["[stdout]\nbefore", "[output 1: image/png, 30x20]", "<image>", "[stdout]\nafter"]);
    const outputs = (result.structuredContent as { outputs: Array<{ image: { shown: string } }> }).outputs;
    expect(outputs[0]!.image.shown).toBe("as-is");
  });

  test("an image over --max-image-pixels is scaled down to fit, and says so", async () => {
    const result = await runPython(client, { code: `${fixture("stdlib_png.py")}\nSwatch(800, 600)` });
    const [image] = images(result);
    const [width, height] = size(image!);
    expect(width! * height!).toBeLessThanOrEqual(MAX_PIXELS);
    expect(width! / height!).toBeCloseTo(4 / 3, 1);
    expect(texts(result)[0]).toContain(`[output 1: image/png, scaled from 800x600`);
  });

  test("SVG, HTML, Markdown and JSON come back as text content, and structuredContent lists the outputs", async () => {
    const code = "display({'text/html': '<b>bold</b>', 'text/plain': 'b'}, raw=True)\ndisplay({'text/markdown': '# Title', 'text/plain': 't'}, raw=True)\ndisplay({'application/json': '{\"a\": 1}', 'text/plain': 'j'}, raw=True)\ndisplay({'image/svg+xml': '<svg/>', 'text/plain': 's'}, raw=True)";
    const result = await runPython(client, { code });
    expect(texts(result)).toEqual(["[output 1: text/html]\n<b>bold</b>", "[output 2: text/markdown]\n# Title", "[output 3: application/json]\n{\"a\": 1}", "[output 4: image/svg+xml]\n<svg/>"]);
    const outputs = (result.structuredContent as { outputs: Array<{ mime_types: string[]; text: string }> }).outputs;
    expect(outputs.map((o) => o.text)).toEqual(["<b>bold</b>", "# Title", '{"a": 1}', "<svg/>"]);
  });

  test("an update names the display it replaces and clear_output says what a notebook would do, in order with stdout", async () => {
    const code = "from IPython.display import display, Markdown, clear_output\nh = display(Markdown('step 1'), display_id='s')\nprint('working')\nh.update(Markdown('step 2'))\nclear_output(wait=True)";
    const result = await runPython(client, { code });
    expect(texts(result)).toEqual([
      "[output 1: text/markdown]\nstep 1",
      "[stdout]\nworking",
      '[output 2: update of display "s", text/markdown]\nstep 2',
      "[output 3: clear_output (wait=True): a notebook would clear the outputs shown above this point]",
    ]);
    const outputs = (result.structuredContent as { outputs: Array<{ output_type: string }> }).outputs;
    expect(outputs.map((o) => o.output_type)).toEqual(["display_data", "update_display_data", "clear_output"]);
  });

  test("stdin answers input(); without it, input() raises a clear EOFError at once, within the run", async () => {
    const answered = await runPython(client, { code: "name = input('Name? ')\nf'hi {name}'", stdin: "Ada\n" });
    expect(textOf(answered)).toBe("[stdout]\nName? \n[result]\n'hi Ada'");
    const none = await runPython(client, { code: "input('Name? ')", timeout_seconds: 25 });
    expect(none.isError).toBe(true);
    expect(none.structuredContent).toMatchObject({ status: "exception", error: { type: "EOFError" } });
    expect(textOf(none)).toContain("EOFError: EOF when reading a line: no input is available: this run was given no stdin text");
  });
});

describe("session files over MCP", () => {
  test("write_file puts a file where run_python's code opens it; read_file brings a PNG back as an image", async () => {
    const written = await call("write_file", { session: "files", path: "data/in.csv", content: "a,b\n1,2\n" });
    expect(written.structuredContent).toEqual({ session: "files", path: "data/in.csv", size: 8 });
    expect(textOf(written)).toContain('Session "files" was created');
    const rows = await runPython(client, { session: "files", code: `import csv\nlist(csv.reader(open('data/in.csv')))` });
    expect(textOf(rows)).toBe("[result]\n[['a', 'b'], ['1', '2']]");
    await runPython(client, { session: "files", code: `${fixture("stdlib_png.py")}\nopen('plot.png', 'wb').write(png(12, 8))` });
    const image = await call("read_file", { session: "files", path: "plot.png" });
    expect(image.structuredContent).toMatchObject({ path: "plot.png", mime_type: "image/png", shown_as: "image" });
    expect(size(images(image)[0]!)).toEqual([12, 8]);
    const text = await call("read_file", { session: "files", path: "data/in.csv" });
    expect(textOf(text)).toBe('data/in.csv in session "files" (text/csv, 8 bytes):\na,b\n1,2\n');
  });

  test("binary content goes in as base64; a binary file comes out described, with a link", async () => {
    await call("write_file", { session: "files", path: "blob.bin", content: Buffer.from([0, 1, 2, 255]).toString("base64"), encoding: "base64" });
    const described = await call("read_file", { session: "files", path: "blob.bin" });
    expect(described.structuredContent).toMatchObject({ shown_as: "description", size: 4 });
    const link = described.content.find((b): b is ResourceLink => b.type === "resource_link")!;
    expect(link.uri).toBe("woma://sessions/files/files/blob.bin");
  });

  test("paths that leave the working directory are refused, in words the model can act on", async () => {
    const refused = await call("read_file", { session: "files", path: "../../etc/passwd" });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe('read_file failed: "../../etc/passwd" leaves the session\'s working directory');
    const missing = await call("read_file", { session: "files", path: "nope.txt" });
    expect(textOf(missing)).toBe("read_file failed: no such file: nope.txt");
  });

  test("session files are woma:// resources: listed, read as text or blob, and described by a template", async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain("woma://sessions/files/files/data/in.csv");
    expect(uris).toContain("woma://sessions/files/files/plot.png");
    expect(resources.find((r) => r.uri.endsWith("plot.png"))).toMatchObject({ name: "plot.png", mimeType: "image/png" });
    const csv = await client.readResource({ uri: "woma://sessions/files/files/data/in.csv" });
    expect(csv.contents[0]).toEqual({ uri: "woma://sessions/files/files/data/in.csv", mimeType: "text/csv", text: "a,b\n1,2\n" });
    const png = await client.readResource({ uri: "woma://sessions/files/files/plot.png" });
    expect(Buffer.from((png.contents[0] as { blob: string }).blob, "base64").subarray(1, 4).toString()).toBe("PNG");
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(["woma://sessions/{session}/files/{+path}"]);
    await expect(client.readResource({ uri: "woma://sessions/nobody/files/x" })).rejects.toThrow(/Resource not found/);
  });
});
