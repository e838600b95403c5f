"""Draws ConvStep's sample pictures with nothing but the standard library: 224×224 PNGs, the
size VGG16 sees. Each picture is described on a 64-unit square and sampled at pixel centres.

Run from the repository root: python3 tests/samples/make_samples.py
"""
import struct
import zlib

SIZE = 224
UNIT = 64 / SIZE


def png(path, colour_at):
    rows = []
    for y in range(SIZE):
        row = [colour_at((x + 0.5) * UNIT, (y + 0.5) * UNIT) for x in range(SIZE)]
        rows.append(b"\x00" + bytes(v for px in row for v in px))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def house(x, y):
    """A house under a sun: straight edges, a diagonal roof, a round sun, three colours."""
    if 14 <= y <= 28 and abs(x - 30) <= (y - 14) * 1.1:
        return (120, 40, 40)
    if 36 <= x <= 41 and 32 <= y <= 37:
        return (240, 240, 255)
    if 26 <= x <= 33 and 36 <= y <= 48:
        return (90, 50, 30)
    if 16 <= x <= 44 and 28 <= y <= 48:
        return (200, 70, 50)
    if (x - 50) ** 2 + (y - 12) ** 2 <= 49:
        return (255, 210, 40)
    if y >= 46:
        return (60, 150, 60)
    return (int(120 + 100 * y / 64), int(170 + 60 * y / 64), 255)


def digit(x, y):
    """A hand-drawn digit 7, white on black, as in MNIST."""
    top = 12 <= y <= 18 and 14 <= x <= 50
    stroke = 18 <= y <= 52 and abs(x - (48 - 20 * (y - 18) / 34)) <= 3.5
    return (255, 255, 255) if top or stroke else (0, 0, 0)


def shapes(x, y):
    """A circle, a square and a triangle, for edges in every direction."""
    if 36 <= y <= 58 and abs(x - 32) <= (y - 36) * 0.9:
        return (40, 160, 80)
    if 38 <= x <= 58 and 8 <= y <= 28:
        return (220, 60, 60)
    if (x - 18) ** 2 + (y - 18) ** 2 <= 144:
        return (30, 90, 200)
    return (235, 235, 235)


for name, colour_at in [("house", house), ("digit", digit), ("shapes", shapes)]:
    png(f"static/samples/{name}.png", colour_at)
print("wrote house.png, digit.png, shapes.png")
