/** The snapshot file format: written atomically, sealed with an HMAC, and truncation or tampering is detected. */
import { expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSnapshotHeader, readSnapshotPayload, SNAPSHOT_HEADER_BYTES, verifySealedSnapshot, writeSealedSnapshot } from "../../daemon/contract/snapshot-format.ts";

const payload = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
const key = randomBytes(32);

function written(): string {
  const path = join(mkdtempSync(join(tmpdir(), "woma-snap-")), "s.snapshot");
  writeSealedSnapshot(path, payload, key);
  return path;
}

test("a sealed snapshot reads back identical, passes the header check and its seal", () => {
  const path = written();
  expect(checkSnapshotHeader(path)).toBeUndefined();
  const bytes = new Uint8Array(readFileSync(path));
  expect(readSnapshotPayload(bytes)).toEqual(payload);
  expect(verifySealedSnapshot(bytes, key)).toBeUndefined();
});

test("a truncated snapshot fails the header check, naming the sizes", () => {
  const path = written();
  truncateSync(path, SNAPSHOT_HEADER_BYTES + 5000);
  expect(checkSnapshotHeader(path)).toBe("file holds 5000 bytes of snapshot, its header says 100000 (truncated?)");
});

test("a flipped byte in the payload breaks the seal", () => {
  const bytes = new Uint8Array(readFileSync(written()));
  bytes[SNAPSHOT_HEADER_BYTES + 500]! ^= 0xff;
  expect(verifySealedSnapshot(bytes, key)).toContain("its seal does not match");
});

test("a snapshot sealed under another cache's key is refused", () => {
  const bytes = new Uint8Array(readFileSync(written()));
  expect(verifySealedSnapshot(bytes, randomBytes(32))).toContain("its seal does not match");
});

test("a file that is not a snapshot is named as such", () => {
  const path = written();
  writeFileSync(path, "garbage garbage garbage garbage garbage garbage garbage garbage");
  expect(checkSnapshotHeader(path)).toBe("file does not start with the snapshot magic");
});
