/** Reads what a wheel says about itself: name, version, Requires-Dist and the modules it provides. */
import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { PackageError } from "./package-error.ts";

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

/** Largest METADATA or top_level.txt read, in bytes (a wheel is untrusted). */
const MAX_METADATA_BYTES = 4 * 1024 * 1024;

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

function importsFromNames(names: string[]): string[] {
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

/**
 * Reads `METADATA` (and `top_level.txt`) from the wheel at `path`. Throws
 * INCOMPATIBLE_WHEEL when the file is not a zip or has no single `.dist-info/METADATA`.
 */
export async function readWheelMetadata(path: string): Promise<WheelMetadata> {
  const bytes = await readFile(path);
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return /^[^/]+\.dist-info\/(METADATA|top_level\.txt)$/.test(file.name) && file.originalSize <= MAX_METADATA_BYTES;
      },
    });
  } catch (error) {
    throw new PackageError("INCOMPATIBLE_WHEEL", `${path} is not a readable wheel (zip): ${(error as Error).message}`, { path }, { cause: error });
  }
  const metadataNames = Object.keys(files).filter((name) => name.endsWith("/METADATA"));
  if (metadataNames.length !== 1) {
    throw new PackageError("INCOMPATIBLE_WHEEL", `${path} is not a valid wheel: it has ${metadataNames.length} *.dist-info/METADATA files, expected one`, { path });
  }
  const metadataName = metadataNames[0]!;
  const headers = parseMetadataHeaders(new TextDecoder().decode(files[metadataName]));
  const name = headers.get("name")?.[0];
  const version = headers.get("version")?.[0];
  if (!name || !version) throw new PackageError("INCOMPATIBLE_WHEEL", `${path}: ${metadataName} lacks Name or Version`, { path });
  const topLevel = files[metadataName.replace(/METADATA$/, "top_level.txt")];
  const imports = topLevel
    ? new TextDecoder()
        .decode(topLevel)
        .split(/\r?\n/)
        .map((line) => line.trim().split("/")[0]!)
        .filter((line) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(line))
    : importsFromNames(names);
  const metadata: WheelMetadata = { name, version, requiresDist: headers.get("requires-dist") ?? [], imports };
  const requiresPython = headers.get("requires-python")?.[0];
  if (requiresPython) metadata.requiresPython = requiresPython;
  return metadata;
}
