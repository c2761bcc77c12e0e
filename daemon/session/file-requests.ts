/** `files/*` requests as runner operations, and the runner's answers checked again: the daemon does not take a runner's word for a file's size. */
import type {
  FileEncoding,
  FilesDeleteResult,
  FilesListResult,
  FilesReadResult,
  FilesWriteResult,
} from "../../protocol/generated/types.ts";
import { DaemonError, type DaemonErrorCode } from "../daemon-error.ts";
import type { FilesAnswer, FilesProblem } from "../contract/runner-protocol.ts";

/** Base64 as the runner sends file contents: no whitespace, padded. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const ERROR_CODES: Record<FilesProblem, DaemonErrorCode> = {
  "not-found": "FILE_NOT_FOUND",
  refused: "FILE_PATH_REFUSED",
  "too-large": "FILE_TOO_LARGE",
  invalid: "INVALID_PARAMS",
};

/** A runner answer that it could only have made by breaking the protocol; the daemon kills the runner. */
export class RunnerAnswerViolation extends Error {}

/**
 * The size in bytes of a `files/write`'s content once decoded, within `maxBytes`, without
 * copying it. Throws `INVALID_PARAMS` for base64 that is not, `FILE_TOO_LARGE` past the cap.
 */
export function contentSize(content: string, encoding: FileEncoding | undefined, maxBytes: number, path: string): number {
  let size: number;
  if (encoding === "base64") {
    // Whitespace may sit anywhere in base64; it is counted out, not copied out.
    let padding = 0;
    let chars = 0;
    for (let i = 0; i < content.length; i++) {
      const c = content.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) continue;
      chars++;
      if (c === 61) padding++;
      else if (padding > 0 || !isBase64Char(c)) throw notBase64();
    }
    if (padding > 2 || chars % 4 === 1) throw notBase64();
    size = Math.floor((chars * 3) / 4) - padding;
  } else {
    size = Buffer.byteLength(content, "utf8");
  }
  if (size > maxBytes) throw tooLarge(path, size, maxBytes);
  return size;
}

/**
 * The content of a `files/write` as base64 for the runner, within `maxBytes` once decoded.
 * Throws `INVALID_PARAMS` for base64 that is not, `FILE_TOO_LARGE` past the cap.
 */
export function contentForRunner(content: string, encoding: FileEncoding | undefined, maxBytes: number, path: string): string {
  contentSize(content, encoding, maxBytes, path);
  return encoding === "base64" ? content.replace(/\s+/g, "") : Buffer.from(content, "utf8").toString("base64");
}

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

function notBase64(): DaemonError {
  return new DaemonError("INVALID_PARAMS", `invalid params for files/write: params.content is not base64 (encoding "base64" was given)`);
}

function tooLarge(path: string, size: number, maxBytes: number): DaemonError {
  return new DaemonError("FILE_TOO_LARGE", `${path} would be ${size} bytes, over the ${maxBytes}-byte limit on files (--max-file-bytes)`);
}

/** The runner's refusal as the daemon's error. */
function refusal(answer: Extract<FilesAnswer, { ok: false }>): DaemonError {
  return new DaemonError(ERROR_CODES[answer.kind], answer.message);
}

/** The result of `files/write`. */
export function writeResult(answer: FilesAnswer): FilesWriteResult {
  if (!answer.ok) throw refusal(answer);
  if (answer.size === undefined) throw new RunnerAnswerViolation("its files/write answer has no size");
  return { path: answer.path, size: answer.size };
}

/**
 * The result of `files/read`, with the content checked: base64, no more than `maxBytes`
 * decoded, and the size it claims. Text is decoded strictly: bytes that are not UTF-8 are
 * an error that says to ask for base64.
 */
export function readResult(answer: FilesAnswer, encoding: FileEncoding | undefined, maxBytes: number): FilesReadResult {
  if (!answer.ok) throw refusal(answer);
  const data = answer.data;
  if (typeof data !== "string" || !BASE64.test(data)) throw new RunnerAnswerViolation("its files/read answer is not base64");
  if (data.length > Math.ceil(maxBytes / 3) * 4) throw new RunnerAnswerViolation(`its files/read answer is over the ${maxBytes}-byte cap on files`);
  const bytes = Buffer.from(data, "base64");
  if (bytes.length > maxBytes) throw new RunnerAnswerViolation(`its files/read answer is over the ${maxBytes}-byte cap on files`);
  if (encoding === "base64") return { path: answer.path, content: data, encoding: "base64", size: bytes.length };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DaemonError("INVALID_PARAMS", `${answer.path} is not UTF-8 text; read it with encoding "base64"`);
  }
  return { path: answer.path, content: text, encoding: "utf-8", size: bytes.length };
}

/** The result of `files/list`. */
export function listResult(answer: FilesAnswer): FilesListResult {
  if (!answer.ok) throw refusal(answer);
  if (!answer.entries) throw new RunnerAnswerViolation("its files/list answer has no entries");
  const result: FilesListResult = { path: answer.path, entries: answer.entries };
  if (answer.truncated) result.truncated = true;
  return result;
}

/** The result of `files/delete`. */
export function deleteResult(answer: FilesAnswer): FilesDeleteResult {
  if (!answer.ok) throw refusal(answer);
  return { path: answer.path };
}
