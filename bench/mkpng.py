# A synthetic "photo" PNG (gradient + noise), for timing only: w h seed out
import sys, zlib, struct, random
w, h, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
random.seed(seed)
base = bytes(((x * 255 // w) if c == 0 else (c * 60 + x // 7) % 256) for x in range(w) for c in range(3))
raw = bytearray()
for y in range(h):
    noise = random.randbytes(w * 3)
    shift = (y * 3) % 256
    row = bytes(((b + shift) & 0xE0) | (n & 0x1F) for b, n in zip(base, noise))
    raw += b"\0" + row
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b"")
open(out, "wb").write(png)
