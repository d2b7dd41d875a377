"""Similarity search: how much each cell of an embedding field looks like a few given places.

The score of a cell x, with μ the field's mean vector (``EmbeddingField.mean``):

- positives only: ``cos(x − μ, p)``, p the mean direction of the positives' centred vectors
  (each scaled to length 1 first, so that no one point outweighs the rest);
- with negatives: ``(cos(x − μ, p) − cos(x − μ, n)) / 2``, n the negatives' mean direction.

Both lie in [−1, 1]: 1 where a cell points exactly as the positives do (and away from the
negatives), 0 where it is no more like them than the average cell of the scene (or equally like
positives and negatives). The layer is drawn from 0 to 1: what matters is where it is high.
Centring is what makes the score mean anything: the encoder's features share a large common
part, and the raw cosines of a scene's cells all lie near 1.

Cells without data, and cells whose centred vector is zero, are NaN (nodata) in the output.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np
from osgeo import gdal

from .embedding_field import EmbeddingField, read_points, restart
from .errors import UserError
from .map_writer import GeoTiffWriter, move_into_place
from .progress import NullProgress, Progress

if TYPE_CHECKING:
    from .raster import ClassifyRequest

log = logging.getLogger(__name__)

#: The output's one band, as ``gdalinfo`` and QGIS's legend name it.
BAND_NAME = "similarity (cosine of centred embeddings, -1 to 1)"


@dataclass
class Query:
    """Unit directions (D,) float32 of the positives and (or None) of the negatives, and the
    field's (D,) mean they are centred on."""

    positive: np.ndarray
    negative: np.ndarray | None
    centre: np.ndarray

    def scores(self, cells: np.ndarray) -> np.ndarray:
        """(…, D) cells → (…) float32 scores in [−1, 1]; NaN where a cell has no data.

        The cells are never centred in memory (a whole scene's strips would be copied): with
        c = x − μ, c·p = x·p − μ·p and |c|² = |x|² − 2 x·μ + |μ|², so one product of the cells
        with (p, μ[, n]) and their squared lengths give it all (2.2 → 0.9 s on a whole scene)."""
        flat = cells.reshape(-1, cells.shape[-1])
        directions = [self.positive, self.centre] + ([self.negative] if self.negative is not None else [])
        dots = (flat @ np.stack(directions, axis=1)).astype(np.float64)
        centre = self.centre.astype(np.float64)
        squared = np.einsum("ij,ij->i", flat, flat) - 2 * dots[:, 1] + centre @ centre
        with np.errstate(invalid="ignore", divide="ignore"):
            norms = np.sqrt(np.maximum(squared, 0))
            score = (dots[:, 0] - centre @ self.positive) / norms
            if self.negative is not None:
                score = (score - (dots[:, 2] - centre @ self.negative) / norms) / 2
        score[~(norms > 1e-6 * np.sqrt(centre @ centre + 1))] = np.nan  # no data (NaN) and the mean itself
        return np.clip(score, -1, 1).astype(np.float32).reshape(cells.shape[:-1])


