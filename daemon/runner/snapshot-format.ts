/** The on-disk format of a Pyodide memory snapshot: a small header with a checksum, then the raw snapshot. */
import { closeSync, fstatSync, openSync, readSync, renameSync, writeSync } from "node:fs";

const MAGIC = "WOMASNP1";
/** Size of the header in bytes: magic, payload length, CRC-32 of the payload. */
export const SNAPSHOT_HEADER_BYTES = 16;

/** Writes a snapshot atomically: to a temporary file beside `path`, then renamed over it. */
export function writeSnapshotFile(path: string, payload: Uint8Array): number {
  const header = new Uint8Array(SNAPSHOT_HEADER_BYTES);
  header.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(header.buffer);
  view.setUint32(8, payload.length, true);
  view.setUint32(12, Bun.hash.crc32(payload) >>> 0, true);
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeSync(fd, header);
    writeSync(fd, payload);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return SNAPSHOT_HEADER_BYTES + payload.length;
}

/** Returns the snapshot inside a file's bytes, or a sentence saying why the file is not a valid snapshot. */
export function readSnapshotPayload(bytes: Uint8Array, verifyChecksum: boolean): Uint8Array | string {
  if (bytes.length < SNAPSHOT_HEADER_BYTES) return `file is ${bytes.length} bytes, shorter than a snapshot header`;
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return "file does not start with the snapshot magic";
  const view = new DataView(bytes.buffer, bytes.byteOffset, SNAPSHOT_HEADER_BYTES);
  const length = view.getUint32(8, true);
  if (bytes.length !== SNAPSHOT_HEADER_BYTES + length) {
    return `file holds ${bytes.length - SNAPSHOT_HEADER_BYTES} bytes of snapshot, its header says ${length} (truncated?)`;
  }
  const payload = bytes.subarray(SNAPSHOT_HEADER_BYTES);
  if (verifyChecksum && Bun.hash.crc32(payload) >>> 0 !== view.getUint32(12, true)) return "snapshot checksum does not match (corrupt file)";
  return payload;
}

/** Checks a snapshot file's header and length without reading the snapshot itself; returns why it is bad, or undefined. */
export function checkSnapshotHeader(path: string): string | undefined {
  const fd = openSync(path, "r");
  try {
    const header = new Uint8Array(SNAPSHOT_HEADER_BYTES);
    const read = readSync(fd, header, 0, SNAPSHOT_HEADER_BYTES, 0);
    if (read < SNAPSHOT_HEADER_BYTES) return `file is ${read} bytes, shorter than a snapshot header`;
    if (new TextDecoder().decode(header.subarray(0, 8)) !== MAGIC) return "file does not start with the snapshot magic";
    const length = new DataView(header.buffer).getUint32(8, true);
    const size = fstatSync(fd).size;
    if (size !== SNAPSHOT_HEADER_BYTES + length) return `file holds ${size - SNAPSHOT_HEADER_BYTES} bytes of snapshot, its header says ${length} (truncated?)`;
    return undefined;
  } finally {
    closeSync(fd);
  }
}
