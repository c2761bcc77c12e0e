/** A run's display outputs as MCP content: images as image content fitted to the server's limits, HTML, Markdown and JSON as text, and a summary of each for `structuredContent`. */
import type { ContentBlock } from "@modelcontextprotocol/sdk/types.js";
import type { DisplayOutput, DisplayTruncation } from "../../protocol/generated/types.ts";
import { pngInfo, scalePng } from "../shared/png.ts";

/** What an image may cost an agent: bytes of the image file, and pixels. */
export interface ImageLimits {
  /** Most bytes of one image given as image content (`--max-image-bytes`). */
  maxBytes: number;
  /** Most pixels of one image (`--max-image-pixels`); a bigger PNG is scaled down, keeping its aspect ratio. */
  maxPixels: number;
}

/** How an image of a display output reached the model. */
export interface ImageSummary {
  mime_type: string;
  width: number | null;
  height: number | null;
  /** Bytes of the image as given in the content (after scaling). */
  bytes: number;
  /** `as-is`, `scaled` to fit the limits, or `omitted` (then `note` says why). */
  shown: "as-is" | "scaled" | "omitted";
  /** The image as the run made it, when it was scaled or omitted. */
  original?: { width: number | null; height: number | null; bytes: number };
  note?: string;
}

/** One display output in `structuredContent.outputs`. */
export interface OutputSummary {
  output_type: DisplayOutput["output_type"];
  /** Characters of stdout printed before it. */
  stdout_offset: number;
  /** The representations the run gave. */
  mime_types: string[];
  /** The text shown for it (Markdown, HTML, JSON, LaTeX or plain text, in that order of preference), cut like other sections. */
  text: string | null;
  image: ImageSummary | null;
  truncated: DisplayTruncation | null;
}

/** The JSON Schema of `structuredContent.outputs`, for the tool's output schema. */
export const OUTPUTS_SCHEMA = {
  type: "array",
  description:
    "Rich outputs of the run (display(), matplotlib figures, objects with _repr_png_/_repr_html_/...), in order; each also appears in the content: images as image content, the rest as text. stdout_offset says how much of stdout came before it.",
  items: {
    type: "object",
    properties: {
      output_type: {
        type: "string",
        description: "display_data (display(), a figure), execute_result (the value of the last expression), update_display_data (update_display(): in a notebook it replaces the earlier output of the same display id) or clear_output (clear_output(): a notebook clears the outputs before it).",
      },
      stdout_offset: { type: "number", description: "Characters of stdout printed before this output." },
      mime_types: { type: "array", items: { type: "string" }, description: "Representations the output had (image/png, text/html, ...)." },
      text: { type: ["string", "null"], description: "The text shown for it, or null for an image." },
      image: {
        type: ["object", "null"],
        description: "The image shown for it, or null.",
        properties: {
          mime_type: { type: "string" },
          width: { type: ["number", "null"] },
          height: { type: ["number", "null"] },
          bytes: { type: "number" },
          shown: { type: "string", enum: ["as-is", "scaled", "omitted"], description: "Whether the image was given as it was, scaled down to fit this server's limits, or left out (see note)." },
          note: { type: "string" },
        },
      },
      truncated: { type: ["object", "null"], description: "What the daemon cut from this output to keep it within its size limit." },
    },
    required: ["output_type", "stdout_offset", "mime_types", "text", "image", "truncated"],
  },
} as const;

/** Image types MCP image content carries, in order of preference. */
const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];
/** Text representations, in the order an agent reads them best. */
const TEXT_TYPES = ["text/markdown", "text/html", "application/json", "text/latex", "image/svg+xml", "text/plain"];

const count = (n: number) => n.toLocaleString("en-US");

/** Width and height of a JPEG (from its start-of-frame marker) or a GIF, when the bytes say. */
function imageSize(mime: string, bytes: Uint8Array): { width: number | null; height: number | null } {
  if (mime === "image/png") {
    const info = pngInfo(bytes);
    return info ? { width: info.width, height: info.height } : { width: null, height: null };
  }
  if (mime === "image/gif" && bytes.length >= 10) return { width: bytes[6]! | (bytes[7]! << 8), height: bytes[8]! | (bytes[9]! << 8) };
  if (mime === "image/jpeg") {
    let i = 2;
    while (i + 9 < bytes.length && bytes[i] === 0xff) {
      const marker = bytes[i + 1]!;
      const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
      }
      i += 2 + length;
    }
  }
  return { width: null, height: null };
}

