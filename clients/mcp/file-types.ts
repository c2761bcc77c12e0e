/** A file's MIME type from its name, for MCP resources and tool results (the daemon stores bytes, not types). */

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  txt: "text/plain",
  log: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  html: "text/html",
  htm: "text/html",
  css: "text/css",
  xml: "application/xml",
  json: "application/json",
  py: "text/x-python",
  js: "text/javascript",
  ts: "text/plain",
  yaml: "application/yaml",
  yml: "application/yaml",
  toml: "application/toml",
  ini: "text/plain",
  tex: "text/x-tex",
  pdf: "application/pdf",
  zip: "application/zip",
  parquet: "application/vnd.apache.parquet",
};

/** The MIME type a file's extension suggests; `application/octet-stream` when it suggests none. */
export function mimeTypeOf(path: string): string {
  const dot = path.lastIndexOf(".");
  const extension = dot > path.lastIndexOf("/") ? path.slice(dot + 1).toLowerCase() : "";
  return TYPES[extension] ?? "application/octet-stream";
}

/** True for types whose bytes are text (read as UTF-8). */
export function isTextType(mime: string): boolean {
  return mime.startsWith("text/") || mime.endsWith("+xml") || mime.endsWith("/json") || mime.endsWith("/xml") || mime.endsWith("/yaml") || mime.endsWith("/toml") || mime === "image/svg+xml";
}
