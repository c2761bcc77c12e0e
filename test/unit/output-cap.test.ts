/** The output cap both sides of the runner contract apply: the runner, which sees Python's writes, and the daemon, which sees the runner's batches, keep the same text. */
import { describe, expect, test } from "bun:test";
import { OutputCap } from "../../daemon/contract/output-cap.ts";

/** Feeds `pieces` to a cap of `cap` bytes; what is kept and how many bytes were cut. */
function keep(cap: number, pieces: string[]): { kept: string; cut: number } {
  const output = new OutputCap(cap);
  let kept = "";
  for (const piece of pieces) kept += output.keep(piece);
  return { kept, cut: output.cutBytes };
}

describe("OutputCap", () => {
  test("keeps everything within the cap, and the first cap bytes past it", () => {
    expect(keep(10, ["hello", "world"])).toEqual({ kept: "helloworld", cut: 0 });
    expect(keep(7, ["hello", "world"])).toEqual({ kept: "hellowo", cut: 3 });
    expect(keep(0, ["x"])).toEqual({ kept: "", cut: 1 });
  });

  test("cuts before a character that does not fit whole, never inside it", () => {
    // "é" is two bytes, "€" three: 4 bytes hold "aé" and one byte of "€", which is not kept.
    expect(keep(4, ["aé€"])).toEqual({ kept: "aé", cut: 3 });
  });

  test("keeps nothing after the first cut, so what it keeps is a prefix however the text was split", () => {
    const text = "ab€cd€efgh€";
    const whole = keep(6, [text]);
    // "ab€c" is 6 bytes: the cap is full there, whatever the pieces.
    expect(whole).toEqual({ kept: "ab€c", cut: Buffer.byteLength(text) - 6 });
    for (const pieces of [["ab€", "cd€", "efgh€"], ["a", "b", "€c", "d", "€", "e", "fgh€"], text.split("")]) {
      expect(keep(6, pieces)).toEqual(whole);
    }
    // A cut leaves a byte of room; the "e" that would fit there is not kept (the runner's old rule kept it, and no split of the daemon's could).
    expect(keep(7, ["ab€c", "€", "e"])).toEqual({ kept: "ab€c", cut: 4 });
  });

  test("says when nothing more can be kept", () => {
    const output = new OutputCap(3);
    expect(output.open).toBe(true);
    output.keep("abc");
    expect(output.open).toBe(false);
    output.drop(5);
    expect(output.cutBytes).toBe(5);
  });
});
