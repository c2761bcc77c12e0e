/** The snapshot file format: written atomically, and truncation or corruption is detected. */
import { expect, test } from "bun:test";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSnapshotHeader, readSnapshotPayload, SNAPSHOT_HEADER_BYTES, writeSnapshotFile } from "../../daemon/runner/snapshot-format.ts";

const payload = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);

function written(): string {
  const path = join(mkdtempSync(join(tmpdir(), "woma-snap-")), "s.snapshot");
  writeSnapshotFile(path, payload);
  return path;
}

test("a written snapshot reads back identical and passes the header check", () => {
  const path = written();
  expect(checkSnapshotHeader(path)).toBeUndefined();
  const back = readSnapshotPayload(new Uint8Array(readFileSync(path)), true);
  expect(back).toEqual(payload);
});

test("a truncated snapshot fails the header check, naming the sizes", () => {
  const path = written();
  truncateSync(path, SNAPSHOT_HEADER_BYTES + 5000);
  expect(checkSnapshotHeader(path)).toBe("file holds 5000 bytes of snapshot, its header says 100000 (truncated?)");
});

test("a flipped byte fails the checksum", () => {
  const path = written();
  const bytes = new Uint8Array(readFileSync(path));
  bytes[SNAPSHOT_HEADER_BYTES + 500]! ^= 0xff;
  expect(readSnapshotPayload(bytes, true)).toBe("snapshot checksum does not match (corrupt file)");
});

test("a file that is not a snapshot is named as such", () => {
  const path = written();
  writeFileSync(path, "garbage garbage garbage");
  expect(checkSnapshotHeader(path)).toBe("file does not start with the snapshot magic");
});
