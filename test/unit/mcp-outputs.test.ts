/** Display outputs as MCP content: interleaved with stdout, images fitted to the limits or left out with the reason, text for the rest. */
import { describe, expect, test } from "bun:test";
import type { ImageContent, TextContent } from "@modelcontextprotocol/sdk/types.js";
import { fitImage } from "../../clients/mcp/outputs.ts";
import { runFailureToTool, runResultToTool, type RunContext } from "../../clients/mcp/result-format.ts";
import { decodePng, encodePng } from "../../clients/shared/png.ts";
import { ResponseError } from "vscode-jsonrpc";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { DisplayOutput, RunResult } from "../../protocol/generated/types.ts";

const context = (over: Partial<RunContext> = {}): RunContext => ({ session: null, notes: [], timeoutMs: 30_000, sectionChars: 8000, clean: (m) => m, images: { maxBytes: 1 << 20, maxPixels: 1_150_000 }, ...over });
const png = (w: number, h: number) => Buffer.from(encodePng(new Uint8Array(w * h * 4).fill(200), w, h)).toString("base64");
const display = (data: Record<string, string>, stdoutOffset = 0, over: Partial<DisplayOutput> = {}): DisplayOutput => ({ output_type: "display_data", data: { "text/plain": "<obj>", ...data }, stdout_offset: stdoutOffset, stderr_offset: 0, ...over });
const run = (over: Partial<RunResult>): RunResult => ({ run_id: "r", session_id: null, status: "success", result: null, stdout: "", stderr: "", execution_time_ms: 1, ...over });
const shape = (blocks: unknown[]) => blocks.map((b) => ((b as { type: string }).type === "text" ? (b as TextContent).text : `<${(b as ImageContent).mimeType}>`));

describe("a run with display outputs", () => {
  test("content interleaves stdout and outputs where they were made; images are image content", () => {
    const result = runResultToTool(
      run({ stdout: "one\ntwo\nthree\n", result: "42", outputs: [display({ "image/png": png(4, 3) }, 4), display({ "text/markdown": "# Hi" }, 8)] }),
      context({ notes: ["created"] }),
    );
    expect(shape(result.content)).toEqual([
      "[note]\ncreated\n[stdout]\none",
      "[output 1: image/png, 4x3]",
      "<image/png>",
      "[stdout]\ntwo",
      "[output 2: text/markdown]\n# Hi",
      "[stdout]\nthree\n[result]\n42",
    ]);
    const outputs = (result.structuredContent as { outputs: unknown[] }).outputs;
    expect(outputs).toEqual([
      { output_type: "display_data", stdout_offset: 4, mime_types: ["text/plain", "image/png"], text: null, image: { mime_type: "image/png", width: 4, height: 3, bytes: Buffer.from(png(4, 3), "base64").length, shown: "as-is" }, truncated: null },
      { output_type: "display_data", stdout_offset: 8, mime_types: ["text/plain", "text/markdown"], text: "# Hi", image: null, truncated: null },
    ]);
  });

  test("HTML, JSON and plain text come back as text, the most readable one first; SVG as its source", () => {
    const result = runResultToTool(run({ outputs: [display({ "text/html": "<b>x</b>" }), display({ "application/json": '{"a": 1}' }), display({}), display({ "image/svg+xml": "<svg/>" })] }), context());
    expect(shape(result.content)).toEqual(["[output 1: text/html]\n<b>x</b>", "[output 2: application/json]\n{\"a\": 1}", "[output 3: text/plain]\n<obj>", "[output 4: image/svg+xml]\n<svg/>"]);
  });

  test("an update names the display it replaces and a clear_output says what a notebook would do, in order with stdout", () => {
    const outputs = [
      display({ "text/html": "<b>0%</b>" }, 0, { display_id: "bar" }),
      display({ "text/html": "<b>100%</b>" }, 5, { output_type: "update_display_data", display_id: "bar" }),
      display({ "image/png": png(2, 2) }, 5, { output_type: "update_display_data", display_id: "pic" }),
      { output_type: "clear_output", data: { "text/plain": "" }, wait: true, stdout_offset: 5, stderr_offset: 0 } satisfies DisplayOutput,
    ];
    const result = runResultToTool(run({ stdout: "done\nafter\n", outputs }), context());
    expect(shape(result.content)).toEqual([
      "[output 1: text/html]\n<b>0%</b>",
      "[stdout]\ndone",
      '[output 2: update of display "bar", text/html]\n<b>100%</b>',
      '[output 3: update of display "pic", image/png, 2x2]',
      "<image/png>",
      "[output 4: clear_output (wait=True): a notebook would clear the outputs shown above this point]",
      "[stdout]\nafter",
    ]);
    const summaries = (result.structuredContent as { outputs: Array<{ output_type: string; mime_types: string[] }> }).outputs;
    expect(summaries.map((s) => [s.output_type, s.mime_types])).toEqual([
      ["display_data", ["text/plain", "text/html"]],
      ["update_display_data", ["text/plain", "text/html"]],
      ["update_display_data", ["text/plain", "image/png"]],
      ["clear_output", []],
    ]);
  });

  test("an output the daemon cut says so", () => {
    const result = runResultToTool(run({ outputs: [display({}, 0, { truncated: { bytes: 5000, mime_types: ["text/html"] } })] }), context());
    expect(shape(result.content)[0]).toBe("[output 1: text/plain] (5,000 bytes of it were cut by the daemon's --max-display-bytes: text/html left out)\n<obj>");
  });

  test("outputs dropped past the daemon's limit are counted in [truncated]", () => {
    const result = runResultToTool(run({ outputs: [display({})], truncated: { displays: 3 } }), context());
    expect(shape(result.content).at(-1)).toContain("3 rich outputs (past the server's limit per run)");
  });

  test("a failed run keeps the outputs made before it ended", () => {
    const error = new ResponseError(WomaErrorCodes.RunTimedOut, "timed out", { run_id: "r", stdout: "a\n", stderr: "", execution_time_ms: 9, session_state: "kept", runner_killed: false, outputs: [display({ "text/markdown": "made" }, 2)] });
    const result = runFailureToTool(error, context({ timeoutMs: 1000 }));
    expect(shape(result.content)).toEqual(["[stdout]\na", "[output 1: text/markdown]\nmade", expect.stringContaining("[error]\nTimeoutError: the code ran past its 1 s limit")]);
    expect(result.isError).toBe(true);
  });
});

