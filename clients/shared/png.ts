/** PNG for the clients: its size from the header, and a smaller copy made by decoding, area averaging and re-encoding, so an image fits what an agent can afford. */
import { deflateSync, inflateSync } from "node:zlib";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Most pixels a PNG may have to be scaled at all: its inflated rows are held in memory (100 MB at 8-bit RGBA). */
const MAX_SOURCE_PIXELS = 25_000_000;

/** What a PNG's header says. */
export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 gray, 2 RGB, 3 palette, 4 gray and alpha, 6 RGBA. */
  colorType: number;
  interlaced: boolean;
}

/** A PNG's header, or undefined when the bytes are not a PNG. */
export function pngInfo(bytes: Uint8Array): PngInfo | undefined {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24]!, colorType: bytes[25]!, interlaced: bytes[28] === 1 };
}

interface Chunks {
  info: PngInfo;
  palette?: Uint8Array;
  transparency?: Uint8Array;
  data: Uint8Array[];
}

function readChunks(bytes: Uint8Array): Chunks | string {
  const info = pngInfo(bytes);
  if (!info) return "it is not a PNG";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunks = { info, data: [] };
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length < length) return "it is cut short";
    if (type === "PLTE") chunks.palette = body;
    else if (type === "tRNS") chunks.transparency = body;
    else if (type === "IDAT") chunks.data.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  return chunks;
}

function channels(colorType: number): number {
  return { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] ?? 0;
}

/** Undoes a scanline's filter in place, given the previous (unfiltered) scanline. */
function unfilter(filter: number, row: Uint8Array, previous: Uint8Array, bpp: number): boolean {
  switch (filter) {
    case 0:
      return true;
    case 1:
      for (let i = bpp; i < row.length; i++) row[i] = (row[i]! + row[i - bpp]!) & 0xff;
      return true;
    case 2:
      for (let i = 0; i < row.length; i++) row[i] = (row[i]! + previous[i]!) & 0xff;
      return true;
    case 3:
      for (let i = 0; i < row.length; i++) row[i] = (row[i]! + (((i >= bpp ? row[i - bpp]! : 0) + previous[i]!) >> 1)) & 0xff;
      return true;
    case 4:
      for (let i = 0; i < row.length; i++) row[i] = (row[i]! + paeth(i >= bpp ? row[i - bpp]! : 0, previous[i]!, i >= bpp ? previous[i - bpp]! : 0)) & 0xff;
      return true;
    default:
      return false;
  }
}

/** One scanline as RGBA, 8 bits per channel. */
function toRgba(row: Uint8Array, chunks: Chunks, out: Uint8Array): void {
  const { width, bitDepth, colorType } = chunks.info;
  if (bitDepth === 8 && colorType === 6) {
    out.set(row.subarray(0, width * 4));
    return;
  }
  if (bitDepth === 8 && colorType === 2 && !chunks.transparency) {
    for (let x = 0, s = 0, o = 0; x < width; x++, s += 3, o += 4) {
      out[o] = row[s]!;
      out[o + 1] = row[s + 1]!;
      out[o + 2] = row[s + 2]!;
      out[o + 3] = 255;
    }
    return;
  }
  const n = channels(colorType);
  const sample = (index: number): number => {
    if (bitDepth === 8) return row[index]!;
    if (bitDepth === 16) return row[index * 2]!;
    const perByte = 8 / bitDepth;
    const byte = row[Math.floor(index / perByte)]!;
    const shift = 8 - bitDepth * ((index % perByte) + 1);
    return (byte >> shift) & ((1 << bitDepth) - 1);
  };
  const scale = bitDepth < 8 && colorType !== 3 ? 255 / ((1 << bitDepth) - 1) : 1;
  const trns = chunks.transparency;
  for (let x = 0; x < width; x++) {
    let r: number, g: number, b: number;
    let a = 255;
    if (colorType === 3) {
      const index = sample(x);
      const p = chunks.palette;
      r = p?.[index * 3] ?? 0;
      g = p?.[index * 3 + 1] ?? 0;
      b = p?.[index * 3 + 2] ?? 0;
      if (trns && index < trns.length) a = trns[index]!;
    } else if (colorType === 0 || colorType === 4) {
      const raw = sample(x * n);
      r = g = b = Math.round(raw * scale);
      if (colorType === 4) a = Math.round(sample(x * n + 1) * scale);
      else if (trns && trns.length >= 2 && bitDepth <= 8 && raw === ((trns[0]! << 8) | trns[1]!)) a = 0;
    } else {
      r = sample(x * n);
      g = sample(x * n + 1);
      b = sample(x * n + 2);
      if (colorType === 6) a = sample(x * n + 3);
    }
    out[x * 4] = r;
    out[x * 4 + 1] = g;
    out[x * 4 + 2] = b;
    out[x * 4 + 3] = a;
  }
}