/** An image as MCP image content, as it is, scaled down (PNG), or omitted with the reason. */
export function fitImage(mime: string, base64: string, limits: ImageLimits): { block?: ContentBlock; summary: ImageSummary } {
  const bytes = Buffer.from(base64, "base64");
  const size = imageSize(mime, bytes);
  const pixels = size.width !== null && size.height !== null ? size.width * size.height : 0;
  const original = { ...size, bytes: bytes.length };
  if (bytes.length <= limits.maxBytes && (pixels <= limits.maxPixels || mime !== "image/png")) {
    return { block: { type: "image", data: base64, mimeType: mime }, summary: { mime_type: mime, ...size, bytes: bytes.length, shown: "as-is" } };
  }
  if (mime === "image/png") {
    const scaled = scalePng(bytes, limits.maxPixels, limits.maxBytes);
    if (scaled.ok) {
      const data = Buffer.from(scaled.png).toString("base64");
      return {
        block: { type: "image", data, mimeType: mime },
        summary: { mime_type: mime, width: scaled.width, height: scaled.height, bytes: scaled.png.length, shown: "scaled", original },
      };
    }
    return { summary: { mime_type: mime, ...size, bytes: 0, shown: "omitted", original, note: `it is over this server's image limits and could not be scaled down: ${scaled.reason}` } };
  }
  return {
    summary: {
      mime_type: mime,
      ...size,
      bytes: 0,
      shown: "omitted",
      original,
      note: `${count(bytes.length)} bytes is over this server's limit of ${count(limits.maxBytes)} bytes per image (--max-image-bytes), and only PNG is scaled down; save a smaller image, or draw it as PNG`,
    },
  };
}

function describeImage(index: number, summary: ImageSummary, kind: string): string {
  const size = (s: { width: number | null; height: number | null }) => (s.width !== null && s.height !== null ? `${s.width}x${s.height}` : "size unknown");
  const head = `[output ${index}: ${kind}${summary.mime_type}`;
  switch (summary.shown) {
    case "as-is":
      return `${head}, ${size(summary)}]`;
    case "scaled":
      return `${head}, scaled from ${size(summary.original!)} (${count(summary.original!.bytes)} bytes) to ${size(summary)} (${count(summary.bytes)} bytes) to fit this server's image limits]`;
    case "omitted":
      return `${head}, ${size(summary.original!)}, not shown: ${summary.note}]`;
  }
}

/**
 * The content blocks of one display output, and its summary. An image output gives a label
 * and the image (or, when it cannot be shown, its label and its text); any other output
 * gives one text block with its most readable representation, cut to `sectionChars`.
 */
export function outputContent(output: DisplayOutput, index: number, limits: ImageLimits, cut: (text: string) => string): { blocks: ContentBlock[]; summary: OutputSummary } {
  const summary: OutputSummary = {
    output_type: output.output_type,
    stdout_offset: output.stdout_offset,
    mime_types: Object.keys(output.data),
    text: null,
    image: null,
    truncated: output.truncated ?? null,
  };
  const blocks: ContentBlock[] = [];
  if (output.output_type === "clear_output") {
    // An agent reads the whole result at once: say what a notebook would have done here.
    summary.mime_types = [];
    blocks.push({ type: "text", text: `[output ${index}: clear_output${output.wait ? " (wait=True)" : ""}: a notebook would clear the outputs shown above this point]` });
    return { blocks, summary };
  }
  // An update replaces the outputs of its display_id in a notebook; here it is shown where it came, labelled.
  const kind = output.output_type === "update_display_data" ? `update of display ${JSON.stringify(output.display_id ?? "")}, ` : "";
  const cutNote = output.truncated ? ` (${count(output.truncated.bytes)} bytes of it were cut by the daemon's --max-display-bytes${output.truncated.mime_types ? `: ${output.truncated.mime_types.join(", ")} left out` : ""})` : "";
  const imageType = IMAGE_TYPES.find((mime) => output.data[mime] !== undefined);
  if (imageType !== undefined) {
    const fitted = fitImage(imageType, output.data[imageType]!, limits);
    summary.image = fitted.summary;
    blocks.push({ type: "text", text: describeImage(index, fitted.summary, kind) + cutNote });
    if (fitted.block) {
      blocks.push(fitted.block);
      return { blocks, summary };
    }
  }
  const textType = TEXT_TYPES.find((mime) => output.data[mime] !== undefined) ?? "text/plain";
  const text = cut(output.data[textType] ?? "");
  summary.text = text;
  if (imageType !== undefined) blocks.push({ type: "text", text });
  else blocks.push({ type: "text", text: `[output ${index}: ${kind}${textType}]${cutNote}\n${text}` });
  return { blocks, summary };
}
