/** A connection's session files as MCP resources (`woma://sessions/NAME/files/PATH`): listed, read, and described by one URI template. */
import type { ListResourcesResult, ListResourceTemplatesResult, ReadResourceResult, Resource } from "@modelcontextprotocol/sdk/types.js";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { isTextType, mimeTypeOf } from "./file-types.ts";
import type { SessionScope } from "./session-scope.ts";

/** The URI template of a session file. */
export const FILE_URI_TEMPLATE = "woma://sessions/{session}/files/{+path}";
/** Most resources `resources/list` gives, over all sessions. */
export const MAX_LISTED_RESOURCES = 1000;
/** The MCP error code for a resource that does not exist (MCP specification, "Resources": error handling). */
const RESOURCE_NOT_FOUND = -32002;

/** The URI of a file of the session the model calls `session`, at `path` in its working directory. */
export function fileUri(session: string, path: string): string {
  return `woma://sessions/${encodeURIComponent(session)}/files/${path.split("/").map(encodeURIComponent).join("/")}`;
}

/** The session and path a file URI names, or undefined when it is not one. */
export function parseFileUri(uri: string): { session: string; path: string } | undefined {
  const match = /^woma:\/\/sessions\/([^/]+)\/files\/(.+)$/.exec(uri);
  if (!match) return undefined;
  try {
    return { session: decodeURIComponent(match[1]!), path: match[2]!.split("/").map(decodeURIComponent).join("/") };
  } catch {
    return undefined;
  }
}

/** A protocol error with a code, worded once (the SDK's McpError would prefix the message with its code). */
function protocolError(code: number, message: string, data?: unknown): Error {
  return Object.assign(new Error(message), { code, ...(data === undefined ? {} : { data }) });
}

/**
 * The files of one MCP connection's sessions as resources. Resources are the host's to
 * show or attach (the spec's application-controlled context); the model reaches the same
 * files through the read_file and write_file tools.
 */
export class FileResources {
  constructor(
    private readonly client: DaemonClient,
    private readonly scope: SessionScope,
  ) {}

  /** `resources/templates/list`. */
  templates(): ListResourceTemplatesResult {
    return {
      resourceTemplates: [
        {
          uriTemplate: FILE_URI_TEMPLATE,
          name: "session-file",
          title: "A file in a Python session",
          description: "A file in the working directory of one of this connection's Python sessions (where run_python's code reads and writes files).",
        },
      ],
    };
  }

  /** `resources/list`: every file of every session of this connection, up to {@link MAX_LISTED_RESOURCES}. */
  async list(): Promise<ListResourcesResult> {
    const resources: Resource[] = [];
    for (const session of await this.scope.list()) {
      if (session.state !== "ready") continue;
      let listed;
      try {
        listed = await this.client.listFiles({ session_id: this.scope.daemonId(session.name), recursive: true });
      } catch {
        continue; // a session closed or lost meanwhile has no files to show
      }
      for (const entry of listed.entries) {
        if (entry.type !== "file") continue;
        if (resources.length >= MAX_LISTED_RESOURCES) return { resources };
        resources.push({ uri: fileUri(session.name, entry.path), name: entry.path, title: `${entry.path} (session "${session.name}")`, mimeType: mimeTypeOf(entry.path), size: entry.size });
      }
    }
    return { resources };
  }

  /** `resources/read`: text for text types, a base64 blob for the rest. */
  async read(uri: string): Promise<ReadResourceResult> {
    const named = parseFileUri(uri);
    if (!named) throw protocolError(-32602, `not a woma file URI: ${JSON.stringify(uri)}; session files look like woma://sessions/NAME/files/PATH`);
    const mimeType = mimeTypeOf(named.path);
    let file;
    try {
      file = await this.client.readFile({ session_id: this.scope.daemonId(named.session), path: named.path, encoding: "base64" });
    } catch (error) {
      const message = this.scope.clean(error instanceof Error ? error.message : String(error));
      throw protocolError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}: ${message}`, { uri });
    }
    if (isTextType(mimeType)) {
      try {
        return { contents: [{ uri, mimeType, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(file.content, "base64")) }] };
      } catch {
        // Not UTF-8 after all: given as bytes.
      }
    }
    return { contents: [{ uri, mimeType, blob: file.content }] };
  }
}
