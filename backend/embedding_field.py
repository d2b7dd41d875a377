"""Embedding fields: a D-vector per map cell, read a strip or a window at a time.

Two kinds hold one, and both read the same way (:class:`EmbeddingField`):

- :class:`GeoTiffField`: a float32 GeoTIFF of D bands written by ``embed`` (``moemae:embed``),
  known by the record it carries (``PROBE`` = ``none: embeddings``), so that a scene embedded once
  is never encoded again;
- :class:`ArrayField`: a field in the embedding cache (``backend.embedding_cache``): raw float32
  cells in row order, each cell's D values together, read with ``pread`` into a buffer (never
  mapped: mapped pages count in the process's memory, and a whole scene's field is 2.2 GB).

Cells without data are NaN in every value. Shapes: a strip or window is (rows, cols, D) float32.
The similarity and the clusters centre the vectors on the field's mean (:meth:`EmbeddingField.mean`):
the encoder's features share a large common part, so raw cosines of a scene's cells all lie near 1.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from osgeo import gdal, ogr, osr

from . import geo
from .errors import UserError

#: What ``embed`` records as the probe of an embedding raster (``backend.raster.provenance``).
EMBEDDINGS_PROBE = "none: embeddings"
#: Bytes of cells one strip holds: a whole scene's 1,925 columns × 144 values give 113 rows.
STRIP_BYTES = 128 << 20


class EmbeddingField:
    """A grid of ``rows`` × ``cols`` cells of ``dim`` float32 values, on the map by ``transform``
    (GDAL's geotransform) in ``crs`` (WKT, may be empty). Subclasses read the cells."""

    rows: int
    cols: int
    dim: int
    transform: tuple
    crs: str
    name: str
    provenance: dict
    _mean: np.ndarray | None = None

    def read_window(self, row0: int, row1: int, col0: int, col1: int) -> np.ndarray:
        """(row1 − row0, col1 − col0, D) float32 cells; NaN where a cell has no data."""
        raise NotImplementedError

    def strip_rows(self) -> int:
        """Rows of a strip of :data:`STRIP_BYTES`, at least one."""
        return max(1, STRIP_BYTES // (self.cols * self.dim * 4))

    def strips(self, rows: int | None = None) -> Iterator[tuple[int, np.ndarray]]:
        """(first row, (n, cols, D) cells) of the whole field, top to bottom."""
        step = rows or self.strip_rows()
        for row0 in range(0, self.rows, step):
            yield row0, self.read_window(row0, min(self.rows, row0 + step), 0, self.cols)

    def mean(self) -> np.ndarray:
        """(D,) float64 mean of the cells with data: one pass over the field, then kept."""
        if self._mean is None:
            total, count = np.zeros(self.dim), 0
            for _, cells in self.strips():
                flat = cells.reshape(-1, self.dim)
                valid = flat[np.isfinite(flat).all(axis=1)]
                total += valid.sum(axis=0, dtype=np.float64)
                count += len(valid)
            if not count:
                raise UserError(f"{self.name} holds no cell with data: every cell is no data")
            self._mean = total / count
        return self._mean

    def cells_at(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(rows, cols) int of the cells under map points ``x``, ``y`` (in the field's CRS); −1 for
        both where a point lies outside the field."""
        inverse = gdal.InvGeoTransform(self.transform)
        col, row = geo.pixel_to_map(inverse, np.asarray(x, float), np.asarray(y, float))
        col, row = np.floor(col).astype(np.int64), np.floor(row).astype(np.int64)
        inside = (col >= 0) & (col < self.cols) & (row >= 0) & (row < self.rows)
        return np.where(inside, row, -1), np.where(inside, col, -1)

    def vectors_at(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """(n, D) float32 cells at (rows, cols); NaN for −1 (outside) and cells without data."""
        out = np.full((len(rows), self.dim), np.nan, np.float32)
        for k, (row, col) in enumerate(zip(rows, cols)):
            if row >= 0:
                out[k] = self.read_window(int(row), int(row) + 1, int(col), int(col) + 1)[0, 0]
        return out

    def window_transform(self, row0: int, col0: int) -> tuple:
        """The geotransform of a window whose top-left cell is (row0, col0)."""
        x, y = geo.pixel_to_map(self.transform, col0, row0)
        t = self.transform
        return (float(x), t[1], t[2], float(y), t[4], t[5])

    def close(self) -> None:
        """Let go of the file."""


class GeoTiffField(EmbeddingField):
    """An embedding raster written by ``embed`` (a float32 GeoTIFF of D bands)."""

    def __init__(self, path: str | Path):
        self.path, self.name = str(path), Path(path).name
        with geo.gdal_exceptions():
            self.dataset = gdal.Open(self.path)
        self.rows, self.cols = self.dataset.RasterYSize, self.dataset.RasterXSize
        self.dim, self.crs = self.dataset.RasterCount, self.dataset.GetProjection()
        self.transform = geo.raster_transform(self.dataset)[0]
        self.provenance = self.dataset.GetMetadata() or {}

    def read_window(self, row0: int, row1: int, col0: int, col1: int) -> np.ndarray:
        with geo.gdal_exceptions():
            cells = self.dataset.ReadAsArray(col0, row0, col1 - col0, row1 - row0)
        return np.ascontiguousarray(np.asarray(cells, np.float32).reshape(
            self.dim, row1 - row0, col1 - col0).transpose(1, 2, 0))

    def close(self) -> None:
        self.dataset = None


class ArrayField(EmbeddingField):
    """Raw float32 cells in a file, (rows, cols, D) in C order (``backend.embedding_cache``)."""

    def __init__(self, path: str | Path, shape: tuple, transform: tuple, crs: str, name: str,
                 provenance: dict, mean: np.ndarray | None = None):
        self.path, self.name, self.provenance = Path(path), name, dict(provenance)
        self.rows, self.cols, self.dim = (int(v) for v in shape)
        self.transform, self.crs = tuple(transform), crs
        self._mean = None if mean is None else np.asarray(mean, np.float64)
        self.fd = os.open(self.path, os.O_RDONLY)

    def read_window(self, row0: int, row1: int, col0: int, col1: int) -> np.ndarray:
        out = np.empty((row1 - row0, col1 - col0, self.dim), np.float32)
        row_bytes, cell_bytes = self.cols * self.dim * 4, self.dim * 4
        whole = col0 == 0 and col1 == self.cols
        for k, row in enumerate(range(row0, row1) if not whole else [row0]):
            row_view = out if whole else out[k]  # contiguous: preadv fills it in place
            target = memoryview(row_view).cast("B")  # type: ignore[arg-type]
            wanted = len(target)
            got = os.preadv(self.fd, [target], row * row_bytes + col0 * cell_bytes)
            if got != wanted:
                raise UserError(f"the cached embedding field {self.path} is shorter than its record says; it "
                                "will be rebuilt on the next run")
        return out

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def is_embedding_raster(path: str | Path) -> bool:
    """Whether ``path`` is a GeoTIFF that ``embed`` wrote (its record says so), not a scene."""
    if not str(path).lower().endswith((".tif", ".tiff")) or not Path(path).is_file():
        return False
    try:
        with geo.gdal_exceptions():
            dataset = gdal.Open(str(path))
            return (dataset.GetMetadataItem("PROBE") == EMBEDDINGS_PROBE
                    and dataset.GetRasterBand(1).DataType == gdal.GDT_Float32)
    except RuntimeError:
        return False


@geo.with_gdal_exceptions
def read_points(path: str | Path, crs_wkt: str, what: str = "the points") -> tuple[np.ndarray, np.ndarray]:
    """(x, y) (n,) of the points of the first layer of ``path`` (or ``path|layername=NAME``),
    any OGR format and CRS, reprojected to ``crs_wkt`` (a layer without a CRS is taken to be in
    it); multipoints give each of their points. Refused, saying what to give, when it holds none."""
    path, _, options = str(path).partition("|")
    name = options.partition("layername=")[2].split("|")[0] if "layername=" in options else None
    if not Path(path).exists():
        raise UserError(f"{what} {path} do not exist; give a point layer (GeoPackage, Shapefile, GeoJSON)")
    try:
        source = ogr.Open(path)
    except RuntimeError as exc:
        raise UserError(f"{what} {path} cannot be read as a vector layer ({exc}); give a GeoPackage, "
                        "Shapefile or GeoJSON of points") from None
    layer = None if source is None else (source.GetLayerByName(name) if name else source.GetLayer(0))
    if layer is None:
        raise UserError(f"{what} {path} hold no layer{f' {name!r}' if name else ''}; give a point layer")
    transform = _transform(layer.GetSpatialRef(), crs_wkt)
    xs, ys = [], []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        kind = ogr.GT_Flatten(geometry.GetGeometryType())
        if kind not in (ogr.wkbPoint, ogr.wkbMultiPoint):
            raise UserError(f"feature {feature.GetFID()} of {what} {Path(path).name} is a "
                            f"{geometry.GetGeometryName().lower()}, not a point; give a point layer")
        geometry = geometry.Clone()
        if transform is not None:
            geometry.Transform(transform)
        parts = [geometry] if kind == ogr.wkbPoint else [geometry.GetGeometryRef(i)
                                                         for i in range(geometry.GetGeometryCount())]
        xs += [p.GetX() for p in parts]
        ys += [p.GetY() for p in parts]
    return np.asarray(xs, np.float64), np.asarray(ys, np.float64)


def _transform(layer_srs: osr.SpatialReference | None, crs_wkt: str) -> osr.CoordinateTransformation | None:
    if layer_srs is None or not crs_wkt:
        return None
    target = osr.SpatialReference(wkt=crs_wkt)
    for srs in (layer_srs, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return None if layer_srs.IsSame(target) else osr.CoordinateTransformation(layer_srs, target)


def restart(progress: Any, total: int) -> None:
    """Count a new phase from 0 of ``total`` on the same progress (its bar and its Cancel), after
    the embedding phase filled it."""
    progress.total = total
    if hasattr(progress, "count"):
        progress.count = 0
