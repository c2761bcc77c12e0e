/** The REST bridge's file endpoints: a session's working directory under `/sessions/NAME/files/PATH` (and `/files/PATH` for the default session), as raw bytes. */
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { errorCode } from "../shared/run-errors.ts";
import type { CorsAllowance } from "../web/web-guard.ts";
import { readBodyBytes } from "./request-body.ts";
import { RestError } from "./rest-errors.ts";
import type { SessionRouter } from "./session-router.ts";

/** What browsers are told the file endpoints take. */
export const FILES_CORS: CorsAllowance = { methods: "GET, PUT, DELETE, OPTIONS", requestHeaders: "Content-Type, Authorization" };
/** The methods a file path answers. */
export const FILES_ALLOW = "GET, PUT, DELETE, OPTIONS";

/** The session (undefined: the default one) and the path within its working directory that a URL names. */
export interface FilesTarget {
  session: string | undefined;
  /** The path, decoded; "" for the working directory itself. */
  path: string;
  /** True when the URL ends in "/": a directory to list. */
  directory: boolean;
}

/** Session names as the bridge takes them (the daemon's `SessionId`). */
const SESSION_NAME = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The target of a file URL, undefined when the path is not one: `/files/PATH` (the default
 * session) or `/sessions/NAME/files/PATH`. Each segment is percent-decoded.
 */
export function filesTarget(pathname: string): FilesTarget | undefined {
  let session: string | undefined;
  let rest: string;
  const named = /^\/sessions\/([^/]+)\/files(\/.*)?$/.exec(pathname);
  if (named) {
    session = decode(named[1]!);
    if (!SESSION_NAME.test(session)) throw new RestError("bad_request", `session names are 1 to 128 letters, digits, '.', '_', ':' or '-', got ${JSON.stringify(session)}`);
    rest = named[2] ?? "/";
  } else if (pathname === "/files" || pathname.startsWith("/files/")) {
    rest = pathname.slice("/files".length) || "/";
  } else return undefined;
  // Only the separator after "files" is dropped: an encoded "%2F" first is an absolute path, which the daemon judges.
  const path = rest.split("/").map(decode).join("/").slice(1);
  return { session, path, directory: rest.endsWith("/") };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RestError("bad_request", `the URL has a bad percent-encoding: ${JSON.stringify(segment)}`);
  }
}

/** Headers of a file download: bytes to save, never a page to render on the bridge's origin. */
function downloadHeaders(path: string): Record<string, string> {
  const name = path.split("/").pop() || "file";
  return {
    "Content-Type": "application/octet-stream",
    "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    "X-Content-Type-Options": "nosniff",
    // A page elsewhere cannot pull the file in as an <img> or <script> (no-cors), and nothing it holds runs here.
    "Cross-Origin-Resource-Policy": "same-origin",
    "Content-Security-Policy": "sandbox",
    "Cache-Control": "no-store",
  };
}

/** The bridge's file endpoints over a daemon client and the bridge's session router. */
export class FileEndpoints {
  private maxFileBytes: number | undefined;

  constructor(
    private readonly client: DaemonClient,
    private readonly router: SessionRouter,
  ) {}

  /**
   * `GET` a file (its bytes) or a directory with a trailing `/` (a JSON listing; `?recursive=1`
   * goes down), `PUT` a file (the body's bytes; the named session is created when new),
   * `DELETE` a file or, with `?recursive=1`, a directory.
   */
  async handle(request: Request, target: FilesTarget): Promise<Response> {
    const recursive = ["1", "true"].includes(new URL(request.url, "http://localhost").searchParams.get("recursive") ?? "");
    const sessionId = await this.session(target, request.method === "PUT");
    try {
      switch (request.method) {
        case "GET": {
          if (target.directory) return Response.json(await this.client.listFiles({ session_id: sessionId, path: target.path || ".", recursive }));
          const file = await this.client.readFile({ session_id: sessionId, path: target.path, encoding: "base64" });
          return new Response(Buffer.from(file.content, "base64"), { status: 200, headers: downloadHeaders(file.path) });
        }
        case "PUT": {
          if (target.directory || target.path === "") throw new RestError("bad_request", "PUT needs a file path, not a directory (no trailing /)");
          const bytes = await this.body(request);
          const written = await this.client.writeFile({ session_id: sessionId, path: target.path, content: Buffer.from(bytes).toString("base64"), encoding: "base64" });
          return Response.json(written, { status: 201 });
        }
        case "DELETE":
          return Response.json(await this.client.deleteFile({ session_id: sessionId, path: target.path || ".", recursive }));
        default:
          throw new RestError("method_not_allowed", `${request.method} is not allowed on a file path; use ${FILES_ALLOW}`, {}, { Allow: FILES_ALLOW });
      }
    } catch (error) {
      throw this.explain(error, target);
    }
  }

  /** The daemon session of the request: named, or the default one; a 404 when there is none. */
  private async session(target: FilesTarget, create: boolean): Promise<string> {
    const sessionId = await this.router.sessionFor(target.session, create);
    if (sessionId === undefined) {
      throw new RestError("not_found", "this bridge has no default session (it runs with --workers 2 or more), so files need a session: use /sessions/NAME/files/PATH");
    }
    return sessionId;
  }

  /** The request body, within the daemon's --max-file-bytes (413 past it). */
  private async body(request: Request): Promise<Uint8Array> {
    this.maxFileBytes ??= (await this.client.info()).limits.max_file_bytes ?? 16 * 1024 * 1024;
    try {
      return await readBodyBytes(request, this.maxFileBytes);
    } catch (error) {
      if (error instanceof RestError) throw new RestError("payload_too_large", `the file is larger than the ${this.maxFileBytes}-byte limit on files (the daemon's --max-file-bytes)`);
      throw error;
    }
  }

  /** Daemon errors worded for a URL: a missing session is a 404, a directory fetched without its slash says how to list it. */
  private explain(error: unknown, target: FilesTarget): unknown {
    if (errorCode(error) === WomaErrorCodes.SessionNotFound) return new RestError("not_found", `no session "${target.session}"; a PUT or a POST /python naming it creates it`);
    if (error instanceof Error && / is a directory/.test(error.message) && !target.directory) {
      return new RestError("bad_request", `${error.message.replace(/; list it with files\/list$/, "")}; add a trailing / to the URL to list it`);
    }
    return error;
  }
}
