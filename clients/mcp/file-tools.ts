/** The MCP tools that move files between the model and a session's working directory: write_file (in) and read_file (out, images as image content). */
import type { CallToolResult, ContentBlock, Tool } from "@modelcontextprotocol/sdk/types.js";
import { errorMessage } from "../../protocol/describe.ts";
import type { FileEncoding } from "../../protocol/generated/types.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { fileUri } from "./file-resources.ts";
import { isTextType, mimeTypeOf } from "./file-types.ts";
import type { McpOptions } from "./mcp-options.ts";
import { fitImage } from "./outputs.ts";
import { cutMiddle, toolFailure } from "./result-format.ts";
import { SESSION_NAME_PATTERN, type SessionScope } from "./session-scope.ts";

/** The file tools' names. */
export const FileToolNames = { writeFile: "write_file", readFile: "read_file" } as const;

/** Arguments of write_file once validated. */
export interface WriteFileArgs {
  session: string;
  path: string;
  content: string;
  encoding?: FileEncoding;
}

/** Arguments of read_file once validated. */
export interface ReadFileArgs {
  session: string;
  path: string;
}

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** The file tools as `tools/list` gives them. */
export function fileTools(options: McpOptions): Tool[] {
  // Built here, not at load: tools.ts imports this module, and this one its session pattern.
  const session = { type: "string", pattern: SESSION_NAME_PATTERN, description: "Name of the session (as given to run_python); it is created if it does not exist." };
  const path = {
    type: "string",
    minLength: 1,
    maxLength: 4096,
    description: "Path of the file, relative to the session's working directory (where run_python's code runs); paths that leave it are refused.",
  };
  const mib = (options.maxImageBytes / 1048576).toFixed(options.maxImageBytes % 1048576 === 0 ? 0 : 1);
  return [
    {
      name: FileToolNames.writeFile,
      title: "Write a file into a Python session",
      description:
        "Write a file into a session's working directory, so code run there with run_python can open() it by that path. Text goes as it is; binary content in base64 with encoding \"base64\". Missing directories are created; an existing file is replaced.",
      inputSchema: {
        type: "object",
        properties: {
          session,
          path,
          content: { type: "string", description: "The file's content: text, or base64 when encoding is \"base64\"." },
          encoding: { type: "string", enum: ["utf-8", "base64"], description: "How content is given. Default \"utf-8\" (text)." },
        },
        required: ["session", "path", "content"],
        additionalProperties: false,
      },
      outputSchema: {
        type: "object",
        properties: { session: { type: "string" }, path: { type: "string", description: "The path relative to the working directory." }, size: { type: "number", description: "Bytes written." } },
        required: ["session", "path", "size"],
      },
      annotations: { title: "Write a file into a Python session", readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    {
      name: FileToolNames.readFile,
      title: "Read a file of a Python session",
      description: `Read a file from a session's working directory (one the code wrote, e.g. a saved plot or a CSV). Images (PNG, JPEG, GIF, WebP) come back as images you can see, scaled down past ${options.maxImagePixels.toLocaleString("en-US")} pixels or ${mib} MiB; text as text (very long text is cut in the middle); other files are described, with a link to them.`,
      inputSchema: { type: "object", properties: { session, path }, required: ["session", "path"], additionalProperties: false },
      outputSchema: {
        type: "object",
        properties: {
          session: { type: "string" },
          path: { type: "string" },
          size: { type: "number", description: "The file's size in bytes." },
          mime_type: { type: "string", description: "Its type, from its name." },
          shown_as: { type: "string", enum: ["image", "text", "description"], description: "How it is given in the content." },
        },
        required: ["session", "path", "size", "mime_type", "shown_as"],
      },
      annotations: { title: "Read a file of a Python session", readOnlyHint: true, openWorldHint: false },
    },
  ];
}

/** Carries out write_file: the session is opened (created) first, as run_python does. */
export async function writeFileTool(client: DaemonClient, scope: SessionScope, args: WriteFileArgs): Promise<CallToolResult> {
  let notes: string[];
  try {
    notes = await scope.open(args.session);
  } catch (error) {
    return toolFailure(`Could not create session "${args.session}": ${scope.clean(errorMessage(error))}`);
  }
  try {
    const written = await client.writeFile({ session_id: scope.daemonId(args.session), path: args.path, content: args.content, encoding: args.encoding ?? "utf-8" });
    const text = [...notes, `Wrote ${written.size.toLocaleString("en-US")} bytes to ${written.path} in session "${args.session}".`].join("\n");
    return { content: [{ type: "text", text }], structuredContent: { session: args.session, path: written.path, size: written.size } };
  } catch (error) {
    return toolFailure(`write_file failed: ${scope.clean(errorMessage(error))}`);
  }
}

/** Carries out read_file: an image as image content (fitted to the limits), text as text, anything else described with a resource link. */
export async function readFileTool(client: DaemonClient, scope: SessionScope, options: McpOptions, args: ReadFileArgs): Promise<CallToolResult> {
  let file;
  try {
    file = await client.readFile({ session_id: scope.daemonId(args.session), path: args.path, encoding: "base64" });
  } catch (error) {
    return toolFailure(`read_file failed: ${scope.clean(errorMessage(error))}`);
  }
  const mimeType = mimeTypeOf(file.path);
  const structured = { session: args.session, path: file.path, size: file.size, mime_type: mimeType };
  const label = `${file.path} in session "${args.session}" (${mimeType}, ${file.size.toLocaleString("en-US")} bytes)`;
  if (IMAGE_TYPES.has(mimeType)) {
    const fitted = fitImage(mimeType, file.content, { maxBytes: options.maxImageBytes, maxPixels: options.maxImagePixels });
    if (fitted.block) {
      const scaled = fitted.summary.shown === "scaled" ? `, scaled to ${fitted.summary.width}x${fitted.summary.height} to fit this server's image limits` : "";
      return { content: [{ type: "text", text: `${label}${scaled}:` }, fitted.block], structuredContent: { ...structured, shown_as: "image" } };
    }
    return describe(label, `It is not shown: ${fitted.summary.note}.`, args, file.path, structured);
  }
  const bytes = Buffer.from(file.content, "base64");
  let text: string | undefined;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && (isTextType(mimeType) || mimeType === "application/octet-stream") && !text.includes("\u0000")) {
    return { content: [{ type: "text", text: `${label}:\n${cutMiddle(text, options.sectionChars)}` }], structuredContent: { ...structured, shown_as: "text" } };
  }
  return describe(label, "It is binary; work with it from Python in run_python.", args, file.path, structured);
}

function describe(label: string, why: string, args: ReadFileArgs, path: string, structured: Record<string, unknown>): CallToolResult {
  const blocks: ContentBlock[] = [
    { type: "text", text: `${label}. ${why}` },
    { type: "resource_link", uri: fileUri(args.session, path), name: path, mimeType: structured.mime_type as string },
  ];
  return { content: blocks, structuredContent: { ...structured, shown_as: "description" } };
}
