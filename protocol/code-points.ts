/** Positions in text counted in Unicode code points, as the protocol counts them (Python's len, Jupyter's cursor_pos), for JavaScript strings that count UTF-16 units. */

/** The number of code points in `text` (a surrogate pair counts once). */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/** The UTF-16 index in `text` of code point `offset` (clamped to the end). */
export function utf16Index(text: string, offset: number): number {
  let points = 0;
  let i = 0;
  while (i < text.length && points < offset) {
    const unit = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    i += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    points++;
  }
  return i;
}
