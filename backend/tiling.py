"""The tiles of a scene: where they are, how they are read, and the output cells they give values to.

- :func:`plan_grid`: tiles of 40 × 40 px every ``stride`` px, those that would cross the right or
  bottom edge moved inward (never padded); output cells of stride × stride input pixels (or of
  one 4 × 4 px token), aligned to the input's grid, each averaging the tiles that contain its
  centre; at RESOLUTION pixel the token cells are refined to the input's own pixels afterwards
  (``backend.pixel_map``);
- :func:`tile_batches`: the tiles, read one strip of 40 rows at a time (memory grows with the
  scene's width, never with the whole scene), their unused pixels handled as ``backend.scene``
  says; on a GPU read ahead by a thread of their own (:func:`read_ahead`) while the encoder works;
- :func:`tile_metadata`: the acquisition date and each tile's position, as the encoder reads them;
- :class:`Accumulator`: the cells' sums, handed out by rows once no later tile reaches them;
- :func:`scene_reading`: GDAL's settings while a scene is read strip by strip.
"""
from __future__ import annotations

import math
import queue
import threading
from collections import Counter
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast

import numpy as np
from osgeo import gdal

from . import geo, landsat
from .errors import UserError
from .map_writer import TAKE_BYTES, RowWindow, held_bytes
from .memory import available_memory_bytes
from .metadata import encode_metadata
from .progress import Progress
from .scene import Scene, fill_invalid

#: GDAL's block cache during a classification: a row of blocks of an 8000-px-wide scene.
GDAL_CACHE_BYTES = 64 << 20


#: Largest part of the output grid (values × cells × 3 copies × 4 bytes) a run may hold in memory.
MAX_GRID_BYTES = 3 << 30


#: A tile with more than this share of invalid pixels gives no prediction.
MAX_FILL_SHARE = 0.5


#: Tiles per encoder call on the CPU: it encodes 16 at a time per core anyway, so a larger batch
#: would only hold memory and keep the progress bar still.
CPU_MAX_BATCH = 256


#: A batch of tiles: their origins [(x0, y0)…] in px, their (B, 7, 40, 40) UInt16 digital numbers and
#: (B, 40, 40) True where a pixel is unused.
Batch = tuple[list[tuple[int, int]], np.ndarray, np.ndarray]


def tile_starts(length: int, stride: int, size: int = landsat.PATCH_SIZE_PX, align: int = 1) -> list[int]:
    """Offsets of tiles along one axis: every ``stride`` px, the last one moved inward to end at
    the edge (at the last multiple of ``align`` px that fits, so token cells stay on one grid)."""
    starts = list(range(0, length - size + 1, stride))
    last = (length - size) // align * align
    if starts[-1] < last:
        starts.append(last)
    return starts