/**
 * Decodes a PNG a row at a time and averages it down to `width` x `height` (premultiplied
 * by alpha, so transparent pixels do not darken edges). Returns RGBA pixels, or why it could not.
 */
function decodeScaled(chunks: Chunks, width: number, height: number): Uint8Array | string {
  const { info } = chunks;
  if (info.interlaced) return "it is interlaced (Adam7), which woma does not scale";
  const n = channels(info.colorType);
  if (n === 0 || ![1, 2, 4, 8, 16].includes(info.bitDepth)) return "its colour type or bit depth is not valid";
  if (info.colorType === 3 && !chunks.palette) return "it has no palette";
  const bitsPerPixel = n * info.bitDepth;
  const rowBytes = Math.ceil((info.width * bitsPerPixel) / 8);
  const bpp = Math.max(1, Math.ceil(bitsPerPixel / 8));
  const sums = new Float64Array(width * 4);
  const weights = new Float64Array(width);
  const out = new Uint8Array(width * height * 4);
  const column = new Uint32Array(info.width);
  for (let x = 0; x < info.width; x++) column[x] = Math.min(width - 1, Math.floor((x * width) / info.width));
  let previous = new Uint8Array(rowBytes);
  let current = new Uint8Array(rowBytes);
  const rgba = new Uint8Array(info.width * 4);
  let filter = 0;
  let y = 0;
  let target = 0;
  let failure: string | undefined;

  const flush = () => {
    for (let x = 0; x < width; x++) {
      const alpha = sums[x * 4 + 3]!;
      const o = (target * width + x) * 4;
      if (alpha > 0) {
        out[o] = Math.round(sums[x * 4]! / alpha);
        out[o + 1] = Math.round(sums[x * 4 + 1]! / alpha);
        out[o + 2] = Math.round(sums[x * 4 + 2]! / alpha);
      }
      out[o + 3] = weights[x]! > 0 ? Math.round(alpha / weights[x]!) : 0;
    }
    sums.fill(0);
    weights.fill(0);
  };

  const row = () => {
    if (!unfilter(filter, current, previous, bpp)) {
      failure = `row ${y} has an unknown filter ${filter}`;
      return;
    }
    toRgba(current, chunks, rgba);
    const next = Math.min(height - 1, Math.floor((y * height) / info.height));
    if (next !== target) {
      flush();
      target = next;
    }
    for (let x = 0, s = 0; x < info.width; x++, s += 4) {
      const a = rgba[s + 3]!;
      const target = column[x]!;
      const c = target * 4;
      sums[c] = sums[c]! + rgba[s]! * a;
      sums[c + 1] = sums[c + 1]! + rgba[s + 1]! * a;
      sums[c + 2] = sums[c + 2]! + rgba[s + 2]! * a;
      sums[c + 3] = sums[c + 3]! + a;
      weights[target] = weights[target]! + 1;
    }
    [previous, current] = [current, previous];
    y++;
  };

  // Inflated no further than the rows need: a deflate bomb stops at the size the header gives.
  let data: Uint8Array;
  try {
    data = inflateSync(concat(chunks.data), { maxOutputLength: info.height * (rowBytes + 1) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /larger than/.test(message) ? "its image data is larger than its size says" : `its image data does not inflate (${message})`;
  }
  for (let offset = 0; y < info.height && failure === undefined; offset += rowBytes + 1) {
    if (offset + rowBytes + 1 > data.length) break;
    filter = data[offset]!;
    current.set(data.subarray(offset + 1, offset + 1 + rowBytes));
    row();
  }
  if (failure) return failure;
  if (y < info.height) return `its image data ends after ${y} of ${info.height} rows`;
  flush();
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(parts: Uint8Array[]): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const part of parts) for (const byte of part) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  const name = new TextEncoder().encode(type);
  out.set(name, 4);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32([name, body]));
  return out;
}

