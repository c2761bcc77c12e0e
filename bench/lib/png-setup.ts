/** Python the benchmarks share to measure a 1 MB image display. */

/** Python that keeps a 1 MB PNG of noise (stored, not compressed) and an object that shows it. */
export const PNG_SETUP = `
import os, struct, zlib
def _png(width, height):
    raw = b"".join(b"\\x00" + os.urandom(width * 3) for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b"")
PNG_BYTES = _png(578, 578)
class Picture:
    def _repr_png_(self):
        return PNG_BYTES
`;
