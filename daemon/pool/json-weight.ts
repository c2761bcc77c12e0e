/** Measures a parsed JSON value whole, without recursion: what it costs to hold and how deep it nests. */

/** How heavy a JSON value is: its bytes written out (strings as UTF-8, numbers as JavaScript writes them), and its deepest nesting. */
export interface JsonWeight {
  bytes: number;
  depth: number;
}

/**
 * Weighs `value` (a value JSON.parse made: objects, arrays, strings, numbers, booleans,
 * null) iteratively, so a value nested a million levels deep cannot overflow the stack.
 * Counting stops as soon as `bytes` passes `maxBytes` or `depth` passes `maxDepth`: the
 * answer is then only known to be over, which is all a cap needs.
 */
export function jsonWeight(value: unknown, maxBytes: number, maxDepth: number): JsonWeight {
  let bytes = 0;
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (bytes > maxBytes || deepest > maxDepth) break;
    if (typeof item === "string") bytes += Buffer.byteLength(item) + 2;
    else if (typeof item === "number") bytes += String(item).length;
    else if (item === null || typeof item !== "object") bytes += 5;
    else if (Array.isArray(item)) {
      bytes += 2 + item.length;
      for (const element of item) stack.push([element, depth + 1]);
    } else {
      bytes += 2;
      for (const [key, element] of Object.entries(item)) {
        bytes += Buffer.byteLength(key) + 4;
        stack.push([element, depth + 1]);
      }
    }
  }
  return { bytes, depth: deepest };
}