/**
 * Encodes RGBA pixels as an 8-bit PNG (RGB when every pixel is opaque). Every row uses the
 * Paeth filter: one pass, and within a few per cent of choosing per row for plots and photos.
 */
export function encodePng(pixels: Uint8Array, width: number, height: number): Uint8Array {
  let opaque = true;
  for (let i = 3; i < pixels.length; i += 4) {
    if (pixels[i] !== 255) {
      opaque = false;
      break;
    }
  }
  const n = opaque ? 3 : 4;
  const rowBytes = width * n;
  const raw = new Uint8Array(height * (rowBytes + 1));
  let previous = new Uint8Array(rowBytes);
  let line = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    if (n === 4) line.set(pixels.subarray(y * width * 4, (y + 1) * width * 4));
    else for (let x = 0, s = y * width * 4; x < width; x++, s += 4) {
      line[x * 3] = pixels[s]!;
      line[x * 3 + 1] = pixels[s + 1]!;
      line[x * 3 + 2] = pixels[s + 2]!;
    }
    const o = y * (rowBytes + 1);
    raw[o] = 4;
    for (let i = 0; i < rowBytes; i++) raw[o + 1 + i] = (line[i]! - paeth(i >= n ? line[i - n]! : 0, previous[i]!, i >= n ? previous[i - n]! : 0)) & 0xff;
    [previous, line] = [line, previous];
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8;
  header[9] = opaque ? 2 : 6;
  const parts = [Uint8Array.from(SIGNATURE), chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 6 })), chunk("IEND", new Uint8Array())];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A PNG's pixels as RGBA, 8 bits per channel, or why it cannot be read. */
export function decodePng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } | string {
  const chunks = readChunks(png);
  if (typeof chunks === "string") return chunks;
  const { width, height } = chunks.info;
  if (width * height > MAX_SOURCE_PIXELS) return `it is ${width}x${height}, too large to decode`;
  const pixels = decodeScaled(chunks, width, height);
  return typeof pixels === "string" ? pixels : { width, height, pixels };
}

/** A PNG made smaller, or why it could not be. */
export type Scaled = { ok: true; png: Uint8Array; width: number; height: number } | { ok: false; reason: string };

/**
 * A copy of `png` with at most `maxPixels` pixels and at most `maxBytes` bytes, keeping its
 * aspect ratio: decoded once per attempt, averaged down, re-encoded, and shrunk further
 * (at most six times) while it is still over `maxBytes`.
 */
export function scalePng(png: Uint8Array, maxPixels: number, maxBytes: number): Scaled {
  const chunks = readChunks(png);
  if (typeof chunks === "string") return { ok: false, reason: chunks };
  const { width, height } = chunks.info;
  if (width === 0 || height === 0) return { ok: false, reason: "it has no pixels" };
  if (width * height > MAX_SOURCE_PIXELS) return { ok: false, reason: `it is ${width}x${height}, too large to scale` };
  let factor = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  for (let attempt = 0; attempt < 6; attempt++) {
    const w = Math.max(1, Math.floor(width * factor));
    const h = Math.max(1, Math.floor(height * factor));
    const pixels = decodeScaled(chunks, w, h);
    if (typeof pixels === "string") return { ok: false, reason: pixels };
    const encoded = encodePng(pixels, w, h);
    if (encoded.length <= maxBytes) return { ok: true, png: encoded, width: w, height: h };
    factor *= Math.max(0.3, Math.min(0.9, Math.sqrt(maxBytes / encoded.length) * 0.95));
  }
  return { ok: false, reason: `it stays over ${maxBytes} bytes even scaled down` };
}

/** PNG's Paeth predictor of a byte from its left (a), upper (b) and upper-left (c) neighbours. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = p > a ? p - a : a - p;
  const pb = p > b ? p - b : b - p;
  const pc = p > c ? p - c : c - p;
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
