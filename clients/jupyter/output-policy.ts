/**
 * What of a cell's MIME bundle reaches the front end. A notebook runs script in the outputs of
 * cells its user executed (they are "trusted"), with the access of the whole Jupyter session:
 * Python in woma could otherwise reach the host through the browser (a terminal, another
 * kernel). So by default only representations a browser shows without running code go out,
 * and HTML is cleaned as JupyterLab cleans an untrusted notebook's (with sanitize-html).
 */
import sanitizeHtml from "sanitize-html";

/** Representations passed as they are: a browser shows them without running anything from them. */
const INERT = new Set(["text/plain", "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "application/json"]);

/**
 * URL schemes that run code or carry a document of their own (a data: URL other than a bitmap
 * image), looked for after removing the whitespace and control characters a browser ignores
 * inside a URL (`java\tscript:`).
 */
const ACTIVE_URL = /(?:java|vb)script:|(?<![\w.-])data:(?!image\/(?:png|jpeg|gif|webp|bmp)[;,])[\w.+-]+\/[\w.+-]+/i;
/** Character references a renderer decodes before it reads a URL (`&#106;avascript:`, `&colon;`). */
const ENCODED = /&(?:#\d+|#x[0-9a-f]+|colon|tab|newline|lpar|rpar);/i;

function hasActiveUrl(text: string): boolean {
  return ACTIVE_URL.test(text.replace(/[\s\u0000-\u001f]+/g, "")) || ENCODED.test(text);
}

/** HTML elements and attributes that show things, run nothing and load no document. */
const HTML_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "h1", "h2", "span", "del", "ins", "details", "summary", "center", "font"],
  allowedAttributes: {
    "*": ["class", "id", "title", "style", "align", "valign", "width", "height", "dir", "lang", "border", "cellpadding", "cellspacing", "bgcolor", "color", "colspan", "rowspan", "scope"],
    a: ["href", "name", "target", "rel"],
    img: ["src", "alt", "width", "height"],
    ol: ["start", "type", "reversed"],
    font: ["face", "size", "color"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https", "data"] },
  // A link opens outside the notebook's page, never as it.
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
};

/** Elements and attributes of SVG that can run script, load a document or animate a link into one. */
const ACTIVE_SVG = /<\s*(?:script|foreignObject|iframe|embed|object|animate|set|handler|listener)\b|\son[a-z]+\s*=/i;
/** Markdown that holds raw HTML, which a front end renders as HTML (an autolink `<https://...>` included). */
const ACTIVE_MARKDOWN = /<[A-Za-z!/?]/;

/** What a bundle lost on the way to the front end. */
export interface Filtered {
  data: Record<string, string>;
  /** Representations left out whole, for a note to the user. */
  dropped: string[];
}

/**
 * The bundle a front end may show. HTML is cleaned; SVG, Markdown and LaTeX that could run
 * code are left out (SVG with script, Markdown with raw HTML, an active URL anywhere);
 * anything else a browser might execute (JavaScript, widget and plugin types) is left out.
 */
export function frontEndBundle(data: Readonly<Record<string, string | undefined>>): Filtered {
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [mime, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (INERT.has(mime)) kept[mime] = value;
    else if (mime === "text/html") kept[mime] = sanitizeHtml(value, HTML_POLICY);
    else if (mime === "image/svg+xml" && !ACTIVE_SVG.test(value) && !hasActiveUrl(value)) kept[mime] = value;
    else if (mime === "text/markdown" && !ACTIVE_MARKDOWN.test(value) && !hasActiveUrl(value)) kept[mime] = value;
    else if (mime === "text/latex" && !hasActiveUrl(value)) kept[mime] = value;
    else dropped.push(mime);
  }
  return { data: kept, dropped };
}

/** A line telling the user what was left out and how to let it through. */
export function droppedNote(dropped: readonly string[]): string {
  return `woma: left out ${dropped.join(", ")} from an output: a front end would run code from ${dropped.length === 1 ? "it" : "them"} with your Jupyter session's access. Start the kernel with --trust-outputs (woma jupyter install -- --trust-outputs) for code you trust.\n`;
}
