/** Which representations of a display output travel as text and which in base64, as the schema's `MimeBundle` says. */

/**
 * True when a MIME type's value is base64 (images, anything binary); false for text:
 * `text/*`, `image/svg+xml` and other `+xml`, `application/json` and `+json`, and
 * `application/javascript`.
 */
export function isBinaryMime(mime: string): boolean {
  return !(
    mime.startsWith("text/") ||
    mime === "application/json" ||
    mime.endsWith("+json") ||
    mime.endsWith("+xml") ||
    mime === "application/javascript"
  );
}