def direction(vectors: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """(D,) unit mean direction of (n, D) ``vectors`` centred on ``centre``, each of length 1 first."""
    centred = vectors - centre
    lengths = np.linalg.norm(centred, axis=1, keepdims=True)
    mean = (centred / np.where(lengths > 0, lengths, 1)).mean(axis=0)
    size = np.linalg.norm(mean)
    if not size > 0:
        raise UserError("the points' embeddings cancel out (they point in opposite directions): give points "
                        "of one kind of place")
    return (mean / size).astype(np.float32)


def vectors_of_points(field: EmbeddingField, x: np.ndarray, y: np.ndarray, what: str) -> np.ndarray:
    """(n, D) the cells under the points with data; the others are counted and said, and none at
    all is refused."""
    rows, cols = field.cells_at(x, y)
    vectors = field.vectors_at(rows, cols)
    usable = np.isfinite(vectors).all(axis=1)
    outside, empty = int((rows < 0).sum()), int(((rows >= 0) & ~usable).sum())
    if outside or empty:
        log.warning(f"{what}: {outside} of {len(x)} outside the field and {empty} on cells without data "
                    "(fill, masked, cloud) were left out")
    if not usable.any():
        raise UserError(f"none of the {len(x)} {what} lies on a cell of {field.name} with data; give points "
                        "on the scene, away from fill and clouds")
    return vectors[usable]


def query_from_points(field: EmbeddingField, positives: str, negatives: str | None = None) -> Query:
    """The query of the point layers ``positives`` and ``negatives`` (files, any CRS)."""
    centre = field.mean().astype(np.float32)
    px, py = read_points(positives, field.crs, "the positive points")
    if not len(px):
        raise UserError(f"the positive points {positives} hold no point; give at least one")
    positive = direction(vectors_of_points(field, px, py, "positive points"), centre)
    negative = None
    if negatives:
        nx, ny = read_points(negatives, field.crs, "the negative points")
        if len(nx):
            negative = direction(vectors_of_points(field, nx, ny, "negative points"), centre)
    return Query(positive, negative, centre)


def query_from_vectors(field: EmbeddingField, positives: np.ndarray, negatives: np.ndarray | None) -> Query:
    """The query of (n, D) positive and (m, D) negative cells (clicks on the map)."""
    centre = field.mean().astype(np.float32)
    negative = direction(negatives, centre) if negatives is not None and len(negatives) else None
    return Query(direction(positives, centre), negative, centre)


def write_similarity(field: EmbeddingField, query: Query, out: str | Path,
                     progress: Progress | None = None) -> Path:
    """The float32 similarity GeoTIFF of the whole field, written strip by strip (memory: one
    strip of cells), checked and renamed into place; a cancel leaves nothing."""
    progress = progress or NullProgress()
    restart(progress, field.rows)
    writer = GeoTiffWriter(Path(out), size=(field.cols, field.rows), bands=1, data_type=gdal.GDT_Float32,
                           transform=field.transform, crs=field.crs, nodata=float("nan"),
                           descriptions=[BAND_NAME])
    try:
        for row0, cells in field.strips():
            progress.check()
            writer.write_rows(row0, [query.scores(cells)])
            progress.update(len(cells))
        writer.set_metadata(record(field, query))
        move_into_place(writer.close(), Path(out))
    except BaseException:
        writer.abort()
        raise
    return Path(out)


def record(field: EmbeddingField, query: Query) -> dict:
    """What made a similarity raster: the field's own record, and the score's definition."""
    wanted = ("MODEL", "INPUT", "STRIDE", "RESOLUTION", "CELL_PX", "ACQUISITION")
    kept = {k: v for k, v in field.provenance.items() if k.startswith(wanted)}
    score = "cos(x - mean, p)" if query.negative is None else "(cos(x - mean, p) - cos(x - mean, n)) / 2"
    return {**kept, "SCORE": score, "SCORE_RANGE": "-1 to 1", "EMBEDDINGS": field.name}


def window_of(field: EmbeddingField, extent: tuple) -> tuple[int, int, int, int] | None:
    """(row0, row1, col0, col1) of the cells that a map extent (xmin, ymin, xmax, ymax, in the
    field's CRS) touches, clipped to the field; None when it misses the field."""
    xmin, ymin, xmax, ymax = extent
    inverse = gdal.InvGeoTransform(field.transform)
    col, row = (np.asarray(v) for v in zip(*[gdal.ApplyGeoTransform(inverse, x, y)
                                              for x, y in ((xmin, ymin), (xmax, ymin), (xmin, ymax),
                                                           (xmax, ymax))]))
    row0, row1 = max(0, int(np.floor(row.min()))), min(field.rows, int(np.ceil(row.max())))
    col0, col1 = max(0, int(np.floor(col.min()))), min(field.cols, int(np.ceil(col.max())))
    return (row0, row1, col0, col1) if row0 < row1 and col0 < col1 else None


def write_view(field: EmbeddingField, extent: tuple, out: str | Path,
               values: Callable[[np.ndarray], np.ndarray]) -> Path | None:
    """A small GeoTIFF of ``values(cells)`` ((r, c, D) → (r, c) float32, or uint8 classes) over the
    cells of ``extent`` (the visible map, in the field's CRS); None when it misses the field.
    For the click-to-map panel: one window read, no strips."""
    window = window_of(field, extent)
    if window is None:
        return None
    row0, row1, col0, col1 = window
    image = values(field.read_window(row0, row1, col0, col1))
    kind = gdal.GDT_Byte if image.dtype == np.uint8 else gdal.GDT_Float32
    driver = gdal.GetDriverByName("GTiff")
    dataset = driver.Create(str(out), col1 - col0, row1 - row0, 1, kind)
    dataset.SetGeoTransform(field.window_transform(row0, col0))
    if field.crs:
        dataset.SetProjection(field.crs)
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(255 if kind == gdal.GDT_Byte else float("nan"))
    band.WriteArray(image)
    dataset = None
    return Path(out)


def similarity_map(scene: str, request: ClassifyRequest | None, positives: str, negatives: str | None,
                   out: str | Path, progress: Progress | None = None) -> Path:
    """``similarity``: the field of ``scene`` (``backend.embedding_cache.open_checked_field``;
    ``request`` a ``ClassifyRequest`` for a scene, None for an embedding raster), scored against
    the point layers and written to ``out``."""
    from .embedding_cache import open_checked_field

    field = open_checked_field(scene, request, [("the similarity map", out, (".tif", ".tiff"))],
                               [("the positive points", positives.split("|")[0]),
                                ("the negative points", (negatives or "").split("|")[0])], progress)
    try:
        return write_similarity(field, query_from_points(field, positives, negatives), out, progress)
    finally:
        field.close()


def query_from_clicks(field: EmbeddingField, positives: list, negatives: list) -> Query:
    """The query of map points (x, y) in the field's CRS (clicks on the map): those off the field
    or on cells without data are left out; refused when no positive one is left."""
    def usable(points: list) -> np.ndarray:
        if not points:
            return np.zeros((0, field.dim), np.float32)
        xy = np.asarray(points, float)
        vectors = field.vectors_at(*field.cells_at(xy[:, 0], xy[:, 1]))
        return vectors[np.isfinite(vectors).all(axis=1)]

    kept = usable(positives)
    if not len(kept):
        raise UserError("click a place on the scene, away from no data: nothing to compare with yet")
    return query_from_vectors(field, kept, usable(negatives))
