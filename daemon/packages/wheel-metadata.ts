/** What a wheel says about itself (name, version, Requires-Dist, the modules it provides), read from its METADATA and entry names. */

/** The parts of a wheel's `METADATA` and file list that installing needs. */
export interface WheelMetadata {
  name: string;
  version: string;
  /** Each `Requires-Dist` line, a PEP 508 requirement with an optional marker. */
  requiresDist: string[];
  requiresPython?: string;
  /** Top-level importable modules: `top_level.txt` when present, else the archive's top-level packages and modules. */
  imports: string[];
}

/** Parses the RFC 822-style headers of a METADATA file (the body after the first blank line is the description, ignored). */
export function parseMetadataHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === "") break;
    if (/^[ \t]/.test(line) && last) {
      last[last.length - 1] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(key) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(key, values);
    last = values;
  }
  return headers;
}

/** The top-level packages and modules of a wheel, from its entry names (when it has no top_level.txt). */
export function importsFromNames(names: string[]): string[] {
  const modules = new Set<string>();
  for (const name of names) {
    const [top, ...rest] = name.split("/");
    if (!top) continue;
    if (rest.length > 0) {
      if (!/\.(dist-info|data)$/.test(top) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(top)) modules.add(top);
    } else {
      const module = /^([A-Za-z_][A-Za-z0-9_]*)(\.[^/]*)?\.(py|so|pyd)$/.exec(top);
      if (module) modules.add(module[1]!);
    }
  }
  return [...modules].sort();
}
