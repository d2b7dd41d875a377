"""Small charts as PNG files, drawn with NumPy alone (no plotting package is a dependency).

A chart is an (H, W, 3) uint8 canvas: filled rectangles, lines, and numbers in a 5 × 7 pixel
font drawn at twice its size. Words stay in the HTML around a chart, where they are crisp and
can be any script: a chart labels its rows by number and its axis by value.
"""
from __future__ import annotations

import struct
import zlib

import numpy as np

#: The 5 × 7 glyphs of the digits and the separators a number needs ('#' is ink).
GLYPHS = {
    "0": (" ### ", "#   #", "#  ##", "# # #", "##  #", "#   #", " ### "),
    "1": ("  #  ", " ##  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "),
    "2": (" ### ", "#   #", "    #", "   # ", "  #  ", " #   ", "#####"),
    "3": ("#####", "   # ", "  #  ", "   # ", "    #", "#   #", " ### "),
    "4": ("   # ", "  ## ", " # # ", "#  # ", "#####", "   # ", "   # "),
    "5": ("#####", "#    ", "#### ", "    #", "    #", "#   #", " ### "),
    "6": ("  ## ", " #   ", "#    ", "#### ", "#   #", "#   #", " ### "),
    "7": ("#####", "    #", "   # ", "  #  ", " #   ", " #   ", " #   "),
    "8": (" ### ", "#   #", "#   #", " ### ", "#   #", "#   #", " ### "),
    "9": (" ### ", "#   #", "#   #", " ####", "    #", "   # ", " ##  "),
    ",": ("     ", "     ", "     ", "     ", "  ## ", "   # ", "  #  "),
    ".": ("     ", "     ", "     ", "     ", "     ", " ##  ", " ##  "),
    "-": ("     ", "     ", "     ", "#####", "     ", "     ", "     "),
    " ": ("     ",) * 7,
}
#: Pixels per font pixel, and the advance of one character.
FONT_SCALE = 2
ADVANCE = 6 * FONT_SCALE
INK, GRID, MAPPED = (30, 30, 30), (225, 225, 225), (170, 170, 170)


def png_bytes(image: np.ndarray) -> bytes:
    """A PNG file of an (H, W, 3) uint8 RGB image (8-bit truecolour, no interlace)."""
    height, width, _ = image.shape
    rows = np.concatenate([np.zeros((height, 1), np.uint8), image.reshape(height, width * 3)], axis=1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows.tobytes(), 9))
            + chunk(b"IEND", b""))


def draw_text(canvas: np.ndarray, text: str, x: int, y: int, colour: tuple = INK,
              align: str = "left") -> None:
    """Write ``text`` (digits and , . - only; others are blanks) with its top at ``y`` and its
    left edge (or right edge, ``align`` "right"; centre, "centre") at ``x``."""
    width = len(text) * ADVANCE
    x -= {"left": 0, "right": width, "centre": width // 2}[align]
    for k, char in enumerate(text):
        glyph = np.array([[c == "#" for c in row] for row in GLYPHS.get(char, GLYPHS[" "])])
        ink = np.kron(glyph, np.ones((FONT_SCALE, FONT_SCALE), bool))
        top, left = y, x + k * ADVANCE
        region = canvas[max(top, 0):top + ink.shape[0], max(left, 0):left + ink.shape[1]]
        region[ink[:region.shape[0], :region.shape[1]]] = colour


def fill(canvas: np.ndarray, x0: float, y0: float, x1: float, y1: float, colour: tuple) -> None:
    """Fill the rectangle [x0, x1) × [y0, y1) (pixels, clipped to the canvas)."""
    height, width, _ = canvas.shape
    xa, xb = sorted((int(round(x0)), int(round(x1))))
    ya, yb = sorted((int(round(y0)), int(round(y1))))
    canvas[max(ya, 0):min(max(yb, ya + 1), height), max(xa, 0):min(max(xb, xa + 1), width)] = colour


def nice_step(largest: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10^k) that puts about ``ticks`` ticks up to ``largest``."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    power = 10.0 ** np.floor(np.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def number(value: float) -> str:
    """A value as the axis writes it: thousands separated by commas, decimals only below 10."""
    return f"{value:,.0f}" if abs(value) >= 10 or value == int(value) else f"{value:,.2f}"


def bar_chart(rows: list, colours: list, width: int = 720) -> bytes:
    """A PNG of horizontal bar pairs: per row k (numbered k + 1 on the left), a grey bar of
    ``rows[k][0]`` and a bar of ``colours[k]`` of ``rows[k][1]`` with an error bar of ± ``rows[k][2]``
    (None: no error bar), on one axis from 0 with its ticks."""
    bar, gap, left, right, top = 14, 14, 6 * ADVANCE // 2 + 24, 5 * ADVANCE, 12
    height = top + len(rows) * (2 * bar + gap) + 40
    canvas = np.full((height, width, 3), 255, np.uint8)
    largest = max([max(m, e + (c or 0)) for m, e, c in rows] + [1e-9])
    step = nice_step(largest)
    end = step * np.ceil(largest / step)
    scale = (width - left - right) / end
    for k in range(int(round(end / step)) + 1):
        x = left + k * step * scale
        fill(canvas, x, top - 4, x + 1, height - 34, GRID)
        draw_text(canvas, number(k * step), int(x), height - 28, align="centre" if k else "left")
    for k, ((mapped, estimated, ci), colour) in enumerate(zip(rows, colours)):
        y = top + k * (2 * bar + gap)
        draw_text(canvas, str(k + 1), left - 10, int(y + bar - 7), align="right")
        fill(canvas, left, y, left + mapped * scale, y + bar, MAPPED)
        fill(canvas, left, y + bar, left + max(estimated, 0) * scale, y + 2 * bar, colour)
        if ci:
            _error_bar(canvas, left + max(estimated - ci, 0) * scale, left + (estimated + ci) * scale,
                       y + 1.5 * bar)
    fill(canvas, left, top - 4, left + 2, height - 34, INK)
    return png_bytes(canvas)


def _error_bar(canvas: np.ndarray, x0: float, x1: float, y: float) -> None:
    fill(canvas, x0, y - 1, x1, y + 1, INK)
    for x in (x0, x1):
        fill(canvas, x - 1, y - 5, x + 1, y + 5, INK)
