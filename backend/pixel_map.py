"""Maps at Landsat's own 30 m (RESOLUTION pixel): the 120 m token map, refined by each pixel's
reflectance, written on the input's own grid.

Why a refinement: a token's logits carry its whole tile's context, so where classes meet the
120 m map's edge follows the tiles rather than the ground; averaging the logits of tokens at
sub-token shifts of the tiling moved the edges little for 4-16× the encoder work
(docs/pixel-maps.md has the measurements). The pixel's own seven bands do know which side of a
shore it lies on. So, for each pixel:

1. the candidates are the classes the 120 m map gives within :data:`REACH_TOKENS` tokens of the
   pixel's own (one tile: the context the encoder sees);
2. each candidate's local spectrum is the mean of the (z-scored) spectra of those tokens that
   the 120 m map gives that class;
3. the pixel leaves its token's class only for a candidate whose local spectrum is nearer its own
   (Euclidean) by more than the **spread** of its token's class in the window: the root mean square
   distance of that class's pixels from their local spectrum. A pixel within its own class's
   spread of that class's local spectrum therefore always keeps it (it cannot be nearer another
   by more than its whole distance), and a pixel that lies about as near a lake as its forest, as
   shaded forest does, stays forest. Among the candidates that pass, the nearest wins; a token
   with no class gives its pixels none.

Where one class holds the whole neighbourhood the pixel keeps its token's class: the 30 m map
is the 120 m map wherever no class edge is near. The probabilities raster at 30 m holds each
pixel's token's probabilities, so averaged back over each token it is the 120 m raster exactly.
A pixel that is itself unused (fill, no data, masked) has no class, as does one whose token has
none. Memory stays flat: :class:`PixelRefiner` holds 2 × REACH_TOKENS + 1 rows of tokens and
reads the scene again four rows of pixels at a time as the token rows are final.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import landsat
from .classes import CLASS_NODATA
from .scene import Scene

#: Tokens around a pixel's own (each way) whose classes are its candidates: one tile's width.
REACH_TOKENS = landsat.PATCH_SIZE_PX // landsat.TOKEN_PATCH_PX

#: Squared distances this close (relative) are a tie: the means are float sums of equal spectra.
TIE = 1e-5

#: Rows of pixels from ``row0``: (row0, values (C, n, W), hits (n, W), classes (n, W) UInt8).
PixelRows = Callable[[int, np.ndarray, np.ndarray, np.ndarray], None]


@dataclass
class _TokenRow:
    """One final row of token cells and the pixels under it: logits (C, cols), hits (cols,),
    label (cols,) the 120 m class (-1: none), spectrum (7, cols) the token's mean z-scored
    spectrum, square (cols,) the mean squared norm of its pixels' z-scored spectra (for the
    spread), pixels (7, n, W) z-scored and used (n, W) of its n (≤ 4) rows of pixels."""

    logits: np.ndarray
    hits: np.ndarray
    label: np.ndarray
    spectrum: np.ndarray
    square: np.ndarray
    pixels: np.ndarray
    used: np.ndarray


class PixelRefiner:
    """Takes the 120 m map's final rows of token cells in order (:meth:`add`, as
    ``backend.tiling.Accumulator.take_final`` hands them out) and hands ``write`` the 30 m rows
    once every token within :data:`REACH_TOKENS` rows of theirs is final; :meth:`finish` writes
    the rest. ``normalization``: the model's (mean, std) per band, for the spectra."""

    def __init__(self, scene: Scene, classes: int, cols: int, normalization: tuple, write: PixelRows):
        self.scene, self.classes, self.cols, self.write = scene, classes, cols, write
        mean, std = (np.asarray(v, np.float32)[:, None, None] for v in normalization)
        self.mean, self.std = mean, std
        self.rows: deque[_TokenRow] = deque()  # rows [first, first + len) of tokens
        self.first = 0  # the first token row held
        self.added = 0  # token rows added
        self.written = 0  # token rows written
        # Per token column and class, over the held rows [first, reached): tokens and their spectra.
        self.counts = np.zeros((classes, cols), np.float64)
        self.sums = np.zeros((classes, 7, cols), np.float64)
        self.squares = np.zeros((classes, cols), np.float64)
        self.reached = 0

    def add(self, row0: int, mean: np.ndarray, hits: np.ndarray) -> None:
        """Rows of token cells from ``row0`` (the next in order): mean logits (C, n, cols), hits (n, cols)."""
        for k in range(hits.shape[0]):
            self.rows.append(self._token_row(row0 + k, mean[:, k], hits[k]))
            self.added += 1
            while self.written < self.added - REACH_TOKENS:
                self._write_next()

    def finish(self) -> None:
        """Write the rows that are left."""
        while self.written < self.added:
            self._write_next()

    def _token_row(self, row: int, logits: np.ndarray, hits: np.ndarray) -> _TokenRow:
        side = landsat.TOKEN_PATCH_PX
        y0 = row * side
        n = min(side, self.scene.height - y0)
        window = self.scene.read_window(0, y0, self.scene.width, n)
        pixels = (window.pixels.astype(np.float32) - self.mean) / self.std  # (7, n, W)
        used = ~window.unused
        width = self.cols * side  # whole tokens: the last one may reach past the scene
        padded = np.zeros((7, n, width), np.float32)
        padded[:, :, :self.scene.width] = np.where(used, pixels, 0)
        count = np.zeros((n, width), np.float32)
        count[:, :self.scene.width] = used
        per_token = padded.reshape(7, n, self.cols, side).sum(axis=(1, 3))
        pixels_per_token = np.maximum(count.reshape(n, self.cols, side).sum(axis=(0, 2)), 1)
        spectrum = per_token / pixels_per_token
        square = (padded ** 2).sum(axis=0).reshape(n, self.cols, side).sum(axis=(0, 2)) / pixels_per_token
        label = np.where(hits > 0, logits.argmax(axis=0), -1)
        return _TokenRow(logits, hits, label, spectrum, square, pixels, used)

    def _count(self, row: _TokenRow, sign: int) -> None:
        """Add (``sign`` 1) or remove (-1) a row's tokens to the window's counts and sums."""
        at = np.flatnonzero(row.label >= 0)  # one class per column: the pairs are unique
        self.counts[row.label[at], at] += sign
        self.sums[row.label[at], :, at] += sign * row.spectrum[:, at].T
        self.squares[row.label[at], at] += sign * row.square[at]

    def _write_next(self) -> None:
        """Write the pixels of token row :attr:`written`, then drop the rows no later one needs."""
        row = self.written
        while self.reached < min(self.added, row + REACH_TOKENS + 1):
            self._count(self.rows[self.reached - self.first], 1)
            self.reached += 1
        own = self.rows[row - self.first]
        counts = window_sum(self.counts, REACH_TOKENS)
        centres = window_sum(self.sums, REACH_TOKENS) / np.maximum(counts, 1)[:, None, :]
        # E|x - μ|² = E|x|² - |μ|² over the class's pixels in the window, each token weighing alike
        second = window_sum(self.squares, REACH_TOKENS) / np.maximum(counts, 1)
        spreads = np.sqrt(np.maximum(second - (centres ** 2).sum(axis=1), 0))
        classes = self._refined(own, counts, centres, spreads)
        side = landsat.TOKEN_PATCH_PX
        width = self.scene.width
        values = np.repeat(own.logits, side, axis=1)[:, None, :width]
        hits = np.where(own.used, np.repeat(own.hits, side)[None, :width], 0)
        self.write(row * side, np.broadcast_to(values, (self.classes, *hits.shape)), hits,
                   np.where(hits > 0, classes, CLASS_NODATA).astype(np.uint8))
        self.written += 1
        while self.first < self.written - REACH_TOKENS:
            self._count(self.rows.popleft(), -1)
            self.first += 1

    def _refined(self, own: _TokenRow, counts: np.ndarray, centres: np.ndarray,
                 spreads: np.ndarray) -> np.ndarray:
        """(n, W) the class of each pixel of ``own``: the candidate whose local spectrum is nearest,
        where it is nearer than the token's class's by more than that class's spread, else the
        token's class. Per class and token column, over the column's window: ``counts`` (C, cols)
        tokens, ``centres`` (C, 7, cols) their mean spectrum, ``spreads`` (C, cols) its RMS
        distance from their pixels."""
        side, width = landsat.TOKEN_PATCH_PX, self.scene.width
        token_of = np.arange(width) // side
        distance = np.full((self.classes, *own.used.shape), np.inf, np.float32)
        for k in np.flatnonzero(counts.any(axis=1)):  # the classes present near this row
            near = np.zeros(own.used.shape, np.float32)
            for band in range(7):
                near += (centres[k, band, token_of][None] - own.pixels[band]) ** 2
            distance[k] = np.where(counts[k, token_of] > 0, near, np.inf)
        best = distance.argmin(axis=0)
        # A tie keeps the token's own class: a class the 120 m map gives only to tokens of
        # another's spectrum has that class's local spectrum, and must not win by its index.
        token_class = np.repeat(np.maximum(own.label, 0), side)[None, :width].repeat(len(best), axis=0)
        own_distance = np.take_along_axis(distance, token_class[None], axis=0)[0]
        with np.errstate(invalid="ignore"):  # inf - inf where the token has no class: no class anyway
            nearer = distance.min(axis=0) < own_distance - TIE * (1 + own_distance)  # ties within rounding
            # Nearer by less than the own class's spread is within that class's own variation.
            own_spread = spreads[token_class[0], token_of][None]
            nearer &= np.sqrt(own_distance) - np.sqrt(distance.min(axis=0)) > own_spread
        return np.where(nearer, best, token_class)


def window_sum(values: np.ndarray, reach: int) -> np.ndarray:
    """The sum over the last axis of each position's [i - reach, i + reach] (clipped at the ends)."""
    padded = np.concatenate([np.zeros((*values.shape[:-1], 1)), values.cumsum(axis=-1)], axis=-1)
    n = values.shape[-1]
    stop = np.minimum(np.arange(n) + reach + 1, n)
    start = np.maximum(np.arange(n) - reach, 0)
    return padded[..., stop] - padded[..., start]
