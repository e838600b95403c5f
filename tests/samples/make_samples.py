"""Draws ConvStep's sample pictures (64×64 PNGs) with nothing but the standard library.

Run from the repository root: python3 tests/samples/make_samples.py
"""
import math
import struct
import zlib

SIZE = 64


def png(path, pixels):
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def canvas(color):
    return [[color for _ in range(SIZE)] for _ in range(SIZE)]


# A house under a sun: straight edges, a diagonal roof, a round sun, three colours.
house = [[(int(120 + 100 * y / SIZE), int(170 + 60 * y / SIZE), 255) for _ in range(SIZE)] for y in range(SIZE)]
for y in range(46, SIZE):
    for x in range(SIZE):
        house[y][x] = (60, 150, 60)
for y in range(SIZE):
    for x in range(SIZE):
        if (x - 50) ** 2 + (y - 12) ** 2 <= 49:
            house[y][x] = (255, 210, 40)
        if 16 <= x <= 44 and 28 <= y <= 48:
            house[y][x] = (200, 70, 50)
        if 26 <= x <= 33 and 36 <= y <= 48:
            house[y][x] = (90, 50, 30)
        if 36 <= x <= 41 and 32 <= y <= 37:
            house[y][x] = (240, 240, 255)
        if y <= 28 and y >= 14 and abs(x - 30) <= (y - 14) * 1.1:
            house[y][x] = (120, 40, 40)
png("static/samples/house.png", house)

# A hand-drawn digit 7, white on black, as in MNIST.
digit = canvas((0, 0, 0))
for y in range(SIZE):
    for x in range(SIZE):
        top = 12 <= y <= 18 and 14 <= x <= 50
        t = (y - 18) / 34
        stroke = 18 <= y <= 52 and abs(x - (48 - 20 * t)) <= 3.5
        if top or stroke:
            digit[y][x] = (255, 255, 255)
png("static/samples/digit.png", digit)

# Shapes: a circle, a square and a triangle, for edges in every direction.
shapes = canvas((235, 235, 235))
for y in range(SIZE):
    for x in range(SIZE):
        if (x - 18) ** 2 + (y - 18) ** 2 <= 144:
            shapes[y][x] = (30, 90, 200)
        if 38 <= x <= 58 and 8 <= y <= 28:
            shapes[y][x] = (220, 60, 60)
        if 36 <= y <= 58 and abs(x - 32) <= (y - 36) * 0.9:
            shapes[y][x] = (40, 160, 80)
png("static/samples/shapes.png", shapes)
print("wrote house.png, digit.png, shapes.png")
