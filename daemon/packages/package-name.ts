/** Python package names: PEP 503 normalisation and "did you mean" suggestions. */

/** Normalises a distribution name as PEP 503 does: lower case, runs of `-`, `_` and `.` become one `-`. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

/** True for a syntactically valid distribution name (PEP 508: letters, digits, `-`, `_`, `.`; alphanumeric at both ends). */
export function isValidName(name: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `max` (default 3) of `candidates` closest to `name`: small edit distances first
 * (at most a third of the name's length, and at least 2), then names that contain it.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = normalizeName(name);
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: Array<[string, number]> = [];
  for (const candidate of candidates) {
    const normal = normalizeName(candidate);
    const distance = editDistance(wanted, normal);
    if (distance <= limit) scored.push([candidate, distance]);
    else if (wanted.length >= 3 && normal.length >= 4 && (normal.includes(wanted) || wanted.includes(normal))) scored.push([candidate, limit + 1]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return [...new Set(scored.map(([candidate]) => candidate))].slice(0, max);
}

/** " (did you mean a, b?)" for a non-empty list, else "". */
export function didYouMean(suggestions: string[]): string {
  return suggestions.length === 0 ? "" : ` (did you mean ${suggestions.join(", ")}?)`;
}
