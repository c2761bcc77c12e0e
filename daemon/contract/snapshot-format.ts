/** The on-disk format of a Pyodide memory snapshot: a header sealed with an HMAC by the daemon, then the raw snapshot. */
import { createHmac, timingSafeEqual } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, renameSync, writeSync } from "node:fs";

const MAGIC = "WOMASNP2";
const HMAC_BYTES = 32;
/** Size of the header in bytes: magic, payload length, reserved, HMAC-SHA256 of the payload. */
export const SNAPSHOT_HEADER_BYTES = 16 + HMAC_BYTES;

/** Writes bytes to a temporary file beside `path`, then renames it over `path`, so a crash never leaves half a file. */
function writeAtomically(path: string, parts: Uint8Array[]): number {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  let written = 0;
  try {
    for (const part of parts) written += writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return written;
}

/** Writes the raw snapshot a builder runner made (no header: the daemon seals it). Returns its size. */
export function writeRawSnapshot(path: string, payload: Uint8Array): number {
  return writeAtomically(path, [payload]);
}

/** HMAC-SHA256 of a snapshot payload under the cache's secret key. */
export function snapshotSeal(key: Uint8Array, payload: Uint8Array): Uint8Array {
  return createHmac("sha256", key).update(payload).digest();
}

/** Writes a sealed snapshot atomically: header with the payload's HMAC, then the payload. Returns the file's size. */
export function writeSealedSnapshot(path: string, payload: Uint8Array, key: Uint8Array): number {
  const header = new Uint8Array(SNAPSHOT_HEADER_BYTES);
  header.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(header.buffer).setUint32(8, payload.length, true);
  header.set(snapshotSeal(key, payload), 16);
  return writeAtomically(path, [header, payload]);
}

/** Returns the snapshot inside a sealed file's bytes (without checking the seal), or a sentence saying why the file is not one. */
export function readSnapshotPayload(bytes: Uint8Array): Uint8Array | string {
  if (bytes.length < SNAPSHOT_HEADER_BYTES) return `file is ${bytes.length} bytes, shorter than a snapshot header`;
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return "file does not start with the snapshot magic";
  const length = new DataView(bytes.buffer, bytes.byteOffset, SNAPSHOT_HEADER_BYTES).getUint32(8, true);
  if (bytes.length !== SNAPSHOT_HEADER_BYTES + length) {
    return `file holds ${bytes.length - SNAPSHOT_HEADER_BYTES} bytes of snapshot, its header says ${length} (truncated?)`;
  }
  return bytes.subarray(SNAPSHOT_HEADER_BYTES);
}

/** Checks a sealed snapshot's format and its HMAC under `key`; returns why it must not be used, or undefined. */
export function verifySealedSnapshot(bytes: Uint8Array, key: Uint8Array): string | undefined {
  const payload = readSnapshotPayload(bytes);
  if (typeof payload === "string") return payload;
  const expected = bytes.subarray(16, SNAPSHOT_HEADER_BYTES);
  if (!timingSafeEqual(snapshotSeal(key, payload), expected)) return "its seal does not match (the file was changed, or sealed with another cache's key)";
  return undefined;
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
