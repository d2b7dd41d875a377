"""Output maps written as the tiles pass, so that memory stays flat whatever the scene's size.

- :class:`RowWindow`: per output cell of the rows still open, the sum of the values given to it
  and how many; rows leave the window once no later tile can reach them, in pieces of bounded
  size, and rows no tile reached take no memory until then.
- :class:`GeoTiffWriter`: a tiled, DEFLATE-compressed GeoTIFF, a block per band, written a whole
  row of blocks at a time (so that each block is compressed and written once, and the file is
  about its data's size: :func:`file_bytes` bounds it for the space check) at a temporary name
  beside its path; what was written is hashed band by band, read back and hashed
  again when it is closed, with its georeferencing, class names, colours and metadata checked.
  Only a file that reads back as written is renamed into place (by the caller, all outputs at
  once); a failed or cancelled run removes it, and the earlier output stays as it was.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

from .classes import CLASS_NODATA
from .errors import UserError
from .files import temporary_name, write_failure

#: Rows of cells read back at a time when a written file is checked.
CHECK_ROWS = 256
#: Columns of a block; its rows: :func:`block_rows`.
BLOCK_WIDTH = 256
#: Most bytes of rows a writer holds before it writes them: a row of blocks of every band.
BLOCK_ROW_BYTES = 32 << 20
NUMPY_TYPES = {gdal.GDT_Byte: np.uint8, gdal.GDT_Float32: np.float32}
#: GDAL's messages about a failed write that the user is shown.
MESSAGES_SAID = 3


def block_rows(bands: int, cols: int, data_type: int, rows: int = 256) -> int:
    """Rows of the blocks of an output of ``rows`` rows: 256, or fewer (a multiple of 16, at
    least 16) where a row of blocks of every band would pass :data:`BLOCK_ROW_BYTES` or the
    output has fewer rows.

    The writer holds rows until a whole row of blocks is due, so that each block is compressed
    and written once. A DEFLATE block written again goes to the end of the file: a 144-band
    field written band by band into pixel-interleaved blocks grew to 12 times its data."""
    row_bytes = bands * cols * np.dtype(NUMPY_TYPES[data_type]).itemsize
    return int(min(256, -(-rows // 16) * 16, max(16, BLOCK_ROW_BYTES // max(row_bytes, 1) // 16 * 16)))


def file_bytes(bands: int, cols: int, rows: int, data_type: int) -> int:
    """Most bytes a GeoTIFF of ``bands`` × ``rows`` × ``cols`` cells written by
    :class:`GeoTiffWriter` takes on disk: every block DEFLATEd no larger than zlib's bound for
    data that does not compress (blocks at the right and bottom edges count whole), its place
    in the block index, and 1 MB for the header, the metadata and the .aux.xml sidecar."""
    height = block_rows(bands, cols, data_type, rows)
    block = height * BLOCK_WIDTH * np.dtype(NUMPY_TYPES[data_type]).itemsize
    blocks = bands * -(-rows // height) * -(-cols // BLOCK_WIDTH)
    deflated = block + (block >> 12) + (block >> 14) + (block >> 25) + 13  # zlib's deflateBound
    return blocks * (deflated + 16) + (1 << 20)


def held_bytes(bands: int, cols: int, data_type: int) -> int:
    """Bytes of rows a writer of ``bands`` × ``cols`` cells holds at most."""
    return block_rows(bands, cols, data_type) * bands * cols * np.dtype(NUMPY_TYPES[data_type]).itemsize


#: Most bytes of one piece of rows handed out by :meth:`RowWindow.take`: rows that no tile
#: reached are handed out too, and a grid 25,000 cells wide must not make them all at once.
TAKE_BYTES = 16 << 20


class _Run:
    """Sums (values, n, cols) float32 and hits (n, cols) of the output rows [start, start + n)."""

    def __init__(self, start: int, values: int, cols: int):
        self.start = start
        self.sums = np.zeros((values, 0, cols), np.float32)
        self.hits = np.zeros((0, cols), np.uint16)

    @property
    def stop(self) -> int:
        return self.start + self.hits.shape[0]

    def open_to(self, stop: int) -> None:
        missing = stop - self.stop
        if missing > 0:
            values, _, cols = self.sums.shape
            self.sums = np.concatenate([self.sums, np.zeros((values, missing, cols), np.float32)], axis=1)
            self.hits = np.concatenate([self.hits, np.zeros((missing, cols), np.uint16)])

    def drop_to(self, stop: int) -> None:
        """Forget the rows before ``stop``."""
        count = min(max(0, stop - self.start), self.hits.shape[0])
        self.sums, self.hits, self.start = self.sums[:, count:], self.hits[count:], self.start + count


class RowWindow:
    """The output rows not yet handed out, from :attr:`base` on. Sums and hits are held only for
    the runs of rows that tiles reached: the rows between runs (under fill or no data, however
    many) take no memory until they are handed out, a piece at a time, as rows without hits.
    Tiles come in the order of their first row, so a tile only ever adds to the last run."""

    def __init__(self, values: int, cols: int):
        self.values, self.cols, self.base = values, cols, 0
        self.runs: list = []  # _Run, in row order, none before base
        self.piece_rows = max(1, TAKE_BYTES // (cols * (4 * values + 2)))

    def add(self, rows: slice, cols: slice, value: np.ndarray, keep: np.ndarray | bool = True) -> None:
        """Add ``value`` ((values,) for every cell, or (values, r, c)) to the cells [rows, cols]
        (absolute rows, none before :attr:`base`), where ``keep`` ((r, c) or True)."""
        if rows.stop <= rows.start:
            return
        if rows.start < self.base:
            raise ValueError(f"row {rows.start} was handed out already")
        if not self.runs or rows.start > self.runs[-1].stop:  # a gap: rows no tile reached
            self.runs.append(_Run(rows.start, self.values, self.cols))
        run = self.runs[-1]
        run.open_to(rows.stop)
        local = slice(rows.start - run.start, rows.stop - run.start)
        value = value[:, None, None] if value.ndim == 1 else value
        run.sums[:, local, cols] += np.where(keep, value, 0)
        run.hits[local, cols] += keep

    def take(self, stop: int) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """The rows [base, stop), which leave the window, in row order and in pieces of at most
        :data:`TAKE_BYTES`: (first row, mean (values, n, cols) with 0 where no hit, hits (n,
        cols)). Each piece is made when it is read."""
        spans, row = [], self.base  # (first row, stop, (sums, hits) or None: no tile reached them)
        for run in self.runs:
            if run.start >= stop:
                break
            if row < run.start:
                spans.append((row, run.start, None))
            row = min(run.stop, stop)
            spans.append((run.start, row, (run.sums[:, :row - run.start], run.hits[:row - run.start])))
        if row < stop:
            spans.append((row, stop, None))
        for run in self.runs:
            run.drop_to(stop)
        self.runs = [run for run in self.runs if run.stop > run.start]
        self.base = max(self.base, stop)
        return self._pieces(spans)

    def _pieces(self, spans: list) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        for first, stop, held in spans:
            for row0 in range(first, stop, self.piece_rows):
                n = min(self.piece_rows, stop - row0)
                if held is None:
                    yield (row0, np.zeros((self.values, n, self.cols), np.float32),
                           np.zeros((n, self.cols), np.uint16))
                    continue
                at = slice(row0 - first, row0 - first + n)
                sums, hits = held[0][:, at], held[1][at]
                yield row0, np.where(hits > 0, sums / np.maximum(hits, 1), 0).astype(np.float32), hits


class GeoTiffWriter:
    """One output GeoTIFF, written by rows (see the module docstring)."""

    def __init__(self, path: Path, *, size: tuple, bands: int, data_type: int, transform: Sequence[float],
                 crs: str, nodata: float, palette: list | None = None, names: list | None = None,
                 descriptions: list | None = None, metadata: dict | None = None):
        self.path, self.tmp = Path(path), temporary_name(path, "part.tif")
        self.transform, self.palette, self.names = tuple(transform), palette, names
        self.metadata = {str(k): str(v) for k, v in (metadata or {}).items()}
        self.digests = [hashlib.sha256() for _ in range(bands)]
        self.problems: list = []
        cols, rows = size
        self.rows, self.block_rows = rows, block_rows(bands, cols, data_type, rows)
        # Rows wait here until a whole row of blocks (every band's) can be written: each block
        # is then compressed and written once (see block_rows).
        self.pending = np.empty((bands, self.block_rows, cols), NUMPY_TYPES[data_type])
        self.pending_row0, self.filled = 0, 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.dataset = self._guarded(self._create, size, bands, data_type, crs, nodata, descriptions)

    def _guarded(self, action, *args):
        """Run a GDAL action with its messages kept (a full disk says so there), never raising."""
        gdal.PushErrorHandler(lambda _class, _number, message: self.problems.append(message.strip()))
        try:
            return action(*args)
        except (RuntimeError, OSError) as exc:
            self.problems.append(str(exc).strip())
            return None
        finally:
            gdal.PopErrorHandler()

    def _create(self, size, bands, data_type, crs, nodata, descriptions):
        cols, rows = size
        options = ["COMPRESS=DEFLATE", "TILED=YES", f"BLOCKXSIZE={BLOCK_WIDTH}",
                   f"BLOCKYSIZE={self.block_rows}",
                   # A block per band: a band's rows never make another band's block be rewritten.
                   "INTERLEAVE=BAND",
                   # Past 4 GB only a BigTIFF can go on; DEFLATE hides the size from IF_NEEDED.
                   "BIGTIFF=IF_SAFER"]
        out = gdal.GetDriverByName("GTiff").Create(str(self.tmp), cols, rows, bands, data_type,
                                                   options=options)
        out.SetGeoTransform(self.transform)
        out.SetMetadata(self.metadata)
        if crs:
            out.SetProjection(crs)
        for k in range(bands):
            band = out.GetRasterBand(k + 1)
            band.SetNoDataValue(nodata)
            if descriptions:
                band.SetDescription(descriptions[k])
        if self.palette:
            _set_palette(out.GetRasterBand(1), self.palette, self.names)
        return out

    def write_rows(self, row0: int, layers: list) -> None:
        """``layers``: one (n, cols) array per band, the rows from ``row0`` on; rows come in
        order, each once."""
        if self.dataset is None:
            return
        if row0 != self.pending_row0 + self.filled:
            due = self.pending_row0 + self.filled
            raise ValueError(f"rows must come in order: row {row0} given, row {due} due")
        for k, layer in enumerate(layers):
            self.digests[k].update(np.ascontiguousarray(layer).tobytes())
        done, count = 0, layers[0].shape[0]
        while done < count:
            n = min(count - done, self.block_rows - self.filled)
            for k, layer in enumerate(layers):
                self.pending[k, self.filled:self.filled + n] = layer[done:done + n]
            done, self.filled = done + n, self.filled + n
            if self.filled == self.block_rows or self.pending_row0 + self.filled == self.rows:
                self._write_pending()
                if self.dataset is None:  # it failed: the rest has nowhere to go
                    return

    def _write_pending(self) -> None:
        """Write the rows waiting (a row of blocks, or the last rows), band by band."""
        for k in range(self.pending.shape[0]):
            if self.dataset is None:
                return
            self._guarded(self.dataset.GetRasterBand(k + 1).WriteArray, self.pending[k, :self.filled], 0,
                          self.pending_row0)
            if self.problems:  # a full disk: stop here, the caller ends the run (see failed)
                self._guarded(self._drop_dataset)
                return
        self.pending_row0, self.filled = self.pending_row0 + self.filled, 0

    @property
    def failed(self) -> bool:
        """Whether writing has failed already (:meth:`close` then says why)."""
        return bool(self.problems)

    def close(self) -> Path:
        """Close, read back and check; the temporary path of a good file, else a UserError
        (the temporary file removed)."""
        if self.filled and self.dataset is not None:
            self.problems.append(f"only {self.pending_row0 + self.filled} of its {self.rows} rows were given")
        if self.dataset is not None:
            self._guarded(self.dataset.FlushCache)
        self._guarded(self._drop_dataset)  # closing writes the .aux.xml sidecar: its errors are kept
        # Read back even after an error: what did not reach the file explains it best.
        problem = self._guarded(self._differs) if self.tmp.exists() else None
        if self.problems or problem:
            self.abort()
            # GDAL names the temporary file; the user knows the output by its own name.
            # Each message once, and the first few: a full disk fails every block after it.
            said = dict.fromkeys([problem] if problem else [])
            said.update(dict.fromkeys(m.replace(str(self.tmp), str(self.path)) for m in self.problems))
            text = "; ".join(list(said)[:MESSAGES_SAID])
            raise UserError(write_failure(self.path, text))
        return self.tmp

    def set_metadata(self, metadata: dict) -> None:
        """What made the file, known only at the end of the run (GDAL metadata items)."""
        self.metadata = {str(k): str(v) for k, v in metadata.items()}
        if self.dataset is not None:
            self._guarded(self.dataset.SetMetadata, self.metadata)

    def _drop_dataset(self) -> None:
        """Close the dataset, which writes what GDAL still holds; its errors go to the handler
        of :meth:`_guarded`. Never with GDAL's exceptions on: the error of a closing dataset is
        raised in its destructor, where no caller can catch it, and Python prints it as an
        "Exception ignored" traceback."""
        raising = gdal.GetUseExceptions(), osr.GetUseExceptions()
        # GDAL keeps the modules' error handlers on a stack: off and on again in that order.
        if raising[1]:
            osr.DontUseExceptions()
        if raising[0]:
            gdal.DontUseExceptions()
        try:
            self.dataset = None
        finally:
            if raising[0]:
                gdal.UseExceptions()
            if raising[1]:
                osr.UseExceptions()

    def abort(self) -> None:
        self._guarded(self._drop_dataset)
        self.pending = None
        remove_with_sidecar(self.tmp)

    def _differs(self) -> str | None:
        """Why the written file is not what was meant, or None when it is."""
        written = gdal.Open(str(self.tmp))
        if written is None or written.RasterCount != len(self.digests):
            return "the written file cannot be read back"
        # Also loads the .aux.xml sidecar: GDAL 3.6's GeoTIFF driver reads it only on such a call.
        if written.GetGeoTransform() != self.transform:
            return "the georeferencing was not saved"
        for k, expected in enumerate(self.digests):
            band, digest = written.GetRasterBand(k + 1), hashlib.sha256()
            for row0 in range(0, written.RasterYSize, CHECK_ROWS):
                rows = min(CHECK_ROWS, written.RasterYSize - row0)
                block = band.ReadAsArray(0, row0, written.RasterXSize, rows)
                digest.update(np.ascontiguousarray(block).tobytes())
            if digest.digest() != expected.digest():
                return f"band {k + 1} reads back differently"
        band = written.GetRasterBand(1)
        if self.names and band.GetCategoryNames() != category_names(self.names):
            return "the class names (in the .aux.xml sidecar) were not saved"
        if self.palette and band.GetColorTable() is None:
            return "the colour table was not saved"
        if any(written.GetMetadataItem(key) != value for key, value in self.metadata.items()):
            return "the record of what made the file (GDAL metadata) was not saved"
        return None


def _set_palette(band: gdal.Band, palette: list, names: list) -> None:
    table = gdal.ColorTable()
    for index, colour in enumerate(palette):
        table.SetColorEntry(index, (*tuple(int(v) for v in colour), 255))
    table.SetColorEntry(CLASS_NODATA, (0, 0, 0, 0))
    band.SetRasterColorTable(table)
    band.SetRasterColorInterpretation(gdal.GCI_PaletteIndex)
    band.SetCategoryNames(category_names(names))


def category_names(names: list) -> list:
    """The class names as GDAL stores them: one per value, "no data" at the nodata value."""
    return list(names) + [""] * (CLASS_NODATA - len(names)) + ["no data"]


def remove_with_sidecar(path: Path) -> None:
    Path(path).unlink(missing_ok=True)
    Path(f"{path}.aux.xml").unlink(missing_ok=True)


def move_into_place(tmp: Path, final: Path) -> None:
    """Rename a finished GeoTIFF over ``final``, with its .aux.xml sidecar (class names live
    there: GeoTIFF has no place for them), and drop a stale sidecar of an earlier run."""
    sidecar = Path(f"{tmp}.aux.xml")
    if sidecar.exists():
        sidecar.replace(f"{final}.aux.xml")
    else:
        Path(f"{final}.aux.xml").unlink(missing_ok=True)
    tmp.replace(final)
