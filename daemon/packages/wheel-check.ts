/** Checks a wheel before any interpreter unpacks it: every entry's name, kind and real inflated size, and what its METADATA says. Runs in the package worker. */
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { Readable } from "node:stream";
import { MAX_METADATA_BYTES, MAX_WHEEL_ENTRIES } from "./package-limits.ts";
import { PackageError } from "./package-error.ts";
import { importsFromNames, parseMetadataHeaders, type WheelMetadata } from "./wheel-metadata.ts";

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX = 3;

function refuse(label: string, what: string, data: Record<string, unknown> = {}): PackageError {
  return new PackageError("INCOMPATIBLE_WHEEL", `${label} is refused: ${what}`, data);
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames and decodeStrings make yauzl refuse absolute paths, drive letters, backslashes and `..` segments.
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: true, decodeStrings: true, validateEntrySizes: true }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));
}

/**
 * Reads the whole wheel at `path` as Python's installer would, without writing anything:
 * refuses (INCOMPATIBLE_WHEEL, naming `label` and the entry) a file that is not a zip, an
 * entry whose name is absolute or has a `..` segment, a symbolic link, an encrypted entry,
 * an entry that inflates past the size it declares, more than {@link MAX_WHEEL_ENTRIES}
 * entries, and a total past `maxUnpackedBytes` counted on the bytes really inflated (declared
 * sizes are not believed). Returns what its `*.dist-info/METADATA` and `top_level.txt` say.
 */
export async function checkWheel(path: string, label: string, maxUnpackedBytes: number): Promise<WheelMetadata> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw refuse(label, `it is not a readable wheel (zip): ${(error as Error).message}`);
  }
  try {
    return await walk(zip, label, maxUnpackedBytes);
  } finally {
    zip.close();
  }
}

async function walk(zip: ZipFile, label: string, maxUnpackedBytes: number): Promise<WheelMetadata> {
  if (zip.entryCount > MAX_WHEEL_ENTRIES) throw refuse(label, `it has ${zip.entryCount} entries, more than the ${MAX_WHEEL_ENTRIES} allowed`);
  const names: string[] = [];
  const wanted = new Map<string, Uint8Array>();
  let unpacked = 0;
  for (;;) {
    let entry: Entry | undefined;
    try {
      entry = await nextEntry(zip);
    } catch (error) {
      throw refuse(label, (error as Error).message);
    }
    if (entry === undefined) break;
    const name = entry.fileName;
    names.push(name);
    if (entry.versionMadeBy >> 8 === UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw refuse(label, `its entry ${JSON.stringify(name)} is a symbolic link`, { entry: name });
    if (name.endsWith("/")) continue;
    const keep = /^[^/]+\.dist-info\/(METADATA|top_level\.txt)$/.test(name);
    if (keep && entry.uncompressedSize > MAX_METADATA_BYTES) throw refuse(label, `its ${name} declares ${entry.uncompressedSize} bytes, more than the ${MAX_METADATA_BYTES} allowed`);
    if (unpacked + entry.uncompressedSize > maxUnpackedBytes) throw refuse(label, `its files hold more than ${maxUnpackedBytes} bytes unpacked (--max-package-bytes)`, { entry: name });
    const parts: Buffer[] = [];
    let entryBytes = 0;
    try {
      const stream = await openEntry(zip, entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        entryBytes += chunk.byteLength;
        unpacked += chunk.byteLength;
        // yauzl stops an entry past its declared size; this bounds the whole even so.
        if (unpacked > maxUnpackedBytes) {
          stream.destroy();
          throw new Error(`its files hold more than ${maxUnpackedBytes} bytes unpacked (--max-package-bytes)`);
        }
        if (keep) parts.push(chunk);
      }
    } catch (error) {
      const message = (error as Error).message;
      throw refuse(label, /too many bytes|too few bytes/.test(message) ? `its entry ${JSON.stringify(name)} inflates to other than the ${entry.uncompressedSize} bytes it declares (${message})` : message.startsWith("its ") ? message : `its entry ${JSON.stringify(name)} cannot be read: ${message}`, { entry: name });
    }
    if (keep) wanted.set(name, Buffer.concat(parts, entryBytes));
  }
  return metadataOf(wanted, names, label);
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener("entry", onEntry);
      zip.removeListener("end", onEnd);
      zip.removeListener("error", onError);
    };
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    zip.once("entry", onEntry);
    zip.once("end", onEnd);
    zip.once("error", onError);
    zip.readEntry();
  });
}

function metadataOf(files: Map<string, Uint8Array>, names: string[], label: string): WheelMetadata {
  const metadataNames = [...files.keys()].filter((name) => name.endsWith("/METADATA"));
  if (metadataNames.length !== 1) throw new PackageError("INCOMPATIBLE_WHEEL", `${label} is not a valid wheel: it has ${metadataNames.length} *.dist-info/METADATA files, expected one`, {});
  const metadataName = metadataNames[0]!;
  const headers = parseMetadataHeaders(new TextDecoder().decode(files.get(metadataName)));
  const name = headers.get("name")?.[0];
  const version = headers.get("version")?.[0];
  if (!name || !version) throw new PackageError("INCOMPATIBLE_WHEEL", `${label}: ${metadataName} lacks Name or Version`, {});
  const topLevel = files.get(metadataName.replace(/METADATA$/, "top_level.txt"));
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
