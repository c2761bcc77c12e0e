/** The clients' PNG code: header, every colour type and filter decoded, scaling within pixels and bytes, and inputs it refuses. */
import { describe, expect, test } from "bun:test";
import { deflateSync } from "node:zlib";
import { decodePng, encodePng, pngInfo, scalePng } from "../../clients/shared/png.ts";

/** A PNG of the given type from raw scanlines (each with its filter byte), built by hand as another encoder would. */
function handMade(width: number, height: number, bitDepth: number, colorType: number, raw: Uint8Array, extra: Array<[string, Uint8Array]> = [], interlace = 0): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, body: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length);
    head.write(type, 4, "latin1");
    let crc = 0xffffffff;
    for (const byte of Buffer.concat([head.subarray(4), body])) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = colorType;
  ihdr[12] = interlace;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), ...extra.map(([t, b]) => chunk(t, b)), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const pixel = (decoded: ReturnType<typeof decodePng>, x: number, y: number) => {
  if (typeof decoded === "string") throw new Error(decoded);
  return [...decoded.pixels.subarray((y * decoded.width + x) * 4, (y * decoded.width + x) * 4 + 4)];
};

describe("reading PNGs", () => {
  test("the header gives the size and type; other bytes are not a PNG", () => {
    expect(pngInfo(encodePng(new Uint8Array(3 * 2 * 4).fill(255), 3, 2))).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 2, interlaced: false });
    expect(pngInfo(new TextEncoder().encode("GIF89a and more bytes to pass the length check"))).toBeUndefined();
  });

  test("RGBA round-trips through encodePng and decodePng exactly", () => {
    const pixels = Uint8Array.from({ length: 5 * 4 * 4 }, (_, i) => (i * 37) % 256);
    const decoded = decodePng(encodePng(pixels, 5, 4));
    if (typeof decoded === "string") throw new Error(decoded);
    expect([...decoded.pixels]).toEqual([...pixels]);
  });

  test("every filter type decodes (the rows of an RGB image each use one)", () => {
    // 2x5 RGB, rows filtered with None, Sub, Up, Average, Paeth over the values below.
    const values = [[10, 20, 30, 40, 50, 60], [70, 80, 90, 100, 110, 120], [5, 15, 25, 35, 45, 55], [200, 190, 180, 170, 160, 150], [1, 2, 3, 4, 5, 6]];
    const rows: number[] = [];
    let previous = [0, 0, 0, 0, 0, 0];
    values.forEach((line, filter) => {
      const encoded = line.map((v, i) => {
        const a = i >= 3 ? line[i - 3]! : 0;
        const b = previous[i]!;
        const c = i >= 3 ? previous[i - 3]! : 0;
        const p = a + b - c;
        const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
        return (v - predicted) & 0xff;
      });
      rows.push(filter, ...encoded);
      previous = line;
    });
    const decoded = decodePng(handMade(2, 5, 8, 2, Uint8Array.from(rows)));
    values.forEach((line, y) => {
      expect(pixel(decoded, 0, y)).toEqual([line[0]!, line[1]!, line[2]!, 255]);
      expect(pixel(decoded, 1, y)).toEqual([line[3]!, line[4]!, line[5]!, 255]);
    });
  });

  test("palette images of 1, 2, 4 and 8 bits, with transparency", () => {
    const palette = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]);
    const trns = Uint8Array.from([255, 128]);
    for (const [bits, row] of [[1, [0b01000000]], [2, [0b01100000]], [4, [0x12]], [8, [1, 2]]] as Array<[number, number[]]>) {
      const decoded = decodePng(handMade(2, 1, bits, 3, Uint8Array.from([0, ...row]), [["PLTE", palette], ["tRNS", trns]]));
      if (bits === 1) expect([pixel(decoded, 0, 0), pixel(decoded, 1, 0)]).toEqual([[255, 0, 0, 255], [0, 255, 0, 128]]);
      else if (bits === 2) expect([pixel(decoded, 0, 0), pixel(decoded, 1, 0)]).toEqual([[0, 255, 0, 128], [0, 0, 255, 255]]);
      else expect([pixel(decoded, 0, 0), pixel(decoded, 1, 0)]).toEqual([[0, 255, 0, 128], [0, 0, 255, 255]]);
    }
  });

  test("gray of 16 bits, and gray with alpha", () => {
    expect(pixel(decodePng(handMade(1, 1, 16, 0, Uint8Array.from([0, 0x80, 0x00]))), 0, 0)).toEqual([128, 128, 128, 255]);
    expect(pixel(decodePng(handMade(1, 1, 8, 4, Uint8Array.from([0, 200, 100]))), 0, 0)).toEqual([200, 200, 200, 100]);
    expect(pixel(decodePng(handMade(2, 1, 1, 0, Uint8Array.from([0, 0b10000000]))), 0, 0)).toEqual([255, 255, 255, 255]);
  });

  test("what it cannot read, it says: not a PNG, interlaced, cut short, a bad filter", () => {
    expect(decodePng(new Uint8Array(40))).toBe("it is not a PNG");
    expect(decodePng(handMade(1, 1, 8, 2, Uint8Array.from([0, 1, 2, 3]), [], 1))).toContain("interlaced");
    expect(decodePng(handMade(1, 2, 8, 2, Uint8Array.from([0, 1, 2, 3])))).toContain("ends after 1 of 2 rows");
    expect(decodePng(handMade(1, 1, 8, 2, Uint8Array.from([9, 1, 2, 3])))).toContain("unknown filter 9");
  });
});

describe("scaling", () => {
  /** A w x h image, red on the left half, blue on the right. */
  const halves = (w: number, h: number) => {
    const pixels = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels.set(x < w / 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * w + x) * 4);
    return encodePng(pixels, w, h);
  };

  test("an image over the pixel limit comes back within it, aspect kept, colours where they were", () => {
    const scaled = scalePng(halves(400, 300), 10_000, 1_000_000);
    if (!scaled.ok) throw new Error(scaled.reason);
    expect(scaled.width * scaled.height).toBeLessThanOrEqual(10_000);
    expect(scaled.width / scaled.height).toBeCloseTo(4 / 3, 1);
    const decoded = decodePng(scaled.png);
    expect(pixel(decoded, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(decoded, scaled.width - 1, scaled.height - 1)).toEqual([0, 0, 255, 255]);
  });

  test("an image over the byte limit shrinks until it fits", () => {
    const noise = Uint8Array.from({ length: 300 * 300 * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i * 2654435761) >>> 24));
    const scaled = scalePng(encodePng(noise, 300, 300), 1_000_000, 20_000);
    if (!scaled.ok) throw new Error(scaled.reason);
    expect(scaled.png.length).toBeLessThanOrEqual(20_000);
  });

  test("a deflate bomb claiming a huge size is refused without inflating it", () => {
    const bomb = handMade(20_000, 20_000, 8, 6, new Uint8Array(1024));
    const scaled = scalePng(bomb, 1_000_000, 1_000_000);
    expect(scaled).toEqual({ ok: false, reason: "it is 20000x20000, too large to scale" });
  });

  test("image data that inflates past what the rows need is refused, and inflated no further", () => {
    // 2000x2000 gray declared, with ten times the zeros its rows need.
    const raw = new Uint8Array(10 * 2000 * 2001);
    expect(scalePng(handMade(2000, 2000, 8, 0, raw), 10_000, 1_000_000)).toEqual({ ok: false, reason: "its image data is larger than its size says" });
  });
});