def cells_of_tile(start: int, stride: int, cells: int, length: int,
                  size: int = landsat.PATCH_SIZE_PX) -> range:
    """Output cells whose (clamped) centre lies inside the tile [start, start + size)."""
    first = max(0, math.floor((start - stride / 2) / stride))
    chosen = []
    for i in range(first, min(cells, (start + size) // stride + 2)):
        centre = (i * stride + min((i + 1) * stride, length)) / 2
        if start <= centre < start + size:
            chosen.append(i)
    return range(chosen[0], chosen[-1] + 1) if chosen else range(0)


@dataclass
class Grid:
    """Tile origins (``xs``, ``ys``, px) and the output grid of ``rows`` × ``cols`` cells."""

    xs: list[int]
    ys: list[int]
    rows: int
    cols: int
    stride: int
    width: int
    height: int
    token: bool = False  # cells of one token (4 × 4 px) instead of one stride
    pixel: bool = False  # token cells, written refined to one cell per input pixel

    @property
    def tiles(self) -> int:
        return len(self.xs) * len(self.ys)

    @property
    def resolution(self) -> str:
        """The RESOLUTION of the written cells: "pixel", "token" or "tile"."""
        return "pixel" if self.pixel else "token" if self.token else "tile"

    @property
    def cell_px(self) -> int:
        """Side of a written cell, in input pixels (:attr:`rows` and :attr:`cols` count token
        cells at RESOLUTION pixel)."""
        return 1 if self.pixel else landsat.TOKEN_PATCH_PX if self.token else self.stride

    @property
    def output_shape(self) -> tuple[int, int]:
        """(rows, cols) of the written raster: the input's own at RESOLUTION pixel."""
        return (self.height, self.width) if self.pixel else (self.rows, self.cols)

    def cells(self, x0: int, y0: int) -> tuple[slice, slice]:
        """The output cells a tile at (x0, y0) gives values to: in token mode its 10 × 10 tokens."""
        if self.token:
            side, span = landsat.TOKEN_PATCH_PX, landsat.PATCH_SIZE_PX // landsat.TOKEN_PATCH_PX
            return slice(y0 // side, y0 // side + span), slice(x0 // side, x0 // side + span)
        rows = cells_of_tile(y0, self.stride, self.rows, self.height)
        cols = cells_of_tile(x0, self.stride, self.cols, self.width)
        return slice(rows.start, rows.stop), slice(cols.start, cols.stop)

    def output_transform(self, transform: tuple) -> tuple:
        s = self.cell_px
        return (transform[0], transform[1] * s, transform[2] * s, transform[3], transform[4] * s,
                transform[5] * s)


def plan_grid(scene: Scene, stride: int, values_per_cell: int, token: bool = False,
              pixel: bool = False) -> Grid:
    """The tiles and output cells at ``stride`` (cells of one stride, or ``token``: of one 4 × 4
    px token, the tiles then starting on multiples of 4 px; ``pixel``: token cells, refined to
    the input's pixels as they are written); refuses a grid the machine cannot hold."""
    side = landsat.TOKEN_PATCH_PX
    token = token or pixel
    if not 1 <= stride <= landsat.PATCH_SIZE_PX:
        raise UserError(f"STRIDE must be between 1 and {landsat.PATCH_SIZE_PX} px, not {stride}")
    if token and stride % side:
        raise UserError(f"RESOLUTION {'pixel' if pixel else 'token'} needs a STRIDE that is a multiple of "
                        f"{side} px (4, 8, … 40), so that every tile's tokens fall on one {side} × {side} px "
                        f"grid; not {stride}")
    width, height = scene.width, scene.height
    cell, align = (side, side) if token else (stride, 1)
    grid = Grid(xs=tile_starts(width, stride, align=align), ys=tile_starts(height, stride, align=align),
                rows=math.ceil(height / cell), cols=math.ceil(width / cell), stride=stride, width=width,
                height=height, token=token, pixel=pixel)
    # The open rows of the output grid are held in memory (sums, mean, the rows written): at most
    # a tile's height and the strips one batch of CPU_MAX_BATCH tiles spans. Refuse what cannot
    # fit rather than let the system kill the process (QGIS with it).
    # The writers hold a row of blocks of each output, and a piece of rows is handed to them.
    spanned = ((CPU_MAX_BATCH // len(grid.xs) + 2) * math.ceil(stride / cell)
               + landsat.PATCH_SIZE_PX // cell + 2)
    needed = (4 * values_per_cell * min(grid.rows, spanned) * grid.cols * 3 + 2 * TAKE_BYTES
              + held_bytes(values_per_cell, grid.output_shape[1], gdal.GDT_Float32)
              + held_bytes(1, grid.output_shape[1], gdal.GDT_Byte))
    available = available_memory_bytes()
    limit = MAX_GRID_BYTES if available is None else min(MAX_GRID_BYTES, available // 2)
    if needed > limit:
        raise UserError(f"a {grid.cols} × {grid.rows} output grid of {values_per_cell} values per cell needs "
                        f"about {needed / 2**30:.1f} GB, more than this run may use ({limit / 2**30:.1f} "
                        "GB); use a larger STRIDE or a smaller extent")
    return grid


@dataclass
class TileCounts:
    """What became of the tiles and pixels: ``skipped`` tiles (more than half unused) by reason
    code (the most common among their unused pixels), ``patched`` tiles (some unused pixels
    filled), ``out_of_range`` tiles (values that are no digital numbers), and the scene's pixels
    by reason code (each pixel counted once), of ``pixels`` read."""

    skipped_by: Counter = field(default_factory=Counter)
    patched: int = 0
    out_of_range: int = 0
    pixels_by: Counter = field(default_factory=Counter)
    pixels: int = 0

    @property
    def skipped(self) -> int:
        return sum(self.skipped_by.values())

    def add_rows(self, codes: np.ndarray) -> None:
        """Count the reason codes of (rows, W) pixels not counted before."""
        self.pixels += codes.size
        self.pixels_by.update(dict(zip(*np.unique(codes, return_counts=True))))

    def skip(self, tile_codes: np.ndarray) -> None:
        self.skipped_by[int(np.bincount(tile_codes.ravel(), minlength=2)[1:].argmax()) + 1] += 1


def tile_batches(scene: Scene, grid: Grid, batch_size: int, progress: Progress, counts: TileCounts
                 ) -> Generator[Batch, None, None]:
    """Batches of usable tiles: ([(x0, y0)…], (B, 7, 40, 40) UInt16 digital numbers, (B, 40, 40)
    True where a pixel is unused), read one strip of 40 rows at a time, unused pixels handled as
    the module docstring says."""
    size = landsat.PATCH_SIZE_PX
    origins, pixels, unused_masks, counted_to = [], [], [], 0
    for y0 in grid.ys:
        progress.check()
        strip = scene.read_window(0, y0, scene.width, size)  # (7, 40, W)
        counts.add_rows(strip.codes[counted_to - y0:] if counted_to > y0 else strip.codes)
        counted_to = y0 + size
        for x0 in grid.xs:
            unused = strip.unused[:, x0:x0 + size]
            counts.out_of_range += bool(strip.not_numbers[:, x0:x0 + size].any())
            if unused.mean() > MAX_FILL_SHARE:
                counts.skip(strip.codes[:, x0:x0 + size])
                progress.update(1)
                continue
            counts.patched += bool(unused.any())
            origins.append((x0, y0))
            pixels.append(fill_invalid(strip.pixels[:, :, x0:x0 + size], unused))
            unused_masks.append(unused)
            if len(origins) == batch_size:
                yield origins, np.stack(pixels), np.stack(unused_masks)
                origins, pixels, unused_masks = [], [], []
    if origins:
        yield origins, np.stack(pixels), np.stack(unused_masks)


def read_ahead(batches: Iterator[Batch], depth: int = 2) -> Generator[Batch, None, None]:
    """``batches`` produced by a thread of their own, up to ``depth`` ahead: while a GPU encodes
    one batch, GDAL decodes the next strips. What the thread raises (a damaged file, Cancelled)
    is raised here; leaving the loop early stops the thread before this returns."""
    waiting: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop, end = threading.Event(), object()

    def hand_over(item) -> bool:
        while not stop.is_set():
            try:
                waiting.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in batches:
                if not hand_over(batch):
                    return
            hand_over(end)
        except BaseException as exc:  # handed to the consumer, which raises it
            hand_over(exc)

    thread = threading.Thread(target=produce, name="moemae-read-ahead", daemon=True)
    thread.start()
    try:
        while (item := waiting.get()) is not end:
            if isinstance(item, BaseException):
                raise item
            yield cast(Batch, item)
    finally:
        stop.set()
        thread.join()


def tile_metadata(scene: Scene, origins: list[tuple[int, int]], when: date | datetime | None,
                  use_metadata: bool) -> np.ndarray | None:
    """(B, 4, 2) metadata pairs of tiles at ``origins``: the scene's acquisition date and each
    tile centre's latitude and longitude (missing without a CRS); None without metadata."""
    if not use_metadata:
        return None
    lat = lon = None
    if scene.crs:
        half = landsat.PATCH_SIZE_PX / 2
        centre_x = np.array([x0 + half for x0, _ in origins])
        centre_y = np.array([y0 + half for _, y0 in origins])
        lon, lat = geo.to_lonlat(scene.crs, *geo.pixel_to_map(scene.transform, centre_x, centre_y))
        lat, lon = list(lat), list(lon)
    return np.stack(encode_metadata(when, lat, lon, count=len(origins)), axis=1)


class Accumulator:
    """Per output cell of the rows still open: the sum of the values the tiles give it, and how
    many; rows are handed out (:meth:`take_final`) once no later tile can reach them."""

    def __init__(self, grid: Grid, values_per_cell: int):
        self.grid = grid
        self.window = RowWindow(values_per_cell, grid.cols)

    def add_values(self, origins: list[tuple[int, int]], values: np.ndarray,
                   usable: np.ndarray | None) -> None:
        """``values``: (B, values_per_cell) for the tiles at ``origins``, or (``usable`` given)
        (B, values_per_cell, 10, 10), one per token, with ``usable`` (B, 10, 10) False for tokens
        whose 4 × 4 px are more than half unused."""
        if usable is None:
            for (x0, y0), value in zip(origins, values):
                self.window.add(*self.grid.cells(x0, y0), value)
        else:
            for (x0, y0), value, keep in zip(origins, values, usable):
                self.window.add(*self.grid.cells(x0, y0), value, keep)

    def take_final(self, next_y0: int | None) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """Pieces (first row, mean, hits) of the rows no tile from row ``next_y0`` of pixels on
        reaches (None: all the rows that are left), in row order (:meth:`RowWindow.take`)."""
        stop = self.grid.rows if next_y0 is None else self.grid.cells(0, next_y0)[0].start
        return self.window.take(max(stop, self.window.base))


@contextmanager
def scene_reading() -> Iterator[None]:
    """GDAL set up for reading a scene strip by strip and for writing and reading back the
    outputs, as it was again afterwards. Its block cache holds up to 5 % of the RAM by default:
    memory would grow with the scene (and with the outputs' read-back check: 1.2 GB more for
    25000 × 2000 cells of 19 probabilities), when a row of blocks is all either needs. Entered
    before the outputs hold blocks: making the cache smaller writes out what it holds. And the
    blocks of a strip are decoded on every core (a whole scene's DEFLATE tiles: 2.4 s on one
    core of the H100 machine), unless the user chose."""
    cache, threads = gdal.GetCacheMax(), gdal.GetConfigOption("GDAL_NUM_THREADS")
    gdal.SetCacheMax(min(cache, GDAL_CACHE_BYTES))
    gdal.SetConfigOption("GDAL_NUM_THREADS", threads or "ALL_CPUS")
    try:
        yield
    finally:
        gdal.SetCacheMax(cache)
        gdal.SetConfigOption("GDAL_NUM_THREADS", threads)
