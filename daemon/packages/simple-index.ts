/** A PEP 503 simple index (HTML, or PEP 691's JSON): the files it offers for one project. */
import type { OffLoop } from "./off-loop.ts";
import type { FetchTrust, PackageFetcher } from "./package-fetch.ts";
import { MAX_INDEX_FILES, MAX_INDEX_PAGE_BYTES } from "./package-limits.ts";
import { normalizeName } from "./package-name.ts";
import { PackageError } from "./package-error.ts";

/** One file the index lists for a project. */
export interface IndexFile {
  /** The file name (the link text, or the URL's last segment). */
  fileName: string;
  /** Absolute URL to download it from, without the hash fragment. */
  url: string;
  /** sha256 in hex, when the index gives one. */
  sha256?: string;
  /** `Requires-Python` from `data-requires-python`, e.g. ">=3.8". */
  requiresPython?: string;
  /** True when the file is yanked (PEP 592). */
  yanked: boolean;
}

/** PyPI's simple index, the default `--pypi-index`. */
export const DEFAULT_PYPI_INDEX = "https://pypi.org/simple/";

const ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[lower] ?? "";
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  if (!match) return new RegExp(`\\s${name}(?=[\\s>/])`, "i").test(tag) ? "" : undefined;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? "");
}

function fileFrom(href: string, base: string, text: string | undefined, requiresPython: string | undefined, yanked: boolean, sha256FromJson?: string): IndexFile | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  const fragment = /(?:^|&)sha256=([0-9a-f]{64})/i.exec(url.hash.slice(1));
  url.hash = "";
  const last = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf("/") + 1));
  const fileName = text?.trim() || last;
  const file: IndexFile = { fileName, url: url.href, yanked };
  const sha256 = sha256FromJson ?? fragment?.[1];
  if (sha256) file.sha256 = sha256.toLowerCase();
  if (requiresPython) file.requiresPython = requiresPython;
  return file;
}

/** Reads a project page in PEP 503 HTML: each `<a href>` is a file; hashes come from `#sha256=` fragments. */
export function parseSimpleHtml(html: string, pageUrl: string): IndexFile[] {
  const files: IndexFile[] = [];
  const base = /<base\s[^>]*href\s*=\s*["']([^"']+)["']/i.exec(html)?.[1];
  const baseUrl = base ? new URL(decodeEntities(base), pageUrl).href : pageUrl;
  for (const match of html.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const tag = ` ${match[1]}>`;
    const href = attribute(tag, "href");
    if (!href) continue;
    const file = fileFrom(href, baseUrl, decodeEntities(match[2]!.replace(/<[^>]*>/g, "")), attribute(tag, "data-requires-python"), attribute(tag, "data-yanked") !== undefined);
    if (file) files.push(file);
  }
  return files;
}

/** Reads a project page in PEP 691 JSON (`{"files": [{"filename", "url", "hashes", "requires-python", "yanked"}]}`). */
export function parseSimpleJson(json: unknown, pageUrl: string): IndexFile[] {
  const list = (json as { files?: unknown } | null)?.files;
  if (!Array.isArray(list)) throw new Error('no "files" list');
  const files: IndexFile[] = [];
  for (const entry of list as Array<Record<string, unknown>>) {
    if (typeof entry?.url !== "string") continue;
    const hashes = entry.hashes as Record<string, unknown> | undefined;
    const sha256 = typeof hashes?.sha256 === "string" ? hashes.sha256 : undefined;
    const requiresPython = typeof entry["requires-python"] === "string" ? entry["requires-python"] : undefined;
    const yanked = entry.yanked !== undefined && entry.yanked !== false;
    const file = fileFrom(entry.url, pageUrl, typeof entry.filename === "string" ? entry.filename : undefined, requiresPython, yanked, sha256);
    if (file) files.push(file);
  }
  return files;
}

/** An index to ask for names the lock lacks, and whose word it is. */
export interface PackageIndex {
  /** The index's base URL (PEP 503), ending with a slash or not. */
  url: string;
  /** `operator` for `--pypi-index`; `tenant` for an index a tenant named (micropip's `index_urls`). */
  trust: FetchTrust;
}

/** How an index page is fetched and read: through the broker, parsed in the package worker. */
export interface IndexReader {
  fetcher: PackageFetcher;
  offLoop: OffLoop;
  /** Who asks (a tenant id, or "daemon"). */
  requester: string;
}

/**
 * Parses an index page's bytes (PEP 691 JSON when the content type says JSON, else PEP 503
 * HTML). Runs in the package worker. Throws SOURCE_UNREACHABLE naming `url` when the page
 * cannot be read or lists more than `maxFiles` files.
 */
export function parseIndexPage(bytes: Uint8Array, contentType: string, url: string, project: string, maxFiles: number): IndexFile[] {
  let files: IndexFile[];
  try {
    const text = new TextDecoder().decode(bytes);
    files = contentType.includes("json") ? parseSimpleJson(JSON.parse(text), url) : parseSimpleHtml(text, url);
  } catch (error) {
    throw new PackageError("SOURCE_UNREACHABLE", `the package index page ${url} cannot be read (${(error as Error).message})`, { package: project, source: url });
  }
  if (files.length > maxFiles) throw new PackageError("SOURCE_UNREACHABLE", `the package index page ${url} lists ${files.length} files, more than the ${maxFiles} allowed`, { package: project, source: url });
  return files;
}

/**
 * The files `index` lists for `project` (its page `<index>/<normalised name>/`), fetched
 * under the index's trust, at most {@link MAX_INDEX_PAGE_BYTES}, parsed off the event loop.
 * Returns undefined when the index has no such project (HTTP 404). Throws NOT_ALLOWED when
 * the policy refuses the index, SOURCE_UNREACHABLE when it cannot be reached, answers an
 * error or sends a page that cannot be read, DOWNLOAD_FAILED for a page over the cap.
 */
export async function fetchProjectFiles(index: PackageIndex, project: string, reader: IndexReader): Promise<IndexFile[] | undefined> {
  const base = index.url.endsWith("/") ? index.url : `${index.url}/`;
  const pageUrl = new URL(`${encodeURIComponent(normalizeName(project))}/`, base).href;
  const remedy = index.trust.kind === "operator" ? "; check --pypi-index, or install from a wheel file or a mirror" : "";
  const got = await reader.fetcher
    .whole({ url: pageUrl, trust: index.trust, requester: reader.requester, accept: ACCEPT, maxBytes: { bytes: MAX_INDEX_PAGE_BYTES, name: "woma's limit for an index page" }, totalTimeoutMs: 120_000 }, `the package index ${base} for "${project}"`, { package: project, source: base })
    .catch((error: PackageError) => {
      throw new PackageError(error.code, `${error.message}${error.code === "SOURCE_UNREACHABLE" ? remedy : ""}`, error.data, { cause: error });
    });
  if (got === undefined) return undefined;
  return reader.offLoop.parseIndex(got.bytes, got.contentType, got.url, project, MAX_INDEX_FILES);
}
