/** Sizes as messages print them, and the message limit the command line derives from the file limit. */
import { expect, test } from "bun:test";
import { fileWriteMessageBytes } from "../../cli/daemon-flags.ts";
import { daemonOptionsFor } from "../harness/cli-options.ts";
import { downloadLine } from "../../clients/shared/download-line.ts";
import { formatSize } from "../../protocol/describe.ts";

const optionsFor = daemonOptionsFor;

test("sizes read as a person would write them, never 0.0 MB for a small file", () => {
  expect([0, 1, 999, 1000, 12_345, 999_499, 999_500, 3_400_000, 1_234_567_890].map(formatSize)).toEqual([
    "0 bytes",
    "1 byte",
    "999 bytes",
    "1 KB",
    "12 KB",
    "999 KB",
    "1.0 MB",
    "3.4 MB",
    "1.2 GB",
  ]);
  expect(downloadLine("six", 12_345, null, true)).toBe("downloaded six (12 KB)");
  expect(downloadLine("numpy", 1_200_000, 3_400_000, false)).toBe("downloading numpy: 1.2 MB of 3.4 MB");
});

test("by default a client may send a files/write of the largest file (16 MiB, about 22 MiB in base64)", () => {
  const options = optionsFor([]);
  expect(options.maxFileBytes).toBe(16 * 1024 * 1024);
  const base64 = Math.ceil(options.maxFileBytes / 3) * 4;
  expect(options.maxMessageBytes).toBeGreaterThan(base64);
  expect(options.maxMessageBytes).toBe(fileWriteMessageBytes(options.maxFileBytes));
  // A smaller file limit keeps the 16 MiB floor; a larger one raises the message limit with it.
  expect(optionsFor(["--max-file-bytes", "1000"]).maxMessageBytes).toBe(16 * 1024 * 1024);
  expect(optionsFor(["--max-file-bytes", String(32 * 1024 * 1024)]).maxMessageBytes).toBe(fileWriteMessageBytes(32 * 1024 * 1024));
});

test("--max-message-bytes given on the command line is what applies, checked against its bounds", () => {
  expect(optionsFor(["--max-message-bytes", "2000000"]).maxMessageBytes).toBe(2_000_000);
  expect(() => optionsFor(["--max-message-bytes", "10"])).toThrow("--max-message-bytes must be a whole number of at least 1024, got 10");
});