describe("fitting images", () => {
  test("a PNG over the pixel limit is scaled down, and the label says from what to what", () => {
    const fitted = fitImage("image/png", png(2000, 1000), { maxBytes: 1 << 20, maxPixels: 20_000 });
    expect(fitted.summary.shown).toBe("scaled");
    expect(fitted.summary.original).toMatchObject({ width: 2000, height: 1000 });
    const decoded = decodePng(Buffer.from((fitted.block as ImageContent).data, "base64"));
    if (typeof decoded === "string") throw new Error(decoded);
    expect(decoded.width * decoded.height).toBeLessThanOrEqual(20_000);
    expect([decoded.width, decoded.height]).toEqual([fitted.summary.width!, fitted.summary.height!]);
  });

  test("a JPEG over the byte limit is left out with the reason; under it, it goes as it is with its size read from the frame header", () => {
    // A minimal JPEG header: SOI, then SOF0 for 640x480.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03]), Buffer.alloc(3000)]);
    const big = fitImage("image/jpeg", jpeg.toString("base64"), { maxBytes: 1000, maxPixels: 1_000_000 });
    expect(big.block).toBeUndefined();
    expect(big.summary.note).toContain("3,012 bytes is over this server's limit of 1,000 bytes per image (--max-image-bytes)");
    const small = fitImage("image/jpeg", jpeg.toString("base64"), { maxBytes: 10_000, maxPixels: 100 });
    expect(small.summary).toMatchObject({ shown: "as-is", width: 640, height: 480 });
  });

  test("an image left out still gives the model its text", () => {
    const result = runResultToTool(run({ outputs: [display({ "image/png": Buffer.from("not a png").toString("base64") })] }), context({ images: { maxBytes: 1, maxPixels: 1 } }));
    expect(shape(result.content)).toEqual(["[output 1: image/png, size unknown, not shown: it is over this server's image limits and could not be scaled down: it is not a PNG]", "<obj>"]);
  });
});
